import Foundation
import Logging
import SMMCore

/// Telegram Bot API (connectors.md §3): the channel and its subscriber count, channel posts
/// and comments of the linked discussion group from `getUpdates`. The Bot API has no history
/// and no view counts: posts and comments arrive as updates (kept by Telegram ≤ 24 h, so sync
/// at least daily); views, reactions and forwards come from TGStat. Mapping: docs/connectors/telegram.md.
package struct TelegramConnector: Connector {
    package let source = SourceKind.telegram
    let client: APIClient
    let baseURL: String
    let token: String
    let channel: String
    let discussion: String?
    let accountOverride: String?

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        token = try config.require("token")
        channel = try config.require("channel")
        discussion = config.optional("chat")
        accountOverride = config.optional("account_id")
    }

    /// The account id of a channel: `tg_<username>` (shared with TGStat), else `tg_<chat id>`.
    package static func accountID(username: String?, chatID: Int64) -> String {
        if let u = username?.trimmingCharacters(in: CharacterSet(charactersIn: "@ ")), !u.isEmpty { return "tg_\(u.lowercased())" }
        return "tg_\(chatID)"
    }

    func call(_ method: String, _ params: [String: Any], logger: Logger) async throws -> LooseJSON {
        // The token is in the path (Bot API rule): the request's label, not its URL, is what gets logged.
        let body = try JSONSerialization.data(withJSONObject: params)
        let request = APIRequest(.POST, url: APIRequest.url(baseURL, "bot\(token)/\(method)", query: []),
                                 headers: [("Content-Type", "application/json")], body: body, label: method)
        let result = try await client.call(request, logger: logger) { r in Self.classify(r, method: method) }
        return result ?? LooseJSON(nil)
    }

    /// `{"ok": true, "result": …}` or `{"ok": false, "error_code", "description", "parameters": {"retry_after"}}`.
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        guard let json = r.json, json.isObject else {
            if r.status == 429 || r.status >= 500 { return .retry(after: r.retryAfter, reason: "HTTP \(r.status)") }
            return .fatal(.malformed(source: .telegram, method: method, detail: "the body is not a JSON object"))
        }
        if json["ok"].bool == true { return .success(json["result"]) }
        let code = json["error_code"].int ?? Int64(r.status)
        let message = "Telegram \(code): \(json["description"].string ?? "no description")"
        switch code {
        case 429: return .retry(after: json["parameters"]["retry_after"].int.map { .seconds($0) } ?? r.retryAfter, reason: message)
        case 500...599: return .retry(after: nil, reason: message)
        // An unknown bot token in the path answers 404 Not Found.
        case 401, 404: return .fatal(.tokenExpired(source: .telegram, detail: message))
        case 403: return .fatal(.noAccess(source: .telegram, detail: message))
        case 409:
            return .fatal(.rejected(source: .telegram, method: method,
                                    detail: message + "; the bot has a webhook set: remove it (deleteWebhook) so that smmkpi can poll"))
        default: return .fatal(.rejected(source: .telegram, method: method, detail: message))
        }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let clock = ZoneClock(timeZone: request.timeZone)
        var rows = BundleRows()
        rows.declare(.accounts, ["url"])
        let chat = try await call("getChat", ["chat_id": channel], logger: logger)
        guard let chatID = chat["id"].int else {
            throw ConnectorError.malformed(source: .telegram, method: "getChat", detail: "no chat id")
        }
        let username = chat["username"].string
        let accountID = accountOverride ?? Self.accountID(username: username, chatID: chatID)
        rows.accounts.append(Account(id: accountID, network: .telegram, name: chat["title"].string ?? username ?? channel,
                                     url: username.map { "https://t.me/\($0)" }))
        let members = try await call("getChatMemberCount", ["chat_id": channel], logger: logger)
        rows.declare(.accountDaily, [])
        if let n = members.int {
            rows.accountDays.append(AccountDay(accountID: accountID, date: clock.localDate(of: request.now), followers: n))
        }

        var cursor = request.cursor
        var offset = cursor.positions["update_offset"].flatMap { Int64($0) }
        var threads = Self.threads(cursor.positions["threads"])  // group message id → channel message id
        let discussionID = discussion.flatMap { Int64($0) }
        let postKey = username?.lowercased() ?? "\(chatID)"
        func postID(_ message: Int64) -> String { "tg_\(postKey)_\(message)" }
        rows.declare(.posts, ["url", "text"])
        rows.declare(.comments, ["author_id", "text", "from_brand", "parent_id"])
        var posts: [String: Post] = [:], comments: [String: Comment] = [:]
        while true {
            var params: [String: Any] = ["limit": 100, "timeout": 0,
                                         "allowed_updates": ["channel_post", "edited_channel_post", "message", "edited_message"]]
            if let offset { params["offset"] = offset }
            let updates = try await call("getUpdates", params, logger: logger).items
            if updates.isEmpty { break }
            for u in updates {
                guard let updateID = u["update_id"].int else {
                    throw ConnectorError.malformed(source: .telegram, method: "getUpdates", detail: "an update without update_id")
                }
                offset = max(offset ?? 0, updateID + 1)
                let post = u["channel_post"].exists ? u["channel_post"] : u["edited_channel_post"]
                if post.exists, post["chat"]["id"].int == chatID, let id = post["message_id"].int, let date = post["date"].int {
                    let at = Instant(seconds: date)
                    let text = (post["text"].string ?? post["caption"].string).flatMap { $0.isEmpty ? nil : $0 }
                    posts[postID(id)] = Post(id: postID(id), accountID: accountID, publishedAt: at, localDate: clock.localDate(of: at),
                                             format: Self.format(post), url: username.map { "https://t.me/\($0)/\(id)" }, text: text)
                    continue
                }
                let m = u["message"].exists ? u["message"] : u["edited_message"]
                guard m.exists, let discussionID, m["chat"]["id"].int == discussionID, let mid = m["message_id"].int,
                      let date = m["date"].int else { continue }
                if m["is_automatic_forward"].bool == true {
                    if let original = Self.forwardedMessageID(m) { threads[mid] = original }
                    continue
                }
                let reply = m["reply_to_message"]
                if reply["is_automatic_forward"].bool == true, let rid = reply["message_id"].int,
                   let original = Self.forwardedMessageID(reply) { threads[rid] = original }
                let root = m["message_thread_id"].int ?? reply["message_id"].int
                guard let root, let original = threads[root] else { continue }  // not a comment on a channel post
                let at = Instant(seconds: date)
                let replyID = reply["message_id"].int
                let parent = replyID.flatMap { $0 == root ? nil : "tg_\(discussionID)_c\($0)" }
                let fromChannel = m["sender_chat"]["id"].int == chatID
                let author = m["sender_chat"]["id"].int ?? m["from"]["id"].int
                let text = (m["text"].string ?? m["caption"].string).flatMap { $0.isEmpty ? nil : $0 }
                let id = "tg_\(discussionID)_c\(mid)"
                comments[id] = Comment(id: id, postID: postID(original), createdAt: at, localDate: clock.localDate(of: at),
                                       authorID: author.map(String.init), text: text, fromBrand: fromChannel, parentID: parent)
            }
        }
        rows.posts = posts.values.sorted { $0.publishedAt < $1.publishedAt }
        rows.comments = comments.values.sorted { $0.createdAt < $1.createdAt }
        if let offset { cursor.positions["update_offset"] = "\(offset)" }
        cursor.positions["threads"] = Self.threadsText(threads)
        cursor.syncedThrough = request.window.upperBound
        return FetchResult(rows: rows, cursor: cursor)
    }

    /// The channel message id an automatic forward came from (`forward_origin` of Bot API 7, or
    /// the older `forward_from_message_id`).
    static func forwardedMessageID(_ m: LooseJSON) -> Int64? {
        m["forward_origin"]["message_id"].int ?? m["forward_from_message_id"].int
    }

    static func format(_ m: LooseJSON) -> PostFormat {
        if m["poll"].exists { return .poll }
        if m["video"].exists || m["video_note"].exists { return .video }
        return .post
    }

    /// The last 1000 discussion threads (group message id → channel message id), so that later
    /// runs can place replies in threads whose root arrived earlier.
    static func threadsText(_ map: [Int64: Int64]) -> String {
        map.sorted { $0.key > $1.key }.prefix(1000).map { "\($0.key):\($0.value)" }.joined(separator: ",")
    }

    static func threads(_ text: String?) -> [Int64: Int64] {
        var out: [Int64: Int64] = [:]
        for pair in (text ?? "").split(separator: ",") {
            let p = pair.split(separator: ":")
            if p.count == 2, let a = Int64(p[0]), let b = Int64(p[1]) { out[a] = b }
        }
        return out
    }
}
