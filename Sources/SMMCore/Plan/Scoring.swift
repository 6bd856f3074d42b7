import Foundation

/// What the data says about one KPI of a plan: the inputs of its scorecard line.
package struct KPIObservation: Hashable, Sendable {
    /// The KPI over the plan's period (so far) and scope.
    package var actual: Double?
    /// The KPI over the previous period (growth base and trajectory start).
    package var previous: Double?
    /// The end-of-period forecast (in-progress periods only).
    package var forecast: Double?

    package init(actual: Double?, previous: Double?, forecast: Double? = nil) {
        self.actual = actual; self.previous = previous; self.forecast = forecast
    }
}

/// Achievement, status, score and bonus (plans-and-scoring.md): pure functions of a plan and
/// its observations.
package enum Scoring {
    /// met when a ≥ 100; at risk when at_risk_below ≤ a < 100 (lower bound inclusive); missed below.
    package static func status(achievement a: Double?, atRiskBelow: Double) -> KPIStatus {
        guard let a else { return .noData }
        if a >= 100 { return .met }
        return a >= atRiskBelow ? .atRisk : .missed
    }

    /// One KPI's evaluation with the plan's missing-data rule: without data it is `no_data`
    /// (exclude) or scores 0 and is `missed` (zero).
    package static func evaluate(_ kpi: PlanKPI, actual: Double?, previous: Double?, period: Period,
                                 settings: ScoreSettings) -> (evaluation: TargetEvaluation, status: KPIStatus) {
        var e = kpi.target.evaluate(actual: actual, previous: previous, period: period, better: kpi.metric.better,
                                    cap: settings.cap)
        if e.achievement == nil, settings.missingData == .zero { e.achievement = 0 }
        return (e, status(achievement: e.achievement, atRiskBelow: settings.atRiskBelow))
    }

    /// Σ weightᵢ × aᵢ / Σ weightᵢ over the KPIs that count; nil when none counts or every
    /// counting weight is 0.
    package static func score(_ parts: [(weight: Double, achievement: Double?)]) -> Double? {
        let counting = parts.compactMap { p in p.achievement.map { (p.weight, $0) } }
        let total = counting.reduce(0) { $0 + $1.0 }
        guard !counting.isEmpty, total > 0 else { return nil }
        return counting.reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    /// base × score / 100 when score is not nil and ≥ min_score, else 0; plus sales_percent % of
    /// revenue (nil revenue counts as 0).
    package static func bonus(_ rule: BonusRule, score: Double?, revenue: Double?) -> BonusResult {
        var scorePart = 0.0
        if let score, score >= rule.minScore { scorePart = rule.base * score / 100 }
        let salesPart = rule.salesPercent / 100 * (revenue ?? 0)
        return BonusResult(rule: rule, revenue: revenue, scorePart: scorePart, salesPart: salesPart)
    }

    /// The scorecard of `plan` from one observation per KPI (in the plan's order).
    ///
    /// Forecasts are used only when `inProgress`; anomalies are matched to the KPIs they can
    /// inflate (``SuspectAnomaly/affects(_:)``).
    package static func scorecard(plan: Plan, observations: [KPIObservation], revenue: Double?, inProgress: Bool,
                                  asOf: LocalDate, scopeAccounts: [String], currency: String,
                                  anomalies: [SuspectAnomaly] = []) -> Scorecard {
        precondition(observations.count == plan.kpis.count, "one observation per KPI")
        let settings = plan.settings
        var lines: [KPIScore] = []
        for (kpi, o) in zip(plan.kpis, observations) {
            let (evaluation, status) = evaluate(kpi, actual: o.actual, previous: o.previous, period: plan.period,
                                                settings: settings)
            var line = KPIScore(kpi: kpi, actual: o.actual, previous: o.previous, evaluation: evaluation,
                                status: status, counts: evaluation.achievement != nil)
            if inProgress {
                let f = evaluate(kpi, actual: o.forecast, previous: o.previous, period: plan.period, settings: settings)
                line.forecast = o.forecast
                line.forecastStatus = f.status
                line.forecastAchievement = f.evaluation.achievement
            }
            line.anomalies = anomalies.filter { $0.affects(kpi.metric) }.map(\.id)
            lines.append(line)
        }
        let score = Scoring.score(lines.map { ($0.kpi.weight, $0.achievement) })
        let forecastScore = inProgress ? Scoring.score(lines.map { ($0.kpi.weight, $0.forecastAchievement) }) : nil
        var bonus: BonusResult?
        if let rule = plan.bonus {
            let b = Scoring.bonus(rule, score: score, revenue: revenue)
            bonus = b
            let totalWeight = lines.filter(\.counts).reduce(0) { $0 + $1.kpi.weight }
            for i in lines.indices where lines[i].counts {
                lines[i].drivesBonus = rule.base > 0 && lines[i].kpi.weight > 0
                guard totalWeight > 0, let a = lines[i].achievement else { continue }
                lines[i].bonusPart = b.scorePart > 0 ? rule.base * lines[i].kpi.weight * a / (totalWeight * 100) : 0
            }
        }
        return Scorecard(name: plan.name, assignee: plan.assignee, task: plan.task, period: plan.period,
                         previous: plan.period.previous, inProgress: inProgress, asOf: asOf,
                         scopeAccounts: scopeAccounts, currency: currency, settings: settings, kpis: lines,
                         score: score, forecastScore: forecastScore, bonus: bonus, anomalies: anomalies)
    }
}
