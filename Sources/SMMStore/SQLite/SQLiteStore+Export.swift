import Foundation
import GRDB
import SMMCore

extension SQLiteStore {
    /// How each stored column becomes a bundle cell again.
    private enum Cell { case text, keyText, integer, bool, date, month, instant, dueInstant }

    private static func cellKind(_ file: BundleFile, _ column: String) -> Cell {
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

    package func exportRows(_ file: BundleFile, columns: [String], _ body: ([String?]) throws -> Void) throws {
        try guarded("export \(file.fileName)") {
            try pool.read { db in
                let kinds = columns.map { Self.cellKind(file, $0) }
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
                default: order = "rowid"
                }
                let s = try RawStatement(db, "SELECT \(list) FROM \(file.rawValue) ORDER BY \(order)")
                var cells = [String?](repeating: nil, count: columns.count)
                try s.forEach { r in
                    for (i, kind) in kinds.enumerated() {
                        let c = Int32(i)
                        if r.isNull(c) { cells[i] = nil; continue }
                        switch kind {
                        case .text: cells[i] = r.text(c)
                        case .keyText: cells[i] = r.keyText(c)
                        case .integer: cells[i] = String(r.int64(c))
                        case .bool: cells[i] = r.int64(c) != 0 ? "true" : "false"
                        case .date: cells[i] = r.date(c).description
                        case .month: cells[i] = String(r.date(c).description.prefix(7))
                        case .instant, .dueInstant: cells[i] = Instant(nanoseconds: r.int64(c)).iso8601
                        }
                    }
                    try body(cells)
                }
            }
        }
    }
}
