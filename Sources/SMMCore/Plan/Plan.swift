import Foundation

/// How a KPI without data counts in the score (plans-and-scoring.md "Target kinds and achievement").
package enum MissingData: String, Sendable, Codable, CaseIterable, Hashable {
    /// Shown as `no_data`, its weight left out of the total (the default).
    case exclude
    /// Scores 0 and is `missed`.
    case zero
}

/// How the bonus follows from the score (plans-and-scoring.md; every field defaults to 0).
package struct BonusRule: Hashable, Sendable {
    /// Paid in full at 100 points.
    package var base: Double
    /// No score-based bonus under this score.
    package var minScore: Double
    /// Plus this % of `revenue` in the plan's scope and period.
    package var salesPercent: Double

    package init(base: Double = 0, minScore: Double = 0, salesPercent: Double = 0) {
        self.base = base; self.minScore = minScore; self.salesPercent = salesPercent
    }
}

/// One KPI of a plan: a catalog metric, its target and weight.
package struct PlanKPI: Hashable, Sendable {
    package var metric: KPIID
    package var target: Target
    /// Defaults to 1; 0 shows the KPI without counting it; never negative.
    package var weight: Double
    /// Why the KPI belongs to the plan although it is not in the task's set.
    package var reason: String?

    package init(metric: KPIID, target: Target, weight: Double = 1, reason: String? = nil) {
        self.metric = metric; self.target = target; self.weight = weight; self.reason = reason
    }
}

/// What a marketing director agrees with a specialist: whose work, which accounts, which
/// period, which task, which KPIs with which targets and weights, and the bonus
/// (plans-and-scoring.md). A pure value; YAML reading and writing live in SMMEngine.
package struct Plan: Hashable, Sendable {
    package static let defaultAtRiskBelow = 80.0
    package static let defaultCap = 120.0
    package static let defaultSLAHours: Decimal = 24

    package var name: String?
    /// The person evaluated (trimmed); also selects work_log rows.
    package var assignee: String?
    /// Required: a plan is always evaluated over a period.
    package var period: Period
    /// Trimmed account ids; nil means every account.
    package var accounts: [String]?
    /// Drives only the relevance check; never adds KPIs.
    package var task: BusinessTask?
    /// nil: 24 hours.
    package var slaHours: Decimal?
    /// From this % achievement up to 100 a KPI is at risk (default 80).
    package var atRiskBelow: Double
    /// Achievement cap per KPI in % (default 120).
    package var cap: Double
    package var missingData: MissingData
    /// For audience_match.
    package var persona: Persona?
    /// nil: the scorecard's bonus is null.
    package var bonus: BonusRule?
    /// At least one.
    package var kpis: [PlanKPI]

    package init(name: String? = nil, assignee: String? = nil, period: Period, accounts: [String]? = nil,
                 task: BusinessTask? = nil, slaHours: Decimal? = nil, atRiskBelow: Double = Plan.defaultAtRiskBelow,
                 cap: Double = Plan.defaultCap, missingData: MissingData = .exclude, persona: Persona? = nil,
                 bonus: BonusRule? = nil, kpis: [PlanKPI]) {
        self.name = name; self.assignee = assignee; self.period = period; self.accounts = accounts
        self.task = task; self.slaHours = slaHours; self.atRiskBelow = atRiskBelow; self.cap = cap
        self.missingData = missingData; self.persona = persona; self.bonus = bonus; self.kpis = kpis
    }

    /// What the KPI formulas take from the plan: SLA, persona and assignee.
    package var kpiOptions: KPIOptions {
        KPIOptions(slaHours: slaHours ?? Plan.defaultSLAHours, persona: persona, assignee: assignee)
    }

    /// The settings in force, defaults filled in (the scorecard's `settings`).
    package var settings: ScoreSettings {
        ScoreSettings(slaHours: (slaHours ?? Plan.defaultSLAHours).double, atRiskBelow: atRiskBelow, cap: cap,
                      missingData: missingData)
    }

    /// The same plan over another period (`score --history`, the achievability check).
    package func over(_ other: Period) -> Plan {
        var copy = self
        copy.period = other
        return copy
    }
}

/// The scoring settings of a plan with defaults filled in.
package struct ScoreSettings: Hashable, Sendable {
    package var slaHours: Double
    package var atRiskBelow: Double
    package var cap: Double
    package var missingData: MissingData

    package init(slaHours: Double = 24, atRiskBelow: Double = Plan.defaultAtRiskBelow, cap: Double = Plan.defaultCap,
                 missingData: MissingData = .exclude) {
        self.slaHours = slaHours; self.atRiskBelow = atRiskBelow; self.cap = cap; self.missingData = missingData
    }
}
