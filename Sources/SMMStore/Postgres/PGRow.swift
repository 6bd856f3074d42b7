import Foundation
import NIOCore
import PostgresNIO
import SMMCore

/// One result row read by column position, with the accessors of ``RawStatement`` (0-based),
/// so that the PostgreSQL reads mirror the SQLite ones line by line.
///
/// The row's cells are taken once, in order, and the common binary types (BIGINT, INTEGER,
/// BOOLEAN, DOUBLE PRECISION, TEXT) are read straight from their bytes; only other types go
/// through postgres-nio's generic decoding. (A `PostgresRandomAccessRow` built a cell with its
/// column name for every access, and the KPI reads touch millions of cells.)
struct PGRow: StoredRow {
    private struct Cell {
        var bytes: ByteBuffer?
        var type: PostgresDataType
        var binary: Bool
    }

    private let cells: [Cell]

    init(_ row: PostgresRow) {
        var cells: [Cell] = []
        cells.reserveCapacity(row.count)
        for cell in row {
            cells.append(Cell(bytes: cell.bytes, type: cell.dataType, binary: cell.format == .binary))
        }
        self.cells = cells
    }

    var count: Int { cells.count }
    func isNull(_ i: Int) -> Bool { cells[i].bytes == nil }
    func dataType(_ i: Int) -> PostgresDataType { cells[i].type }

    /// Integers; a boolean (EXISTS) reads as 1 or 0, as on SQLite.
    func int64(_ i: Int) -> Int64 {
        let c = cells[i]
        guard let b = c.bytes else { return 0 }
        if c.binary {
            switch (c.type, b.readableBytes) {
            case (.int8, 8): return b.getInteger(at: b.readerIndex, as: Int64.self) ?? 0
            case (.int4, 4): return Int64(b.getInteger(at: b.readerIndex, as: Int32.self) ?? 0)
            case (.int2, 2): return Int64(b.getInteger(at: b.readerIndex, as: Int16.self) ?? 0)
            case (.bool, 1): return b.getInteger(at: b.readerIndex, as: UInt8.self) == 0 ? 0 : 1
            default: break
            }
        }
        if c.type == .bool { return bool(i) ? 1 : 0 }
        return (try? cell(i).decode(Int64.self)) ?? 0
    }

    func bool(_ i: Int) -> Bool {
        let c = cells[i]
        guard let b = c.bytes else { return false }
        if c.binary, c.type == .bool, b.readableBytes == 1 { return b.getInteger(at: b.readerIndex, as: UInt8.self) != 0 }
        return (try? cell(i).decode(Bool.self)) ?? false
    }

    func double(_ i: Int) -> Double {
        let c = cells[i]
        guard let b = c.bytes else { return 0 }
        if c.binary {
            switch (c.type, b.readableBytes) {
            case (.float8, 8): return Double(bitPattern: b.getInteger(at: b.readerIndex, as: UInt64.self) ?? 0)
            case (.float4, 4): return Double(Float(bitPattern: b.getInteger(at: b.readerIndex, as: UInt32.self) ?? 0))
            default: break
            }
        }
        return (try? cell(i).decode(Double.self)) ?? 0
    }

    func optDouble(_ i: Int) -> Double? { isNull(i) ? nil : double(i) }

    func text(_ i: Int) -> String {
        let c = cells[i]
        guard let b = c.bytes else { return "" }
        switch c.type {
        case .text, .varchar, .name, .bpchar: return String(buffer: b)
        default: return (try? cell(i).decode(String.self)) ?? ""
        }
    }

    /// The cell for postgres-nio's own decoding (types read nowhere above).
    /// A BYTEA column's bytes (sealed connector credentials).
    func data(_ i: Int) -> Data {
        let c = cells[i]
        guard let b = c.bytes else { return Data() }
        if c.binary, c.type == .bytea { return Data(b.readableBytesView) }
        return (try? cell(i).decode(Data.self)) ?? Data()
    }

    private func cell(_ i: Int) -> PostgresCell {
        let c = cells[i]
        return PostgresCell(bytes: c.bytes, dataType: c.type, format: c.binary ? .binary : .text,
                            columnName: "", columnIndex: i)
    }
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
        // The decimal digits, written straight into the buffer (no String per cell).
        if v < 0 { buffer.writeInteger(UInt8(ascii: "-")) }
        var m = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
            } while m > 0
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(digits)[i...]))
        }
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
