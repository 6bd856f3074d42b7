import Foundation

/// The Wordstat API as a loopback server (connectors.md §13): `POST /v1/dynamics` with a JSON
/// body, Bearer auth, monthly points of Fixtures/wordstat/dynamics-<phrase>.json between
/// `fromDate` and `toDate`; quota answers are 429 "… Time to refill: N seconds".
struct WordstatFake {
    static let token = "wordstat-oauth-token"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        guard r.headers["authorization"] == "Bearer \(Self.token)" else {
            return .json(#"{"error": "Unauthorized", "message": "Invalid OAuth token"}"#, status: 401)
        }
        guard r.path == "/v1/dynamics", let body = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any],
              let phrase = body["phrase"] as? String, body["period"] as? String == "monthly",
              let from = body["fromDate"] as? String, let to = body["toDate"] as? String, from.hasSuffix("-01"),
              let text = ConnectorFixtures.text("wordstat", "dynamics-\(phrase).json"),
              var root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return .json(#"{"error": "Bad Request", "message": "invalid body"}"#, status: 400)
        }
        root["dynamics"] = (root["dynamics"] as! [[String: Any]]).filter { ($0["date"] as! String) >= from && ($0["date"] as! String) <= to }
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }
}
