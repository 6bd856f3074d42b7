import Foundation

/// Why a CSV file could not be read further (as opposed to one bad row).
package enum CSVReadError: Error, Equatable {
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// The file could not be read.
    case io(String)
}

/// A streaming RFC 4180 reader over a file: comma separator, `"` quoting with `""`, CRLF or LF,
/// quoted fields may hold line breaks. Memory is one read buffer plus the current row, whatever
/// the file size; a row longer than ``maxRowBytes`` is skipped and reported as too long.
///
/// Not `Sendable`: one reader belongs to one import.
package final class CSVReader {
    /// Rows longer than this are refused (a 50 MB field must not take the process down).
    package static let maxRowBytes = 16 << 20

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var physicalLine = 1
    private var startedBOMCheck = false

    /// Field boundaries of the current row: start/end offsets into `row`.
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// The current row's bytes, fields unescaped.
    private var row: [UInt8] = []

    /// Line (1-based, physical) on which the current row starts.
    package private(set) var line = 0
    /// Set when the current row was longer than ``maxRowBytes``: its fields are empty.
    package private(set) var rowTooLong = false

    package init(url: URL) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CSVReadError.io(error.localizedDescription)
        }
        buffer.reserveCapacity(1 << 20)
        row.reserveCapacity(4096)
    }

    deinit { try? handle.close() }

    /// Number of fields of the current row.
    package var fieldCount: Int { starts.count }

    /// Calls `body` with the raw (unescaped, untrimmed) bytes of field `i`.
    @inline(__always)
    package func withField<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try row.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[starts[i]..<ends[i]]))
        }
    }

    private func refill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        guard !eof else { return }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: 1 << 20)
        } catch {
            throw CSVReadError.io(error.localizedDescription)
        }
        if let chunk, !chunk.isEmpty {
            buffer.append(contentsOf: chunk)
        } else {
            eof = true
        }
        if !startedBOMCheck, buffer.count >= 3 || eof {
            startedBOMCheck = true
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }

    /// Reads the next row. Returns false at the end of the file. A blank line at the very end
    /// is not a row.
    package func next() throws -> Bool {
        // The hot loop works on local copies: class properties would pay a dynamic
        // exclusivity check on every byte.
        var row = self.row, starts = self.starts, ends = self.ends
        self.row = []; self.starts = []; self.ends = []
        defer { self.row = row; self.starts = starts; self.ends = ends }
        row.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        rowTooLong = false
        if position >= buffer.count {
            try refill()
            if position >= buffer.count { return false }
        }
        line = physicalLine
        var inQuotes = false
        var fieldStart = 0
        var fieldUsed = false  // the field has had any byte (quote included)
        var tooLong = false
        var lines = physicalLine
        defer { physicalLine = lines; rowTooLong = tooLong }
        func finish() {
            var end = row.count
            if end > fieldStart, row[end - 1] == 0x0D { end -= 1 }
            starts.append(tooLong ? 0 : fieldStart)
            ends.append(tooLong ? 0 : end)
        }
        while true {
            if position >= buffer.count {
                try refill()
                if position >= buffer.count {
                    if inQuotes { throw CSVReadError.unterminatedQuote(line: line) }
                    finish()
                    return true
                }
            }
            let atEOF = eof
            var p = position
            let done: Bool = buffer.withUnsafeBufferPointer { buf in
                let n = buf.count
                while p < n {
                    let c = buf[p]
                    if inQuotes {
                        if c == 0x22 {
                            guard p + 1 < n || atEOF else { return false }  // need the next byte
                            if p + 1 < n, buf[p + 1] == 0x22 {
                                if !tooLong { row.append(0x22) }
                                p += 2
                            } else {
                                inQuotes = false
                                p += 1
                            }
                            continue
                        }
                        if c == 0x0A { lines += 1 }
                        if !tooLong { row.append(c) }
                        p += 1
                        continue
                    }
                    switch c {
                    case 0x2C:
                        starts.append(fieldStart)
                        ends.append(row.count)
                        fieldStart = row.count
                        fieldUsed = false
                    case 0x0A:
                        lines += 1
                        p += 1
                        finish()
                        return true
                    case 0x22 where !fieldUsed:
                        inQuotes = true
                        fieldUsed = true
                    default:
                        // A quote inside an unquoted field, or text after a closing quote, is kept
                        // as it is (lenient, as most CSV readers are).
                        if !tooLong { row.append(c) }
                        fieldUsed = true
                    }
                    p += 1
                }
                return false
            }
            position = p
            if done { return true }
            if position < buffer.count {
                // Stopped at a quote that needs the next byte to be read: fetch more.
                try refill()
            }
            if !tooLong, row.count > CSVReader.maxRowBytes {
                tooLong = true
                row = []
                row.reserveCapacity(4096)
                fieldStart = 0
                starts.removeAll()
                ends.removeAll()
            }
        }
    }
}
