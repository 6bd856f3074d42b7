import Foundation
import SMMBundle
import Testing

/// RFC 4180 as bundle-format.md "General rules" describes it, read from real files.
@Suite struct CSVReaderTests {
    private func read(_ bytes: [UInt8]) throws -> [ReadRow] {
        let scratch = try Scratch()
        defer { scratch.remove() }
        return try CSVReader(url: try scratch.write("t.csv", bytes)).readAll()
    }

    private func read(_ text: String) throws -> [ReadRow] { try read(Array(text.utf8)) }

    @Test("a leading byte-order mark is skipped")
    func byteOrderMark() throws {
        let rows = try read([0xEF, 0xBB, 0xBF] + Array("account_id,name\nvk,Зерно\n".utf8))
        #expect(rows == [ReadRow(line: 1, fields: ["account_id", "name"]), ReadRow(line: 2, fields: ["vk", "Зерно"])])
    }

    @Test("a byte-order mark alone is an empty file")
    func byteOrderMarkOnly() throws {
        #expect(try read([0xEF, 0xBB, 0xBF]) == [])
        #expect(try read("") == [])
    }

    @Test("a byte-order mark later in the file is kept as text")
    func byteOrderMarkInside() throws {
        let rows = try read("a\n\u{FEFF}b\n")
        #expect(rows.map(\.fields) == [["a"], ["\u{FEFF}b"]])
    }

    @Test("CRLF, LF and a missing final line end read the same", arguments: [
        "a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r\n1,2\n3,4", "a,b\n1,2\r\n3,4\r\n",
    ])
    func lineEnds(text: String) throws {
        let rows = try read(text)
        #expect(rows == [ReadRow(line: 1, fields: ["a", "b"]), ReadRow(line: 2, fields: ["1", "2"]),
                         ReadRow(line: 3, fields: ["3", "4"])])
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks; later rows keep their line numbers")
    func quotedFields() throws {
        let text = "id,text,n\n"
            + "1,\"a, b\",2\n"
            + "2,\"she said \"\"hi\"\"\",3\n"
            + "3,\"line one\nline two\r\nline three\",4\n"
            + "4,\"\",5\n"
            + "5,plain,6\n"
        let rows = try read(text)
        #expect(rows == [
            ReadRow(line: 1, fields: ["id", "text", "n"]),
            ReadRow(line: 2, fields: ["1", "a, b", "2"]),
            ReadRow(line: 3, fields: ["2", "she said \"hi\"", "3"]),
            ReadRow(line: 4, fields: ["3", "line one\nline two\r\nline three", "4"]),
            ReadRow(line: 7, fields: ["4", "", "5"]),
            ReadRow(line: 8, fields: ["5", "plain", "6"]),
        ])
    }

    @Test("a quoted last field before CRLF loses only the line end")
    func quotedLastFieldCRLF() throws {
        let rows = try read("a,b\r\n1,\"x,y\"\r\n2,\"\"\"\"\r\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "x,y"], ["2", "\""]])
    }

    @Test("empty fields are kept, also at the ends of a row")
    func emptyFields() throws {
        let rows = try read("a,b,c\n,,\n,x,\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["", "", ""], ["", "x", ""]])
    }

    /// The reader fills its buffer 1 MB at a time.
    private static let chunk = 1 << 20

    @Test("a doubled quote split by the reader's 1 MB buffer is one quote", arguments: [-2, -1, 0, 1])
    func doubledQuoteAtBufferEnd(delta: Int) throws {
        // "a,b\n" then an opening quote at offset 4; the doubled quote starts at chunk + delta.
        let filler = String(repeating: "x", count: Self.chunk + delta - 5)
        let rows = try read("a,b\n\"\(filler)\"\"end\",z\n2,ok\n")
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first?.fields == [filler + "\"end", "z"])
        #expect(rows.last == ReadRow(line: 3, fields: ["2", "ok"]))
    }

    @Test("a closing quote at the end of the reader's 1 MB buffer closes the field", arguments: [-2, -1, 0, 1])
    func closingQuoteAtBufferEnd(delta: Int) throws {
        // "a\n" then an opening quote at offset 2; the closing quote is at chunk + delta.
        let filler = String(repeating: "y", count: Self.chunk + delta - 3)
        let rows = try read("a\n\"\(filler)\"\nnext\n")
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first?.fields == [filler])
        #expect(rows.last == ReadRow(line: 3, fields: ["next"]))
    }

    @Test("a quoted field longer than the reader's buffer is read whole")
    func fieldAcrossBuffers() throws {
        let long = String(repeating: "ж\"\"x,\n", count: 250_000)  // about 1.75 MB with its quotes
        let rows = try read("a,b\n1,\"\(long)\"\n2,z\n")
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first?.fields == ["1", long.replacingOccurrences(of: "\"\"", with: "\"")])
        #expect(rows.last == ReadRow(line: 250_003, fields: ["2", "z"]))
    }

    @Test("an unterminated quote is reported with the line where its row starts")
    func unterminatedQuote() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let reader = try CSVReader(url: try scratch.write("t.csv", "a,b\n1,2\n2,\"never closed\n3,4\n5,6\n"))
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(throws: CSVReadError.unterminatedQuote(line: 3)) { try reader.next() }
    }

    @Test("an unterminated quote in the header is line 1")
    func unterminatedQuoteHeader() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let reader = try CSVReader(url: try scratch.write("t.csv", "\"a,b\n"))
        #expect(throws: CSVReadError.unterminatedQuote(line: 1)) { try reader.next() }
    }

    @Test("a missing file is an I/O error")
    func missingFile() {
        #expect(throws: CSVReadError.self) {
            _ = try CSVReader(url: URL(fileURLWithPath: "/nonexistent/smmkpi/\(UUID().uuidString).csv"))
        }
    }

    @Test("a row longer than the buffer but under the limit is read whole")
    func rowUnderLimit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var bytes = Array("a\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "z"), count: 3 << 19)
        bytes += Array("\nb\n".utf8)
        let reader = try CSVReader(url: try scratch.write("t.csv", bytes))
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(!reader.rowTooLong)
        #expect(reader.withField(0) { $0.count } == 3 << 19)
        #expect(try reader.next())
        #expect(reader.line == 3)
    }
}
