import Foundation
import Logging
import SMMCore

/// Google Analytics 4 Data API (connectors.md §9): an access token from a refresh token, then
/// `runReport` by day, session source, medium, campaign and ad content → web_sessions.csv.
/// Mapping: docs/connectors/ga4.md.
package struct GA4Connector: Connector {
    package let source = SourceKind.ga4
    let client: APIClient
    let baseURL: String
    let tokenURL: String
    let property: String
    let clientID: String
    let clientSecret: String
    let refreshToken: String
    let pageSize: Int

    static let dimensions = ["date", "sessionSource", "sessionMedium", "sessionCampaignName", "sessionManualAdContent"]

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        let t = config.settings["token_url"]?.trimmingCharacters(in: .whitespaces) ?? ""
        tokenURL = t.isEmpty ? "https://oauth2.googleapis.com/token" : t
        property = try config.require("property")
        clientID = try config.require("client_id")
        clientSecret = try config.require("client_secret")
        refreshToken = try config.require("refresh_token")
        pageSize = max(try config.integer("page_size", default: 10000), 1)
    }

    /// Google RPC errors `{"error": {"code", "message", "status"}}`; the token endpoint answers
    /// `{"error": "invalid_grant", "error_description"}`.
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        let json = r.json
        if r.status == 200 {
            guard let json, json.isObject else {
                return .fatal(.malformed(source: .ga4, method: method, detail: "the body is not a JSON object"))
            }
            return .success(json)
        }
        let status = json?["error"]["status"].string ?? json?["error"].string ?? ""
        let text = json?["error"]["message"].string ?? json?["error_description"].string ?? ""
        let message = "GA4 HTTP \(r.status) \(status)\(text.isEmpty ? "" : ": \(text)")"
        switch r.status {
        case 429:
            // A spent daily bucket is a quota; an hourly or concurrency limit frees up.
            if text.localizedCaseInsensitiveContains("per day") || text.localizedCaseInsensitiveContains("daily") { return .quota(message) }
            return .retry(after: r.retryAfter, reason: message)
        case 500...599: return .retry(after: r.retryAfter, reason: message)
        case 401: return .fatal(.tokenExpired(source: .ga4, detail: message))
        case 400 where status == "invalid_grant": return .fatal(.tokenExpired(source: .ga4, detail: message))
        case 403: return .fatal(.noAccess(source: .ga4, detail: message))
        default: return .fatal(.rejected(source: .ga4, method: method, detail: message))
        }
    }

    func accessToken(logger: Logger) async throws -> String {
        let body = VKAdsConnector.form([("grant_type", "refresh_token"), ("client_id", clientID),
                                        ("client_secret", clientSecret), ("refresh_token", refreshToken)])
        let request = APIRequest(.POST, url: tokenURL, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                 body: body, label: "oauth2/token")
        let answer = try await client.call(request, logger: logger) { Self.classify($0, method: "oauth2/token") }
        guard let token = answer?["access_token"].string, !token.isEmpty else {
            throw ConnectorError.malformed(source: .ga4, method: "oauth2/token", detail: "no access_token")
        }
        return token
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let token = try await accessToken(logger: logger)
        var rows = BundleRows()
        rows.declare(.webSessions, ["medium", "campaign", "content", "users", "pageviews", "bounces", "goal_completions",
                                    "duration_seconds"])
        var sums = WebSessionSums()
        var partial: String?
        var keyMetric = "keyEvents"
        do {
            var offset = 0
            while true {
                let page: LooseJSON
                do {
                    page = try await report(token: token, window: request.window, offset: offset, keyMetric: keyMetric, logger: logger)
                } catch ConnectorError.rejected(_, _, let detail) where keyMetric == "keyEvents" && detail.contains("INVALID_ARGUMENT")
                    && detail.contains("keyEvents") {
                    keyMetric = "conversions"  // properties from before the 2024 rename (§9)
                    continue
                }
                let list = page["rows"].items  // absent, not [], when there is no data
                for row in list { try add(row, to: &sums) }
                offset += list.count
                guard !list.isEmpty, let total = page["rowCount"].int, offset < total else { break }
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        rows.webSessions = sums.sorted
        return FetchResult(rows: rows, request: request, partial: partial)
    }

    func report(token: String, window: ClosedRange<LocalDate>, offset: Int, keyMetric: String, logger: Logger) async throws -> LooseJSON {
        let body: [String: Any] = [
            "dateRanges": [["startDate": window.lowerBound.description, "endDate": window.upperBound.description]],
            "dimensions": Self.dimensions.map { ["name": $0] },
            "metrics": ["sessions", "engagedSessions", "totalUsers", "screenPageViews", "averageSessionDuration", keyMetric]
                .map { ["name": $0] },
            "limit": "\(pageSize)", "offset": "\(offset)", "keepEmptyRows": false, "returnPropertyQuota": true,
        ]
        let url = APIRequest.url(baseURL, "v1beta/properties/\(property):runReport", query: [])
        let request = APIRequest(.POST, url: url, headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                                 body: try JSONSerialization.data(withJSONObject: body), label: "runReport")
        return try await client.call(request, logger: logger) { Self.classify($0, method: "runReport") } ?? LooseJSON(nil)
    }

    /// GA4's placeholders are not values: `(not set)`, `(none)`, `(direct)` campaigns and the like.
    static func value(_ s: String?) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty, !(s.hasPrefix("(") && s.hasSuffix(")")) else { return nil }
        return s
    }

    func add(_ row: LooseJSON, to sums: inout WebSessionSums) throws {
        let d = row["dimensionValues"], m = row["metricValues"]
        guard let raw = d[0]["value"].string, raw.count == 8,
              let date = LocalDate(iso: "\(raw.prefix(4))-\(raw.dropFirst(4).prefix(2))-\(raw.suffix(2))"),
              let sessions = m[0]["value"].int else {
            throw ConnectorError.malformed(source: .ga4, method: "runReport", detail: "a row without a YYYYMMDD date or sessions")
        }
        // "(direct)" as a source is the word direct; other placeholders are unknown.
        let rawSource = d[1]["value"].string?.trimmingCharacters(in: .whitespaces)
        let source = rawSource == "(direct)" ? Source("direct") : SourceWords.source(utm: Self.value(rawSource), fallback: nil)
        let engaged = m[1]["value"].int
        let duration = m[4]["value"].double.map { Int64(($0 * Double(sessions)).rounded()) }
        sums.add(WebSession(date: date, source: source, medium: Self.value(d[2]["value"].string),
                            campaign: Self.value(d[3]["value"].string), content: Self.value(d[4]["value"].string),
                            sessions: sessions, users: m[2]["value"].int, pageviews: m[3]["value"].int,
                            bounces: engaged.map { max(sessions - $0, 0) }, goalCompletions: m[5]["value"].int,
                            durationSeconds: duration))
    }
}
