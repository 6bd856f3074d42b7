import Foundation

/// Where a KPI stands against its target.
package enum KPIStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// a ≥ 100.
    case met
    /// at_risk_below ≤ a < 100.
    case atRisk = "at_risk"
    /// a < at_risk_below.
    case missed
    /// Without data under `missing_data: exclude`.
    case noData = "no_data"
}

/// One KPI of a scorecard.
package struct KPIScore: Hashable, Sendable {
    package var kpi: PlanKPI
    /// The KPI over the plan's period (so far, while it is in progress) and accounts.
    package var actual: Double?
    /// The KPI over the previous period.
    package var previous: Double?
    /// Threshold, reach start and clamped achievement.
    package var evaluation: TargetEvaluation
    package var status: KPIStatus
    /// The value forecast for the end of the period; nil unless the period is in progress.
    package var forecast: Double?
    /// The status the forecast would earn; nil unless the period is in progress.
    package var forecastStatus: KPIStatus?
    /// The KPI's forecast achievement (not printed by cli.md; used for the forecast score).
    package var forecastAchievement: Double?
    /// Its weight counts in the score (it has an achievement, possibly 0 under `missing_data: zero`).
    package var counts: Bool
    /// It moves the score-based bonus: it counts, its weight is above 0 and the plan pays a base.
    package var drivesBonus: Bool
    /// The money this KPI contributes to the score part: base × weight × a / (Σ weights × 100)
    /// when the bonus is paid, 0 when the score is under min_score, nil without a bonus or when
    /// the KPI does not count.
    package var bonusPart: Double?
    /// Ids of open or confirmed anomalies in the plan's scope and period that can inflate this KPI.
    package var anomalies: [String]

    package var metric: KPIID { kpi.metric }
    package var achievement: Double? { evaluation.achievement }

    package init(kpi: PlanKPI, actual: Double?, previous: Double?, evaluation: TargetEvaluation, status: KPIStatus,
                 forecast: Double? = nil, forecastStatus: KPIStatus? = nil, forecastAchievement: Double? = nil,
                 counts: Bool, drivesBonus: Bool = false, bonusPart: Double? = nil, anomalies: [String] = []) {
        self.kpi = kpi; self.actual = actual; self.previous = previous; self.evaluation = evaluation
        self.status = status; self.forecast = forecast; self.forecastStatus = forecastStatus
        self.forecastAchievement = forecastAchievement; self.counts = counts; self.drivesBonus = drivesBonus
        self.bonusPart = bonusPart; self.anomalies = anomalies
    }
}

/// The bonus a scorecard pays (plans-and-scoring.md "Bonus").
package struct BonusResult: Hashable, Sendable {
    package var rule: BonusRule
    /// `revenue` in the plan's scope and period; nil counts as 0.
    package var revenue: Double?
    /// base × score / 100 when score ≥ min_score, else 0.
    package var scorePart: Double
    /// sales_percent % of revenue.
    package var salesPart: Double
    package var total: Double { scorePart + salesPart }

    package init(rule: BonusRule, revenue: Double?, scorePart: Double, salesPart: Double) {
        self.rule = rule; self.revenue = revenue; self.scorePart = scorePart; self.salesPart = salesPart
    }
}

/// A plan evaluated on the data (cli.md `score --format json`).
package struct Scorecard: Hashable, Sendable {
    package var name: String?
    package var assignee: String?
    package var task: BusinessTask?
    package var period: Period
    package var previous: Period
    /// Today (or `--as-of`) in the bundle's time zone lies in the period.
    package var inProgress: Bool
    /// The date the plan was evaluated as of.
    package var asOf: LocalDate
    /// Sorted account ids of the scope.
    package var scopeAccounts: [String]
    package var currency: String
    package var settings: ScoreSettings
    /// In the plan's order.
    package var kpis: [KPIScore]
    /// 0–cap points; nil when no KPI counts or every counting weight is 0.
    package var score: Double?
    /// The score the forecasts would earn; nil unless the period is in progress.
    package var forecastScore: Double?
    /// nil when the plan has no `bonus` section.
    package var bonus: BonusResult?
    /// Open or confirmed anomalies in the scope and period (all kinds).
    package var anomalies: [SuspectAnomaly]

    package init(name: String?, assignee: String?, task: BusinessTask?, period: Period, previous: Period,
                 inProgress: Bool, asOf: LocalDate, scopeAccounts: [String], currency: String, settings: ScoreSettings,
                 kpis: [KPIScore], score: Double?, forecastScore: Double? = nil, bonus: BonusResult?,
                 anomalies: [SuspectAnomaly] = []) {
        self.name = name; self.assignee = assignee; self.task = task; self.period = period
        self.previous = previous; self.inProgress = inProgress; self.asOf = asOf; self.scopeAccounts = scopeAccounts
        self.currency = currency; self.settings = settings; self.kpis = kpis; self.score = score
        self.forecastScore = forecastScore; self.bonus = bonus; self.anomalies = anomalies
    }

    /// The KPIs that move the score-based bonus.
    package var bonusDrivers: [KPIScore] { kpis.filter(\.drivesBonus) }
}

// MARK: - JSON in the shape of cli.md "score --format json"

/// Encodes a number that may be absent as JSON null (never omitted).
private struct Nullable<T: Encodable>: Encodable {
    var value: T?
    init(_ v: T?) { value = v }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Target: Encodable {
    /// As written: `{"at_least": 3.2}`, `{"reach": 42000, "by": "2025-02-28"}`, `{"between": [25, 35]}`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        switch self {
        case .atLeast(let x): try c.encode(x, forKey: AnyKey("at_least"))
        case .atMost(let x): try c.encode(x, forKey: AnyKey("at_most"))
        case .growthPct(let g): try c.encode(g, forKey: AnyKey("growth_pct"))
        case .reach(let x, let by):
            try c.encode(x, forKey: AnyKey("reach"))
            try c.encode(by.description, forKey: AnyKey("by"))
        case .between(let l, let h): try c.encode([l, h], forKey: AnyKey("between"))
        }
    }
}

