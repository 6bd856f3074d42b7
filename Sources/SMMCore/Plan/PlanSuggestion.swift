import Foundation

/// A proposed plan with the reasoning behind each target (`smmkpi plan new`).
package struct PlanSuggestion: Hashable, Sendable {
    package var plan: Plan
    /// One explanation per KPI, in the plan's order: where its target and weight came from.
    package var explanations: [String]
    /// Notes on the plan as a whole (method, fraud-aware substitutions).
    package var notes: [String]
}

/// Suggests targets from history: the median of the last periods of the same kind plus a
/// stated improvement, in the metric's better direction.
package enum PlanSuggester {
    /// The improvement asked for by default, in %.
    package static let defaultImprovement = 10.0
    /// How many past periods the median is taken over by default.
    package static let defaultBasis = 3

    /// The KPIs a plan for `task` proposes: the task's set, then `extra`, without repeats;
    /// raw follower growth is replaced by its fraud-adjusted twin, and a metric that only has
    /// data in the all-accounts scope is left out of a plan for some accounts.
    package static func metrics(for task: BusinessTask?, extra: [KPIID],
                                allAccounts: Bool = true) -> (metrics: [KPIID], notes: [String]) {
        var out: [KPIID] = []
        var notes: [String] = []
        for id in (task?.kpis ?? []) + extra {
            var id = id
            if id == .netFollowerGrowth {
                id = .netFollowerGrowthClean
                notes.append("net_follower_growth_clean replaces net_follower_growth: followers the detector judges bought do not count")
            }
            if !allAccounts, id.needsAllAccounts {
                notes.append("\(id.rawValue) is left out: it only has data when the plan covers every account")
                continue
            }
            if !out.contains(id) { out.append(id) }
        }
        return (out, notes)
    }

    /// Weights summing to 100: hard KPIs (business results) weigh twice as much as soft ones;
    /// whole numbers, the remainder going to the earliest KPIs.
    package static func weights(_ metrics: [KPIID]) -> [Double] {
        guard !metrics.isEmpty else { return [] }
        let raw = metrics.map { $0.kind == .hard ? 2.0 : 1.0 }
        let total = raw.reduce(0, +)
        let exact = raw.map { $0 / total * 100 }
        var whole = exact.map { $0.rounded(.down) }
        var left = Int(100 - whole.reduce(0, +))
        let order = exact.indices.sorted { (exact[$0] - whole[$0], -$0) > (exact[$1] - whole[$1], -$1) }
        for i in order where left > 0 {
            whole[i] += 1
            left -= 1
        }
        return whole
    }

    /// Percent metrics that are shares (never above 100).
    static func isShare(_ id: KPIID) -> Bool {
        switch id {
        case .meaningfulCommentShare, .commentPositiveShare, .commentNegativeShare, .commentReplyRate, .repostShare,
             .qualifiedLeadShare, .leadConversionRate, .bounceRate, .webConversionRate, .mentionPositiveShare,
             .mentionNegativeShare, .positiveReviewShare, .responseSLARate, .planCompletionRate, .planOnTimeRate,
             .audienceMatch, .unsubscribeRate, .ctr, .adCtr:
            return true
        default:
            return false
        }
    }

    /// Rounds a suggested threshold to what a person would write: whole counts (up for at least,
    /// down for at most), two decimals for money, % and ratios, one for durations.
    static func round(_ v: Double, unit: KPIUnit, up: Bool?) -> Double {
        switch unit {
        case .count:
            guard let up else { return v.rounded() }
            return up ? v.rounded(.up) : v.rounded(.down)
        case .seconds, .minutes, .hours:
            return (v * 10).rounded() / 10
        case .percent, .money, .ratio:
            return (v * 100).rounded() / 100
        }
    }

    /// The suggested target of one metric from its history (the last periods before the plan's,
    /// oldest first), with the sentence that explains it.
    package static func target(for metric: KPIID, history: [HistoryPoint], improvement: Double) -> (Target, String) {
        let i = improvement
        let known = history.filter { $0.value != nil }
        let listed = history.map { "\($0.period.label): \($0.value.map { Target.number(SMARTCheck.rounded($0)) } ?? "no data")" }
            .joined(separator: ", ")
        guard !known.isEmpty else {
            switch metric.better {
            case .up:
                return (.growthPct(i), "no data in the last \(history.count) periods (\(listed)): +\(Target.number(i)) % against the previous period")
            case .down:
                return (.growthPct(-i), "no data in the last \(history.count) periods (\(listed)): −\(Target.number(i)) % against the previous period")
            case .neither:
                return (.growthPct(0), "no data in the last \(history.count) periods (\(listed)): at least the previous period's value")
            }
        }
        let m = SMARTCheck.median(known.compactMap(\.value))
        let basis = "median of \(listed) = \(Target.number(SMARTCheck.rounded(m)))"
        switch metric.better {
        case .up:
            var x = m == 0 ? (metric.unit == .count ? 1 : 0) : m + abs(m) * i / 100
            var capped = ""
            if isShare(metric), x > 100 { x = 100; capped = ", capped at 100 %" }
            x = round(x, unit: metric.unit, up: true)
            return (.atLeast(x), "\(basis); +\(Target.number(i)) %\(capped) → at least \(Target.number(x))")
        case .down:
            let x = round(m - abs(m) * i / 100, unit: metric.unit, up: false)
            return (.atMost(x), "\(basis); −\(Target.number(i)) % → at most \(Target.number(x))")
        case .neither:
            let a = round(m * (1 - i / 100), unit: metric.unit, up: nil)
            let b = round(m * (1 + i / 100), unit: metric.unit, up: nil)
            let (l, h) = (min(a, b), max(a, b))
            return (.between(l, h), "\(basis); no better direction, so within ±\(Target.number(i)) % → \(Target.number(l))…\(Target.number(h))")
        }
    }

    /// A plan for `task` (and `extra` metrics) over `period`, with targets from `history`.
    /// `allAccounts`: the plan's accounts are every account of the database.
    package static func suggest(task: BusinessTask?, extra: [KPIID] = [], period: Period, name: String?,
                                assignee: String?, accounts: [String]?, allAccounts: Bool = true,
                                history: [KPIID: [HistoryPoint]],
                                improvement: Double = defaultImprovement) -> PlanSuggestion {
        let (ids, substitutions) = metrics(for: task, extra: extra, allAccounts: allAccounts)
        let weights = weights(ids)
        var kpis: [PlanKPI] = []
        var explanations: [String] = []
        for (id, weight) in zip(ids, weights) {
            let (target, why) = target(for: id, history: history[id] ?? [], improvement: improvement)
            var reason: String?
            if let task, !task.kpis.contains(id) { reason = "added to the \(task.rawValue) set on request" }
            kpis.append(PlanKPI(metric: id, target: target, weight: weight, reason: reason))
            explanations.append("\(why); weight \(Target.number(weight)) (\(id.kind.rawValue) KPI, \(id.group.rawValue))")
        }
        let basis = history.values.first?.count ?? defaultBasis
        var notes = ["targets: the median of the last \(basis) \(SMARTCheck.word(period.kind))s before \(period.label), improved by \(Target.number(improvement)) % in the metric's better direction",
                     "weights: hard KPIs (business results) count twice as much as soft ones, 100 in total"]
        notes += substitutions
        let plan = Plan(name: name ?? "\(period.label) — \(task?.rawValue ?? "custom") plan", assignee: assignee,
                        period: period, accounts: accounts, task: task, kpis: kpis)
        return PlanSuggestion(plan: plan, explanations: explanations, notes: notes)
    }
}
