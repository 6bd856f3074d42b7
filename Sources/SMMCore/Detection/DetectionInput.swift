import Foundation

/// A post with the latest snapshot of its counters, as the detector reads it.
package struct DetectionPost: Hashable, Sendable {
    package var id: String
    package var accountID: String
    package var date: LocalDate
    package var format: PostFormat
    package var topic: String?
    package var promoted: Bool?
    package var partner: String?
    package var reach: Int64?
    package var impressions: Int64?
    package var videoViews: Int64?
    package var likes: Int64?
    package var comments: Int64?
    package var reposts: Int64?
    package var saves: Int64?

    package init(id: String, accountID: String, date: LocalDate, format: PostFormat = .post, topic: String? = nil,
                 promoted: Bool? = nil, partner: String? = nil, reach: Int64? = nil, impressions: Int64? = nil,
                 videoViews: Int64? = nil, likes: Int64? = nil, comments: Int64? = nil, reposts: Int64? = nil,
                 saves: Int64? = nil) {
        self.id = id; self.accountID = accountID; self.date = date; self.format = format; self.topic = topic
        self.promoted = promoted; self.partner = partner; self.reach = reach; self.impressions = impressions
        self.videoViews = videoViews; self.likes = likes; self.comments = comments; self.reposts = reposts
        self.saves = saves
    }

    /// The audience the post's likes are measured against: reach, else impressions, else video views.
    package var audience: Int64? { reach ?? impressions ?? videoViews }
}

/// Paid promotion on one day: ad_spend rows summed per (date, account) or, for rows without
/// an account, per (date, network).
package struct AdDay: Hashable, Sendable {
    package var date: LocalDate
    /// The promoted account; nil for rows that name only a network.
    package var accountID: String?
    package var network: Network?
    package var spend: Double
    package var reach: Int64?
    package var impressions: Int64?
    package var clicks: Int64?

    package init(date: LocalDate, accountID: String?, network: Network?, spend: Double, reach: Int64? = nil,
                 impressions: Int64? = nil, clicks: Int64? = nil) {
        self.date = date; self.accountID = accountID; self.network = network; self.spend = spend
        self.reach = reach; self.impressions = impressions; self.clicks = clicks
    }
}

/// Brand mentions of one day on one network (nil: network unknown): how many, their summed
/// reach and the largest single reach.
package struct MentionDay: Hashable, Sendable {
    package var date: LocalDate
    package var network: Network?
    package var count: Int
    package var reach: Int64
    package var maxReach: Int64

    package init(date: LocalDate, network: Network?, count: Int, reach: Int64, maxReach: Int64) {
        self.date = date; self.network = network; self.count = count; self.reach = reach; self.maxReach = maxReach
    }
}

/// A user comment (not the brand's) of a post the bot-comment check looks at.
package struct DetectionComment: Hashable, Sendable {
    package var postID: String
    package var createdAt: Instant
    package var authorID: String?
    package var text: String?

    package init(postID: String, createdAt: Instant, authorID: String?, text: String?) {
        self.postID = postID; self.createdAt = createdAt; self.authorID = authorID; self.text = text
    }
}

/// Everything the detector reads, as plain values (no I/O): the whole history of the database.
package struct DetectionInput: Sendable {
    package var accounts: [Account]
    /// account_daily rows, any order.
    package var days: [AccountDay]
    /// Posts with their latest snapshot (a post without a snapshot has nil counters).
    package var posts: [DetectionPost]
    package var ads: [AdDay]
    package var mentions: [MentionDay]
    /// User comments of the posts ``CheatingDetector/commentCandidates(_:)`` named, by post id.
    package var comments: [String: [DetectionComment]]

    package init(accounts: [Account] = [], days: [AccountDay] = [], posts: [DetectionPost] = [], ads: [AdDay] = [],
                 mentions: [MentionDay] = [], comments: [String: [DetectionComment]] = [:]) {
        self.accounts = accounts; self.days = days; self.posts = posts; self.ads = ads; self.mentions = mentions
        self.comments = comments
    }
}
