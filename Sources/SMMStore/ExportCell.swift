import Foundation
import SMMCore

/// How a stored column becomes a bundle cell again (both stores).
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

    /// The order rows are exported in: the key, or insertion order (`rowid` on SQLite, `seq`
    /// on PostgreSQL) for tables whose rows have no key of their own order.
    static func order(_ file: BundleFile, insertion: String) -> String {
        switch file {
        case .otherCosts, .workLog: return "id"
        case .accountDaily: return "account_id, date"
        case .postMetrics: return "post_id, collected_at"
        case .adSpend: return "date, campaign, account_id, network"
        case .webSessions: return "date, source, medium, campaign, content"
        case .audience: return "account_id, date, dimension, bucket"
        case .brandSearches: return "month, query"
        case .accounts: return "account_id"
        default: return insertion
        }
    }

    /// The cell of a non-null stored value; `integer` and `text` read it as the column holds it.
    static func format(_ kind: Kind, integer: () -> Int64, text: () -> String) -> String? {
        switch kind {
        case .text: return text()
        case .keyText:
            let s = text()
            return s.isEmpty ? nil : s
        case .integer: return String(integer())
        case .bool: return integer() != 0 ? "true" : "false"
        case .date: return LocalDate(dayNumber: Int32(integer())).description
        case .month: return String(LocalDate(dayNumber: Int32(integer())).description.prefix(7))
        case .instant: return Instant(nanoseconds: integer()).iso8601
        }
    }
}
