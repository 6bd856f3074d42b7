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
    /// Why, with its figures; the pages write it in their language.
    package var reason: SMARTReason
    /// The reason in English, as the CLI prints it.
    package var text: String { reason.text }
    package init(_ criterion: SMARTCriterion, ok: Bool, _ reason: SMARTReason) {
        self.criterion = criterion; self.ok = ok; self.reason = reason
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
    package var planNotes: [PlanNote]
    /// The plan-level warnings in English, as the CLI prints them.
    package var notes: [String] { planNotes.map(\.text) }
    package var warningCount: Int { kpis.reduce(0) { $0 + $1.warnings.count } + planNotes.count }
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
                findings.append(SMARTFinding(.measurable, ok: false, .needsAllAccounts(kpi.metric)))
            } else {
                findings.append(measurable(kpi, plan: plan, presence: presence))
            }
            let (verdict, note) = achievabilityNote(kpi.target, metric: kpi.metric, history: history[kpi.metric] ?? [],
                                                    period: plan.period)
            findings.append(SMARTFinding(.achievable, ok: verdict == .realistic || verdict == .ambitious,
                                         .achievable(verdict, note)))
            findings.append(relevant(kpi, task: plan.task))
            findings.append(timeBound(kpi, period: plan.period))
            return KPICheck(kpi: kpi, findings: findings, achievability: verdict)
        }
        return PlanCheck(kpis: kpis, planNotes: notes(plan))
    }

    static func specific(_ kpi: PlanKPI, scopeAccounts: [String]) -> SMARTFinding {
        guard !scopeAccounts.isEmpty else {
            return SMARTFinding(.specific, ok: false, .noAccounts)
        }
        return SMARTFinding(.specific, ok: true, .scope(kpi.metric, kpi.target, accounts: scopeAccounts))
    }

    static func measurable(_ kpi: PlanKPI, plan: Plan, presence: Presence?) -> SMARTFinding {
        if kpi.metric == .audienceMatch, plan.persona == nil {
            return SMARTFinding(.measurable, ok: false, .needsPersona)
        }
        guard let presence, !presence.files.isEmpty else {
            return SMARTFinding(.measurable, ok: false, .noData)
        }
        let missing = kpi.metric.missingInputs(in: presence)
        guard missing.isEmpty else {
            return SMARTFinding(.measurable, ok: false, .missingInputs(missing.map { $0.map(\.description) }))
        }
        let files = Set(kpi.metric.inputs.flatMap { $0.filter { $0.isPresent(in: presence) }.map(\.file) })
        return SMARTFinding(.measurable, ok: true, .reads(files.sorted().map(\.fileName)))
    }

    static func relevant(_ kpi: PlanKPI, task: BusinessTask?) -> SMARTFinding {
        if let reason = kpi.reason, !reason.isEmpty {
            if let task, task.kpis.contains(kpi.metric) {
                return SMARTFinding(.relevant, ok: true, .inTaskWithReason(task, reason))
            }
            return SMARTFinding(.relevant, ok: true, .reason(reason))
        }
        guard let task else {
            return SMARTFinding(.relevant, ok: false, .noTaskNoReason)
        }
        if task.kpis.contains(kpi.metric) {
            return SMARTFinding(.relevant, ok: true, .belongsToTask(task))
        }
        return SMARTFinding(.relevant, ok: false, .notInTask(task))
    }

    static func timeBound(_ kpi: PlanKPI, period: Period) -> SMARTFinding {
        if case .reach(_, let by) = kpi.target {
            if by < period.first {
                return SMARTFinding(.timeBound, ok: false, .trajectoryBeforeStart(by: by, start: period.first))
            }
            return SMARTFinding(.timeBound, ok: true, .trajectory(by: by, period: period))
        }
        return SMARTFinding(.timeBound, ok: true, .over(period))
    }

    /// Plan-level notes.
    static func notes(_ plan: Plan) -> [PlanNote] {
        var out: [PlanNote] = []
        if let task = plan.task {
            let missing = task.kpis.filter { id in !plan.kpis.contains { $0.metric == id } }
            if !missing.isEmpty, missing.count < task.kpis.count {
                out.append(.taskAlsoSuggests(task, missing))
            } else if missing.count == task.kpis.count {
                out.append(.noTaskKPI(task))
            }
        }
        if plan.kpis.contains(where: { $0.metric == .netFollowerGrowth }) {
            out.append(.rawFollowerGrowth)
        }
        if plan.kpis.allSatisfy({ $0.weight == 0 }) {
            out.append(.allWeightsZero)
        }
        if let bonus = plan.bonus, bonus.minScore > plan.cap {
            out.append(.bonusAboveCap(minScore: bonus.minScore, cap: plan.cap))
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
        let (verdict, note) = achievabilityNote(target, metric: metric, history: history, period: period)
        return (verdict, note.text)
    }

    /// ``achievability(_:metric:history:period:)`` with its figures, for writing in any language.
    package static func achievabilityNote(_ target: Target, metric: KPIID, history: [HistoryPoint],
                                          period: Period) -> (Achievability, AchievabilityNote) {
        let kind = period.kind
        let values = history.compactMap(\.value)
        guard let latest = history.last(where: { $0.value != nil }), let base = latest.value else {
            return (.unknown, .noHistory(kind: kind, periods: history.count))
        }
        let baseValue = SMARTBase(value: base, stale: latest.period == history.last?.period ? nil : latest.period)
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
                return (.realistic, .alreadyWithin(kind: kind, base: baseValue, low: l, high: h))
            }
            x = base < l ? l : h; up = base < l
        }
        let n = history.count
        if up ? base >= x : base <= x {
            // Reached last period; how often it was reached tells whether that was luck.
            let hits = values.filter { up ? $0 >= x : $0 <= x }.count
            let verdict: Achievability = hits * 2 >= values.count ? .realistic : .ambitious
            return (verdict, .alreadyReached(kind: kind, base: baseValue, up: up, threshold: x, hits: hits,
                                             withData: values.count, periods: n))
        }
        var changes: [Double] = []
        for (a, b) in zip(history, history.dropFirst()) {
            if let va = a.value, let vb = b.value, va != 0 { changes.append((vb - va) / abs(va) * 100) }
        }
        if base > 0, x > 0 {
            guard !changes.isEmpty else {
                return (.unknown, .tooFewChanges(kind: kind, threshold: x, base: baseValue, withData: values.count, periods: n))
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
            return (verdict, .change(kind: kind, need: need, base: baseValue, threshold: x, up: up, best: best,
                                     median: median, periods: n))
        }
        guard values.count >= 2 else {
            return (.unknown, .tooFewLevels(kind: kind, threshold: x, base: baseValue, withData: values.count, periods: n))
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
        return (verdict, .level(kind: kind, threshold: x, base: baseValue, up: up, best: best, median: median, periods: n))
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
