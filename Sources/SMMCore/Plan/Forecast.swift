import Foundation

/// How a KPI's end-of-period value is forecast while its period is in progress
/// (plans-and-scoring.md "In-progress periods"; the method is documented in docs/plans.md).
package enum ForecastMethod: String, Hashable, Sendable, CaseIterable {
    /// Additive over days (counts, sums, money, hours) and rates whose numerator is such a sum
    /// over a fixed base (growth, unsubscribe, new-follower rates): the value so far divided by
    /// the days observed, times the days of the period.
    case pace
    /// A stock (followers_end): the value so far plus the daily net growth so far times the days left.
    case trend
    /// Known in advance for the whole period: followers_start (the day before P) and
    /// plan_items (the content plan lists the items due later in P).
    case known
    /// A ratio of two sums, a mean, a median or a share: both sums grow at their own pace, so
    /// the best estimate of the end value is the value so far.
    case level
}

extension KPIID {
    /// The forecast method of the metric.
    package var forecastMethod: ForecastMethod {
        switch self {
        case .interactionsTotal, .likesTotal, .repostsTotal, .savesTotal, .postCommentsTotal, .commentsCount,
             .meaningfulComments, .followersJoined, .followersLeft, .netFollowerGrowth, .netFollowerGrowthClean,
             .followerGrowthRate, .newFollowerRate, .unsubscribeRate, .accountReach, .accountViews,
             .postsPublished, .reachTotal, .impressionsTotal, .collabPosts, .collabReach, .collabJoined,
             .socialSessions, .socialUsers, .goalCompletions, .leads, .qualifiedLeads, .sales, .revenue, .customers,
             .adSpend, .adImpressions, .adClicks, .adReach, .otherCosts, .totalCost, .brandMentions, .mentionReach,
             .reviewsCount, .inquiries, .unanswered, .hoursSpent:
            return .pace
        case .followersEnd:
            return .trend
        case .followersStart, .planItems, .brandSearchVolume:
            return .known
        default:
            return .level
        }
    }
}

/// Forecasts of KPI values at the end of an in-progress period.
package enum Forecast {
    /// The forecast of `metric` for the end of a period of `totalDays` days of which
    /// `observedDays` (≥ 1) have data.
    ///
    /// - `soFar`: a metric over the days elapsed (first day of P to today).
    /// - `whole`: a metric over the whole period (for values known in advance).
    package static func value(_ metric: KPIID, observedDays: Int, totalDays: Int,
                              soFar: (KPIID) -> Double?, whole: (KPIID) -> Double?) -> Double? {
        switch metric.forecastMethod {
        case .known:
            return whole(metric)
        case .level:
            return soFar(metric)
        case .pace:
            guard observedDays > 0, let v = soFar(metric) else { return nil }
            return v / Double(observedDays) * Double(totalDays)
        case .trend:
            guard let end = soFar(metric) else { return nil }
            guard observedDays > 0, let growth = soFar(.netFollowerGrowth) else { return end }
            return end + growth / Double(observedDays) * Double(max(0, totalDays - observedDays))
        }
    }
}
