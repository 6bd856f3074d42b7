import Foundation
import Logging
import SMMCore

/// Yandex Metrica Reporting API (connectors.md §7): sessions per day and traffic source with
/// UTM medium, campaign and content → web_sessions.csv. Mapping: docs/connectors/metrica.md.
package struct MetricaConnector: Connector {
    package let source = SourceKind.metrica
    let client: APIClient
    let baseURL: String
    let token: String
    let counter: String
    let goal: String?
    /// Rows per page (the API allows up to 100 000; tests use small pages).
    let pageSize: Int

    static let dimensions = ["ym:s:date", "ym:s:lastsignTrafficSource", "ym:s:lastsignSocialNetwork",
                             "ym:s:lastsignUTMSource", "ym:s:lastsignUTMMedium", "ym:s:lastsignUTMCampaign",
                             "ym:s:lastsignUTMContent"]

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        token = try config.require("token")
        counter = try config.require("counter")
        goal = config.optional("goal")
        pageSize = max(try config.integer("page_size", default: 10000), 1)
    }

    var metrics: [String] {
        ["ym:s:visits", "ym:s:users", "ym:s:pageviews", "ym:s:bounceRate", "ym:s:avgVisitDurationSeconds"]
            + (goal.map { ["ym:s:goal\($0)reaches"] } ?? [])
    }

    /// Errors: `{"errors": [{"error_type", "message"}], "code", "message"}` (§7 table).
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        let json = r.json
        if r.status == 200 {
            guard let json, json.isObject, json["data"].array != nil else {
                return .fatal(.malformed(source: .metrica, method: method, detail: "no \"data\" array"))
            }
            return .success(json)
        }
        let type = json?["errors"][0]["error_type"].string ?? ""
        let message = "Metrica HTTP \(r.status) \(type): \(json?["errors"][0]["message"].string ?? json?["message"].string ?? "")"
        switch (r.status, type) {
        case (_, "quota_requests_by_uid"), (_, "quota_requests_by_counter_id"): return .quota(message)
        case (429, _): return .retry(after: r.retryAfter ?? .seconds(1), reason: message)
        case (500...599, _): return .retry(after: r.retryAfter, reason: message)
        case (401, _), (_, "invalid_token"): return .fatal(.tokenExpired(source: .metrica, detail: message))
        case (403, _): return .fatal(.noAccess(source: .metrica, detail: message))
        default: return .fatal(.rejected(source: .metrica, method: method, detail: message))
        }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        var rows = BundleRows()
        rows.declare(.webSessions, ["medium", "campaign", "content", "users", "pageviews", "bounces", "duration_seconds"]
            + (goal == nil ? [] : ["goal_completions"]))
        var byKey = WebSessionSums()
        var offset = 1
        var partial: String?
        do {
            while true {
                let url = APIRequest.url(baseURL, "stat/v1/data", query: [
                    ("ids", counter), ("metrics", metrics.joined(separator: ",")),
                    ("dimensions", Self.dimensions.joined(separator: ",")),
                    ("date1", request.window.lowerBound.description), ("date2", request.window.upperBound.description),
                    ("accuracy", "full"), ("limit", "\(pageSize)"), ("offset", "\(offset)"), ("lang", "en"),
                ])
                let r = APIRequest(.GET, url: url, headers: [("Authorization", "OAuth \(token)")], label: "stat/v1/data")
                guard let page = try await client.call(r, logger: logger, classify: { Self.classify($0, method: "stat/v1/data") })
                else { break }
                let data = page["data"].items
                for row in data { try add(row, into: &byKey) }
                offset += pageSize
                guard !data.isEmpty, let total = page["total_rows"].int, offset <= total else { break }
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        rows.webSessions = byKey.sorted
        return FetchResult(rows: rows, request: request, partial: partial)
    }

    /// One report row: positional metrics (floats), dimensions by id or name. Rows that share a
    /// bundle key (several social networks without UTM source, say) are summed.
    func add(_ row: LooseJSON, into byKey: inout WebSessionSums) throws {
        let d = row["dimensions"], m = row["metrics"]
        func name(_ i: Int) -> String? {
            let v = d[i]["name"].string?.trimmingCharacters(in: .whitespaces)
            return v?.isEmpty == false ? v : nil
        }
        guard let dateText = name(0), let date = LocalDate(iso: dateText), let visits = m[0].double else {
            throw ConnectorError.malformed(source: .metrica, method: "stat/v1/data", detail: "a row without date or visits")
        }
        let source = Self.source(utm: name(3), social: d[2]["id"].string ?? name(2), traffic: d[1]["id"].string ?? name(1))
        let s = WebSession(date: date, source: source, medium: name(4), campaign: name(5), content: name(6),
                           sessions: Int64(visits.rounded()), users: m[1].double.map { Int64($0.rounded()) },
                           pageviews: m[2].double.map { Int64($0.rounded()) },
                           bounces: m[3].double.map { Int64((visits * $0 / 100).rounded()) },
                           goalCompletions: goal == nil ? nil : m[5].double.map { Int64($0.rounded()) },
                           durationSeconds: m[4].double.map { Int64((visits * $0).rounded()) })
        byKey.add(s)
    }

    /// The bundle's source word: the UTM source when tagged (network spellings folded to
    /// codes), else the social network of social traffic, else Metrica's traffic-source id.
    static func source(utm: String?, social: String?, traffic: String?) -> Source {
        if let utm { return Source(SourceWords.networkCode(utm) ?? utm.lowercased()) }
        if traffic == "social", let social, let n = SourceWords.networkCode(social) { return Source(n) }
        if traffic == "social", social != nil { return Source("other") }
        return Source(traffic ?? "undefined")
    }
}
