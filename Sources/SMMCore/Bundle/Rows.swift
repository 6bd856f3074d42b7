import Foundation

// One struct per bundle file (bundle-format.md "Files"), holding validated values.
// Optional properties are the bundle's empty cells (null = unknown). Datetimes are kept as
// instants plus the local date in the bundle's time zone, computed once at import.

/// accounts.csv
package struct Account: Hashable, Sendable {
    package var id: String
    package var network: Network
    package var name: String
    package var url: String?
    package var brand: String
    package init(id: String, network: Network, name: String, url: String? = nil, brand: String = "default") {
        self.id = id; self.network = network; self.name = name; self.url = url; self.brand = brand
    }
}

/// account_daily.csv
package struct AccountDay: Hashable, Sendable {
    package var accountID: String
    package var date: LocalDate
    package var followers: Int64
    package var joined: Int64?
    package var left: Int64?
    package var reach: Int64?
    package var views: Int64?
    package var visitors: Int64?
    package init(accountID: String, date: LocalDate, followers: Int64, joined: Int64? = nil, left: Int64? = nil,
                 reach: Int64? = nil, views: Int64? = nil, visitors: Int64? = nil) {
        self.accountID = accountID; self.date = date; self.followers = followers; self.joined = joined
        self.left = left; self.reach = reach; self.views = views; self.visitors = visitors
    }
}

/// posts.csv
package struct Post: Hashable, Sendable {
    package var id: String
    package var accountID: String
    package var publishedAt: Instant
    package var localDate: LocalDate
    package var format: PostFormat
    package var topic: String?
    package var campaign: String?
    package var partner: String?
    package var promoted: Bool?
    package var url: String?
    package var text: String?
    package init(id: String, accountID: String, publishedAt: Instant, localDate: LocalDate, format: PostFormat,
                 topic: String? = nil, campaign: String? = nil, partner: String? = nil, promoted: Bool? = nil,
                 url: String? = nil, text: String? = nil) {
        self.id = id; self.accountID = accountID; self.publishedAt = publishedAt; self.localDate = localDate
        self.format = format; self.topic = topic; self.campaign = campaign; self.partner = partner
        self.promoted = promoted; self.url = url; self.text = text
    }
}

/// post_metrics.csv: lifetime counters as collected at a moment.
package struct PostMetrics: Hashable, Sendable {
    package var postID: String
    package var collectedAt: Instant
    package var impressions: Int64?
    package var reach: Int64?
    package var likes: Int64?
    package var comments: Int64?
    package var reposts: Int64?
    package var saves: Int64?
    package var clicks: Int64?
    package var videoViews: Int64?
    package var hides: Int64?
    package init(postID: String, collectedAt: Instant, impressions: Int64? = nil, reach: Int64? = nil,
                 likes: Int64? = nil, comments: Int64? = nil, reposts: Int64? = nil, saves: Int64? = nil,
                 clicks: Int64? = nil, videoViews: Int64? = nil, hides: Int64? = nil) {
        self.postID = postID; self.collectedAt = collectedAt; self.impressions = impressions; self.reach = reach
        self.likes = likes; self.comments = comments; self.reposts = reposts; self.saves = saves
        self.clicks = clicks; self.videoViews = videoViews; self.hides = hides
    }

    /// interactions(p): the sum of the non-null values among likes, comments, reposts, saves;
    /// null when all four are null (kpi-catalog.md "Post-level building blocks").
    package var interactions: Int64? {
        if likes == nil, comments == nil, reposts == nil, saves == nil { return nil }
        return (likes ?? 0) + (comments ?? 0) + (reposts ?? 0) + (saves ?? 0)
    }
}

/// comments.csv
package struct Comment: Hashable, Sendable {
    package var id: String
    package var postID: String
    package var createdAt: Instant
    package var localDate: LocalDate
    package var authorID: String?
    package var text: String?
    package var fromBrand: Bool?
    package var parentID: String?
    package var sentiment: Sentiment?
    package init(id: String, postID: String, createdAt: Instant, localDate: LocalDate, authorID: String? = nil,
                 text: String? = nil, fromBrand: Bool? = nil, parentID: String? = nil, sentiment: Sentiment? = nil) {
        self.id = id; self.postID = postID; self.createdAt = createdAt; self.localDate = localDate
        self.authorID = authorID; self.text = text; self.fromBrand = fromBrand; self.parentID = parentID
        self.sentiment = sentiment
    }
}

/// messages.csv
package struct Message: Hashable, Sendable {
    package var id: String
    package var accountID: String
    package var receivedAt: Instant
    package var localDate: LocalDate
    package var firstResponseAt: Instant?
    package var kind: MessageKind?
    package init(id: String, accountID: String, receivedAt: Instant, localDate: LocalDate,
                 firstResponseAt: Instant? = nil, kind: MessageKind? = nil) {
        self.id = id; self.accountID = accountID; self.receivedAt = receivedAt; self.localDate = localDate
        self.firstResponseAt = firstResponseAt; self.kind = kind
    }
}

/// mentions.csv
package struct Mention: Hashable, Sendable {
    package var id: String
    package var publishedAt: Instant
    package var localDate: LocalDate
    package var network: Network?
    package var url: String?
    package var author: String?
    package var text: String?
    package var reach: Int64?
    package var sentiment: Sentiment?
    package init(id: String, publishedAt: Instant, localDate: LocalDate, network: Network? = nil, url: String? = nil,
                 author: String? = nil, text: String? = nil, reach: Int64? = nil, sentiment: Sentiment? = nil) {
        self.id = id; self.publishedAt = publishedAt; self.localDate = localDate; self.network = network
        self.url = url; self.author = author; self.text = text; self.reach = reach; self.sentiment = sentiment
    }
}

