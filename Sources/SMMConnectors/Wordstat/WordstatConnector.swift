import Foundation
import Logging
import SMMCore

/// Yandex Wordstat API (connectors.md §13): monthly search volume of the brand phrases
/// (`/v1/dynamics`, `period=monthly`) → brand_searches.csv. Mapping: docs/connectors/wordstat.md.
package struct WordstatConnector: Connector {
    package let source = SourceKind.wordstat
    let client: APIClient
    let baseURL: String
    let token: String
    let phrases: [String]
    let regions: [Int]

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        token = try config.require("token")
        phrases = try config.require("phrases").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        regions = try (config.optional("regions") ?? "").split(separator: ",").map { part in
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ConnectorError.badParameter(source: .wordstat, name: "regions", detail: "“\(part)” is not a region id (213 Moscow, 225 Russia)")
            }
            return n
        }
    }

    /// 429 "Quota limit exceeded, try again later. Time to refill: N seconds" waits N (a wait over
    /// the retry cap means the daily part is spent: quota); 503 is the global quota: backoff.
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        let text = String(decoding: r.body, as: UTF8.self)
        if r.status == 200 {
            guard let json = r.json, json["dynamics"].array != nil else {
                return .fatal(.malformed(source: .wordstat, method: method, detail: "no \"dynamics\" list"))
            }
            return .success(json)
        }
        let message = "Wordstat HTTP \(r.status): \(r.json?["message"].string ?? r.json?["error"].string ?? text.prefix(200).description)"
        switch r.status {
        case 429:
            guard let range = text.range(of: "Time to refill: "),
                  let n = Int(text[range.upperBound...].prefix { $0.isNumber }) else { return .retry(after: nil, reason: message) }
            return n > 300 ? .quota(message) : .retry(after: .seconds(n), reason: message)
        case 500...599: return .retry(after: r.retryAfter, reason: message)
        case 401: return .fatal(.tokenExpired(source: .wordstat, detail: message))
        case 403: return .fatal(.noAccess(source: .wordstat, detail: message))
        default: return .fatal(.rejected(source: .wordstat, method: method, detail: message))
        }
    }

    /// Complete months only: from the month of the window's start to the month before the one
    /// of the run (at least that last complete month).
    static func months(window: ClosedRange<LocalDate>, today: LocalDate) -> ClosedRange<LocalDate> {
        let thisMonth = LocalDate(year: today.year, month: today.month, day: 1)!
        let lastComplete = thisMonth.adding(days: -1)
        let lastStart = LocalDate(year: lastComplete.year, month: lastComplete.month, day: 1)!
        var from = LocalDate(year: window.lowerBound.year, month: window.lowerBound.month, day: 1)!
        if from > lastStart { from = lastStart }
        return from...lastComplete
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        var rows = BundleRows()
        rows.declare(.brandSearches, [])
        let months = Self.months(window: request.window, today: ZoneClock(timeZone: request.timeZone).localDate(of: request.now))
        var partial: String?
        do {
            for phrase in phrases {
                var body: [String: Any] = ["phrase": phrase, "period": "monthly", "devices": ["all"],
                                           "fromDate": months.lowerBound.description, "toDate": months.upperBound.description]
                if !regions.isEmpty { body["regions"] = regions }
                let r = APIRequest(.POST, url: APIRequest.url(baseURL, "v1/dynamics", query: []),
                                   headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json; charset=utf-8")],
                                   body: try JSONSerialization.data(withJSONObject: body), label: "v1/dynamics")
                guard let answer = try await client.call(r, logger: logger, classify: { Self.classify($0, method: "v1/dynamics") })
                else { continue }
                for point in answer["dynamics"].items {
                    guard let date = point["date"].string.flatMap({ LocalDate(iso: $0) }), let count = point["count"].int else {
                        throw ConnectorError.malformed(source: .wordstat, method: "v1/dynamics", detail: "a point without date or count")
                    }
                    guard months.contains(date) else { continue }
                    rows.brandSearches.append(BrandSearch(month: LocalDate(year: date.year, month: date.month, day: 1)!,
                                                          query: phrase, count: count))
                }
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }
}
