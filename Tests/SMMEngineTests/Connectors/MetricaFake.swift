import Foundation

/// The Metrica Reporting API as a loopback server (connectors.md §7): `GET /stat/v1/data`
/// with `Authorization: OAuth …`, 1-based `offset` and `limit` over Fixtures/metrica/data.json.
struct MetricaFake {
    static let token = "metrica-test-token"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        guard r.headers["authorization"] == "OAuth \(Self.token)" else {
            return .json(#"{"errors": [{"error_type": "unauthorized", "message": "Invalid oauth_token"}], "code": 401, "message": "Invalid oauth_token"}"#, status: 401)
        }
        guard r.path == "/stat/v1/data", let text = ConnectorFixtures.text("metrica", "data.json"),
              var root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let data = root["data"] as? [Any] else {
            return .json(#"{"errors": [{"error_type": "not_found", "message": "no such path"}], "code": 404}"#, status: 404)
        }
        let offset = Int(r.query["offset"] ?? "1") ?? 1, limit = Int(r.query["limit"] ?? "100") ?? 100
        let start = min(max(offset - 1, 0), data.count), end = min(data.count, start + limit)
        root["data"] = Array(data[start..<end])
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }
}