/// reviews.csv
package struct Review: Hashable, Sendable {
    package var id: String
    package var createdAt: Instant
    package var localDate: LocalDate
    package var place: ReviewPlace?
    package var rating: Int64?
    package var text: String?
    package var sentiment: Sentiment?
    package init(id: String, createdAt: Instant, localDate: LocalDate, place: ReviewPlace? = nil,
                 rating: Int64? = nil, text: String? = nil, sentiment: Sentiment? = nil) {
        self.id = id; self.createdAt = createdAt; self.localDate = localDate; self.place = place
        self.rating = rating; self.text = text; self.sentiment = sentiment
    }
}

/// ad_spend.csv
package struct AdSpend: Hashable, Sendable {
    package var date: LocalDate
    package var campaign: String
    package var spend: Decimal
    package var network: Network?
    package var accountID: String?
    package var impressions: Int64?
    package var reach: Int64?
    package var clicks: Int64?
    package init(date: LocalDate, campaign: String, spend: Decimal, network: Network? = nil, accountID: String? = nil,
                 impressions: Int64? = nil, reach: Int64? = nil, clicks: Int64? = nil) {
        self.date = date; self.campaign = campaign; self.spend = spend; self.network = network
        self.accountID = accountID; self.impressions = impressions; self.reach = reach; self.clicks = clicks
    }
}

/// other_costs.csv
package struct OtherCost: Hashable, Sendable {
    package var date: LocalDate
    package var category: CostCategory
    package var amount: Decimal
    package var network: Network?
    package init(date: LocalDate, category: CostCategory, amount: Decimal, network: Network? = nil) {
        self.date = date; self.category = category; self.amount = amount; self.network = network
    }
}

/// web_sessions.csv
package struct WebSession: Hashable, Sendable {
    package var date: LocalDate
    package var source: Source
    package var medium: String?
    package var campaign: String?
    package var content: String?
    package var sessions: Int64
    package var users: Int64?
    package var pageviews: Int64?
    package var bounces: Int64?
    package var goalCompletions: Int64?
    package var durationSeconds: Int64?
    package init(date: LocalDate, source: Source, medium: String? = nil, campaign: String? = nil, content: String? = nil,
                 sessions: Int64, users: Int64? = nil, pageviews: Int64? = nil, bounces: Int64? = nil,
                 goalCompletions: Int64? = nil, durationSeconds: Int64? = nil) {
        self.date = date; self.source = source; self.medium = medium; self.campaign = campaign; self.content = content
        self.sessions = sessions; self.users = users; self.pageviews = pageviews; self.bounces = bounces
        self.goalCompletions = goalCompletions; self.durationSeconds = durationSeconds
    }
}

/// leads.csv
package struct Lead: Hashable, Sendable {
    package var id: String
    package var createdAt: Instant
    package var localDate: LocalDate
    package var source: Source
    package var campaign: String?
    package var content: String?
    package var qualified: Bool?
    package var customerID: String?
    package init(id: String, createdAt: Instant, localDate: LocalDate, source: Source, campaign: String? = nil,
                 content: String? = nil, qualified: Bool? = nil, customerID: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.localDate = localDate; self.source = source
        self.campaign = campaign; self.content = content; self.qualified = qualified; self.customerID = customerID
    }
}

/// deals.csv
package struct Deal: Hashable, Sendable {
    package var id: String
    package var closedAt: Instant
    package var localDate: LocalDate
    package var amount: Decimal
    package var leadID: String?
    package var status: DealStatus?
    package var customerID: String?
    package init(id: String, closedAt: Instant, localDate: LocalDate, amount: Decimal, leadID: String? = nil,
                 status: DealStatus? = nil, customerID: String? = nil) {
        self.id = id; self.closedAt = closedAt; self.localDate = localDate; self.amount = amount
        self.leadID = leadID; self.status = status; self.customerID = customerID
    }

    /// A won deal: status `won` or empty.
    package var isWon: Bool { status != .lost }
}

/// audience.csv
package struct AudienceShare: Hashable, Sendable {
    package var accountID: String
    package var date: LocalDate
    package var dimension: AudienceDimension
    package var bucket: String
    package var share: Decimal
    package init(accountID: String, date: LocalDate, dimension: AudienceDimension, bucket: String, share: Decimal) {
        self.accountID = accountID; self.date = date; self.dimension = dimension; self.bucket = bucket
        self.share = share
    }
}

/// brand_searches.csv; `month` is the first day of the month.
package struct BrandSearch: Hashable, Sendable {
    package var month: LocalDate
    package var query: String
    package var count: Int64
    package init(month: LocalDate, query: String, count: Int64) {
        self.month = month; self.query = query; self.count = count
    }
}

/// content_plan.csv
package struct PlanItem: Hashable, Sendable {
    package var id: String
    package var accountID: String
    package var dueAt: Instant
    package var dueDate: LocalDate
    package var format: String?
    package var topic: String?
    package var postID: String?
    package var approved: Bool?
    package init(id: String, accountID: String, dueAt: Instant, dueDate: LocalDate, format: String? = nil,
                 topic: String? = nil, postID: String? = nil, approved: Bool? = nil) {
        self.id = id; self.accountID = accountID; self.dueAt = dueAt; self.dueDate = dueDate; self.format = format
        self.topic = topic; self.postID = postID; self.approved = approved
    }
}

/// work_log.csv
package struct WorkLogEntry: Hashable, Sendable {
    package var date: LocalDate
    package var person: String
    package var hours: Decimal
    package var task: String?
    package init(date: LocalDate, person: String, hours: Decimal, task: String? = nil) {
        self.date = date; self.person = person; self.hours = hours; self.task = task
    }
}