extension Threshold: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .value(let x): try c.encode(x)
        case .range(let l, let h): try c.encode([l, h])
        }
    }
}

extension KPIScore: Encodable {
    private enum Keys: String, CodingKey {
        case metric, unit, better, group, kind, target, weight, actual, previous, threshold, start, achievement
        case status, forecast
        case forecastStatus = "forecast_status"
        case drivesBonus = "drives_bonus"
        case bonusPart = "bonus_part"
        case anomalies
    }

    /// Every field of cli.md (nulls included; `start` only for reach targets), then the
    /// product's additions: `kind` (hard/soft), `drives_bonus`, `bonus_part`, `anomalies`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(metric.rawValue, forKey: .metric)
        try c.encode(metric.unit.rawValue, forKey: .unit)
        try c.encode(metric.better.rawValue, forKey: .better)
        try c.encode(metric.group.rawValue, forKey: .group)
        try c.encode(metric.kind.rawValue, forKey: .kind)
        try c.encode(kpi.target, forKey: .target)
        try c.encode(kpi.weight, forKey: .weight)
        try c.encode(Nullable(actual), forKey: .actual)
        try c.encode(Nullable(previous), forKey: .previous)
        try c.encode(Nullable(evaluation.threshold), forKey: .threshold)
        if case .reach = kpi.target { try c.encode(Nullable(evaluation.start), forKey: .start) }
        try c.encode(Nullable(evaluation.achievement), forKey: .achievement)
        try c.encode(status.rawValue, forKey: .status)
        try c.encode(Nullable(forecast), forKey: .forecast)
        try c.encode(Nullable(forecastStatus?.rawValue), forKey: .forecastStatus)
        try c.encode(drivesBonus, forKey: .drivesBonus)
        try c.encode(Nullable(bonusPart), forKey: .bonusPart)
        try c.encode(anomalies, forKey: .anomalies)
    }
}

extension BonusResult: Encodable {
    private enum Keys: String, CodingKey {
        case base, revenue, total
        case minScore = "min_score", salesPercent = "sales_percent", scorePart = "score_part", salesPart = "sales_part"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rule.base, forKey: .base)
        try c.encode(rule.minScore, forKey: .minScore)
        try c.encode(rule.salesPercent, forKey: .salesPercent)
        try c.encode(Nullable(revenue), forKey: .revenue)
        try c.encode(scorePart, forKey: .scorePart)
        try c.encode(salesPart, forKey: .salesPart)
        try c.encode(total, forKey: .total)
    }
}

extension SuspectAnomaly {
    fileprivate struct Summary: Encodable {
        var id: String, kind: String, account_id: String, from: String, to: String, status: String
    }
    fileprivate var summary: Summary {
        Summary(id: id, kind: kind.rawValue, account_id: accountID, from: from.description, to: to.description,
                status: status)
    }
}

extension Scorecard: Encodable {
    private enum Keys: String, CodingKey {
        case plan, period, previous, scope, currency, settings, kpis, score, bonus, anomalies
        case inProgress = "in_progress", asOf = "as_of", forecastScore = "forecast_score"
    }
    private enum PlanKeys: String, CodingKey { case name, assignee, task }
    private enum PeriodKeys: String, CodingKey { case kind, label, from, to }
    private enum ScopeKeys: String, CodingKey { case accounts }
    private enum SettingsKeys: String, CodingKey {
        case cap
        case slaHours = "sla_hours", atRiskBelow = "at_risk_below", missingData = "missing_data"
    }

    /// The fields of cli.md in its order, then `as_of`, `forecast_score` and `anomalies`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var pc = c.nestedContainer(keyedBy: PlanKeys.self, forKey: .plan)
        try pc.encode(Nullable(name), forKey: .name)
        try pc.encode(Nullable(assignee), forKey: .assignee)
        try pc.encode(Nullable(task?.rawValue), forKey: .task)
        for (key, p) in [(Keys.period, period), (Keys.previous, previous)] {
            var k = c.nestedContainer(keyedBy: PeriodKeys.self, forKey: key)
            try k.encode(p.kind.rawValue, forKey: .kind)
            try k.encode(p.label, forKey: .label)
            try k.encode(p.first, forKey: .from)
            try k.encode(p.last, forKey: .to)
        }
        try c.encode(inProgress, forKey: .inProgress)
        var sc = c.nestedContainer(keyedBy: ScopeKeys.self, forKey: .scope)
        try sc.encode(scopeAccounts, forKey: .accounts)
        try c.encode(currency, forKey: .currency)
        var st = c.nestedContainer(keyedBy: SettingsKeys.self, forKey: .settings)
        try st.encode(settings.slaHours, forKey: .slaHours)
        try st.encode(settings.atRiskBelow, forKey: .atRiskBelow)
        try st.encode(settings.cap, forKey: .cap)
        try st.encode(settings.missingData.rawValue, forKey: .missingData)
        try c.encode(kpis, forKey: .kpis)
        try c.encode(Nullable(score), forKey: .score)
        try c.encode(Nullable(bonus), forKey: .bonus)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(Nullable(forecastScore), forKey: .forecastScore)
        try c.encode(anomalies.map(\.summary), forKey: .anomalies)
    }
}
