import Foundation

/// A Bitrix24 portal's REST as a loopback server (connectors.md §12): an incoming webhook
/// `POST /rest/1/<code>/<method>.json` with a JSON body; lists page two at a time by `start`
/// with `next` while more remain (the real page size is 50); errors as `{"error", "error_description"}`.
struct Bitrix24Fake {
    static let code = "b24secretcode"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        let parts = r.path.split(separator: "/")
        let method = parts.last.map { String($0.dropLast(".json".count)) } ?? ""
        if let fault = await faults.next(method) { return fault }
        guard parts.count == 4, parts[0] == "rest", parts[2] == Self.code else {
            return .json(#"{"error": "INVALID_CREDENTIALS", "error_description": "Invalid request credentials"}"#, status: 401)
        }
        guard let body = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any],
              let filter = body["filter"] as? [String: Any], filter[">=DATE_MODIFY"] is String else {
            return .json(#"{"error": "", "error_description": "Parameter 'filter' must be array."}"#, status: 400)
        }
        guard let text = ConnectorFixtures.text("bitrix24", method + ".json"),
              var root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let all = root["result"] as? [Any] else {
            return .json(#"{"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"}"#, status: 404)
        }
        let start = (body["start"] as? NSNumber)?.intValue ?? 0, end = min(all.count, start + 2)
        root["result"] = start < end ? Array(all[start..<end]) : []
        if end < all.count { root["next"] = end } else { root.removeValue(forKey: "next") }
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }
}
