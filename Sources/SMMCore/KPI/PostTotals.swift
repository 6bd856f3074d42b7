import Foundation

/// A sum of non-null values and how many values it holds.
struct Tally: Equatable {
    var sum: Int64 = 0
    var count: Int64 = 0

    mutating func add(_ v: Int64?) {
        guard let v else { return }
        sum += v
        count += 1
    }
}

/// Numerator and denominator of a ratio, over the rows where every input is non-null.
struct RatioTally: Equatable {
    var num: Int64 = 0
    var den: Int64 = 0

    mutating func add(_ n: Int64?, _ d: Int64?) {
        guard let n, let d else { return }
        num += n
        den += d
    }

    func value(scale: Double = 1) -> Double? { ratio(num, den, scale: scale) }
}

/// The post-level building blocks (kpi-catalog.md) summed over a list of posts in P.
struct PostTotals {
    var posts = 0
    var reach = Tally()
    var impressions = Tally()
    var interactions = Tally()
    var likes = Tally()
    var comments = Tally()
    var reposts = Tally()
    var saves = Tally()
    var clicks = Tally()
    /// interactions / reach
    var erReach = RatioTally()
    /// interactions / followers_at
    var erFollowers = RatioTally()
    /// clicks / impressions
    var ctr = RatioTally()
    /// reposts / interactions
    var repostShare = RatioTally()

    init(_ list: [Post], index: KPIIndex) {
        posts = list.count
        for post in list {
            guard let m = index.latestMetrics[post.id] else { continue }  // no snapshot: null counters
            let inter = m.interactions
            reach.add(m.reach)
            impressions.add(m.impressions)
            interactions.add(inter)
            likes.add(m.likes)
            comments.add(m.comments)
            reposts.add(m.reposts)
            saves.add(m.saves)
            clicks.add(m.clicks)
            erReach.add(inter, m.reach)
            ctr.add(m.clicks, m.impressions)
            repostShare.add(m.reposts, inter)
            if inter != nil {
                // followers_at(p): followers on the latest account_daily date ≤ the publication date.
                erFollowers.add(inter, index.latestDay(of: post.accountID, onOrBefore: post.localDate)?.followers)
            }
        }
    }
}

extension KPICalculator {
    var hasPostMetrics: Bool { presence.has(.posts) && presence.has(.postMetrics) }

    /// A post_metrics counter column can be summed (the sum rule).
    func postCounterSummable(_ column: String) -> Bool {
        hasPostMetrics && presence.hasValues(.postMetrics, column: column)
    }

    /// A sum over posts in P of a post_metrics counter: null by the sum rule, else the sum.
    func postSum(_ tally: Tally, column: String) -> Double? {
        postCounterSummable(column) ? Double(tally.sum) : nil
    }

    /// Σ interactions: null unless one of its four counters can be summed.
    func interactionsSum(_ t: PostTotals) -> Double? {
        ["likes", "comments", "reposts", "saves"].contains(where: postCounterSummable) ? Double(t.interactions.sum) : nil
    }

    /// A ratio over posts: null when a file is absent or the denominator is 0.
    func postRatio(_ tally: RatioTally, scale: Double = 100) -> Double? {
        hasPostMetrics ? tally.value(scale: scale) : nil
    }
}
