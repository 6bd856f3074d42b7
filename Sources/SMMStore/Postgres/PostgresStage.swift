import Foundation
import Logging
import PostgresNIO

/// Rows of one table buffered during an import, sent with COPY in batches.
///
/// Keyed tables are copied into a temporary stage table and merged with one
/// `INSERT … ON CONFLICT DO UPDATE` per batch: the last row of a key wins (as SQLite's
/// `INSERT OR REPLACE`), and a replaced row takes a new `seq` (SQLite gives it a new rowid).
/// Keyless tables (other_costs, work_log) are appended with ids that continue SQLite's way.
struct PostgresStage {
    let table: String
    let columns: [String]
    let keys: [String]
    let hasSeq: Bool
    var copy = CopyText()
    var created = false

    /// Rows per batch: big enough for COPY to pay, small enough to keep memory flat.
    static let batchRows = 50000

    var stageTable: String { "stage_\(table)" }
    var isKeyless: Bool { keys.isEmpty }

    static func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }

    var createSQL: String {
        "CREATE TEMP TABLE \(stageTable) ON COMMIT DROP AS SELECT \(Self.quoted(columns)), 0::bigint AS ord FROM \(table) WITH NO DATA"
    }

    /// The statements that move a copied batch from the stage table into the table.
    var mergeSQL: [String] {
        if isKeyless {
            // Ids continue from the largest stored one, as SQLite's INTEGER PRIMARY KEY does
            // (an identity sequence would not reuse the ids of deleted rows). Imports hold the
            // schema's lock, so no other writer takes the same ids.
            let cols = Self.quoted(columns)
            return ["""
                INSERT INTO \(table) (id, \(cols))
                SELECT (SELECT coalesce(max(id), 0) FROM \(table)) + row_number() OVER (ORDER BY ord), \(cols)
                FROM \(stageTable) ORDER BY ord
                """, "TRUNCATE \(stageTable)"]
        }
        let cols = Self.quoted(columns), keyList = Self.quoted(keys)
        let latest = "SELECT DISTINCT ON (\(keyList)) \(cols), ord FROM \(stageTable) ORDER BY \(keyList), ord DESC"
        var set = columns.filter { !keys.contains($0) }.map { "\"\($0)\" = EXCLUDED.\"\($0)\"" }
        if hasSeq { set.append("seq = EXCLUDED.seq") }
        let conflict = set.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(set.joined(separator: ", "))"
        return ["INSERT INTO \(table) (\(cols)) SELECT \(cols) FROM (\(latest)) s ORDER BY ord ON CONFLICT (\(keyList)) \(conflict)",
                "TRUNCATE \(stageTable)"]
    }

    /// Model labels: the last operation of a key wins; a NULL label removes the stored one.
    static let sentimentMerge: [String] = {
        let latest = "SELECT DISTINCT ON (kind, id) kind, id, label, model, ord FROM stage_sentiment_model ORDER BY kind, id, ord DESC"
        return ["DELETE FROM sentiment_model m USING (\(latest)) s WHERE s.label IS NULL AND m.kind = s.kind AND m.id = s.id",
                """
                INSERT INTO sentiment_model (kind, id, label, model) SELECT kind, id, label, model FROM (\(latest)) s
                WHERE label IS NOT NULL ORDER BY ord ON CONFLICT (kind, id) DO UPDATE SET label = EXCLUDED.label, model = EXCLUDED.model
                """,
                "TRUNCATE stage_sentiment_model"]
    }()

    /// Sends the buffered rows; the caller resets the buffer.
    static func send(_ stage: PostgresStage, sentiment: Bool, on c: PostgresConnection, logger: Logger) async throws {
        let buffer = stage.copy.buffer
        if !stage.created {
            let create = sentiment
                ? "CREATE TEMP TABLE stage_sentiment_model (kind TEXT COLLATE \"C\", id TEXT COLLATE \"C\", label TEXT, model TEXT, ord BIGINT) ON COMMIT DROP"
                : stage.createSQL
            try await c.query(PostgresQuery(unsafeSQL: create), logger: logger)
        }
        try await c.copyFrom(table: stage.stageTable, columns: stage.columns + ["ord"], logger: logger) { try await $0.write(buffer) }
        for sql in sentiment ? sentimentMerge : stage.mergeSQL {
            try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
