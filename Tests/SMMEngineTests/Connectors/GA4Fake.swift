import Foundation

/// Google's token endpoint and the GA4 Data API as a loopback server (connectors.md §9):
/// `POST /oauth/token` (refresh_token grant) and `POST /v1beta/properties/<id>:runReport`
/// paging the fixture's rows by the body's `offset` and `limit` (strings, as Google sends them).
struct GA4Fake {
    static let clientID = "ga4-client.apps.googleusercontent.com", clientSecret = "ga4-secret", refreshToken = "1//ga4-refresh"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        if r.path == "/oauth/token" {
            var form: [String: String] = [:]
            for pair in String(decoding: r.body, as: UTF8.self).split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if kv.count == 2 { form[kv[0]] = kv[1] }
            }
            guard form["grant_type"] == "refresh_token", form["refresh_token"] == Self.refreshToken,
                  form["client_id"] == Self.clientID, form["client_secret"] == Self.clientSecret else {
                return .json(#"{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}"#, status: 400)
            }
            return .json(ConnectorFixtures.text("ga4", "token.json")!)
        }
        guard r.headers["authorization"] == "Bearer ya29.ga4-test-access" else {
            return .json(#"{"error": {"code": 401, "message": "Request had invalid authentication credentials.", "status": "UNAUTHENTICATED"}}"#, status: 401)
        }
        guard r.path == "/v1beta/properties/123456789:runReport",
              let body = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any],
              let metrics = body["metrics"] as? [[String: String]],
              let offset = Int(body["offset"] as? String ?? ""), let limit = Int(body["limit"] as? String ?? "") else {
            return .json(#"{"error": {"code": 400, "message": "Invalid request", "status": "INVALID_ARGUMENT"}}"#, status: 400)
        }
        guard metrics.last?["name"] == "keyEvents" || metrics.last?["name"] == "conversions" else {
            return .json(#"{"error": {"code": 400, "message": "unknown metric", "status": "INVALID_ARGUMENT"}}"#, status: 400)
        }
        var root = (try! JSONSerialization.jsonObject(with: Data(ConnectorFixtures.text("ga4", "runReport.json")!.utf8))) as! [String: Any]
        let rows = root["rows"] as! [Any]
        let end = min(rows.count, offset + limit)
        if offset < end { root["rows"] = Array(rows[offset..<end]) } else { root.removeValue(forKey: "rows") }
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }
}
