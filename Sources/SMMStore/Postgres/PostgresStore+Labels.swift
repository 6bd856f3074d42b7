import Foundation
import Logging
import PostgresNIO
import SMMCore

extension PostgresStore: LabelStore {
    /// The label that counts, as an SQL expression (the SQLite store's, which is plain SQL).
    static func labelExpression(_ kind: LabeledKind, alias: String) -> String {
        SQLiteStore.labelExpression(kind, alias: alias)
    }

    /// The same label when the snapshot read holds no correction of this kind (the user's
    /// correction, first in the COALESCE, is then NULL for every row): one index probe per row
    /// fewer.
    static func labelExpression(_ kind: LabeledKind, alias: String, corrected: Set<String>) -> String {
        if corrected.contains(kind.rawValue) { return labelExpression(kind, alias: alias) }
        return """
            COALESCE(\(alias).sentiment,
                     (SELECT m.label FROM sentiment_model m WHERE m.kind = '\(kind.rawValue)' AND m.id = \(alias).\(kind.table.id)))
            """
    }

    package func reclassify(model: String, _ classify: (String) -> Sentiment?) async throws -> ReclassifySummary {
        let schema = self.schema
        return try await transaction("re-classify the texts") { c in
            // Not while an import of this workspace runs (it writes model labels too).
            try await c.query("SELECT pg_advisory_xact_lock(hashtext(\("smmkpi.import." + schema)))", logger: logger)
            var summary = ReclassifySummary()
            for kind in LabeledKind.allCases {
                let (table, idColumn) = kind.table
                let needs = "t.sentiment IS NULL AND t.has_letter = 1" + (kind == .comment ? " AND t.from_brand IS DISTINCT FROM 1" : "")
                try await c.query(PostgresQuery(unsafeSQL: """
                    DELETE FROM sentiment_model WHERE kind = $1 AND NOT EXISTS (
                      SELECT 1 FROM \(table) t WHERE t.\(idColumn) = sentiment_model.id AND \(needs))
                    """, binds: Self.binds(kind.rawValue)), logger: logger)
                summary.given += Int(try await Self.first(c, PostgresQuery(unsafeSQL:
                    "SELECT count(*) FROM \(table) WHERE sentiment IS NOT NULL"), logger: logger)?.int64(0) ?? 0)
                summary.unclassified += Int(try await Self.first(c, PostgresQuery(unsafeSQL:
                    "SELECT count(*) FROM \(table) t WHERE t.sentiment IS NULL AND NOT (\(needs))"), logger: logger)?.int64(0) ?? 0)
                var old: [String: String] = [:]
                try await Self.each(c, "SELECT id, label FROM sentiment_model WHERE kind = \(kind.rawValue)", logger: logger) {
                    old[$0.text(0)] = $0.text(1)
                }
                var ids: [String] = [], labels: [String] = []
                try await Self.each(c, PostgresQuery(unsafeSQL: "SELECT t.\(idColumn), t.text FROM \(table) t WHERE \(needs) ORDER BY t.seq"),
                                    logger: logger) { r in
                    let id = r.text(0)
                    guard let label = classify(r.text(1)) else {
                        summary.unclassified += 1
                        return
                    }
                    summary.classified += 1
                    if old[id] != label.rawValue { summary.changed += 1 }
                    ids.append(id)
                    labels.append(label.rawValue)
                }
                for start in stride(from: 0, to: ids.count, by: 50000) {
                    let end = min(start + 50000, ids.count)
                    let someIDs = Array(ids[start..<end]), someLabels = Array(labels[start..<end])
                    try await c.query("""
                        INSERT INTO sentiment_model (kind, id, label, model)
                        SELECT \(kind.rawValue), i, l, \(model) FROM unnest(\(someIDs)::text[], \(someLabels)::text[]) AS u(i, l)
                        ON CONFLICT (kind, id) DO UPDATE SET label = EXCLUDED.label, model = EXCLUDED.model
                        """, logger: logger)
                }
            }
            summary.corrected = Int(try await Self.first(c, "SELECT count(*) FROM sentiment_corrections", logger: logger)?.int64(0) ?? 0)
            return summary
        }
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var b = PostgresBindings()
        for v in values { b.append(v) }
        return b
    }

