import Foundation
import Logging
import SMMCore

/// TGStat API (connectors.md §4): the channel's subscribers, its posts of the window with
/// their views, and each post's counters from `posts/stat` (views, reactions, comments,
/// shares). Account and post ids match the Telegram connector's (`tg_<username>`), so the two
/// connections fill one account. Mapping: docs/connectors/tgstat.md.
package struct TGStatConnector: Connector {
    package let source = SourceKind.tgstat
    let client: APIClient
    let baseURL: String
    let token: String
    let channel: String
    let accountOverride: String?

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        token = try config.require("token")
        channel = try config.require("channel")
        accountOverride = config.optional("account_id")
    }

    func call(_ path: String, _ params: [(String, String)], logger: Logger) async throws -> LooseJSON? {
        // TGStat takes the token only in the query: the label, never the URL, is logged.
        let request = APIRequest(.GET, url: APIRequest.url(baseURL, path, query: params + [("token", token)]), label: path)
        return try await client.call(request, logger: logger) { r in Self.classify(r, method: path) }
    }

    /// `{"status": "ok", "response": …}` or `{"status": "error", "error": "<code>"}`; check the body, not the HTTP code.
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        guard let json = r.json, json.isObject else {
            if r.status == 429 || r.status >= 500 { return .retry(after: r.retryAfter, reason: "HTTP \(r.status)") }
            return .fatal(.malformed(source: .tgstat, method: method, detail: "the body is not a JSON object"))
        }
        if json["status"].string == "ok" { return .success(json["response"]) }
        let code = json["error"].string ?? "no error code"
        let message = "TGStat error \(code)"
        switch code {
        case "flood_control_10": return .retry(after: .seconds(10), reason: message)
        case "flood_control_60": return .retry(after: .seconds(60), reason: message)
        case "unknown_error": return .retry(after: nil, reason: message)
        case "outdated_statistics": return .retry(after: .seconds(900), reason: message)
        case "empty_token", "token_invalid": return .fatal(.tokenExpired(source: .tgstat, detail: message))
        case "no_active_subscription", "quota_foreign_channel": return .fatal(.noAccess(source: .tgstat, detail: message))
        case _ where code.hasPrefix("quota_"): return .quota(message)
        default: return .fatal(.rejected(source: .tgstat, method: method, detail: message))
        }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let clock = ZoneClock(timeZone: request.timeZone)
        var rows = BundleRows()
        rows.declare(.accounts, ["url"])
        guard let stat = try await call("channels/stat", [("channelId", channel)], logger: logger), let tgID = stat["id"].int else {
            throw ConnectorError.malformed(source: .tgstat, method: "channels/stat", detail: "no channel id")
        }
        let username = stat["username"].string?.trimmingCharacters(in: CharacterSet(charactersIn: "@ "))
        let accountID = accountOverride ?? TelegramConnector.accountID(username: username, chatID: tgID)
        rows.accounts.append(Account(id: accountID, network: .telegram, name: stat["title"].string ?? channel,
                                     url: username.map { "https://t.me/\($0)" }))
        rows.declare(.accountDaily, [])
        if let n = stat["participants_count"].int {
            rows.accountDays.append(AccountDay(accountID: accountID, date: clock.localDate(of: request.now), followers: n))
        }

        var partial: String?
        rows.declare(.posts, ["url", "text"])
        rows.declare(.postMetrics, ["impressions", "likes", "comments", "reposts"])
        do {
            let range = request.instantRange
            var offset = 0
            var items: [LooseJSON] = []
            while true {
                guard let page = try await call("channels/posts", [
                    ("channelId", channel), ("limit", "50"), ("offset", "\(offset)"), ("hideDeleted", "1"),
                    ("startTime", "\(range.lowerBound.seconds)"), ("endTime", "\(range.upperBound.seconds - 1)"),
                ], logger: logger) else { break }
                let list = page["items"].items
                if list.isEmpty { break }
                items += list
                offset += list.count
                if let total = page["total_count"].int, offset >= total { break }
            }
            for item in items {
                guard let date = item["date"].int, let link = item["link"].string,
                      let message = link.split(separator: "/").last.flatMap({ Int64($0) }) else {
                    throw ConnectorError.malformed(source: .tgstat, method: "channels/posts", detail: "a post without date or link")
                }
                let at = Instant(seconds: date)
                guard range.contains(at), item["is_deleted"].int != 1 else { continue }
                let key = username?.lowercased() ?? "\(tgID)"
                let id = "tg_\(key)_\(message)"
                let text = item["text"].string.flatMap { $0.isEmpty ? nil : $0 }
                rows.posts.append(Post(id: id, accountID: accountID, publishedAt: at, localDate: clock.localDate(of: at),
                                       format: Self.format(item["media"]["media_type"].string),
                                       url: "https://\(link.replacingOccurrences(of: "https://", with: ""))", text: text))
                let s = try await call("posts/stat", [("postId", link)], logger: logger)
                rows.postMetrics.append(PostMetrics(postID: id, collectedAt: request.snapshotInstant,
                                                    impressions: s?["viewsCount"].int ?? item["views"].int,
                                                    likes: s?["reactionsCount"].int, comments: s?["commentsCount"].int,
                                                    reposts: s?["sharesCount"].int))
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }

    static func format(_ mediaType: String?) -> PostFormat {
        switch mediaType {
        case "mediaVideo", "mediaRound": return .video
        case "mediaPoll": return .poll
        default: return .post
        }
    }
}
