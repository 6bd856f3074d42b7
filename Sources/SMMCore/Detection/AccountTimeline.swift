import Foundation

/// One account's history as dense day arrays (NaN: no value), with what may explain its joins.
struct AccountTimeline {
    let account: Account
    let first: LocalDate
    let count: Int
    /// Joins of the day; where `joined` is empty, the net change of followers plus `left`.
    var gain: [Double]
    var left: [Double]
    var reach: [Double]
    var views: [Double]
    var followers: [Double]
    /// Reach of the posts published that day (latest snapshots), 0 when none.
    var postReach: [Double]
    /// Comments and reposts beyond 5 × the account's usual per reach, of the posts published that day.
    var participation: [Double]
    /// Likes, comments and reposts of the posts published that day, and how many posts.
    var interactions: [Double]
    var postCount: [Int]
    /// Reach of the collaboration posts (with a `partner`) published that day.
    var partnerReach: [Double]
    /// Largest single post reach of the day.
    var maxPostReach: [Double]
    /// Paid promotion of the account (or of its network without an account).
    var adSpend: [Double]
    var adReach: [Double]
    var adClicks: [Double]
    var adRows: [Bool]
    /// Reach of brand mentions on the account's network or an unknown network …
    var mentionReach: [Double]
    /// … and that reach times the account's share of the followers of the accounts the
    /// mention could send people to (the network's accounts; every account when unknown).
    var mentionShare: [Double]

    init(account: Account, first: LocalDate, last: LocalDate) {
        self.account = account
        self.first = first
        count = max(0, first.days(to: last) + 1)
        let nan = [Double](repeating: .nan, count: count), zero = [Double](repeating: 0, count: count)
        gain = nan; left = nan; reach = nan; views = nan; followers = nan
        postReach = zero; participation = zero; interactions = zero; maxPostReach = zero; partnerReach = zero
        postCount = [Int](repeating: 0, count: count)
        adSpend = zero; adReach = zero; adClicks = zero; mentionReach = zero; mentionShare = zero
        adRows = [Bool](repeating: false, count: count)
    }

    func index(_ date: LocalDate) -> Int? {
        let i = first.days(to: date)
        return i >= 0 && i < count ? i : nil
    }

    func date(_ i: Int) -> LocalDate { first.adding(days: i) }
}

extension AccountTimeline {
    /// Builds every account's timeline from the detector's input, over the dates its
    /// account_daily rows cover.
    static func build(_ input: DetectionInput, settings: DetectorSettings) -> [AccountTimeline] {
        var daysByAccount: [String: [AccountDay]] = [:]
        for d in input.days { daysByAccount[d.accountID, default: []].append(d) }
        var postsByAccount: [String: [DetectionPost]] = [:]
        for p in input.posts { postsByAccount[p.accountID, default: []].append(p) }
        var adsByAccount: [String: [AdDay]] = [:], adsByNetwork: [Network: [AdDay]] = [:]
        for a in input.ads {
            if let id = a.accountID { adsByAccount[id, default: []].append(a) } else if let n = a.network {
                adsByNetwork[n, default: []].append(a)
            }
        }
        // Account sizes (median followers) for sharing mentions out.
        var size: [String: Double] = [:], networkSize: [Network: Double] = [:], allSize = 0.0
        let networkOf = Dictionary(input.accounts.map { ($0.id, $0.network) }, uniquingKeysWith: { a, _ in a })
        for (id, rows) in daysByAccount {
            var f = rows.map { Double($0.followers) }
            let m = RobustStats.median(&f) ?? 0
            size[id] = m
            allSize += m
            if let n = networkOf[id] { networkSize[n, default: 0] += m }
        }
        var mentionsByNetwork: [Network?: [MentionDay]] = [:]
        for m in input.mentions { mentionsByNetwork[m.network, default: []].append(m) }

        var out: [AccountTimeline] = []
        for account in input.accounts {
            guard var rows = daysByAccount[account.id], !rows.isEmpty else { continue }
            rows.sort { $0.date < $1.date }
            var t = AccountTimeline(account: account, first: rows[0].date, last: rows[rows.count - 1].date)
            var previous: AccountDay?
            for r in rows {
                let i = t.first.days(to: r.date)
                t.followers[i] = Double(r.followers)
                if let v = r.left { t.left[i] = Double(v) }
                if let v = r.reach { t.reach[i] = Double(v) }
                if let v = r.views { t.views[i] = Double(v) }
                if let j = r.joined {
                    t.gain[i] = Double(j)
                } else if let p = previous, p.date.days(to: r.date) == 1 {
                    t.gain[i] = max(0, Double(r.followers - p.followers + (r.left ?? 0)))
                }
                previous = r
            }
            let posts = postsByAccount[account.id] ?? []
            let usual = usualParticipation(posts)
            for p in posts {
                guard let i = t.index(p.date) else { continue }
                t.postCount[i] += 1
                let reach = Double(p.audience ?? 0)
                t.postReach[i] += reach
                t.maxPostReach[i] = max(t.maxPostReach[i], reach)
                if let partner = p.partner, !partner.isEmpty { t.partnerReach[i] += reach }
                let c = Double(p.comments ?? 0), r = Double(p.reposts ?? 0)
                t.interactions[i] += Double(p.likes ?? 0) + c + r
                t.participation[i] += max(0, c + r - 5 * usual * reach)
            }
            // Ad rows naming only a network are shared among its accounts by size.
            let networkShare = (networkSize[account.network] ?? 0) > 0
                ? (size[account.id] ?? 0) / networkSize[account.network]! : 0
            for (a, share) in (adsByAccount[account.id] ?? []).map({ ($0, 1.0) })
                + (adsByNetwork[account.network] ?? []).map({ ($0, networkShare) }) {
                guard let i = t.index(a.date) else { continue }
                t.adRows[i] = true
                t.adSpend[i] += a.spend * share
                t.adReach[i] += Double(a.reach ?? a.impressions.map { $0 * 2 / 3 } ?? 0) * share
                t.adClicks[i] += Double(a.clicks ?? 0) * share
            }
            var keys: [Network?] = [account.network, nil]
            if account.network != .other { keys.append(.other) }
            for key in keys {
                let pool = key.flatMap { $0 == .other ? nil : networkSize[$0] } ?? allSize
                let share = pool > 0 ? (size[account.id] ?? 0) / pool : 0
                for m in mentionsByNetwork[key] ?? [] {
                    guard let i = t.index(m.date) else { continue }
                    t.mentionReach[i] += Double(m.reach)
                    t.mentionShare[i] += Double(m.reach) * share
                }
            }
            out.append(t)
        }
        return out
    }

    /// The account's median (comments + reposts) per reached user.
    static func usualParticipation(_ posts: [DetectionPost]) -> Double {
        var rates: [Double] = []
        for p in posts {
            guard let a = p.audience, a > 0, p.comments != nil || p.reposts != nil else { continue }
            rates.append(Double((p.comments ?? 0) + (p.reposts ?? 0)) / Double(a))
        }
        return RobustStats.median(&rates) ?? 0
    }
}
