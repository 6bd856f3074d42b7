import GRDB

extension SQLiteSchema {
    /// Tables of report schedules: the schedules (AUTOINCREMENT, so a removed schedule's id, and
    /// with it its idempotency keys, is never given to another), one row per delivery (schedule ×
    /// period, keyed by its idempotency key) and the delivery log.
    static func registerReports(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-reports") { db in
            try db.execute(sql: """
                CREATE TABLE report_schedules (schedule_id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
                    at TEXT NOT NULL, target TEXT NOT NULL, format TEXT NOT NULL, language TEXT NOT NULL,
                    plan TEXT, accounts TEXT, created_at REAL NOT NULL);
                CREATE TABLE report_deliveries (delivery_key TEXT PRIMARY KEY, schedule_id INTEGER NOT NULL,
                    period TEXT NOT NULL, state TEXT NOT NULL
                        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'interrupted')),
                    attempts INTEGER NOT NULL DEFAULT 0, error TEXT, updated_at REAL NOT NULL) WITHOUT ROWID;
                CREATE TABLE report_delivery_log (id INTEGER PRIMARY KEY, time REAL NOT NULL,
                    schedule_id INTEGER NOT NULL, period TEXT NOT NULL, attempt INTEGER NOT NULL,
                    status TEXT NOT NULL, http_status INTEGER, error TEXT);
                """)
        }
    }
}
