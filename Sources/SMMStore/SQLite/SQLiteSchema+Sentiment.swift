import GRDB

extension SQLiteSchema {
    /// Tables of the sentiment feature. The bundle's own label stays in the row's `sentiment`
    /// column; the classifier's labels and the user's corrections are kept apart, keyed by kind
    /// ('comment', 'mention', 'review') and id, so that imports never overwrite a correction.
    static func registerSentiment(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("sentiment-v1") { db in
            try db.execute(sql: """
                CREATE TABLE sentiment_model (kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL,
                    model TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
                CREATE TABLE sentiment_corrections (kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL,
                    corrected_at TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
                """)
        }
    }
}
