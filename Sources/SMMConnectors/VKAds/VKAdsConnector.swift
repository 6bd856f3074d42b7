import Foundation
import Logging
import SMMCore

/// VK Ads API v2 (ads.vk.com; connectors.md §2.1): a token by client credentials, the ad
/// plans (campaigns) and their daily statistics → ad_spend.csv. Mapping: docs/connectors/vkads.md.
package struct VKAdsConnector: Connector {
    package let source = SourceKind.vkads
    let client: APIClient
    let baseURL: String
    let clientID: String
    let clientSecret: String
    let agencyClient: String?
    let accountID: String?

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        clientID = try config.require("client_id")
        clientSecret = try config.require("client_secret")
        agencyClient = config.optional("agency_client")
        accountID = config.optional("account_id")
    }

    static func form(_ pairs: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&").utf8)
    }

    /// Errors: `{"error": {"code": "ERR_…", "message"}}`, token errors `{"code": "expired_token", …}` (401),
    /// 429 when a limit is hit; the `X-RateLimit-Daily-Remaining` header tells a daily limit from a per-second one.
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        let json = r.json
        if (200..<300).contains(r.status) {
            guard let json, json.isObject else {
                return .fatal(.malformed(source: .vkads, method: method, detail: "the body is not a JSON object"))
            }
            return .success(json)
        }
        let code = json?["error"]["code"].string ?? json?["code"].string ?? json?["error"].string ?? ""
        let text = json?["error"]["message"].string ?? json?["message"].string ?? json?["error_description"].string ?? ""
        let message = "VK Ads HTTP \(r.status) \(code)\(text.isEmpty ? "" : ": \(text)")"
        switch r.status {
        case 429:
            if r.header("X-RateLimit-Daily-Remaining") == "0" { return .quota(message) }
            return .retry(after: r.retryAfter, reason: message)
        case 500...599: return .retry(after: r.retryAfter, reason: message)
        case 401: return .fatal(.tokenExpired(source: .vkads, detail: message))
        case 403: return .fatal(.noAccess(source: .vkads, detail: message))
        default: return .fatal(.rejected(source: .vkads, method: method, detail: message))
        }
    }

    func call(_ request: APIRequest, logger: Logger) async throws -> LooseJSON {
        try await client.call(request, logger: logger) { Self.classify($0, method: request.label) } ?? LooseJSON(nil)
    }

    /// A token by client credentials (or agency client credentials). VK Ads keeps at most 5 live
    /// tokens per client: when the token request is refused for that (403), the client's tokens
    /// are deleted (`oauth2/token/delete.json`) and the request is made once more.
    func token(logger: Logger) async throws -> String {
        var pairs = [("grant_type", agencyClient == nil ? "client_credentials" : "agency_client_credentials"),
                     ("client_id", clientID), ("client_secret", clientSecret)]
        if let agencyClient { pairs.append(("agency_client_name", agencyClient)) }
        let request = APIRequest(.POST, url: APIRequest.url(baseURL, "api/v2/oauth2/token.json", query: []),
                                 headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Self.form(pairs),
                                 label: "oauth2/token")
        let answer: LooseJSON
        do {
            answer = try await call(request, logger: logger)
        } catch ConnectorError.noAccess {
            logger.notice("vkads: the token limit is reached; deleting the client's tokens and asking again")
            let delete = APIRequest(.POST, url: APIRequest.url(baseURL, "api/v2/oauth2/token/delete.json", query: []),
                                    headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                    body: Self.form([("client_id", clientID), ("client_secret", clientSecret)]),
                                    label: "oauth2/token/delete")
            _ = try await client.call(delete, logger: logger) { r -> CallOutcome<Bool> in
                (200..<300).contains(r.status) ? .success(true) : Self.classify(r, method: "oauth2/token/delete").map { _ in true }
            }
            answer = try await call(request, logger: logger)
        }
        guard let token = answer["access_token"].string, !token.isEmpty else {
            throw ConnectorError.malformed(source: .vkads, method: "oauth2/token", detail: "no access_token")
        }
        return token
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        var rows = BundleRows()
        rows.declare(.adSpend, ["network", "account_id", "impressions", "clicks"])
        let token = try await token(logger: logger)
        let auth = [("Authorization", "Bearer \(token)")]

        // The ad plans (campaigns) and their names.
        var plans: [(id: Int64, name: String)] = []
        var offset = 0
        while true {
            let url = APIRequest.url(baseURL, "api/v2/ad_plans.json", query: [("limit", "50"), ("offset", "\(offset)"),
                                                                               ("fields", "id,name")])
            let page = try await call(APIRequest(.GET, url: url, headers: auth, label: "ad_plans"), logger: logger)
            let items = page["items"].items
            for i in items { if let id = i["id"].int { plans.append((id, i["name"].string ?? "ad plan \(id)")) } }
            offset += items.count
            guard !items.isEmpty, let count = page["count"].int, offset < count else { break }
        }
        let counts = Dictionary(grouping: plans, by: \.name).mapValues(\.count)
        var names: [Int64: String] = [:]
        for p in plans { names[p.id] = counts[p.name, default: 0] > 1 ? "\(p.name) #\(p.id)" : p.name }

        var partial: String?
        do {
            var start = 0
            while start < plans.count {
                let batch = plans[start..<min(start + 200, plans.count)]
                start += 200
                let url = APIRequest.url(baseURL, "api/v2/statistics/ad_plans/day.json", query: [
                    ("id", batch.map { "\($0.id)" }.joined(separator: ",")), ("metrics", "base"),
                    ("date_from", request.window.lowerBound.description), ("date_to", request.window.upperBound.description),
                ])
                let stats = try await call(APIRequest(.GET, url: url, headers: auth, label: "statistics/ad_plans/day"),
                                           logger: logger)
                for item in stats["items"].items {
                    guard let id = item["id"].int, let name = names[id] else { continue }
                    for row in item["rows"].items {
                        guard let date = row["date"].string.flatMap({ LocalDate(iso: $0) }) else {
                            throw ConnectorError.malformed(source: .vkads, method: "statistics", detail: "a row without date")
                        }
                        let base = row["base"]
                        let shows = base["shows"].int ?? 0, clicks = base["clicks"].int ?? 0
                        let spent = base["spent"].decimal ?? 0
                        if shows == 0, clicks == 0, spent == 0 { continue }  // a day without activity
                        rows.adSpend.append(AdSpend(date: date, campaign: name, spend: spent, network: .vk,
                                                    accountID: accountID, impressions: shows, clicks: clicks))
                    }
                }
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }
}

extension CallOutcome {
    /// The same outcome with the success value transformed.
    func map<T: Sendable>(_ f: (Value) -> T) -> CallOutcome<T> {
        switch self {
        case .success(let v): return .success(f(v))
        case .retry(let a, let r): return .retry(after: a, reason: r)
        case .quota(let q): return .quota(q)
        case .fatal(let e): return .fatal(e)
        case .skip(let s): return .skip(s)
        }
    }
}
