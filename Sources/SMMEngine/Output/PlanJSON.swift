import Foundation
import SMMCore
import SMMStore

/// JSON with sorted keys, so the same scorecard always prints the same text.
package enum ScoreJSON {
    package static func data<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(value)
    }

    package static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}

/// `smmkpi score --history N --format json`.
package struct ScoreHistoryJSON: Encodable {
    package var history: [Scorecard]
    package init(history cards: [Scorecard]) { history = cards }
}

/// `smmkpi plan list --format json`.
package struct PlanSummaryJSON: Encodable {
    package var id: Int64, name: String, period: String, assignee: String?, task: String?, accounts: [String]?
    package var kpis: Int, created_at: String, updated_at: String
    package init(_ s: StoredPlan) {
        id = s.id; name = s.name; period = s.plan.period.label; assignee = s.plan.assignee
        task = s.plan.task?.rawValue; accounts = s.plan.accounts; kpis = s.plan.kpis.count
        created_at = s.createdAt; updated_at = s.updatedAt
    }
}

package struct PlanJSON: Encodable {
    package struct KPI: Encodable {
        package var metric: String, target: Target, weight: Double, reason: String?, unit: String, better: String
        package var group: String, kind: String
    }
    package struct Bonus: Encodable { var base: Double, min_score: Double, sales_percent: Double }
    package var id: Int64?, name: String?, assignee: String?, period: String, accounts: [String]?, task: String?
    package var sla_hours: Double, at_risk_below: Double, cap: Double, missing_data: String
    package var persona: [String: [String: Double]]?, bonus: Bonus?, kpis: [KPI]

    package init(_ p: Plan, id: Int64?) {
        self.id = id; name = p.name; assignee = p.assignee; period = p.period.label; accounts = p.accounts
        task = p.task?.rawValue; sla_hours = p.settings.slaHours; at_risk_below = p.atRiskBelow; cap = p.cap
        missing_data = p.missingData.rawValue
        persona = p.persona.map { persona in
            Dictionary(uniqueKeysWithValues: persona.targets.map { d, b in
                (d.rawValue, b.mapValues { NSDecimalNumber(decimal: $0).doubleValue })
            })
        }
        bonus = p.bonus.map { Bonus(base: $0.base, min_score: $0.minScore, sales_percent: $0.salesPercent) }
        kpis = p.kpis.map {
            KPI(metric: $0.metric.rawValue, target: $0.target, weight: $0.weight, reason: $0.reason,
                unit: $0.metric.unit.rawValue, better: $0.metric.better.rawValue, group: $0.metric.group.rawValue,
                kind: $0.metric.kind.rawValue)
        }
    }
}

package struct PlanCheckJSON: Encodable {
    package struct Finding: Encodable { var criterion: String, ok: Bool, text: String }
    package struct KPI: Encodable {
        package var metric: String, target: Target, weight: Double, achievability: String, warnings: Int
        package var checks: [Finding]
    }
    package var plan: String?, period: String, warnings: Int, notes: [String], kpis: [KPI]

    package init(_ c: PlanCheck, plan: Plan) {
        self.plan = plan.name; period = plan.period.label; warnings = c.warningCount; notes = c.notes
        kpis = c.kpis.map { k in
            KPI(metric: k.kpi.metric.rawValue, target: k.kpi.target, weight: k.kpi.weight,
                achievability: k.achievability.rawValue, warnings: k.warnings.count,
                checks: k.findings.map { Finding(criterion: $0.criterion.rawValue, ok: $0.ok, text: $0.text) })
        }
    }
}
