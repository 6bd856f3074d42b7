import Foundation

/// The per-account audience figures of kpi-catalog.md "Audience" and the account_daily sums.
struct AudienceTotals {
    /// Σ end_a and how many accounts have end_a.
    var endSum: Int64 = 0, endAccounts = 0
    var startSum: Int64 = 0, startAccounts = 0
    /// Over accounts that have both start_a and end_a.
    var netSum: Int64 = 0, bothStartSum: Int64 = 0, bothAccounts: [String] = []
    /// end_a of each account that has one (audience_match).
    var endByAccount: [String: Int64] = [:]
    /// Sums over account_daily rows in P.
    var joined = Tally(), left = Tally(), reach = Tally(), views = Tally()
    /// unsubscribe_rate: over accounts that have start_a and a non-null `left` in P.
    var unsubscribeLeft: Int64 = 0, unsubscribeStart: Int64 = 0, unsubscribeAccounts = 0

    init(_ c: KPICalculator) {
        let period = c.period
        for account in c.scopeAccounts {
            let inP = c.index.days(of: account, in: period)
            // start_a: followers on the latest date < first day of P.
            let start = c.index.latestDay(of: account, before: period.first)?.followers
            // end_a: followers on the latest date ≤ last day of P whose date is in P.
            let end = inP.last?.followers
            if let end {
                endSum += end; endAccounts += 1
                endByAccount[account] = end
            }
            if let start { startSum += start; startAccounts += 1 }
            if let start, let end {
                netSum += end - start; bothStartSum += start; bothAccounts.append(account)
            }
            var accountLeft = Tally()
            for day in inP {
                joined.add(day.joined)
                left.add(day.left)
                accountLeft.add(day.left)
                reach.add(day.reach)
                views.add(day.views)
            }
            if let start, accountLeft.count > 0 {
                unsubscribeLeft += accountLeft.sum; unsubscribeStart += start; unsubscribeAccounts += 1
            }
        }
    }
}

extension KPICalculator {
    /// Audience (рост и качество аудитории).
    func audience(_ id: KPIID) -> Double? {
        guard presence.has(.accountDaily) else { return nil }
        let a = audienceTotals
        switch id {
        case .followersEnd:
            /// Σ end_a over accounts that have end_a
            return a.endAccounts > 0 ? Double(a.endSum) : nil
        case .followersStart:
            /// Σ start_a over accounts that have start_a
            return a.startAccounts > 0 ? Double(a.startSum) : nil
        case .followersJoined:
            /// Σ joined over account_daily rows in P
            return dailySum(a.joined, column: "joined")
        case .followersLeft:
            /// Σ left over account_daily rows in P
            return dailySum(a.left, column: "left")
        case .netFollowerGrowth:
            /// Σ (end_a − start_a) over accounts that have both
            return a.bothAccounts.isEmpty ? nil : Double(a.netSum)
        case .followerGrowthRate:
            /// net_follower_growth / Σ start_a (same accounts) × 100
            return a.bothAccounts.isEmpty ? nil : ratio(a.netSum, a.bothStartSum, scale: 100)
        case .newFollowerRate:
            /// followers_joined / followers_end × 100, each over the whole scope
            return ratio(value(.followersJoined), value(.followersEnd), scale: 100)
        case .unsubscribeRate:
            /// Σ left in P / Σ start_a × 100, over accounts that have start_a and a non-null `left` in P
            guard dailySum(a.left, column: "left") != nil, a.unsubscribeAccounts > 0 else { return nil }
            return ratio(a.unsubscribeLeft, a.unsubscribeStart, scale: 100)
        case .netFollowerGrowthClean:
            /// net_follower_growth − Σ by_day[d] over the days d in P of every open or confirmed
            /// bought_followers anomaly of an account net_follower_growth counts
            guard !a.bothAccounts.isEmpty else { return nil }
            var bought: Int64 = 0
            for account in a.bothAccounts {
                for day in index.boughtFollowers[account] ?? [] where period.contains(day.date) { bought += day.count }
            }
            return Double(a.netSum - bought)
        case .audienceMatch:
            return audienceMatch(a)
        case .accountReach:
            /// Σ reach over account_daily rows in P
            return dailySum(a.reach, column: "reach")
        case .accountViews:
            /// Σ views over account_daily rows in P
            return dailySum(a.views, column: "views")
        default:
            preconditionFailure("\(id) is not an audience metric")
        }
    }

    /// A sum over account_daily rows: null when the column never has a value or no scope
    /// account has a row dated in P.
    func dailySum(_ tally: Tally, column: String) -> Double? {
        guard presence.hasValues(.accountDaily, column: column), hasAccountDayInPeriod else { return nil }
        return Double(tally.sum)
    }

    /// audience_match: mean over persona dimensions of Σ min(actual share, target share) × 100.
    private func audienceMatch(_ a: AudienceTotals) -> Double? {
        guard let persona = options.persona, presence.has(.audience) else { return nil }
        let targets = persona.normalised()
        guard !targets.isEmpty else { return nil }
        // 1. Each account's snapshot: its rows on its latest audience date ≤ last day of P,
        //    a repeated (dimension, bucket) keeping the later row.
        var snapshots: [(end: Int64, shares: [AudienceDimension: [String: Decimal]])] = []
        for account in scopeAccounts {
            // 2. Only accounts with end_a > 0.
            guard let end = a.endByAccount[account], end > 0, let rows = index.audience[account] else { continue }
            guard let date = rows.last(where: { $0.date <= period.last })?.date else { continue }
            var shares: [AudienceDimension: [String: Decimal]] = [:]
            for row in rows where row.date == date {
                shares[row.dimension, default: [:]][row.bucket.trimmingCharacters(in: .whitespacesAndNewlines)] = row.share
            }
            snapshots.append((end, shares))
        }
        var matches: [Double] = []
        for dimension in AudienceDimension.allCases {
            guard let target = targets[dimension] else { continue }
            // The accounts of d: those whose snapshot has rows of d.
            let accounts = snapshots.filter { $0.shares[dimension] != nil }
            guard !accounts.isEmpty else { continue }
            let endTotal = accounts.reduce(Int64(0)) { $0 + $1.end }
            // 3–5. actual share of b = Σ end_a × share(b) / Σ end_a; match = Σ min(actual, target).
            var match = 0.0
            for (bucket, targetShare) in target.sorted(by: { codePointLess($0.key, $1.key) }) {
                var weighted = Decimal(0)
                for account in accounts {
                    if let share = account.shares[dimension]?[bucket] { weighted += Decimal(account.end) * share }
                }
                let actual = (weighted / Decimal(endTotal)).double
                match += min(actual, targetShare)
            }
            matches.append(match)
        }
        // 6. Mean over the dimensions that have accounts.
        guard !matches.isEmpty else { return nil }
        return matches.reduce(0, +) / Double(matches.count) * 100
    }
}
