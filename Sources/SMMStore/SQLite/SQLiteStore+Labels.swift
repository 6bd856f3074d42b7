import Foundation
import GRDB
import SMMCore

extension SQLiteImportSink: SentimentImportSink {
    func setModelLabel(_ kind: LabeledKind, id: String, label: Sentiment?, model: String) throws {
        if let label {
            let s = try statement("INSERT OR REPLACE INTO sentiment_model (kind, id, label, model) VALUES (?1, ?2, ?3, ?4)")
            s.bind(1, kind.rawValue); s.bind(2, id); s.bind(3, label.rawValue); s.bind(4, model)
            try s.run()
        } else {
            let s = try statement("DELETE FROM sentiment_model WHERE kind = ?1 AND id = ?2")
            s.bind(1, kind.rawValue); s.bind(2, id)
            try s.run()
        }
    }

    func hasModelLabels(_ kind: LabeledKind) throws -> Bool {
        let s = try statement("SELECT EXISTS (SELECT 1 FROM sentiment_model WHERE kind = ?1)")
        s.bind(1, kind.rawValue)
        var found = false
        try s.forEach { found = $0.int64(0) != 0 }
        return found
    }
}

extension SQLiteStore: LabelStore {
    /// The label that counts for a row of `alias` of `kind`, as an SQL expression
    /// (kpi-catalog.md "Sentiment": correction, else given, else model). `corrections: false`
    /// leaves out the corrections probe, for a read that found no correction of `kind`.
    static func labelExpression(_ kind: LabeledKind, alias: String, corrections: Bool = true) -> String {
        let id = "\(alias).\(kind.table.id)"
        let corrected = corrections
            ? "(SELECT u.label FROM sentiment_corrections u WHERE u.kind = '\(kind.rawValue)' AND u.id = \(id)),\n         "
            : ""
        return """
            COALESCE(\(corrected)\(alias).sentiment,
                     (SELECT m.label FROM sentiment_model m WHERE m.kind = '\(kind.rawValue)' AND m.id = \(id)))
            """
    }

    /// Whether any user correction of `kind` exists (read in the caller's transaction).
    static func hasCorrections(_ db: Database, _ kind: LabeledKind) throws -> Bool {
        let s = try RawStatement(db, "SELECT EXISTS (SELECT 1 FROM sentiment_corrections WHERE kind = ?1)")
        s.bind(1, kind.rawValue)
        var found = false
        try s.forEach { found = $0.int64(0) != 0 }
        return found
    }

