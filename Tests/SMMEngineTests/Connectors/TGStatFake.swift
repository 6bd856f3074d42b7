import Foundation

/// The TGStat API as a loopback server (connectors.md §4): `GET /<group>/<method>?token=…`,
/// errors as `{"status": "error", "error": "<code>"}` with HTTP 200; `channels/posts` pages
/// two items at a time from `offset`.
struct TGStatFake {
    static let token = "tgstat-test-token"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        let method = String(r.path.dropFirst())
        if let fault = await faults.next(method) { return fault }
        guard r.query["token"] == Self.token else { return .json(#"{"status": "error", "error": "token_invalid"}"#) }
        var name = method.replacingOccurrences(of: "/", with: "-")
        if method == "posts/stat" { name += "-" + String(r.query["postId"]?.split(separator: "/").last ?? "") }
        guard let text = ConnectorFixtures.text("tgstat", name + ".json") else {
            return .json(#"{"status": "error", "error": "wrong_method"}"#)
        }
        guard method == "channels/posts",
              var root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              var response = root["response"] as? [String: Any], let items = response["items"] as? [Any] else { return .json(text) }
        let offset = Int(r.query["offset"] ?? "0") ?? 0, limit = min(Int(r.query["limit"] ?? "50") ?? 50, 2)
        let end = min(items.count, offset + limit)
        response["items"] = offset < end ? Array(items[offset..<end]) : []
        response["count"] = max(end - offset, 0)
        root["response"] = response
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }
}
