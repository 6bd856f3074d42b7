import GRDB

extension SQLiteSchema {
    /// Connections to platforms: credentials sealed by the engine (a BLOB it alone can open),
    /// settings as a JSON object, the connector's cursor as JSON, and the last sync's outcome.
    static func registerConnectors(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("connectors-v1") { db in
            try db.execute(sql: """
                CREATE TABLE connections (connection_id INTEGER PRIMARY KEY, source TEXT NOT NULL,
                    name TEXT NOT NULL UNIQUE, credentials BLOB NOT NULL, settings TEXT NOT NULL, cursor TEXT,
                    last_sync_at TEXT, last_status TEXT, last_message TEXT, created_at TEXT NOT NULL);
                """)
        }
    }
}
