import Foundation

/// A KPI's target (plans-and-scoring.md "Target kinds and achievement").
package enum Target: Hashable, Sendable {
    /// actual ≥ X.
    case atLeast(Double)
    /// actual ≤ X.
    case atMost(Double)
    /// X = previous × (1 + g/100); g ≥ 0 is at least X, g < 0 at most X.
    case growthPct(Double)
    /// A trajectory from the previous period's value to X on date `by`.
    case reach(Double, by: LocalDate)
    /// L ≤ actual ≤ H.
    case between(Double, Double)

    /// The YAML key of the kind.
    package var kindName: String {
        switch self {
        case .atLeast: return "at_least"
        case .atMost: return "at_most"
        case .growthPct: return "growth_pct"
        case .reach: return "reach"
        case .between: return "between"
        }
    }

    /// The target kinds a plan may use, as the YAML writes them.
    package static let kindNames = ["at_least", "at_most", "growth_pct", "reach", "between"]

    /// A short human reading: `≥ 4.5`, `≤ 300`, `+25 % vs previous`, `→ 35000 by 2025-12-31`, `25…35`.
    package var summary: String {
        switch self {
        case .atLeast(let x): return "≥ \(Target.number(x))"
        case .atMost(let x): return "≤ \(Target.number(x))"
        case .growthPct(let g): return (g >= 0 ? "+" : "") + "\(Target.number(g)) % vs previous"
        case .reach(let x, let by): return "→ \(Target.number(x)) by \(by)"
        case .between(let l, let h): return "\(Target.number(l))…\(Target.number(h))"
        }
    }

    /// A number as a person writes it: no trailing `.0`, at most 6 decimals.
    package static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.6f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

/// The value a target compares with: X, or [L, H] for `between` (`threshold` in the scorecard).
package enum Threshold: Hashable, Sendable {
    case value(Double)
    case range(Double, Double)
}

/// A target applied to the data: the threshold, the trajectory start and the achievement.
package struct TargetEvaluation: Hashable, Sendable {
    /// nil when it cannot be computed (growth_pct without a previous value, reach without a start
    /// when the trajectory is still under way).
    package var threshold: Threshold?
    /// Only for reach targets: the start value (the metric over the previous period).
    package var start: Double?
    /// In %, clamped to [0, cap]; nil means no data.
    package var achievement: Double?

    package init(threshold: Threshold?, start: Double? = nil, achievement: Double?) {
        self.threshold = threshold; self.start = start; self.achievement = achievement
    }
}

extension Target {
    /// Achievement of `actual` against this target over `period` (plans-and-scoring.md).
    ///
    /// `previous` is the metric over the previous period: the base of growth_pct and the start of
    /// a reach trajectory. `better` decides only the side of a flat trajectory (T = start).
    package func evaluate(actual: Double?, previous: Double?, period: Period, better: KPIBetter,
                          cap: Double) -> TargetEvaluation {
        func clamp(_ a: Double) -> Double { a.isNaN ? 0 : min(max(a, 0), cap) }
        switch self {
        case .atLeast(let x):
            return TargetEvaluation(threshold: .value(x),
                                    achievement: actual.map { clamp(Target.atLeast($0, x, cap: cap)) })
        case .atMost(let x):
            return TargetEvaluation(threshold: .value(x),
                                    achievement: actual.map { clamp(Target.atMost($0, x, cap: cap)) })
        case .growthPct(let g):
            guard let previous else { return TargetEvaluation(threshold: nil, achievement: nil) }
            /// X = previous × (1 + g/100); the direction follows the sign of g.
            let x = previous * (1 + g / 100)
            let a = actual.map { g >= 0 ? Target.atLeast($0, x, cap: cap) : Target.atMost($0, x, cap: cap) }
            return TargetEvaluation(threshold: .value(x), achievement: a.map(clamp))
        case .reach(let x, let by):
            let s0 = period.first.adding(days: -1)
            guard let start = previous else {
                // T = X when D ≤ last day of P needs no start; the achievement does.
                return TargetEvaluation(threshold: by <= period.last ? .value(x) : nil, start: nil, achievement: nil)
            }
            let t = Target.trajectory(start: start, to: x, by: by, s0: s0, last: period.last)
            guard let actual else { return TargetEvaluation(threshold: .value(t), start: start, achievement: nil) }
            let a: Double
            if t == start {
                // The side decides: better `down` wants actual ≤ T, `up` or `-` actual ≥ T.
                let onBetterSide = better == .down ? actual <= t : actual >= t
                a = onBetterSide ? 100 : 0
            } else {
                /// a = (actual − start) / (T − start) × 100, whether X is above or below start.
                a = (actual - start) / (t - start) * 100
            }
            return TargetEvaluation(threshold: .value(t), start: start, achievement: clamp(a))
        case .between(let l, let h):
            let a = actual.map { v -> Double in
                if v < l { return Target.atLeast(v, l, cap: cap) }
                if v > h { return Target.atMost(v, h, cap: cap) }
                return 100
            }
            return TargetEvaluation(threshold: .range(l, h), achievement: a.map(clamp))
        }
    }

    /// The trajectory value on the last day of P: T = start + (X − start) × min(1, (last − s0) / (D − s0))
    /// in days, and T = X when D ≤ last.
    package static func trajectory(start: Double, to x: Double, by: LocalDate, s0: LocalDate, last: LocalDate) -> Double {
        if by <= last { return x }
        let fraction = min(1, Double(s0.days(to: last)) / Double(s0.days(to: by)))
        return start + (x - start) * fraction
    }

    /// at_least X: actual / X × 100; when X ≤ 0 or actual < 0, cap if actual ≥ X else 0.
    static func atLeast(_ actual: Double, _ x: Double, cap: Double) -> Double {
        if x <= 0 || actual < 0 { return actual >= x ? cap : 0 }
        return actual / x * 100
    }

    /// at_most X: X / actual × 100, actual = 0 → cap; when X ≤ 0 or actual < 0, cap if actual ≤ X else 0.
    static func atMost(_ actual: Double, _ x: Double, cap: Double) -> Double {
        if x <= 0 || actual < 0 { return actual <= x ? cap : 0 }
        if actual == 0 { return cap }
        return x / actual * 100
    }
}
