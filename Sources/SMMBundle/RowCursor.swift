import Foundation
import SMMCore

/// Reads one bundle file row by row and decodes cells by the column specs of ``BundleFile``,
/// collecting the problems of the current row instead of throwing on the first one.
package final class RowCursor {
    package let file: BundleFile
    package let reader: CSVReader
    package let clock: ZoneClock
    /// For each spec column (in ``BundleFile/columns`` order), its field index in the file.
    private var fieldOf: [Int?]
    private let specs: [ColumnSpec]
    private var headerCount = 0
    /// Column names of the header (trimmed, lower-cased), in file order.
    package private(set) var header: [String] = []
    /// Spec columns present in the header.
    package private(set) var presentColumns: Set<String> = []
    /// Header names that are not columns of this file.
    package private(set) var unknownColumns: [String] = []
    /// Problems of the current row.
    package private(set) var problems: [ImportProblem] = []
    /// Spec columns that had a value in some row read so far.
    package private(set) var filledColumns: Set<String> = []
    private var filled: [Bool]

    package init(file: BundleFile, url: URL, clock: ZoneClock) throws {
        self.file = file
        self.clock = clock
        self.specs = file.columns
        self.fieldOf = Array(repeating: nil, count: specs.count)
        self.filled = Array(repeating: false, count: specs.count)
        self.reader = try CSVReader(url: url)
    }

    /// Reads the header. Throws a file-level problem list when required columns are missing or
    /// the header is unreadable. Returns false for an empty file (no header at all).
    package func readHeader() throws -> Bool {
        guard try reader.next() else { return false }
        var names: [String] = []
        for i in 0..<reader.fieldCount {
            let name = reader.withField(i) { CellText.string(CellText.trim($0)) } ?? ""
            names.append(name.lowercased())
        }
        header = names
        headerCount = names.count
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            if let k = specs.firstIndex(where: { $0.name == name }) {
                if seen.insert(name).inserted { fieldOf[k] = i }
            } else if !name.isEmpty {
                unknownColumns.append(name)
            }
        }
        presentColumns = seen
        let missing = specs.filter { $0.required && !seen.contains($0.name) }.map(\.name)
        if !missing.isEmpty {
            throw FileProblems(problems: missing.map {
                ImportProblem(file: file.fileName, line: 1, column: $0,
                              message: "the required column “\($0)” is missing; the header has \(names.joined(separator: ", ")). Add the column (see bundle-format.md).")
            })
        }
        return true
    }

    /// Reads the next data row; false at the end. Blank lines are skipped.
    package func next() throws -> Bool {
        while true {
            problems.removeAll(keepingCapacity: true)
            guard try reader.next() else { return false }
            if reader.rowTooLong {
                problems.append(problem(nil, "the row is longer than \(CSVReader.maxRowBytes >> 20) MB; split or shorten it"))
                return true
            }
            if reader.fieldCount == 1, reader.withField(0, { CellText.trim($0).isEmpty }) { continue }
            if reader.fieldCount != headerCount {
                problems.append(problem(nil, "the row has \(reader.fieldCount) fields but the header has \(headerCount); quote values that contain commas"))
            }
            return true
        }
    }

    /// The current row's line.
    package var line: Int { reader.line }

    package var isBad: Bool { !problems.isEmpty }

    private func problem(_ column: String?, _ message: String) -> ImportProblem {
        ImportProblem(file: file.fileName, line: reader.line, column: column, message: message)
    }

    /// Calls `body` with the trimmed bytes of spec column `k`, or returns nil when the column is
    /// absent or the cell is empty (recording a problem when the column is required).
    @inline(__always)
    private func cell<T>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T?? {
        guard let i = fieldOf[k], i < reader.fieldCount else { return .some(nil) }
        return reader.withField(i) { raw -> T?? in
            let b = CellText.trim(raw)
            if b.isEmpty {
                if specs[k].required { problems.append(problem(specs[k].name, "the value is empty but required")) }
                return .some(nil)
            }
            filled[k] = true
            if let v = body(b) { return .some(v) }
            return nil  // did not parse
        }
    }

    private func bad(_ k: Int, _ expected: String) {
        let i = fieldOf[k]!
        let raw = reader.withField(i) { b -> String in
            let t = CellText.trim(b)
            let s = String(decoding: t.prefix(80), as: UTF8.self)
            return t.count > 80 ? s + "…" : s
        }
        problems.append(problem(specs[k].name, "“\(raw)” \(expected)"))
    }

    /// A text cell (trimmed, NFC); nil when empty.
    package func text(_ k: Int) -> String? {
        switch cell(k, CellText.string) {
        case .some(let v): return v
        case .none: bad(k, "is not valid UTF-8 text; save the file as UTF-8"); return nil
        }
    }

    /// A counter: an integer ≥ 0 (a rating is checked by the caller).
    package func counter(_ k: Int) -> Int64? {
        switch cell(k, ValueParser.integer) {
        case .some(let v):
            if let v, v < 0 { bad(k, "is negative; counters are whole numbers ≥ 0"); return nil }
            return v
        case .none: bad(k, "is not a whole number; write digits only, such as 1234"); return nil
        }
    }

    /// A decimal; `minimum`/`maximum` bound it when given.
    package func decimal(_ k: Int, min: Decimal? = nil, max: Decimal? = nil, what: String = "a number") -> Decimal? {
        switch cell(k, ValueParser.decimal) {
        case .some(let v):
            guard let v else { return nil }
            if let min, v < min { bad(k, "is below \(min); \(what) must be ≥ \(min)"); return nil }
            if let max, v > max { bad(k, "is above \(max); \(what) must be ≤ \(max)"); return nil }
            return v
        case .none: bad(k, "is not \(what); write it with a point, such as 1234.50, without spaces or exponent"); return nil
        }
    }

    package func boolean(_ k: Int) -> Bool? {
        switch cell(k, ValueParser.boolean) {
        case .some(let v): return v
        case .none: bad(k, "is not a boolean; write true/false, 1/0 or yes/no"); return nil
        }
    }

    package func date(_ k: Int) -> LocalDate? {
        switch cell(k, ValueParser.date) {
        case .some(let v): return v
        case .none: bad(k, "is not a date; write it as YYYY-MM-DD, such as 2025-10-31"); return nil
        }
    }

    package func month(_ k: Int) -> LocalDate? {
        switch cell(k, ValueParser.month) {
        case .some(let v): return v
        case .none: bad(k, "is not a month; write it as YYYY-MM, such as 2025-10"); return nil
        }
    }

    /// A datetime resolved in the bundle's time zone.
    package func dateTime(_ k: Int, endOfDay: Bool = false) -> Instant? {
        switch cell(k, ValueParser.dateTime) {
        case .some(let v): return v?.resolve(in: clock, dateMeansEndOfDay: endOfDay)
        case .none:
            bad(k, "is not a datetime; write it as 2025-10-31T10:00, 2025-10-31 10:00:00+03:00 or 2025-10-31T07:00Z (ISO 8601)")
            return nil
        }
    }

    /// A value of a fixed lower-case list.
    package func enumeration<E: RawRepresentable>(_ k: Int, _ type: E.Type) -> E?
    where E.RawValue == String, E: CaseIterable {
        guard let s = text(k) else { return nil }
        if let v = E(rawValue: s) { return v }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append(problem(specs[k].name, "“\(s)” is not one of \(allowed)"))
        return nil
    }

    /// A network code, case-insensitive.
    package func network(_ k: Int) -> Network? {
        guard let s = text(k) else { return nil }
        if let n = Network(code: s) { return n }
        problems.append(problem(specs[k].name,
            "“\(s)” is not a network code; use one of \(Network.allCases.map(\.rawValue).joined(separator: ", "))"))
        return nil
    }

    /// Records a row-level rule violation on a column.
    package func reject(_ k: Int, _ message: String) {
        problems.append(problem(specs[k].name, message))
    }

    /// Spec columns that have had a value in any row so far.
    package var columnsWithValues: Set<String> {
        Set(specs.indices.filter { filled[$0] }.map { specs[$0].name })
    }
}

/// A file-level failure (missing required column, unreadable file).
package struct FileProblems: Error {
    package var problems: [ImportProblem]
}
