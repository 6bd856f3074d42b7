import Foundation
import SMMBundle

/// A whole CSV file in memory, for the planted-cheating generator (bundle files of a demo
/// bundle: small enough, except comments.csv, which is only appended to).
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]] = []) { self.header = header; self.rows = rows }

    init(url: URL) throws {
        let reader = try CSVReader(url: url)
        var first = true
        header = []
        rows = []
        while try reader.next() {
            var row: [String] = []
            row.reserveCapacity(reader.fieldCount)
            for i in 0..<reader.fieldCount {
                row.append(reader.withField(i) { String(decoding: $0, as: UTF8.self) })
            }
            if first {
                header = row.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                first = false
            } else {
                rows.append(row)
            }
        }
    }

    func column(_ name: String) -> Int {
        guard let i = header.firstIndex(of: name) else { preconditionFailure("no column \(name) in \(header)") }
        return i
    }

    func write(to url: URL) throws {
        let w = try CSVWriter(path: url.path)
        try w.write(header)
        for r in rows { try w.write(r) }
        try w.close()
    }

    /// Appends rows (in this table's column order, which must be the file's) to an existing file.
    static func append(_ rows: [[String]], to url: URL) throws {
        guard !rows.isEmpty else { return }
        var text = ""
        for r in rows {
            text += r.map { cell -> String in
                guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",") + "\n"
        }
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        try h.seekToEnd()
        try h.write(contentsOf: Data(text.utf8))
    }

    /// The header of a CSV file (first row).
    static func header(of url: URL) throws -> [String] {
        let reader = try CSVReader(url: url)
        guard try reader.next() else { return [] }
        return (0..<reader.fieldCount).map { i in
            reader.withField(i) { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}
