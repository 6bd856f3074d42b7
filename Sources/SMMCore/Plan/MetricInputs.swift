import Foundation

/// A bundle file, or one of its columns, that a metric reads.
package struct MetricInput: Hashable, Sendable, CustomStringConvertible {
    package var file: BundleFile
    /// nil: the file itself (with data rows).
    package var column: String?

    package init(_ file: BundleFile, _ column: String? = nil) { self.file = file; self.column = column }

    package var description: String { column.map { "\(file.fileName) (column \($0))" } ?? file.fileName }

    /// The database has the file with data rows, and the column in a header with a value somewhere.
    package func isPresent(in presence: Presence) -> Bool {
        guard let column else { return presence.has(file) }
        return presence.hasValues(file, column: column)
    }
}

extension KPIID {
    /// What the metric reads (kpi-catalog.md definitions and "Nulls"): every inner list is one
    /// requirement met by any of its inputs. The "measurable" check of a plan compares it with
    /// what the database has seen.
    package var inputs: [[MetricInput]] {
        let posts = [MetricInput(.posts)]
        let interactions = ["likes", "comments", "reposts", "saves"].map { MetricInput(.postMetrics, $0) }
        let daily = [MetricInput(.accountDaily)]
        let costs = [MetricInput(.adSpend), MetricInput(.otherCosts)]
        let leads = [MetricInput(.leads)], deals = [MetricInput(.deals)]
        let web = [MetricInput(.webSessions)]
        func pm(_ c: String) -> [MetricInput] { [MetricInput(.postMetrics, c)] }
        func col(_ f: BundleFile, _ c: String) -> [MetricInput] { [MetricInput(f, c)] }
        let partner = col(.posts, "partner")
        switch self {
        case .erReach: return [posts, pm("reach"), interactions]
        case .erFollowers: return [posts, interactions, daily]
        case .ctr: return [posts, pm("clicks"), pm("impressions")]
        case .viewsRate: return [posts, pm("impressions"), daily]
        case .interactionsTotal: return [posts, interactions]
        case .likesTotal: return [posts, pm("likes")]
        case .repostsTotal: return [posts, pm("reposts")]
        case .savesTotal: return [posts, pm("saves")]
        case .postCommentsTotal: return [posts, pm("comments")]
        case .repostShare: return [posts, pm("reposts"), interactions]
        case .commentsCount, .meaningfulComments, .meaningfulCommentShare:
            return [[MetricInput(.comments)], posts]
        case .commentPositiveShare, .commentNegativeShare:
            return [[MetricInput(.comments)], posts, [MetricInput(.comments, "sentiment"), MetricInput(.comments, "text")]]
        case .commentReplyRate: return [[MetricInput(.comments)], posts, col(.comments, "parent_id")]
        case .followersEnd, .followersStart, .netFollowerGrowth, .followerGrowthRate, .netFollowerGrowthClean:
            return [daily]
        case .followersJoined, .newFollowerRate: return [col(.accountDaily, "joined")]
        case .followersLeft, .unsubscribeRate: return [col(.accountDaily, "left")]
        case .audienceMatch: return [daily, [MetricInput(.audience)]]
        case .accountReach: return [col(.accountDaily, "reach")]
        case .accountViews: return [col(.accountDaily, "views")]
        case .postsPublished: return [posts]
        case .reachTotal, .avgReachPerPost: return [posts, pm("reach")]
        case .impressionsTotal: return [posts, pm("impressions")]
        case .reachPer1000Spend: return [posts, pm("reach"), [MetricInput(.adSpend)]]
        case .collabPosts: return [partner]
        case .collabReach: return [partner, pm("reach")]
        case .collabErReach: return [partner, pm("reach"), interactions]
        case .collabJoined: return [partner, col(.accountDaily, "joined")]
        case .socialSessions: return [web]
        case .socialUsers: return [col(.webSessions, "users")]
        case .pagesPerSession: return [col(.webSessions, "pageviews")]
        case .avgSessionSeconds: return [col(.webSessions, "duration_seconds")]
        case .bounceRate: return [col(.webSessions, "bounces")]
        case .goalCompletions, .webConversionRate: return [col(.webSessions, "goal_completions")]
        case .leads: return [leads]
        case .qualifiedLeads, .qualifiedLeadShare: return [col(.leads, "qualified")]
        case .sales, .revenue, .customers, .avgDeal, .leadConversionRate: return [leads, deals]
        case .clickToLeadRate: return [leads, [MetricInput(.postMetrics, "clicks"), MetricInput(.adSpend, "clicks")]]
        case .adSpend: return [[MetricInput(.adSpend)]]
        case .adImpressions, .cpm: return [col(.adSpend, "impressions")]
        case .adClicks, .cpc: return [col(.adSpend, "clicks")]
        case .adReach: return [col(.adSpend, "reach")]
        case .adCtr: return [col(.adSpend, "clicks"), col(.adSpend, "impressions")]
        case .otherCosts: return [[MetricInput(.otherCosts)]]
        case .totalCost: return [costs]
        case .cpl: return [costs, leads]
        case .cpa: return [costs, col(.webSessions, "goal_completions")]
        case .cps, .cac, .roi: return [costs, leads, deals]
        case .roas: return [[MetricInput(.adSpend)], leads, deals]
        case .brandMentions: return [[MetricInput(.mentions)]]
        case .mentionReach: return [col(.mentions, "reach")]
        case .mentionPositiveShare, .mentionNegativeShare:
            return [[MetricInput(.mentions, "sentiment"), MetricInput(.mentions, "text")]]
        case .brandSearchVolume: return [[MetricInput(.brandSearches)]]
        case .reviewsCount: return [[MetricInput(.reviews)]]
        case .positiveReviewShare:
            return [[MetricInput(.reviews, "rating"), MetricInput(.reviews, "sentiment"), MetricInput(.reviews, "text")]]
        case .avgRating: return [col(.reviews, "rating")]
        case .inquiries: return [[MetricInput(.messages)]]
        case .unanswered, .responseSLARate, .medianResponseMinutes: return [col(.messages, "first_response_at")]
        case .planItems: return [[MetricInput(.contentPlan)]]
        case .planCompletionRate, .planOnTimeRate: return [[MetricInput(.contentPlan)], posts]
        case .hoursSpent: return [[MetricInput(.workLog)]]
        case .postsPerHour: return [posts, [MetricInput(.workLog)]]
        }
    }

    /// The metric is null in any scope other than all accounts (kpi-catalog.md: brand_search_volume).
    package var needsAllAccounts: Bool { self == .brandSearchVolume }

    /// The requirements the database does not meet (empty: measurable).
    package func missingInputs(in presence: Presence) -> [[MetricInput]] {
        inputs.filter { alternatives in !alternatives.contains { $0.isPresent(in: presence) } }
    }
}
