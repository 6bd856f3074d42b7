import Foundation
import PostgresNIO
import SMMCore

extension PostgresStore {
    /// Streams a file's rows as bundle cells, in SQLite's order (rowid is `seq` here).
    package func exportRows(_ file: BundleFile, columns: [String], _ body: ([String?]) throws -> Void) throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let order = ExportCell.order(file, insertion: "seq")
        let kinds = columns.map { ExportCell.kind(file, $0) }
        let sql = "SELECT \(list) FROM \(file.rawValue) ORDER BY \(order)"
        // Rows come in batches from the store's thread; the body runs on the caller's thread.
        let batches = try thread.wait { [self] in
            try await read("export \(file.fileName)") { c in
                var out: [[String?]] = []
                try await Self.each(c, PostgresQuery(unsafeSQL: sql), logger: logger) { r in
                    out.append(kinds.indices.map { i in r.isNull(i) ? nil : ExportCell.format(kinds[i], integer: { r.int64(i) }, text: { r.text(i) }) })
                }
                return out
            }
        }
        for row in batches { try body(row) }
    }
}