    package func reclassify(model: String, _ classify: (String) -> Sentiment?) async throws -> ReclassifySummary {
        try guarded("re-classify the texts") {
            try pool.write { db in
                var summary = ReclassifySummary()
                let upsert = try RawStatement(db, """
                    INSERT INTO sentiment_model (kind, id, label, model) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (kind, id) DO UPDATE SET label = excluded.label, model = excluded.model
                    """)
                let old = try RawStatement(db, "SELECT label FROM sentiment_model WHERE kind = ?1 AND id = ?2")
                for kind in LabeledKind.allCases {
                    let (table, idColumn) = kind.table
                    // The brand's own comments never count in a sentiment share: not classified.
                    let needs = "t.sentiment IS NULL AND t.has_letter = 1" + (kind == .comment ? " AND t.from_brand IS NOT 1" : "")
                    // Model labels of rows that are gone, now have a given label, or have no letters.
                    try db.execute(sql: """
                        DELETE FROM sentiment_model WHERE kind = ? AND NOT EXISTS (
                          SELECT 1 FROM \(table) t WHERE t.\(idColumn) = sentiment_model.id AND \(needs))
                        """, arguments: [kind.rawValue])
                    summary.given += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE sentiment IS NOT NULL") ?? 0
                    summary.unclassified += try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM \(table) t WHERE t.sentiment IS NULL AND NOT (\(needs))
                        """) ?? 0
                    let rows = try RawStatement(db, "SELECT t.\(idColumn), t.text FROM \(table) t WHERE \(needs)")
                    try rows.forEach { r in
                        let id = r.text(0)
                        guard let label = classify(r.text(1)) else {
                            summary.unclassified += 1
                            return
                        }
                        summary.classified += 1
                        old.bind(1, kind.rawValue); old.bind(2, id)
                        var previous: String?
                        try old.forEach { previous = $0.text(0) }
                        if previous != label.rawValue { summary.changed += 1 }
                        upsert.bind(1, kind.rawValue); upsert.bind(2, id); upsert.bind(3, label.rawValue); upsert.bind(4, model)
                        try upsert.run()
                    }
                }
                summary.corrected = try Int.fetchOne(db, sql: "SELECT count(*) FROM sentiment_corrections") ?? 0
                return summary
            }
        }
    }

    package func setCorrection(_ kind: LabeledKind, id: String, label: Sentiment?, at: Date) async throws -> LabeledText {
        try guarded("record the label") {
            try pool.write { db in
                guard try Self.readLabeled(db, kind, id: id) != nil else { throw LabelError.unknownRow(kind: kind, id: id) }
                if let label {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO sentiment_corrections (kind, id, label, corrected_at) VALUES (?, ?, ?, ?)
                        """, arguments: [kind.rawValue, id, label.rawValue, Self.iso(at)])
                } else {
                    try db.execute(sql: "DELETE FROM sentiment_corrections WHERE kind = ? AND id = ?",
                                   arguments: [kind.rawValue, id])
                }
                return try Self.readLabeled(db, kind, id: id)!
            }
        }
    }

    package func corrections() async throws -> [LabeledText] {
        try guarded("read the corrections") {
            try pool.read { db in
                var out: [LabeledText] = []
                let ids = try Row.fetchAll(db, sql: "SELECT kind, id FROM sentiment_corrections ORDER BY kind, id")
                for row in ids {
                    guard let kind = LabeledKind(rawValue: row["kind"]) else { continue }
                    let id: String = row["id"]
                    // A correction of a row that is no longer in the database is still listed.
                    out.append(try Self.readLabeled(db, kind, id: id) ?? Self.orphan(db, kind, id: id))
                }
                return out
            }
        }
    }

    package func labeledText(_ kind: LabeledKind, id: String) async throws -> LabeledText? {
        try guarded("read the labels") {
            try pool.read { db in try Self.readLabeled(db, kind, id: id) }
        }
    }

    package func comments(window: ClosedRange<LocalDate>) async throws -> [CommentListing] {
        try guarded("read the comments") {
            try pool.read { db in
                let s = try RawStatement(db, """
                    SELECT c.comment_id, c.post_id, c.created_at, c.local_date, c.author_id, c.text, c.from_brand,
                           c.parent_id, c.sentiment, p.account_id,
                           EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.comment_id AND r.from_brand = 1),
                           (SELECT m.label FROM sentiment_model m WHERE m.kind = 'comment' AND m.id = c.comment_id),
                           u.label, u.corrected_at
                    FROM comments c JOIN posts p ON p.post_id = c.post_id
                    LEFT JOIN sentiment_corrections u ON u.kind = 'comment' AND u.id = c.comment_id
                    WHERE c.local_date BETWEEN ?1 AND ?2
                    ORDER BY c.created_at, c.comment_id
                    """)
                s.bind(1, window.lowerBound.dayNumber)
                s.bind(2, window.upperBound.dayNumber)
                var out: [CommentListing] = []
                try s.forEach { r in
                    out.append(SQLiteRow(statement: r).commentListing())
                }
                return out
            }
        }
    }

    static func readLabeled(_ db: Database, _ kind: LabeledKind, id: String) throws -> LabeledText? {
        let (table, idColumn) = kind.table
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.text, t.sentiment,
                   (SELECT m.label FROM sentiment_model m WHERE m.kind = ?1 AND m.id = t.\(idColumn)),
                   u.label, u.corrected_at
            FROM \(table) t LEFT JOIN sentiment_corrections u ON u.kind = ?1 AND u.id = t.\(idColumn)
            WHERE t.\(idColumn) = ?2
            """, arguments: [kind.rawValue, id]) else { return nil }
        func label(_ i: Int) -> Sentiment? { (row[i] as String?).flatMap(Sentiment.init(rawValue:)) }
        return LabeledText(kind: kind, id: id, text: row[0], given: label(1), model: label(2), user: label(3),
                           correctedAt: row[4])
    }

    private static func orphan(_ db: Database, _ kind: LabeledKind, id: String) throws -> LabeledText {
        let row = try Row.fetchOne(db, sql: "SELECT label, corrected_at FROM sentiment_corrections WHERE kind = ? AND id = ?",
                                   arguments: [kind.rawValue, id])
        return LabeledText(kind: kind, id: id, user: (row?[0] as String?).flatMap(Sentiment.init(rawValue:)),
                           correctedAt: row?[1])
    }

    private static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
