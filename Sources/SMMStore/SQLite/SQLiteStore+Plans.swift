import Foundation
import GRDB
import SMMCore

extension SQLiteStore: PlanStore {
    package func savePlan(_ plan: Plan) async throws -> (id: Int64, replaced: Bool) {
        guard let name = plan.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            throw StoreError.failed(operation: "save the plan", reason: "a stored plan needs a name")
        }
        return try guarded("save the plan “\(name)”") {
            try pool.write { db in
                let now = SQLiteStore.timestamp()
                let existing = try Int64.fetchOne(db, sql: "SELECT plan_id FROM plans WHERE name = ?", arguments: [name])
                let columns: [String: (any DatabaseValueConvertible)?] = [
                    "name": name, "assignee": plan.assignee, "period": plan.period.label,
                    "accounts": plan.accounts.map(SQLiteStore.json), "task": plan.task?.rawValue,
                    "sla_hours": plan.slaHours.map { "\($0)" }, "at_risk_below": plan.atRiskBelow, "cap": plan.cap,
                    "missing_data": plan.missingData.rawValue, "persona": plan.persona.map(SQLiteStore.personaJSON),
                    "bonus_base": plan.bonus?.base, "bonus_min_score": plan.bonus?.minScore,
                    "bonus_sales_percent": plan.bonus?.salesPercent, "updated_at": now,
                ]
                let names = columns.keys.sorted()
                let id: Int64
                if let existing {
                    let set = names.map { "\($0) = ?" }.joined(separator: ", ")
                    try db.execute(sql: "UPDATE plans SET \(set) WHERE plan_id = ?",
                                   arguments: StatementArguments(names.map { columns[$0]! } + [existing]))
                    try db.execute(sql: "DELETE FROM plan_kpis WHERE plan_id = ?", arguments: [existing])
                    id = existing
                } else {
                    let all = names + ["created_at"]
                    try db.execute(sql: "INSERT INTO plans (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))",
                                   arguments: StatementArguments(names.map { columns[$0]! } + [now]))
                    id = db.lastInsertedRowID
                }
                for (position, kpi) in plan.kpis.enumerated() {
                    let (kind, x, y, by) = SQLiteStore.columns(of: kpi.target)
                    try db.execute(sql: """
                        INSERT INTO plan_kpis (plan_id, position, metric, target_kind, x, y, by_date, weight, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, position, kpi.metric.rawValue, kind, x, y, by, kpi.weight, kpi.reason])
                }
                return (id, existing != nil)
            }
        }
    }

    package func plans() async throws -> [StoredPlan] {
        try guarded("read the plans") {
            try pool.read { db in try SQLiteStore.readPlans(db, where: "", arguments: []) }
        }
    }

    package func plan(id: Int64) async throws -> StoredPlan? {
        try guarded("read plan \(id)") {
            try pool.read { db in try SQLiteStore.readPlans(db, where: "WHERE plan_id = ?", arguments: [id]).first }
        }
    }

    package func plan(named name: String) async throws -> StoredPlan? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try guarded("read the plan “\(trimmed)”") {
            try pool.read { db in try SQLiteStore.readPlans(db, where: "WHERE name = ?", arguments: [trimmed]).first }
        }
    }

    package func deletePlan(id: Int64) async throws -> Bool {
        try guarded("delete plan \(id)") {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM plan_kpis WHERE plan_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM plans WHERE plan_id = ?", arguments: [id])
                return db.changesCount > 0
            }
        }
    }

    // MARK: - Rows ↔ plans

    static func readPlans(_ db: Database, where clause: String, arguments: StatementArguments) throws -> [StoredPlan] {
        var kpis: [Int64: [PlanKPI]] = [:]
        let kpiRows = try Row.fetchAll(db, sql: """
            SELECT k.* FROM plan_kpis k JOIN plans p USING (plan_id) \(clause) ORDER BY k.plan_id, k.position
            """, arguments: arguments)
        for r in kpiRows {
            let metricText: String = r["metric"]
            guard let metric = KPIID(rawValue: metricText),
                  let target = target(kind: r["target_kind"], x: r["x"], y: r["y"], by: r["by_date"]) else {
                throw StoreError.failed(operation: "read the plans", reason: "a stored KPI “\(metricText)” has an unreadable target")
            }
            kpis[r["plan_id"], default: []].append(PlanKPI(metric: metric, target: target, weight: r["weight"],
                                                           reason: r["reason"]))
        }
        var out: [StoredPlan] = []
        for r in try Row.fetchAll(db, sql: "SELECT * FROM plans \(clause) ORDER BY name", arguments: arguments) {
            let id: Int64 = r["plan_id"]
            let periodText: String = r["period"]
            guard let period = try? Period(parsing: periodText) else {
                throw StoreError.failed(operation: "read the plans", reason: "plan \(id) has an unreadable period “\(periodText)”")
            }
            var bonus: BonusRule?
            if let base: Double = r["bonus_base"] {
                bonus = BonusRule(base: base, minScore: r["bonus_min_score"] ?? 0, salesPercent: r["bonus_sales_percent"] ?? 0)
            }
            let accountsText: String? = r["accounts"]
            let personaText: String? = r["persona"]
            let slaText: String? = r["sla_hours"]
            let taskText: String? = r["task"]
            let plan = Plan(name: r["name"], assignee: r["assignee"], period: period,
                            accounts: accountsText.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
                            task: taskText.flatMap(BusinessTask.init(rawValue:)),
                            slaHours: slaText.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) },
                            atRiskBelow: r["at_risk_below"], cap: r["cap"],
                            missingData: MissingData(rawValue: r["missing_data"]) ?? .exclude,
                            persona: personaText.flatMap(persona(fromJSON:)), bonus: bonus, kpis: kpis[id] ?? [])
            out.append(StoredPlan(id: id, plan: plan, createdAt: r["created_at"], updatedAt: r["updated_at"]))
        }
        return out
    }

    static func columns(of target: Target) -> (String, Double, Double?, String?) {
        switch target {
        case .atLeast(let x): return ("at_least", x, nil, nil)
        case .atMost(let x): return ("at_most", x, nil, nil)
        case .growthPct(let g): return ("growth_pct", g, nil, nil)
        case .reach(let x, let by): return ("reach", x, nil, by.description)
        case .between(let l, let h): return ("between", l, h, nil)
        }
    }

    static func target(kind: String, x: Double, y: Double?, by: String?) -> Target? {
        switch kind {
        case "at_least": return .atLeast(x)
        case "at_most": return .atMost(x)
        case "growth_pct": return .growthPct(x)
        case "reach": return by.flatMap { LocalDate(iso: $0) }.map { .reach(x, by: $0) }
        case "between": return y.map { .between(x, $0) }
        default: return nil
        }
    }

    static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// {"dimension": {"bucket": "share as exact decimal text"}}.
    static func personaJSON(_ persona: Persona) -> String {
        var dict: [String: [String: String]] = [:]
        for (dimension, buckets) in persona.targets {
            dict[dimension.rawValue] = buckets.mapValues { "\($0)" }
        }
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return String(decoding: (try? e.encode(dict)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func persona(fromJSON text: String) -> Persona? {
        guard let dict = try? JSONDecoder().decode([String: [String: String]].self, from: Data(text.utf8)) else { return nil }
        var targets: [AudienceDimension: [String: Decimal]] = [:]
        for (name, buckets) in dict {
            guard let dimension = AudienceDimension(rawValue: name) else { continue }
            targets[dimension] = buckets.compactMapValues { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        }
        return Persona(targets)
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}
