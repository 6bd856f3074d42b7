import Crypto
import Foundation
import Logging
import SMMCore

/// Odnoklassniki (connectors.md §5): the group (`group.getInfo`) and its daily statistics
/// (`group.getStatTrends`) → accounts.csv and account_daily.csv. Every call is signed:
/// `sig = md5(sorted "k=v" pairs without sig and access_token + md5(access_token + secret))`.
/// Mapping: docs/connectors/ok.md.
package struct OKConnector: Connector {
    package let source = SourceKind.ok
    let client: APIClient
    let baseURL: String
    let applicationKey: String
    let secretKey: String
    let accessToken: String
    let group: String
    let accountOverride: String?

    static let trendFields = ["members_count", "new_members", "left_members", "reach", "renderings", "page_visits"]

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        applicationKey = try config.require("application_key")
        secretKey = try config.require("application_secret_key")
        accessToken = try config.require("token")
        group = try config.require("group")
        accountOverride = config.optional("account_id")
    }

    static func md5(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The signature of apiok.ru/dev/methods for session calls.
    static func signature(_ params: [(String, String)], accessToken: String, secretKey: String) -> String {
        let joined = params.filter { $0.0 != "sig" && $0.0 != "access_token" }.sorted { $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined()
        return md5(joined + md5(accessToken + secretKey))
    }

    /// Errors: `{"error_code", "error_msg", "error_data"}`, usually with HTTP 200 (§5 table).
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        if r.status == 429 || r.status >= 500 { return .retry(after: r.retryAfter, reason: "OK HTTP \(r.status)") }
        guard let json = r.json, json.exists else {
            return .fatal(.malformed(source: .ok, method: method, detail: "the body is not JSON"))
        }
        guard let code = json["error_code"].int else { return .success(json) }
        let message = "OK error \(code): \(json["error_msg"].string ?? "")"
        switch code {
        case 1, 2: return .retry(after: nil, reason: message)
        case 8: return .retry(after: .seconds(60), reason: message)
        case 11: return .quota(message)
        case 102, 103: return .fatal(.tokenExpired(source: .ok, detail: message))
        case 9, 10, 50: return .fatal(.noAccess(source: .ok, detail: message))
        default: return .fatal(.rejected(source: .ok, method: method, detail: message))
        }
    }

    func call(_ method: String, _ params: [(String, String)], logger: Logger) async throws -> LooseJSON? {
        var p = params + [("method", method), ("application_key", applicationKey), ("format", "json")]
        p.append(("sig", Self.signature(p, accessToken: accessToken, secretKey: secretKey)))
        p.append(("access_token", accessToken))
        // The session token and signature are in the query (OK's only way): the label is what gets logged.
        let request = APIRequest(.GET, url: APIRequest.url(baseURL, "fb.do", query: p), label: method)
        return try await client.call(request, logger: logger) { Self.classify($0, method: method) }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let clock = ZoneClock(timeZone: request.timeZone)
        var rows = BundleRows()
        rows.declare(.accounts, ["url"])
        guard let info = try await call("group.getInfo", [("uids", group), ("fields", "uid,name,members_count,shortname")],
                                        logger: logger),
              let g = info.items.first, let uid = g["uid"].string ?? g["uid"].int.map(String.init) else {
            throw ConnectorError.rejected(source: .ok, method: "group.getInfo", detail: "no group “\(group)”")
        }
        let accountID = accountOverride ?? "ok_\(uid)"
        rows.accounts.append(Account(id: accountID, network: .ok, name: g["name"].string ?? uid,
                                     url: "https://ok.ru/group/\(uid)"))
        var partial: String?
        do {
            let range = request.instantRange
            // Unix milliseconds; the end is the last millisecond of the window.
            guard let trends = try await call("group.getStatTrends", [
                ("gid", uid), ("fields", Self.trendFields.joined(separator: ",")),
                ("start_time", "\(range.lowerBound.seconds * 1000)"), ("end_time", "\(range.upperBound.seconds * 1000 - 1)"),
            ], logger: logger) else { return FetchResult(rows: rows, cursor: request.cursor) }
            var byDay: [LocalDate: [String: Int64]] = [:]
            for field in Self.trendFields {
                for point in trends[field].items {
                    guard let ms = point["time"].int, let v = point["value"].int else { continue }
                    byDay[clock.localDate(of: Instant(seconds: ms / 1000)), default: [:]][field] = v
                }
            }
            rows.declare(.accountDaily, ["joined", "left", "reach", "views", "visitors"])
            for (day, v) in byDay.sorted(by: { $0.key < $1.key }) where request.window.contains(day) {
                guard let followers = v["members_count"] else { continue }  // followers is required
                rows.accountDays.append(AccountDay(accountID: accountID, date: day, followers: followers,
                                                   joined: v["new_members"] ?? 0, left: v["left_members"] ?? 0,
                                                   reach: v["reach"] ?? 0, views: v["renderings"] ?? 0,
                                                   visitors: v["page_visits"] ?? 0))
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }
}
