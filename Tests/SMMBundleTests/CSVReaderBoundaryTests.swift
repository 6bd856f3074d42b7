import Foundation
import Testing
@testable import SMMBundle

@Suite("CSVReader across its 1 MB read buffer")
struct CSVReaderBoundaryTests {
    /// A file whose quoted fields put a `"` on every possible offset around the buffer edge.
    @Test("a quote as the last byte of a read chunk is resolved with the next chunk", arguments: [-2, -1, 0, 1])
    func quoteAtChunkEdge(shift: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edge-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let header = "id,text\n"
        let pad = (1 << 20) - header.utf8.count - 4 + shift  // puts the closing quote near byte 1 048 576
        var text = header + "1,\"" + String(repeating: "a", count: pad) + "\"\"b\"\n2,\"x\"\n"
        text += "3,plain\n"
        try Data(text.utf8).write(to: url)
        let reader = try CSVReader(url: url)
        var rows: [[String]] = []
        while try reader.next() {
            rows.append((0..<reader.fieldCount).map { i in reader.withField(i) { String(decoding: $0, as: UTF8.self) } })
        }
        #expect(rows.count == 4)
        #expect(rows[1][1].hasSuffix("a\"b"))
        #expect(rows[2] == ["2", "x"])
        #expect(rows[3] == ["3", "plain"])
        #expect(reader.line == 4)
    }
}
