import Foundation

/// The VK API as a loopback server (connectors.md §1): replays the fixture answers of
/// Fixtures/vk, pages lists two items at a time whatever `count` asks (VK may return fewer),
/// checks the Bearer token and `v`, and answers with the queued faults first.
struct VKFake {
    static let token = "vk-test-token"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        let method = String(r.path.split(separator: "/").last ?? "")
        if let fault = await faults.next(method) { return fault }
        guard r.headers["authorization"] == "Bearer \(Self.token)" else {
            return .json(#"{"error": {"error_code": 5, "error_msg": "User authorization failed: invalid access_token (4)."}}"#)
        }
        guard r.query["v"] == "5.199" else {
            return .json(#"{"error": {"error_code": 8, "error_msg": "Invalid request: v (version) is required"}}"#)
        }
        var name = method
        if method == "wall.getComments" {
            name += "-\(r.query["post_id"] ?? "")" + (r.query["comment_id"].map { "-\($0)" } ?? "")
        }
        guard let text = ConnectorFixtures.text("vk", name + ".json") else {
            return .json(#"{"error": {"error_code": 100, "error_msg": "One of the parameters specified was missing or invalid: \#(name)"}}"#)
        }
        guard method == "wall.get" || method == "wall.getComments" else { return .json(text) }
        return .json(Self.page(text, offset: Int(r.query["offset"] ?? "0") ?? 0, count: Int(r.query["count"] ?? "20") ?? 20))
    }

    /// The slice [offset, offset + min(count, 2)) of a `{"response": {"count", "items"}}` answer.
    static func page(_ text: String, offset: Int, count: Int) -> String {
        guard var root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              var response = root["response"] as? [String: Any], let items = response["items"] as? [Any] else { return text }
        let end = min(items.count, offset + min(count, 2))
        response["items"] = offset < end ? Array(items[offset..<end]) : []
        root["response"] = response
        return String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self)
    }
}
