import Foundation

/// A comment with what the KPIs need from elsewhere, resolved by the store.
package struct CommentFact: Hashable, Sendable {
    package var comment: Comment
    /// The account of the comment's post (comments on posts absent from the database are never in a dataset).
    package var accountID: String
    /// Number of words (``Words/count(in:)``) of the text, computed at import.
    package var wordCount: Int
    /// A `from_brand` comment answers this one (`parent_id` = this id, any date).
    package var hasBrandReply: Bool
    /// The label that counts: a user's correction, else the bundle's sentiment, else the
    /// classifier's label; nil when unclassified (kpi-catalog.md "Sentiment").
    package var sentiment: Sentiment?
    package init(comment: Comment, accountID: String, wordCount: Int, hasBrandReply: Bool, sentiment: Sentiment?) {
        self.comment = comment; self.accountID = accountID; self.wordCount = wordCount
        self.hasBrandReply = hasBrandReply; self.sentiment = sentiment
    }
}

/// A lead with whether it has a won deal at any date.
package struct LeadFact: Hashable, Sendable {
    package var lead: Lead
    package var hasWonDeal: Bool
    package init(lead: Lead, hasWonDeal: Bool) { self.lead = lead; self.hasWonDeal = hasWonDeal }
}

/// A deal with its lead, when the lead is in the database.
package struct DealFact: Hashable, Sendable {
    package var deal: Deal
    package var lead: Lead?
    package init(deal: Deal, lead: Lead?) { self.deal = deal; self.lead = lead }
}

/// A content-plan item with the publication time of its post, when that post exists.
package struct PlanItemFact: Hashable, Sendable {
    package var item: PlanItem
    package var postPublishedAt: Instant?
    package var postLocalDate: LocalDate?
    package init(item: PlanItem, postPublishedAt: Instant?, postLocalDate: LocalDate?) {
        self.item = item; self.postPublishedAt = postPublishedAt; self.postLocalDate = postLocalDate
    }
}

/// A mention or review with the sentiment that counts (see ``CommentFact/sentiment``).
package struct Labeled<Row: Hashable & Sendable>: Hashable, Sendable {
    package var row: Row
    package var sentiment: Sentiment?
    package init(_ row: Row, sentiment: Sentiment?) { self.row = row; self.sentiment = sentiment }
}

/// Followers judged bought on one day of one account (a `bought_followers` anomaly that is
/// open or confirmed); subtracted by net_follower_growth_clean.
package struct BoughtFollowersDay: Hashable, Sendable {
    package var accountID: String
    package var date: LocalDate
    package var count: Int64
    package init(accountID: String, date: LocalDate, count: Int64) {
        self.accountID = accountID; self.date = date; self.count = count
    }
}

/// Everything the KPI formulas read for one computation, as plain values (no I/O).
///
/// The store fills it for a *window* of local dates: rows dated in the window, plus the
/// anchors noted per property. The formulas filter by period and scope themselves, so a
/// dataset holding more rows than the window (all rows, in tests) gives the same results.
package struct KPIDataset: Sendable {
    /// ISO 4217 code of every money value.
    package var currency: String
    /// Every account of the database.
    package var accounts: [Account]
    /// Files and columns present (null rules).
    package var presence: Presence
    /// Rows dated in the window, plus for each account its latest row dated before the window.
    package var accountDays: [AccountDay]
    /// Posts whose local publication date is in the window.
    package var posts: [Post]
    /// The latest snapshot (max `collected_at`) of each post in ``posts`` that has one.
    package var latestMetrics: [String: PostMetrics]
    /// Comments created in the window on posts of the database.
    package var comments: [CommentFact]
    /// Messages received in the window.
    package var messages: [Message]
    /// Mentions published in the window.
    package var mentions: [Labeled<Mention>]
    /// Reviews created in the window.
    package var reviews: [Labeled<Review>]
    /// ad_spend rows dated in the window.
    package var adSpend: [AdSpend]
    /// other_costs rows dated in the window.
    package var otherCosts: [OtherCost]
    /// web_sessions rows dated in the window.
    package var webSessions: [WebSession]
    /// Leads created in the window.
    package var leads: [LeadFact]
    /// Deals closed in the window.
    package var deals: [DealFact]
    /// audience.csv rows dated in the window, plus each account's latest snapshot (all rows of
    /// its latest date) before the window.
    package var audience: [AudienceShare]
    /// brand_searches rows whose month starts in the window.
    package var brandSearches: [BrandSearch]
    /// Plan items due (local date of due_at) in the window.
    package var planItems: [PlanItemFact]
    /// work_log rows dated in the window.
    package var workLog: [WorkLogEntry]
    /// Open or confirmed bought-followers estimates per day, in the window.
    package var boughtFollowers: [BoughtFollowersDay]

    package init(currency: String = "RUB", accounts: [Account] = [], presence: Presence = Presence(),
                 accountDays: [AccountDay] = [], posts: [Post] = [], latestMetrics: [String: PostMetrics] = [:],
                 comments: [CommentFact] = [], messages: [Message] = [], mentions: [Labeled<Mention>] = [],
                 reviews: [Labeled<Review>] = [], adSpend: [AdSpend] = [], otherCosts: [OtherCost] = [],
                 webSessions: [WebSession] = [], leads: [LeadFact] = [], deals: [DealFact] = [],
                 audience: [AudienceShare] = [], brandSearches: [BrandSearch] = [], planItems: [PlanItemFact] = [],
                 workLog: [WorkLogEntry] = [], boughtFollowers: [BoughtFollowersDay] = []) {
        self.currency = currency; self.accounts = accounts; self.presence = presence
        self.accountDays = accountDays; self.posts = posts; self.latestMetrics = latestMetrics
        self.comments = comments; self.messages = messages; self.mentions = mentions; self.reviews = reviews
        self.adSpend = adSpend; self.otherCosts = otherCosts; self.webSessions = webSessions; self.leads = leads
        self.deals = deals; self.audience = audience; self.brandSearches = brandSearches
        self.planItems = planItems; self.workLog = workLog; self.boughtFollowers = boughtFollowers
    }

    /// The window of local dates a store must cover for `period`: the previous period's first
    /// day to the day after the period (collab_joined reads the next day).
    package static func window(for period: Period) -> ClosedRange<LocalDate> {
        period.previous.first...period.last.adding(days: 1)
    }
}
