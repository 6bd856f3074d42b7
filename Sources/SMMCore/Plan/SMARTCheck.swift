import Foundation

/// The five SMART criteria of plans-and-scoring.md "Plan checks".
package enum SMARTCriterion: String, Hashable, Sendable, CaseIterable, Codable {
    case specific, measurable, achievable, relevant
    case timeBound = "time_bound"
}

/// How a target compares with the metric's history.
package enum Achievability: String, Hashable, Sendable, Codable, CaseIterable {
    /// Needs no more than the median change seen (or is already reached).
    case realistic
    /// Needs more than the median but no more than the best change seen.
    case ambitious
    /// Needs more than the best change seen.
    case unrealistic
    /// Not enough history to tell.
    case unknown
}

/// One criterion's outcome for one KPI: a pass, or a warning with its reason.
package struct SMARTFinding: Hashable, Sendable {
    package var criterion: SMARTCriterion
    package var ok: Bool
    package var text: String
    package init(_ criterion: SMARTCriterion, ok: Bool, _ text: String) {
        self.criterion = criterion; self.ok = ok; self.text = text
    }
}

/// The SMART checks of one KPI.
package struct KPICheck: Hashable, Sendable {
    package var kpi: PlanKPI
    /// One finding per criterion, in ``SMARTCriterion`` order.
    package var findings: [SMARTFinding]
    package var achievability: Achievability
    package var warnings: [SMARTFinding] { findings.filter { !$0.ok } }
}

/// A plan's SMART checks: per KPI, plus notes on the plan as a whole.
package struct PlanCheck: Hashable, Sendable {
    package var kpis: [KPICheck]
    /// Plan-level warnings (task KPIs left out, raw follower growth, weights, bonus).
    package var notes: [String]
    package var warningCount: Int { kpis.reduce(0) { $0 + $1.warnings.count } + notes.count }
}

/// A metric's value over one past period.
package struct HistoryPoint: Hashable, Sendable {
    package var period: Period
    package var value: Double?
    package init(period: Period, value: Double?) { self.period = period; self.value = value }
}

