import Foundation
import Logging
import SMMCore

/// VK communities (connectors.md §1): the community and its member count, wall posts of the
/// window with their counters and reach, their comments (threads included), daily community
/// statistics and the audience structure. Mapping: docs/connectors/vk.md.
package struct VKConnector: Connector {
    package let source = SourceKind.vk
    let api: VKAPI
    let community: String
    let accountOverride: String?

    package init(config: ConnectionConfig, client: APIClient) throws {
        api = VKAPI(client: client, baseURL: config.baseURL, token: try config.require("token"))
        community = try config.require("community")
        accountOverride = config.optional("account_id")
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        var rows = BundleRows()
        rows.declare(.accounts, ["url"])
        let clock = ZoneClock(timeZone: request.timeZone)

        // The community: id, name, members now.
        guard let info = try await api.call("groups.getById", [("group_id", community), ("fields", "members_count")],
                                            logger: logger),
              let group = info["groups"].items.first ?? info.items.first, let groupID = group["id"].int else {
            throw ConnectorError.rejected(source: .vk, method: "groups.getById", detail: "no community “\(community)”")
        }
        let accountID = accountOverride ?? "vk_\(groupID)"
        let screen = group["screen_name"].string ?? "club\(groupID)"
        rows.accounts.append(Account(id: accountID, network: .vk, name: group["name"].string ?? screen,
                                     url: "https://vk.com/\(screen)"))
        let membersNow = group["members_count"].int

        var partial: String?
        do {
            let posts = try await wall(ownerID: -groupID, accountID: accountID, request: request, clock: clock, logger: logger)
            rows.declare(.posts, ["url", "text"])
            rows.posts = posts.map(\.post)
            rows.declare(.postMetrics, ["impressions", "reach", "likes", "comments", "reposts", "clicks", "hides"])
            rows.postMetrics = try await metrics(posts, ownerID: -groupID, at: request.snapshotInstant, logger: logger)
            rows.declare(.comments, ["author_id", "text", "from_brand", "parent_id"])
            for p in posts where p.commentCount > 0 {
                rows.comments += try await comments(of: p, groupID: groupID, clock: clock, logger: logger)
            }
            if let membersNow {
                let (days, audience) = try await stats(groupID: groupID, accountID: accountID, membersNow: membersNow,
                                                       request: request, clock: clock, logger: logger)
                rows.declare(.accountDaily, ["joined", "left", "reach", "views", "visitors"])
                rows.accountDays = days
                rows.declare(.audience, [])
                rows.audience = audience
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }

    struct WallPost {
        var post: Post
        var vkID: Int64
        var commentCount: Int64
        var likes: Int64?, comments: Int64?, reposts: Int64?, views: Int64?
    }

    /// wall.get, newest first, `offset += items` until the first non-pinned post older than
    /// the window (§1.3).
    func wall(ownerID: Int64, accountID: String, request: FetchRequest, clock: ZoneClock,
              logger: Logger) async throws -> [WallPost] {
        let range = request.instantRange
        var out: [WallPost] = []
        var offset = 0
        paging: while true {
            guard let page = try await api.call("wall.get", [("owner_id", "\(ownerID)"), ("offset", "\(offset)"),
                                                             ("count", "100"), ("filter", "owner")], logger: logger)
            else { break }
            let items = page["items"].items
            if items.isEmpty { break }
            for item in items {
                guard let id = item["id"].int, let date = item["date"].int else {
                    throw ConnectorError.malformed(source: .vk, method: "wall.get", detail: "a post without id or date")
                }
                let at = Instant(seconds: date)
                let pinned = item["is_pinned"].int == 1
                if at < range.lowerBound {
                    if pinned { continue }
                    break paging
                }
                guard at < range.upperBound else { continue }
                let text = item["text"].string.flatMap { $0.isEmpty ? nil : $0 }
                let post = Post(id: "vk_\(-ownerID)_\(id)", accountID: accountID, publishedAt: at,
                                localDate: clock.localDate(of: at), format: Self.format(item),
                                url: "https://vk.com/wall\(ownerID)_\(id)", text: text)
                out.append(WallPost(post: post, vkID: id, commentCount: item["comments"]["count"].int ?? 0,
                                    likes: item["likes"]["count"].int, comments: item["comments"]["count"].int,
                                    reposts: item["reposts"]["count"].int, views: item["views"]["count"].int))
            }
            offset += items.count
            if let count = page["count"].int, offset >= count { break }
        }
        return out
    }

    /// A post's format from its type and first attachment.
    static func format(_ item: LooseJSON) -> PostFormat {
        if item["post_type"].string == "clip" { return .clip }
        switch item["attachments"][0]["type"].string {
        case "clip": return .clip
        case "video": return .video
        case "poll": return .poll
        case "article": return .article
        default: return .post
        }
    }

    /// Counters from wall.get plus stats.getPostReach in batches of 30 (§1.3).
    func metrics(_ posts: [WallPost], ownerID: Int64, at: Instant, logger: Logger) async throws -> [PostMetrics] {
        var reach: [Int64: LooseJSON] = [:]
        var start = 0
        while start < posts.count {
            let batch = posts[start..<min(start + 30, posts.count)]
            start += 30
            let ids = batch.map { "\($0.vkID)" }.joined(separator: ",")
            guard let answer = try await api.call("stats.getPostReach", [("owner_id", "\(ownerID)"), ("post_ids", ids)],
                                                  logger: logger) else { continue }
            for r in answer.items { if let id = r["post_id"].int { reach[id] = r } }
        }
        return posts.map { p in
            let r = reach[p.vkID]
            let hides: Int64? = r.flatMap { r in
                r["hide"].exists || r["report"].exists ? (r["hide"].int ?? 0) + (r["report"].int ?? 0) : nil
            }
            return PostMetrics(postID: p.post.id, collectedAt: at, impressions: p.views, reach: r?["reach_total"].int,
                               likes: p.likes, comments: p.comments, reposts: p.reposts, clicks: r?["links"].int,
                               hides: hides)
        }
    }

    /// wall.getComments of one post, 100 a page, with up to 10 replies inline; longer
    /// threads are read with `comment_id`. Deleted comments are left out.
    func comments(of post: WallPost, groupID: Int64, clock: ZoneClock, logger: Logger) async throws -> [Comment] {
        var out: [Comment] = []
        var threads: [(Int64, Int64)] = []  // parent id, replies announced
        try await page("wall.getComments", [("owner_id", "\(-groupID)"), ("post_id", "\(post.vkID)"),
                                             ("sort", "asc"), ("preview_length", "0"), ("thread_items_count", "10")],
                       logger: logger) { item in
            guard let c = try comment(item, post: post, groupID: groupID, parent: nil, clock: clock) else { return }
            out.append(c)
            let replies = item["thread"]["items"].items
            for r in replies { if let rc = try comment(r, post: post, groupID: groupID, parent: c.id, clock: clock) { out.append(rc) } }
            if let n = item["thread"]["count"].int, n > Int64(replies.count), let id = item["id"].int { threads.append((id, n)) }
        }
        for (parent, _) in threads {
            let parentID = "vk_\(groupID)_c\(parent)"
            var seen = Set(out.map(\.id))
            try await page("wall.getComments", [("owner_id", "\(-groupID)"), ("post_id", "\(post.vkID)"),
                                                 ("comment_id", "\(parent)"), ("sort", "asc"), ("preview_length", "0")],
                           logger: logger) { item in
                if let c = try comment(item, post: post, groupID: groupID, parent: parentID, clock: clock),
                   seen.insert(c.id).inserted { out.append(c) }
            }
        }
        return out
    }

    /// Pages a VK list (`offset += items` until `count`), calling `body` per item.
    func page(_ method: String, _ params: [(String, String)], logger: Logger,
              _ body: (LooseJSON) throws -> Void) async throws {
        var offset = 0
        while true {
            guard let answer = try await api.call(method, params + [("offset", "\(offset)"), ("count", "100")],
                                                  logger: logger) else { return }
            let items = answer["items"].items
            if items.isEmpty { return }
            for item in items { try body(item) }
            offset += items.count
            if let count = answer["count"].int, offset >= count { return }
        }
    }

    func comment(_ item: LooseJSON, post: WallPost, groupID: Int64, parent: String?, clock: ZoneClock) throws -> Comment? {
        if item["deleted"].bool == true { return nil }
        guard let id = item["id"].int, let date = item["date"].int else {
            throw ConnectorError.malformed(source: .vk, method: "wall.getComments", detail: "a comment without id or date")
        }
        let at = Instant(seconds: date)
        let from = item["from_id"].int
        let replyTo = item["reply_to_comment"].int.map { "vk_\(groupID)_c\($0)" }
        let text = item["text"].string.flatMap { $0.isEmpty ? nil : $0 }
        return Comment(id: "vk_\(groupID)_c\(id)", postID: post.post.id, createdAt: at, localDate: clock.localDate(of: at),
                       authorID: from.map(String.init), text: text, fromBrand: from == -groupID,
                       parentID: replyTo ?? parent)
    }

    /// stats.get by day from the window's start to now: account_daily rows of the window
    /// (followers rebuilt backwards from today's member count with the daily subscribed and
    /// unsubscribed figures) and the audience of the window's last day with demographics.
    func stats(groupID: Int64, accountID: String, membersNow: Int64, request: FetchRequest, clock: ZoneClock,
               logger: Logger) async throws -> ([AccountDay], [AudienceShare]) {
        let from = request.instantRange.lowerBound.seconds
        guard let answer = try await api.call("stats.get", [
            ("group_id", "\(groupID)"), ("timestamp_from", "\(from)"), ("timestamp_to", "\(request.now.seconds)"),
            ("interval", "day"), ("stats_groups", "visitors,reach,activity"), ("extended", "1"),
        ], logger: logger) else { return ([], []) }
        var byDay: [LocalDate: LooseJSON] = [:]
        for period in answer.items {
            guard let start = period["period_from"].int else { continue }
            byDay[clock.localDate(of: Instant(seconds: start))] = period
        }
        let today = clock.localDate(of: request.now)
        // followers at the end of day d = members now − Σ (subscribed − unsubscribed) of the days after d.
        var followers = membersNow
        var days: [AccountDay] = []
        var day = today
        while day >= request.window.lowerBound {
            let p = byDay[day]
            if day <= request.window.upperBound, let p {
                days.append(AccountDay(accountID: accountID, date: day, followers: max(followers, 0),
                                       joined: p["activity"]["subscribed"].int ?? 0,
                                       left: p["activity"]["unsubscribed"].int ?? 0,
                                       reach: p["reach"]["reach"].int ?? 0, views: p["visitors"]["views"].int ?? 0,
                                       visitors: p["visitors"]["visitors"].int ?? 0))
            }
            followers -= (p?["activity"]["subscribed"].int ?? 0) - (p?["activity"]["unsubscribed"].int ?? 0)
            day = day.adding(days: -1)
        }
        days.reverse()
        var audience: [AudienceShare] = []
        if let last = byDay.keys.filter({ request.window.contains($0) && byDay[$0]!["visitors"]["sex"].array != nil }).max() {
            let v = byDay[last]!["visitors"]
            let blocks: [(AudienceDimension, String, (LooseJSON) -> String?)] = [
                (.gender, "sex", { ["f": "female", "m": "male"][$0["value"].string ?? ""] }),
                (.age, "age", { $0["value"].string }),
                (.city, "cities", { $0["name"].string }),
                (.country, "countries", { $0["name"].string }),
            ]
            for (dimension, key, bucket) in blocks {
                let items = v[key].items.compactMap { i in bucket(i).map { ($0, i["count"].int ?? 0) } }
                let total = items.reduce(0) { $0 + $1.1 }
                for (b, n) in items {
                    audience.append(AudienceShare(accountID: accountID, date: last, dimension: dimension, bucket: b,
                                                  share: ShareMath.share(n, of: total)))
                }
            }
        }
        return (days, audience)
    }
}
