import Foundation

/// The seven business tasks of kpi-catalog.md "Business tasks and their default KPI sets".
package enum BusinessTask: String, CaseIterable, Sendable, Codable, Hashable {
    /// brand awareness
    case awareness
    /// leads and sales
    case leads
    /// audience engagement
    case engagement
    /// loyalty and customer service
    case loyalty
    /// traffic to the site
    case traffic
    /// advertising efficiency
    case ads
    /// partner collaborations
    case collaborations

    /// The task's default KPI set, in the catalog's order.
    package var kpis: [KPIID] {
        switch self {
        case .awareness:
            return [.reachTotal, .accountReach, .netFollowerGrowthClean, .brandMentions, .brandSearchVolume]
        case .leads:
            return [.leads, .webConversionRate, .cpl, .roi, .sales, .revenue]
        case .engagement:
            return [.erReach, .meaningfulComments, .repostShare, .commentPositiveShare]
        case .loyalty:
            return [.responseSLARate, .medianResponseMinutes, .positiveReviewShare, .commentReplyRate]
        case .traffic:
            return [.socialSessions, .pagesPerSession, .avgSessionSeconds, .bounceRate]
        case .ads:
            return [.cpc, .ctr, .adCtr, .roas, .cpl]
        case .collaborations:
            return [.collabReach, .collabErReach, .collabJoined]
        }
    }
}

/// The dimensions of `kpi --by` (kpi-catalog.md "Breakdowns").
package enum Breakdown: String, CaseIterable, Sendable, Codable, Hashable {
    case account, network, format, topic, campaign, partner

    /// Account and network groups are scopes of their own; the others group posts.
    package var isPostDimension: Bool {
        switch self {
        case .account, .network: return false
        case .format, .topic, .campaign, .partner: return true
        }
    }

    /// The metrics a post-dimension group shows, in the catalog's order.
    package static let postMetrics: [KPIID] = [
        .erReach, .erFollowers, .ctr, .interactionsTotal, .likesTotal, .repostsTotal, .savesTotal,
        .postCommentsTotal, .repostShare, .postsPublished, .reachTotal, .impressionsTotal, .avgReachPerPost,
        .collabPosts, .collabReach, .collabErReach, .collabJoined,
    ]

    /// The metrics a group of this dimension shows: every metric for account and network,
    /// ``postMetrics`` for a post column.
    package var metrics: [KPIID] {
        isPostDimension ? Breakdown.postMetrics : KPIID.allCases
    }

    /// The group key of a post for a post dimension; nil for an empty value (the null group).
    func postKey(_ post: Post) -> String? {
        switch self {
        case .format: return post.format.rawValue
        case .topic: return post.topic.nonEmpty
        case .campaign: return post.campaign.nonEmpty
        case .partner: return post.partner.nonEmpty
        case .account, .network: preconditionFailure("\(self) is not a post column")
        }
    }
}