/// The SMART checks (plans-and-scoring.md "Plan checks (SMART)"): they warn, never block.
package enum SMARTCheck {
    /// How many past periods of the same kind "achievable" looks at.
    package static let historyLength = 12

    /// Checks every KPI of `plan`.
    ///
    /// - `scopeAccounts`: the accounts the plan covers (its `accounts`, else every account).
    /// - `presence`: what the database has seen; nil when it has no data.
    /// - `history`: per metric, its values over the last periods of the plan's kind before the
    ///   plan's period, oldest first.
    /// - `allAccounts`: the scope is every account of the database.
    package static func check(plan: Plan, scopeAccounts: [String], allAccounts: Bool = true, presence: Presence?,
                              history: [KPIID: [HistoryPoint]]) -> PlanCheck {
        let kpis = plan.kpis.map { kpi -> KPICheck in
            var findings: [SMARTFinding] = []
            findings.append(specific(kpi, scopeAccounts: scopeAccounts))
            if kpi.metric.needsAllAccounts, !allAccounts {
                findings.append(SMARTFinding(.measurable, ok: false,
                    "\(kpi.metric.rawValue) only has data when the plan covers every account; with some accounts it is always null"))
            } else {
                findings.append(measurable(kpi, plan: plan, presence: presence))
            }
            let (verdict, text) = achievability(kpi.target, metric: kpi.metric, history: history[kpi.metric] ?? [],
                                                period: plan.period)
            findings.append(SMARTFinding(.achievable, ok: verdict == .realistic || verdict == .ambitious,
                                         "\(verdict.rawValue): \(text)"))
            findings.append(relevant(kpi, task: plan.task))
            findings.append(timeBound(kpi, period: plan.period))
            return KPICheck(kpi: kpi, findings: findings, achievability: verdict)
        }
        return PlanCheck(kpis: kpis, notes: notes(plan))
    }

    static func specific(_ kpi: PlanKPI, scopeAccounts: [String]) -> SMARTFinding {
        guard !scopeAccounts.isEmpty else {
            return SMARTFinding(.specific, ok: false, "the scope has no accounts: import data (smmkpi import) first")
        }
        let shown = scopeAccounts.prefix(5).joined(separator: ", ") + (scopeAccounts.count > 5 ? ", …" : "")
        return SMARTFinding(.specific, ok: true,
                            "\(kpi.metric.rawValue) (\(kpi.metric.unit.rawValue), \(kpi.target.summary)) over \(scopeAccounts.count) account\(scopeAccounts.count == 1 ? "" : "s"): \(shown)")
    }

    static func measurable(_ kpi: PlanKPI, plan: Plan, presence: Presence?) -> SMARTFinding {
        if kpi.metric == .audienceMatch, plan.persona == nil {
            return SMARTFinding(.measurable, ok: false, "audience_match needs a `persona` in the plan")
        }
        guard let presence, !presence.files.isEmpty else {
            return SMARTFinding(.measurable, ok: false, "the database has no data yet: nothing can be measured")
        }
        let missing = kpi.metric.missingInputs(in: presence)
        guard missing.isEmpty else {
            let list = missing.map { $0.map(\.description).joined(separator: " or ") }.joined(separator: "; ")
            return SMARTFinding(.measurable, ok: false, "needs \(list), which the imported data does not have")
        }
        let files = Set(kpi.metric.inputs.flatMap { $0.filter { $0.isPresent(in: presence) }.map(\.file) })
        return SMARTFinding(.measurable, ok: true,
                            "reads " + files.sorted().map(\.fileName).joined(separator: ", "))
    }

    static func relevant(_ kpi: PlanKPI, task: BusinessTask?) -> SMARTFinding {
        if let reason = kpi.reason, !reason.isEmpty {
            if let task, task.kpis.contains(kpi.metric) {
                return SMARTFinding(.relevant, ok: true, "in the \(task.rawValue) set; reason: \(reason)")
            }
            return SMARTFinding(.relevant, ok: true, "reason: \(reason)")
        }
        guard let task else {
            return SMARTFinding(.relevant, ok: false,
                                "the plan names no `task` and the KPI gives no `reason`: relevance cannot be checked")
        }
        if task.kpis.contains(kpi.metric) {
            return SMARTFinding(.relevant, ok: true, "belongs to the task \(task.rawValue)")
        }
        return SMARTFinding(.relevant, ok: false,
                            "not in the \(task.rawValue) set (\(task.kpis.map(\.rawValue).joined(separator: ", "))); add `reason:` saying why it belongs, or drop it")
    }

    static func timeBound(_ kpi: PlanKPI, period: Period) -> SMARTFinding {
        if case .reach(_, let by) = kpi.target {
            if by < period.first {
                return SMARTFinding(.timeBound, ok: false,
                                    "the trajectory date \(by) is before the period starts (\(period.first))")
            }
            return SMARTFinding(.timeBound, ok: true, "a trajectory to \(by), evaluated over \(period.label)")
        }
        return SMARTFinding(.timeBound, ok: true, "over \(period.label) (\(period.first) – \(period.last))")
    }

    /// Plan-level notes.
    static func notes(_ plan: Plan) -> [String] {
        var out: [String] = []
        if let task = plan.task {
            let missing = task.kpis.filter { id in !plan.kpis.contains { $0.metric == id } }
            if !missing.isEmpty, missing.count < task.kpis.count {
                out.append("the task \(task.rawValue) also suggests \(missing.map(\.rawValue).joined(separator: ", ")), which the plan leaves out")
            } else if missing.count == task.kpis.count {
                out.append("no KPI of the task \(task.rawValue) is in the plan (its set: \(task.kpis.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if plan.kpis.contains(where: { $0.metric == .netFollowerGrowth }) {
            out.append("net_follower_growth counts bought followers too; net_follower_growth_clean subtracts the detector's estimate")
        }
        if plan.kpis.allSatisfy({ $0.weight == 0 }) {
            out.append("every weight is 0: the score will always be null")
        }
        if let bonus = plan.bonus, bonus.minScore > plan.cap {
            out.append("bonus.min_score \(Target.number(bonus.minScore)) is above the cap \(Target.number(plan.cap)): the score part is never paid")
        }
        return out
    }

    /// The word for one period of a kind: "month", "week", …
    static func word(_ kind: Period.Kind) -> String { kind == .custom ? "period" : kind.rawValue }

    /// How `target` compares with the metric's history (oldest first; the last point is the
    /// period just before the plan's): the change it needs from the latest value against the
    /// best and the median change between consecutive periods seen; when values are not all
    /// positive, the target level against the best and the median level seen.
    package static func achievability(_ target: Target, metric: KPIID, history: [HistoryPoint],
                                      period: Period) -> (Achievability, String) {
        let w = word(period.kind)
        let values = history.compactMap(\.value)
        guard let latest = history.last(where: { $0.value != nil }), let base = latest.value else {
            return (.unknown, "no data in the last \(history.count) \(w)s to compare with")
        }
        let baseText = Target.number(rounded(base)) + (latest.period == history.last?.period ? "" : " (latest data, \(latest.period.label))")
        // The threshold and direction the target asks for, with the latest value as base/start.
        let x: Double, up: Bool
        switch target {
        case .atLeast(let v): x = v; up = true
        case .atMost(let v): x = v; up = false
        case .growthPct(let g): x = base * (1 + g / 100); up = g >= 0
        case .reach(let v, let by):
            x = Target.trajectory(start: base, to: v, by: by, s0: period.first.adding(days: -1), last: period.last)
            up = v >= base
        case .between(let l, let h):
            if base >= l && base <= h {
                return (.realistic, "the last \(w) was \(baseText), already within \(Target.number(l))…\(Target.number(h))")
            }
            x = base < l ? l : h; up = base < l
        }
        let xText = Target.number(rounded(x))
        let n = history.count
        if up ? base >= x : base <= x {
            // Reached last period; how often it was reached tells whether that was luck.
            let hits = values.filter { up ? $0 >= x : $0 <= x }.count
            let verdict: Achievability = hits * 2 >= values.count ? .realistic : .ambitious
            let how = values.count == 1 ? "the only \(w) with data in the last \(n)"
                : "\(hits) of the \(values.count) \(w)s with data in the last \(n) reached it"
            return (verdict, "the last \(w) was \(baseText), already \(up ? "at or above" : "at or below") \(xText); \(how)")
        }
        var changes: [Double] = []
        for (a, b) in zip(history, history.dropFirst()) {
            if let va = a.value, let vb = b.value, va != 0 { changes.append((vb - va) / abs(va) * 100) }
        }
        if base > 0, x > 0 {
            guard !changes.isEmpty else {
                return (.unknown, "needs \(xText) (last \(w): \(baseText)); only \(values.count) \(w)\(values.count == 1 ? "" : "s") with data in the last \(n), not enough to judge the change from one \(w) to the next")
            }
            let need = (x - base) / base * 100
            let best = up ? changes.max()! : changes.min()!
            let median = Self.median(changes)
            let verdict: Achievability
            if up ? need <= median : need >= median {
                verdict = .realistic
            } else if up ? need <= best : need >= best {
                verdict = .ambitious
            } else {
                verdict = .unrealistic
            }
            let text = "needs \(pct(need)) (\(baseText) → \(xText)); the best \(w) of the last \(n) \(up ? "grew" : "fell") \(pct(best)), the median change was \(pct(median))"
            return (verdict, text)
        }
        guard values.count >= 2 else {
            return (.unknown, "needs \(xText) (last \(w): \(baseText)); only \(values.count) \(w) with data in the last \(n), not enough to compare")
        }
        let best = up ? values.max()! : values.min()!
        let median = Self.median(values)
        let verdict: Achievability
        if up ? x <= median : x >= median {
            verdict = .realistic
        } else if up ? x <= best : x >= best {
            verdict = .ambitious
        } else {
            verdict = .unrealistic
        }
        return (verdict, "needs \(xText) (last \(w): \(baseText)); the \(up ? "best" : "lowest") \(w) of the last \(n) was \(Target.number(rounded(best))), the median \(Target.number(rounded(median)))")
    }

    /// The median (mean of the middle two for an even count).
    package static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func pct(_ v: Double) -> String {
        abs(v) < 0.05 ? "0.0 %" : (v >= 0 ? "+" : "−") + String(format: "%.1f %%", abs(v))
    }

    /// Two decimals for display.
    static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
