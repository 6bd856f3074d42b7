import Foundation
import GRDB
import SMMCore

extension SQLiteStore {
    package func exportRows(_ file: BundleFile, columns: [String], _ body: ([String?]) throws -> Void) throws {
        try guarded("export \(file.fileName)") {
            try pool.read { db in
                let kinds = columns.map { ExportCell.kind(file, $0) }
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let order = ExportCell.order(file, insertion: "rowid")
                let s = try RawStatement(db, "SELECT \(list) FROM \(file.rawValue) ORDER BY \(order)")
                var cells = [String?](repeating: nil, count: columns.count)
                try s.forEach { r in
                    for (i, kind) in kinds.enumerated() {
                        let c = Int32(i)
                        if r.isNull(c) { cells[i] = nil; continue }
                        cells[i] = ExportCell.format(kind, integer: { r.int64(c) }, text: { r.text(c) })
                    }
                    try body(cells)
                }
            }
        }
    }
}
