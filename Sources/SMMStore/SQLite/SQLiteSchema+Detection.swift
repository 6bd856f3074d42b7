import GRDB

extension SQLiteSchema {
    /// Tables of the cheating detector: the directors' verdicts (the anomaly as judged, in its
    /// cli.md JSON), a log of every decision, and a cache of the last detection result, valid
    /// while meta `detection_cache_key` matches (detector version + data version).
    static func registerDetection(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-detection") { db in
            try db.execute(sql: """
                CREATE TABLE anomaly_verdicts (anomaly_id TEXT PRIMARY KEY, kind TEXT NOT NULL,
                    account_id TEXT NOT NULL, date_from INTEGER NOT NULL, date_to INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')), note TEXT,
                    decided_at INTEGER NOT NULL, anomaly TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE anomaly_verdict_log (id INTEGER PRIMARY KEY, anomaly_id TEXT NOT NULL,
                    status TEXT NOT NULL, note TEXT, decided_at INTEGER NOT NULL);
                CREATE TABLE anomaly_cache (position INTEGER PRIMARY KEY, anomaly_id TEXT NOT NULL,
                    anomaly TEXT NOT NULL);
                """)
        }
    }
}
