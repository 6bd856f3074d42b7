import Foundation
import Logging
import PostgresNIO
import SMMCore

extension PostgresStore: PlanStore {
    package func savePlan(_ plan: Plan) async throws -> (id: Int64, replaced: Bool) {
        guard let name = plan.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            throw StoreError.failed(operation: "save the plan", reason: "a stored plan needs a name")
        }
        let now = Self.timestamp()
        let accounts = plan.accounts.map(SQLiteStore.json), persona = plan.persona.map(SQLiteStore.personaJSON)
        let sla = plan.slaHours.map { "\($0)" }, task = plan.task?.rawValue
        let result: (Int64, Bool) = try await transaction("save the plan “\(name)”") { c in
            // New ids continue from the largest stored one (SQLite's INTEGER PRIMARY KEY); the lock
            // keeps two savers from taking the same.
            try await c.query("LOCK TABLE plans IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let existing = try await Self.first(c, "SELECT plan_id FROM plans WHERE name = \(name)", logger: logger)?.int64(0)
            let id: Int64
            if let existing {
                try await c.query("""
                    UPDATE plans SET accounts = \(accounts), assignee = \(plan.assignee), at_risk_below = \(plan.atRiskBelow),
                        bonus_base = \(plan.bonus?.base), bonus_min_score = \(plan.bonus?.minScore),
                        bonus_sales_percent = \(plan.bonus?.salesPercent), cap = \(plan.cap),
                        missing_data = \(plan.missingData.rawValue), name = \(name), period = \(plan.period.label),
                        persona = \(persona), sla_hours = \(sla), task = \(task), updated_at = \(now)
                    WHERE plan_id = \(existing)
                    """, logger: logger)
                try await c.query("DELETE FROM plan_kpis WHERE plan_id = \(existing)", logger: logger)
                id = existing
            } else {
                id = try await Self.first(c, """
                    INSERT INTO plans (plan_id, accounts, assignee, at_risk_below, bonus_base, bonus_min_score, bonus_sales_percent,
                        cap, missing_data, name, period, persona, sla_hours, task, updated_at, created_at)
                    VALUES ((SELECT coalesce(max(plan_id), 0) + 1 FROM plans), \(accounts), \(plan.assignee), \(plan.atRiskBelow), \(plan.bonus?.base), \(plan.bonus?.minScore),
                        \(plan.bonus?.salesPercent), \(plan.cap), \(plan.missingData.rawValue), \(name), \(plan.period.label),
                        \(persona), \(sla), \(task), \(now), \(now))
                    RETURNING plan_id
                    """, logger: logger)?.int64(0) ?? 0
            }
            for (position, kpi) in plan.kpis.enumerated() {
                let (kind, x, y, by) = SQLiteStore.columns(of: kpi.target)
                try await c.query("""
                    INSERT INTO plan_kpis (plan_id, position, metric, target_kind, x, y, by_date, weight, reason)
                    VALUES (\(id), \(Int64(position)), \(kpi.metric.rawValue), \(kind), \(x), \(y), \(by), \(kpi.weight), \(kpi.reason))
                    """, logger: logger)
            }
            return (id, existing != nil)
        }
        return (result.0, result.1)
    }

    package func plans() async throws -> [StoredPlan] {
        try await read("read the plans") { c in try await Self.readPlans(c, where: nil, logger: logger) }
    }

    package func plan(id: Int64) async throws -> StoredPlan? {
        try await read("read plan \(id)") { c in try await Self.readPlans(c, where: .id(id), logger: logger).first }
    }

    package func plan(named name: String) async throws -> StoredPlan? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await read("read the plan “\(trimmed)”") { c in
            try await Self.readPlans(c, where: .name(trimmed), logger: logger).first
        }
    }

    package func deletePlan(id: Int64) async throws -> Bool {
        try await transaction("delete plan \(id)") { c in
            try await c.query("DELETE FROM plan_kpis WHERE plan_id = \(id)", logger: logger)
            let row = try await Self.first(c, "WITH d AS (DELETE FROM plans WHERE plan_id = \(id) RETURNING 1) SELECT count(*) FROM d",
                                           logger: logger)
            return (row?.int64(0) ?? 0) > 0
        }
    }

    enum PlanFilter { case id(Int64), name(String) }

    static func readPlans(_ c: PostgresConnection, where filter: PlanFilter?, logger: Logger) async throws -> [StoredPlan] {
        var clause = "", binds = PostgresBindings()
        switch filter {
        case .id(let id): clause = "WHERE plan_id = $1"; binds.append(id)
        case .name(let name): clause = "WHERE name = $1"; binds.append(name)
        case nil: break
        }
        var kpis: [Int64: [PlanKPI]] = [:]
        var failure: StoreError?
        try await each(c, PostgresQuery(unsafeSQL: """
            SELECT k.plan_id, k.metric, k.target_kind, k.x, k.y, k.by_date, k.weight, k.reason
            FROM plan_kpis k JOIN plans p USING (plan_id) \(clause) ORDER BY k.plan_id, k.position
            """, binds: binds), logger: logger) { r in
            let metricText = r.text(1)
            guard let metric = KPIID(rawValue: metricText),
                  let target = SQLiteStore.target(kind: r.text(2), x: r.double(3), y: r.optDouble(4), by: r.optText(5)) else {
                failure = StoreError.failed(operation: "read the plans", reason: "a stored KPI “\(metricText)” has an unreadable target")
                return
            }
            kpis[r.int64(0), default: []].append(PlanKPI(metric: metric, target: target, weight: r.double(6), reason: r.optText(7)))
        }
        if let failure { throw failure }
        var out: [StoredPlan] = []
        try await each(c, PostgresQuery(unsafeSQL: """
            SELECT plan_id, name, assignee, period, accounts, task, sla_hours, at_risk_below, cap, missing_data, persona,
                   bonus_base, bonus_min_score, bonus_sales_percent, created_at, updated_at
            FROM plans \(clause) ORDER BY name
            """, binds: binds), logger: logger) { r in
            let id = r.int64(0)
            let periodText = r.text(3)
            guard let period = try? Period(parsing: periodText) else {
                failure = StoreError.failed(operation: "read the plans", reason: "plan \(id) has an unreadable period “\(periodText)”")
                return
            }
            var bonus: BonusRule?
            if let base = r.optDouble(11) {
                bonus = BonusRule(base: base, minScore: r.optDouble(12) ?? 0, salesPercent: r.optDouble(13) ?? 0)
            }
            let plan = Plan(name: r.text(1), assignee: r.optText(2), period: period,
                            accounts: r.optText(4).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
                            task: r.optText(5).flatMap(BusinessTask.init(rawValue:)),
                            slaHours: r.optText(6).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) },
                            atRiskBelow: r.double(7), cap: r.double(8),
                            missingData: MissingData(rawValue: r.text(9)) ?? .exclude,
                            persona: r.optText(10).flatMap(SQLiteStore.persona(fromJSON:)), bonus: bonus, kpis: kpis[id] ?? [])
            out.append(StoredPlan(id: id, plan: plan, createdAt: r.text(14), updatedAt: r.text(15)))
        }
        if let failure { throw failure }
        return out
    }
}
