import Foundation

/// What a scorecard needs to know about one anomaly of the cheating detector (cli.md
/// `anomalies`): enough to warn on the KPIs it may inflate. Only open and confirmed anomalies
/// are ever handed to scoring; dismissed ones are the director's "this is fine".
package struct SuspectAnomaly: Hashable, Sendable, Codable {
    /// The detector's kinds; unknown future kinds are kept as `other`.
    package enum Kind: String, Hashable, Sendable, Codable {
        case boughtFollowers = "bought_followers"
        case botEngagement = "bot_engagement"
        case botComments = "bot_comments"
        case other
    }

    /// `bf:<account_id>:<from>`, `be:<post_id>`, …
    package var id: String
    package var kind: Kind
    package var accountID: String
    /// First and last local dates the anomaly touches (a post's date for post anomalies).
    package var from: LocalDate
    package var to: LocalDate
    /// `open` or `confirmed`.
    package var status: String

    package init(id: String, kind: Kind, accountID: String, from: LocalDate, to: LocalDate, status: String) {
        self.id = id; self.kind = kind; self.accountID = accountID; self.from = from; self.to = to
        self.status = status
    }

    /// The anomaly lies (partly) in `period` and belongs to one of `accounts`.
    package func touches(_ period: Period, accounts: Set<String>) -> Bool {
        accounts.contains(accountID) && from <= period.last && to >= period.first
    }

    /// Whether this anomaly can inflate `metric`: bought followers touch the follower-based
    /// KPIs, bot likes and comments the engagement-based ones (some KPIs are both).
    package func affects(_ metric: KPIID) -> Bool {
        switch kind {
        case .boughtFollowers: return metric.isFollowerBased
        case .botEngagement, .botComments: return metric.isEngagementBased
        case .other: return metric.isFollowerBased || metric.isEngagementBased
        }
    }
}

extension KPIID {
    /// KPIs that bought followers distort: follower counts and rates, and the ratios over followers.
    package var isFollowerBased: Bool {
        switch self {
        case .followersEnd, .followersStart, .followersJoined, .followersLeft, .netFollowerGrowth,
             .followerGrowthRate, .newFollowerRate, .unsubscribeRate, .netFollowerGrowthClean, .audienceMatch,
             .collabJoined, .erFollowers, .viewsRate:
            return true
        default:
            return false
        }
    }

    /// KPIs that bot likes, reposts and comments distort: the engagement section and collab ER.
    package var isEngagementBased: Bool { area == .engagement || self == .collabErReach }
}
