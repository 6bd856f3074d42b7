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
    private static let chunk = 1 << 20

    private let handle: FileHandle
    /// The read buffer: bytes `position..<count` are not consumed yet. A raw allocation, so the
    /// byte loop needs no closure and no exclusivity checks.
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 2 * CSVReader.chunk
    private var count = 0
    private var position = 0
    private var eof = false
    private var physicalLine = 1
    private var checkedBOM = false

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
        buffer = .allocate(capacity: 2 * CSVReader.chunk)
        row.reserveCapacity(4096)
    }

    deinit {
        buffer.deallocate()
        try? handle.close()
    }

    /// Number of fields of the current row.
    package var fieldCount: Int { starts.count }

    /// Calls `body` with the raw (unescaped, untrimmed) bytes of field `i`.
    @inline(__always)
    package func withField<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try row.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[starts[i]..<ends[i]]))
        }
    }

    /// Moves the unread bytes to the front and reads up to one chunk more.
    private func refill() throws {
        if position > 0 {
            let rest = count - position
            if rest > 0 { buffer.update(from: buffer + position, count: rest) }
            count = rest
            position = 0
        }
        guard !eof else { return }
        let data: Data?
        do {
            data = try handle.read(upToCount: min(CSVReader.chunk, capacity - count))
        } catch {
            throw CSVReadError.io(error.localizedDescription)
        }
        if let data, !data.isEmpty {
            data.copyBytes(to: buffer + count, count: data.count)
            count += data.count
        } else {
            eof = true
        }
        if !checkedBOM, count >= 3 || eof {
            checkedBOM = true
            if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }

    /// Reads the next row. Returns false at the end of the file. A blank line at the very end
    /// is not a row.
    package func next() throws -> Bool {
        // The byte loop works on locals: class properties would pay a dynamic exclusivity
        // check on every byte.
        var row = self.row, starts = self.starts, ends = self.ends
        self.row = []; self.starts = []; self.ends = []
        row.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var tooLong = false
        var lines = physicalLine
        defer {
            self.row = row; self.starts = starts; self.ends = ends
            physicalLine = lines
            rowTooLong = tooLong
        }
        if position >= count {
            try refill()
            if position >= count { return false }
        }
        line = physicalLine
        var inQuotes = false
        var fieldStart = 0
        var fieldUsed = false  // the field has had a byte or an opening quote
        let buf = buffer
        while true {
            var needMore = position >= count
            if !needMore {
                var p = position
                let n = count
                let atEOF = eof
                scan: while p < n {
                    let c = buf[p]
                    if inQuotes {
                        if c == 0x22 {
                            if p + 1 >= n, !atEOF { needMore = true; break scan }  // the next byte decides
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
                        position = p + 1
                        var end = row.count
                        if end > fieldStart, row[end - 1] == 0x0D { end -= 1 }
                        starts.append(tooLong ? 0 : fieldStart)
                        ends.append(tooLong ? 0 : end)
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
                position = p
                if p >= n { needMore = true }
            }
            if !tooLong, row.count > CSVReader.maxRowBytes {
                tooLong = true
                row = []
                row.reserveCapacity(4096)
                fieldStart = 0
                starts.removeAll()
                ends.removeAll()
            }
            if needMore {
                try refill()
                if position >= count {
                    // The end of the file: the row ends here.
                    if inQuotes { throw CSVReadError.unterminatedQuote(line: line) }
                    var end = row.count
                    if end > fieldStart, row[end - 1] == 0x0D { end -= 1 }
                    starts.append(tooLong ? 0 : fieldStart)
                    ends.append(tooLong ? 0 : end)
                    return true
                }
            }
        }
    }
}
