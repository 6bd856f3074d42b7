import Foundation

/// A buffered RFC 4180 writer: cells are quoted only when they need it; LF line ends.
package final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    package init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let h = FileHandle(forWritingAtPath: path) else {
            throw BundleError.unreadable(file: path, reason: "it cannot be created")
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
    }

    /// Writes one row; nil is an empty cell.
    package func write(_ cells: [String?]) throws {
        for (i, cell) in cells.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            guard let cell, !cell.isEmpty else { continue }
            var needsQuotes = false
            for b in cell.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
            if needsQuotes {
                buffer.append(0x22)
                for b in cell.utf8 {
                    buffer.append(b)
                    if b == 0x22 { buffer.append(0x22) }
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: cell.utf8)
            }
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    package func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws {
        try flush()
        try handle.close()
    }
}
