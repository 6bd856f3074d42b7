import Foundation
import PostgresNIO
import SMMCore

extension PostgresStore {
    /// Streams a file's rows as bundle cells, in SQLite's order (rowid is `seq` here).
    package func exportRows(_ file: BundleFile, columns: [String], _ body: ([String?]) throws -> Void) throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let order: String
        switch file {
        case .otherCosts, .workLog: order = "id"
        case .accountDaily: order = "account_id, date"
        case .postMetrics: order = "post_id, collected_at"
        case .adSpend: order = "date, campaign, account_id, network"
        case .webSessions: order = "date, source, medium, campaign, content"
        case .audience: order = "account_id, date, dimension, bucket"
        case .brandSearches: order = "month, query"
        case .accounts: order = "account_id"
        default: order = "seq"
        }
        let kinds = columns.map { ExportCell.kind(file, $0) }
        let sql = "SELECT \(list) FROM \(file.rawValue) ORDER BY \(order)"
        // Rows come in batches from the store's thread; the body runs on the caller's thread.
        let batches = try thread.wait { [self] in
            try await read("export \(file.fileName)") { c in
                var out: [[String?]] = []
                try await Self.each(c, PostgresQuery(unsafeSQL: sql), logger: logger) { r in
                    out.append(kinds.indices.map { i in r.isNull(i) ? nil : ExportCell.text(kinds[i], r, i) })
                }
                return out
            }
        }
        for row in batches { try body(row) }
    }
}

/// How a stored column becomes a bundle cell again (as ``SQLiteStore`` exports it).
enum ExportCell {
    enum Kind: Sendable { case text, keyText, integer, bool, date, month, instant }

    static func kind(_ file: BundleFile, _ column: String) -> Kind {
        switch (file, column) {
        case (.adSpend, "account_id"), (.adSpend, "network"), (.webSessions, "medium"), (.webSessions, "campaign"),
             (.webSessions, "content"):
            return .keyText
        case (.brandSearches, "month"): return .month
        default: break
        }
        guard let spec = file.columns.first(where: { $0.name == column }) else { return .text }
        switch spec.type {
        case .integer: return .integer
        case .boolean: return .bool
        case .date: return .date
        case .dateTime: return .instant
        default: return .text
        }
    }

    static func text(_ kind: Kind, _ r: PGRow, _ i: Int) -> String? {
        switch kind {
        case .text: return r.text(i)
        case .keyText: return r.keyText(i)
        case .integer: return String(r.int64(i))
        case .bool: return r.int64(i) != 0 ? "true" : "false"
        case .date: return r.date(i).description
        case .month: return String(r.date(i).description.prefix(7))
        case .instant: return Instant(nanoseconds: r.int64(i)).iso8601
        }
    }
}
