import GRDB

extension SQLiteSchema {
    /// Tables of the plans feature: one row per plan (scalars; accounts and persona as JSON),
    /// one row per KPI in the plan's order. Decimals that must stay exact (sla_hours, persona
    /// shares) are text; targets, weights and bonus figures are REAL, as the YAML gives them.
    static func registerPlans(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("plans-v1") { db in
            try db.execute(sql: """
                CREATE TABLE plans (plan_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, assignee TEXT,
                    period TEXT NOT NULL, accounts TEXT, task TEXT, sla_hours TEXT, at_risk_below REAL NOT NULL,
                    cap REAL NOT NULL, missing_data TEXT NOT NULL, persona TEXT, bonus_base REAL,
                    bonus_min_score REAL, bonus_sales_percent REAL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                CREATE TABLE plan_kpis (plan_id INTEGER NOT NULL REFERENCES plans(plan_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, metric TEXT NOT NULL, target_kind TEXT NOT NULL, x REAL NOT NULL,
                    y REAL, by_date TEXT, weight REAL NOT NULL, reason TEXT,
                    PRIMARY KEY (plan_id, position)) WITHOUT ROWID;
                """)
        }
    }
}
