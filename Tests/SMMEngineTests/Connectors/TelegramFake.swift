import Foundation

/// The Telegram Bot API as a loopback server (connectors.md §3): `POST /bot<token>/<method>`
/// with a JSON body; `getUpdates` serves Fixtures/telegram/getUpdates.json two updates at a
/// time from `offset`, and forgets the updates an offset confirms, as Telegram does.
actor TelegramFake {
    static let token = "123456:test-bot-token"
    let faults = Faults()
    private var confirmed: Int64 = 0

    func handle(_ r: FakeRequest) async -> FakeResponse {
        let parts = r.path.split(separator: "/")
        guard parts.count == 2, parts[0].hasPrefix("bot") else { return .json(#"{"ok": false, "error_code": 404, "description": "Not Found"}"#, status: 404) }
        let method = String(parts[1])
        if let fault = await faults.next(method) { return fault }
        guard parts[0] == "bot\(Self.token)" else {
            return .json(#"{"ok": false, "error_code": 401, "description": "Unauthorized"}"#, status: 401)
        }
        guard let text = ConnectorFixtures.text("telegram", method + ".json") else {
            return .json(#"{"ok": false, "error_code": 400, "description": "Bad Request: method not found"}"#, status: 400)
        }
        guard method == "getUpdates" else { return .json(text) }
        let body = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
        if let offset = (body["offset"] as? NSNumber)?.int64Value { confirmed = max(confirmed, offset) }
        let limit = min((body["limit"] as? NSNumber)?.intValue ?? 100, 2)
        let all = ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["result"] as? [[String: Any]] ?? []
        let open = all.filter { (($0["update_id"] as? NSNumber)?.int64Value ?? 0) >= confirmed }.prefix(limit)
        let data = try! JSONSerialization.data(withJSONObject: ["ok": true, "result": Array(open)])
        return .json(String(decoding: data, as: UTF8.self))
    }
}
