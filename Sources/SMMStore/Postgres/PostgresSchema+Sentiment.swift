extension PostgresSchema {
    /// The sentiment feature (``SQLiteSchema/registerSentiment(_:)``): model labels and user
    /// corrections, apart from the imported rows.
    static let sentiment = Migration(id: "sentiment-v1", sql: """
        CREATE TABLE sentiment_model (kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL,
            model TEXT NOT NULL, PRIMARY KEY (kind, id));
        CREATE TABLE sentiment_corrections (kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL,
            corrected_at TEXT NOT NULL, PRIMARY KEY (kind, id));
        """)
}
