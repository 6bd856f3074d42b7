import Foundation
import SMMBundle
import SMMCore

/// A fresh temporary folder per test, removed by `remove()`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("smmkpi-bundle-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Writes bytes to a file of the folder and returns its URL.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL { try write(name, Array(text.utf8)) }
}

/// One row as the reader gives it: where it starts and its raw fields.
struct ReadRow: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var description: String { "\(line): \(fields)" }
}

extension CSVReader {
    /// Reads every remaining row (fields decoded leniently, untrimmed).
    func readAll() throws -> [ReadRow] {
        var rows: [ReadRow] = []
        while try next() {
            rows.append(ReadRow(line: line, fields: (0..<fieldCount).map { i in
                withField(i) { String(decoding: $0, as: UTF8.self) }
            }))
        }
        return rows
    }
}

/// Runs the trimmer on a string.
func trimmed(_ s: String) -> String {
    var s = s
    return s.withUTF8 { String(decoding: CellText.trim($0), as: UTF8.self) }
}

/// Decodes (and normalises) bytes as the reader does.
func cellString(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { CellText.string($0) }
}
