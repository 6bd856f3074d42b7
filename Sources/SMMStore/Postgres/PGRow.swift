import Foundation
import NIOCore
import PostgresNIO
import SMMCore

/// One result row read by column position, with the accessors of ``RawStatement`` (0-based),
/// so that the PostgreSQL reads mirror the SQLite ones line by line.
struct PGRow: StoredRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func isNull(_ i: Int) -> Bool { row[i].bytes == nil }
    /// Integers; a boolean (EXISTS) reads as 1 or 0, as on SQLite.
    func int64(_ i: Int) -> Int64 {
        if row[i].dataType == .bool { return bool(i) ? 1 : 0 }
        return (try? row[i].decode(Int64.self)) ?? 0
    }
    func bool(_ i: Int) -> Bool { (try? row[i].decode(Bool.self)) ?? false }
    func double(_ i: Int) -> Double { (try? row[i].decode(Double.self)) ?? 0 }
    func optDouble(_ i: Int) -> Double? { isNull(i) ? nil : double(i) }
    func text(_ i: Int) -> String { (try? row[i].decode(String.self)) ?? "" }
}

/// Rows of `COPY ... FROM STDIN` in the text format: tab between cells, `\N` for NULL,
/// backslash escapes for backslash, tab, newline and carriage return.
struct CopyText {
    var buffer = ByteBuffer()
    var rows = 0
    private var first = true

    mutating func cell(_ s: String?) {
        separator()
        guard var s else { buffer.writeStaticString("\\N"); return }
        s.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeBytes(bytes)
                return
            }
            for b in bytes {
                switch b {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(b)
                }
            }
        }
    }

    mutating func cell(_ v: Int64?) {
        separator()
        guard let v else { buffer.writeStaticString("\\N"); return }
        buffer.writeString(String(v))
    }

    mutating func cell(_ v: Int) { cell(Int64(v)) }
    mutating func cell(_ v: Int32) { cell(Int64(v)) }
    mutating func cell(_ v: Bool?) { cell(v.map { $0 ? Int64(1) : 0 }) }

    mutating func cell(_ v: Double?) {
        separator()
        guard let v else { buffer.writeStaticString("\\N"); return }
        // Shortest text that reads back as the same Double.
        buffer.writeString("\(v)")
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(0x0A))
        rows += 1
        first = true
    }

    private mutating func separator() {
        if first { first = false } else { buffer.writeInteger(UInt8(0x09)) }
    }

    mutating func reset() {
        buffer.clear()
        rows = 0
        first = true
    }
}
