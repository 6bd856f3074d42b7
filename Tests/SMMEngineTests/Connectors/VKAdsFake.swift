import Foundation

/// VK Ads API v2 as a loopback server (connectors.md §2.1): client-credentials tokens (at
/// most 5 live, the 6th answers 403 until `token/delete.json`), Bearer calls, `ad_plans`
/// paged two at a time, `statistics/ad_plans/day.json` filtered by `id`, `date_from`, `date_to`.
actor VKAdsFake {
    static let clientID = "ads-client", clientSecret = "ads-secret"
    let faults = Faults()
    private(set) var liveTokens = 0

    func setLiveTokens(_ n: Int) { liveTokens = n }

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        let form = Dictionary(String(decoding: r.body, as: UTF8.self).split(separator: "&").compactMap { pair -> (String, String)? in
            let p = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return p.count == 2 ? (p[0], p[1]) : nil
        }, uniquingKeysWith: { $1 })
        switch r.path {
        case "/api/v2/oauth2/token.json", "/api/v2/oauth2/token/delete.json":
            guard form["client_id"] == Self.clientID, form["client_secret"] == Self.clientSecret else {
                return .json(#"{"error": "invalid_client", "error_description": "Invalid client id or secret"}"#, status: 401)
            }
            if r.path.hasSuffix("delete.json") {
                liveTokens = 0
                return FakeResponse(status: 204, headers: [], body: "")
            }
            guard form["grant_type"] == "client_credentials" else {
                return .json(#"{"error": "unsupported_grant_type"}"#, status: 400)
            }
            guard liveTokens < 5 else {
                return .json(#"{"error": "token_limit_exceeded", "error_description": "Active access token limit reached"}"#, status: 403)
            }
            liveTokens += 1
            return .json(ConnectorFixtures.text("vkads", "token.json")!)
        default: break
        }
        guard r.headers["authorization"] == "Bearer ads-access-token-1" else {
            return .json(#"{"code": "invalid_token", "message": "Invalid access token"}"#, status: 401,
                         headers: [("WWW-Authenticate", "Bearer error=\"invalid_token\"")])
        }
        let limits = [("X-RateLimit-RPS-Limit", "10"), ("X-RateLimit-Daily-Remaining", "4000")]
        switch r.path {
        case "/api/v2/ad_plans.json":
            let all = Self.object("ad_plans.json")
            let items = all["items"] as! [Any]
            let offset = Int(r.query["offset"] ?? "0") ?? 0, end = min(items.count, offset + 2)
            var page = all
            page["items"] = offset < end ? Array(items[offset..<end]) : []
            page["offset"] = offset
            return .json(Self.text(page), headers: limits)
        case "/api/v2/statistics/ad_plans/day.json":
            guard let from = r.query["date_from"], let to = r.query["date_to"] else {
                return .json(#"{"error": {"code": "ERR_WRONG_DATE", "message": "date_from is required"}}"#, status: 400)
            }
            let ids = Set((r.query["id"] ?? "").split(separator: ",").map(String.init))
            var all = Self.object("statistics-day.json")
            all["items"] = (all["items"] as! [[String: Any]]).filter { ids.contains("\($0["id"]!)") }.map { item in
                var i = item
                i["rows"] = (item["rows"] as! [[String: Any]]).filter { ($0["date"] as! String) >= from && ($0["date"] as! String) <= to }
                return i
            }
            return .json(Self.text(all), headers: limits)
        default:
            return .json(#"{"error": {"code": "ERR_WRONG_RESOURCE", "message": "not found"}}"#, status: 404)
        }
    }

    static func object(_ name: String) -> [String: Any] {
        (try! JSONSerialization.jsonObject(with: Data(ConnectorFixtures.text("vkads", name)!.utf8))) as! [String: Any]
    }

    static func text(_ o: [String: Any]) -> String { String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self) }
}