    package func setCorrection(_ kind: LabeledKind, id: String, label: Sentiment?, at: Date) async throws -> LabeledText {
        let when = Self.iso(at)
        return try await transaction("record the label") { c in
            guard try await Self.readLabeled(c, kind, id: id, logger: logger) != nil else {
                throw LabelError.unknownRow(kind: kind, id: id)
            }
            if let label {
                try await c.query("""
                    INSERT INTO sentiment_corrections (kind, id, label, corrected_at) VALUES (\(kind.rawValue), \(id), \(label.rawValue), \(when))
                    ON CONFLICT (kind, id) DO UPDATE SET label = EXCLUDED.label, corrected_at = EXCLUDED.corrected_at
                    """, logger: logger)
            } else {
                try await c.query("DELETE FROM sentiment_corrections WHERE kind = \(kind.rawValue) AND id = \(id)", logger: logger)
            }
            return try await Self.readLabeled(c, kind, id: id, logger: logger)!
        }
    }

    package func corrections() async throws -> [LabeledText] {
        try await read("read the corrections") { c in
            var keys: [(LabeledKind, String)] = []
            try await Self.each(c, "SELECT kind, id FROM sentiment_corrections ORDER BY kind, id", logger: logger) { r in
                if let kind = LabeledKind(rawValue: r.text(0)) { keys.append((kind, r.text(1))) }
            }
            var out: [LabeledText] = []
            for (kind, id) in keys {
                // A correction of a row that is no longer in the database is still listed.
                if let found = try await Self.readLabeled(c, kind, id: id, logger: logger) {
                    out.append(found)
                } else {
                    let row = try await Self.first(c, """
                        SELECT label, corrected_at FROM sentiment_corrections WHERE kind = \(kind.rawValue) AND id = \(id)
                        """, logger: logger)
                    out.append(LabeledText(kind: kind, id: id, user: row?.optText(0).flatMap(Sentiment.init(rawValue:)),
                                           correctedAt: row?.optText(1)))
                }
            }
            return out
        }
    }

    package func labeledText(_ kind: LabeledKind, id: String) async throws -> LabeledText? {
        try await read("read the labels") { c in try await Self.readLabeled(c, kind, id: id, logger: logger) }
    }

    package func comments(window: ClosedRange<LocalDate>) async throws -> [CommentListing] {
        let w0 = Int64(window.lowerBound.dayNumber), w1 = Int64(window.upperBound.dayNumber)
        return try await read("read the comments") { c in
            var out: [CommentListing] = []
            try await Self.each(c, """
                SELECT c.comment_id, c.post_id, c.created_at, c.local_date, c.author_id, c.text, c.from_brand,
                       c.parent_id, c.sentiment, p.account_id,
                       EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.comment_id AND r.from_brand = 1),
                       (SELECT m.label FROM sentiment_model m WHERE m.kind = 'comment' AND m.id = c.comment_id),
                       u.label, u.corrected_at
                FROM comments c JOIN posts p ON p.post_id = c.post_id
                LEFT JOIN sentiment_corrections u ON u.kind = 'comment' AND u.id = c.comment_id
                WHERE c.local_date BETWEEN \(w0) AND \(w1)
                ORDER BY c.created_at, c.comment_id
                """, logger: logger) { r in
                out.append(r.commentListing())
            }
            return out
        }
    }

    static func readLabeled(_ c: PostgresConnection, _ kind: LabeledKind, id: String, logger: Logger) async throws -> LabeledText? {
        let (table, idColumn) = kind.table
        guard let row = try await first(c, PostgresQuery(unsafeSQL: """
            SELECT t.text, t.sentiment,
                   (SELECT m.label FROM sentiment_model m WHERE m.kind = $1 AND m.id = t.\(idColumn)),
                   u.label, u.corrected_at
            FROM \(table) t LEFT JOIN sentiment_corrections u ON u.kind = $1 AND u.id = t.\(idColumn)
            WHERE t.\(idColumn) = $2
            """, binds: binds(kind.rawValue, id)), logger: logger) else { return nil }
        func label(_ i: Int) -> Sentiment? { row.optText(i).flatMap(Sentiment.init(rawValue:)) }
        return LabeledText(kind: kind, id: id, text: row.optText(0), given: label(1), model: label(2), user: label(3),
                           correctedAt: row.optText(4))
    }

    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
