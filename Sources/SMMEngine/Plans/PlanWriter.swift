import Foundation
import SMMCore

/// Writes a ``Plan`` as YAML that ``PlanReader`` reads back to the same plan: every field in
/// the spec's order, strings double-quoted, numbers in their shortest exact form, optional
/// comment lines (the explanations of `plan new`).
package enum PlanWriter {
    /// The plan as YAML. `header` lines become comments at the top; `comments[i]` lines go above
    /// KPI i.
    package static func yaml(_ plan: Plan, header: [String] = [], comments: [[String]] = []) -> String {
        var out: [String] = header.map { "# " + $0 }
        if let name = plan.name { out.append("name: \(quoted(name))") }
        if let assignee = plan.assignee { out.append("assignee: \(quoted(assignee))") }
        out.append("period: \(plan.period.label)")
        if let accounts = plan.accounts { out.append("accounts: [\(accounts.map(quoted).joined(separator: ", "))]") }
        if let task = plan.task { out.append("task: \(task.rawValue)") }
        if let sla = plan.slaHours { out.append("sla_hours: \(sla)") }
        out.append("at_risk_below: \(number(plan.atRiskBelow))")
        out.append("cap: \(number(plan.cap))")
        out.append("missing_data: \(plan.missingData.rawValue)")
        if let persona = plan.persona {
            out.append("persona:")
            for dimension in AudienceDimension.allCases {
                guard let buckets = persona.targets[dimension] else { continue }
                let pairs = buckets.keys.sorted(by: codePointLess).map { "\(quoted($0)): \(buckets[$0]!)" }
                out.append("  \(dimension.rawValue): {\(pairs.joined(separator: ", "))}")
            }
        }
        if let bonus = plan.bonus {
            out.append("bonus:")
            out.append("  base: \(number(bonus.base))")
            out.append("  min_score: \(number(bonus.minScore))")
            out.append("  sales_percent: \(number(bonus.salesPercent))")
        }
        out.append("kpis:")
        for (i, kpi) in plan.kpis.enumerated() {
            if i < comments.count { out += comments[i].map { "  # " + $0 } }
            out.append("  - metric: \(kpi.metric.rawValue)")
            out.append("    target: \(target(kpi.target))")
            out.append("    weight: \(number(kpi.weight))")
            if let reason = kpi.reason { out.append("    reason: \(quoted(reason))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `{at_least: 4.5}`, `{reach: 35000, by: 2025-12-31}`, `{between: [25, 35]}`.
    package static func target(_ t: Target) -> String {
        switch t {
        case .atLeast(let x): return "{at_least: \(number(x))}"
        case .atMost(let x): return "{at_most: \(number(x))}"
        case .growthPct(let g): return "{growth_pct: \(number(g))}"
        case .reach(let x, let by): return "{reach: \(number(x)), by: \(by)}"
        case .between(let l, let h): return "{between: [\(number(l)), \(number(h))]}"
        }
    }

    /// The shortest text that reads back as the same Double; whole numbers without `.0`.
    package static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// A YAML double-quoted string (JSON escapes are valid YAML).
    static func quoted(_ s: String) -> String { JSONText.string(s) }
}
