import Foundation

extension KPICalculator {
    /// Content and reach (эффективность контента и охваты).
    func content(_ id: KPIID) -> Double? {
        let p = postTotals
        switch id {
        case .postsPublished:
            /// posts in P
            return presence.has(.posts) ? Double(p.posts) : nil
        case .reachTotal:
            /// Σ reach over posts in P
            return postSum(p.reach, column: "reach")
        case .impressionsTotal:
            /// Σ impressions over posts in P
            return postSum(p.impressions, column: "impressions")
        case .avgReachPerPost:
            /// Σ reach / number of posts in P with reach
            return hasPostMetrics ? ratio(p.reach.sum, p.reach.count) : nil
        case .reachPer1000Spend:
            /// reach_total / ad_spend × 1000
            guard let reach = value(.reachTotal), let spend = adSpendSum, spend != 0 else { return nil }
            return (Decimal(Int64(reach)) * 1000 / spend).double
        case .collabPosts:
            /// posts in P with a partner
            return hasPartner ? Double(collabPosts.count) : nil
        case .collabReach:
            /// Σ reach over posts in P with a partner
            return hasPartner ? postSum(collabTotals.reach, column: "reach") : nil
        case .collabErReach:
            /// er_reach over posts in P with a partner
            return hasPartner ? postRatio(collabTotals.erReach) : nil
        case .collabJoined:
            /// Σ joined of the post's account on the publication day and the next day, over posts in P
            /// with a partner; each account-day counted once; the next day counts even when it lies
            /// after P. A sum over account_daily rows (null rule above)
            guard hasPartner, presence.has(.accountDaily) else { return nil }
            var seen = Set<AccountDayKey>()
            var joined = Tally()
            for post in collabPosts {
                for date in [post.localDate, post.localDate.adding(days: 1)] {
                    guard seen.insert(AccountDayKey(account: post.accountID, date: date)).inserted else { continue }
                    joined.add(index.day(of: post.accountID, on: date)?.joined)
                }
            }
            return dailySum(joined, column: "joined")
        default:
            preconditionFailure("\(id) is not a content metric")
        }
    }

    /// posts.csv has a `partner` column (collab_* metrics are null without it).
    private var hasPartner: Bool { presence.has(.posts, column: "partner") }
}

struct AccountDayKey: Hashable {
    var account: String
    var date: LocalDate
}
