import Foundation
import SMMBundle
import SMMCore
import Testing

/// Headers, field counts and cell problems of one bundle file, decoded row by row.
@Suite struct RowCursorTests {
    private static let utc = TimeZone(identifier: "UTC")!

    /// Opens `text` as `file` and reads its header.
    private func cursor(_ file: BundleFile, _ bytes: [UInt8], in scratch: Scratch,
                        zone: TimeZone = RowCursorTests.utc) throws -> RowCursor {
        let c = try RowCursor(file: file, url: try scratch.write(file.fileName, bytes), clock: ZoneClock(timeZone: zone))
        #expect(try c.readHeader())
        return c
    }

    private func cursor(_ file: BundleFile, _ text: String, in scratch: Scratch,
                        zone: TimeZone = RowCursorTests.utc) throws -> RowCursor {
        try cursor(file, Array(text.utf8), in: scratch, zone: zone)
    }

    @Test("header names are trimmed and case-insensitive; column order is free")
    func headerMatching() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.accounts, " Name ,\u{A0}NETWORK, Account_ID \n Зерно , VK ,vk_main\n", in: scratch)
        #expect(c.presentColumns == ["account_id", "network", "name"])
        #expect(c.unknownColumns.isEmpty)
        #expect(try c.next())
        let account = try #require(RowDecoder.account(c))
        #expect(account == Account(id: "vk_main", network: .vk, name: "Зерно", url: nil, brand: "default"))
    }

    @Test("unknown columns are listed, not refused")
    func unknownColumns() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.accounts, "account_id,network,name,Source_System,extra\na,vk,A,crm,1\n", in: scratch)
        #expect(c.unknownColumns == ["source_system", "extra"])
        #expect(try c.next())
        #expect(RowDecoder.account(c) != nil)
    }

    @Test("a missing required column refuses the file, naming file and column")
    func missingRequiredColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try RowCursor(file: .posts, url: try scratch.write("posts.csv", "post_id,account_id,format\n1,a,post\n"),
                              clock: ZoneClock(timeZone: Self.utc))
        let error = try #require(throws: FileProblems.self) { try c.readHeader() }
        #expect(error.problems.count == 1)
        let p = try #require(error.problems.first)
        #expect(p.file == "posts.csv")
        #expect(p.column == "published_at")
        #expect(p.line == 1)
        #expect(p.description.contains("posts.csv"))
        #expect(p.description.contains("published_at"))
    }

    @Test("an empty file has no header; a header-only file has no rows")
    func emptyAndHeaderOnly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let empty = try RowCursor(file: .accounts, url: try scratch.write("accounts.csv", ""),
                                  clock: ZoneClock(timeZone: Self.utc))
        #expect(try !empty.readHeader())
        let headerOnly = try cursor(.posts, "post_id,account_id,published_at,format,topic\r\n", in: scratch)
        #expect(headerOnly.presentColumns.contains("topic"))
        #expect(try !headerOnly.next())
    }

    @Test("blank lines are skipped and line numbers stay physical")
    func blankLines() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.accounts, "account_id,network,name\n\na,vk,A\n   \n\nb,ok,B\n\n", in: scratch)
        #expect(try c.next())
        #expect(c.line == 3)
        #expect(RowDecoder.account(c)?.id == "a")
        #expect(try c.next())
        #expect(c.line == 6)
        #expect(RowDecoder.account(c)?.id == "b")
        #expect(try !c.next())
    }

    @Test("a row with too many or too few fields is a bad row naming its line", arguments: [
        "a,vk,A,extra", "a,vk",
    ])
    func wrongFieldCount(row: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.accounts, "account_id,network,name\nok,vk,OK\n\(row)\n", in: scratch)
        #expect(try c.next())
        #expect(!c.isBad)
        #expect(try c.next())
        #expect(c.isBad)
        let p = try #require(c.problems.first)
        #expect(p.line == 3)
        #expect(p.file == "accounts.csv")
        #expect(p.message.contains("fields but the header has 3"))
    }

    @Test("invalid UTF-8 in a text cell is a bad row asking for UTF-8")
    func invalidUTF8() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = Array("account_id,network,name\na,vk,".utf8) + [0xCF, 0xF0, 0xE8] + Array("\n".utf8)  // cp1251
        let c = try cursor(.accounts, bytes, in: scratch)
        #expect(try c.next())
        #expect(RowDecoder.account(c) == nil)
        let p = try #require(c.problems.first)
        #expect(p.line == 2)
        #expect(p.column == "name")
        #expect(p.message.contains("not valid UTF-8"))
    }

    @Test("a row over 16 MB is one bad row naming its line; the rows after it are read")
    func rowTooLong() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var bytes = Array("account_id,network,name\na,vk,\"".utf8)
        // One quoted field of 17 MB with a line break in it, then a good row.
        bytes += [UInt8](repeating: UInt8(ascii: "n"), count: 8 << 20)
        bytes += Array("\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "m"), count: 9 << 20)
        bytes += Array("\"\nb,ok,B\n".utf8)
        let c = try cursor(.accounts, bytes, in: scratch)
        #expect(try c.next())
        #expect(c.isBad)
        #expect(c.problems.first?.line == 2)
        #expect(c.problems.first?.message.contains("longer than 16 MB") == true)
        #expect(try c.next())
        #expect(!c.isBad)
        #expect(RowDecoder.account(c)?.id == "b")
        #expect(c.line == 4)
    }

    struct BadCell: Sendable, CustomTestStringConvertible {
        var file: BundleFile
        var csv: String
        var column: String
        var says: String
        var testDescription: String { "\(file.fileName) \(column): \(says)" }
    }

    @Test("a bad cell names its column, the value and what is expected", arguments: [
        BadCell(file: .accountDaily, csv: "account_id,date,followers\na,31.10.2024,5\n", column: "date",
                says: "“31.10.2024” is not a date"),
        BadCell(file: .accountDaily, csv: "account_id,date,followers\na,2024-11-01,-3\n", column: "followers",
                says: "“-3” is negative"),
        BadCell(file: .accountDaily, csv: "account_id,date,followers\na,2024-11-01,1 234\n", column: "followers",
                says: "“1 234” is not a whole number"),
        BadCell(file: .accountDaily, csv: "account_id,date,followers\na,2024-11-01,\n", column: "followers",
                says: "empty but required"),
        BadCell(file: .reviews, csv: "review_id,created_at,rating\nr,2024-11-01T10:00Z,6\n", column: "rating",
                says: "“6” is outside 1–5"),
        BadCell(file: .reviews, csv: "review_id,created_at,rating\nr,2024-11-01T10:00Z,0\n", column: "rating",
                says: "“0” is outside 1–5"),
        BadCell(file: .audience, csv: "account_id,date,dimension,bucket,share\na,2024-11-01,age,25-34,1.5\n",
                column: "share", says: "“1.5” is above 1"),
        BadCell(file: .audience, csv: "account_id,date,dimension,bucket,share\na,2024-11-01,age,25-34,-0.1\n",
                column: "share", says: "“-0.1” is below 0"),
        BadCell(file: .audience, csv: "account_id,date,dimension,bucket,share\na,2024-11-01,Age,25-34,0.5\n",
                column: "dimension", says: "“Age” is not one of gender, age"),
        BadCell(file: .workLog, csv: "date,person,hours\n2024-11-01,Анна,-1\n", column: "hours",
                says: "“-1” is below 0"),
        BadCell(file: .accounts, csv: "account_id,network,name\na,myspace,A\n", column: "network",
                says: "“myspace” is not a network code"),
        BadCell(file: .posts, csv: "post_id,account_id,published_at,format\np,a,2024-11-01t10:00,post\n",
                column: "published_at", says: "“2024-11-01t10:00” is not a datetime"),
        BadCell(file: .posts, csv: "post_id,account_id,published_at,format,promoted\np,a,2024-11-01,post,maybe\n",
                column: "promoted", says: "“maybe” is not a boolean"),
        BadCell(file: .posts, csv: "post_id,account_id,published_at,format\np,a,2024-11-01,reel\n",
                column: "format", says: "“reel” is not one of post, clip"),
        BadCell(file: .messages,
                csv: "message_id,account_id,received_at,first_response_at\nm,a,2024-11-01T10:00Z,2024-11-01T12:59+03:00\n",
                column: "first_response_at", says: "is before received_at"),
        BadCell(file: .adSpend, csv: "date,campaign,spend\n2024-11-01,c,1e3\n", column: "spend",
                says: "“1e3” is not money"),
        BadCell(file: .brandSearches, csv: "month,query,count\n2024-13,зерно,5\n", column: "month",
                says: "“2024-13” is not a month"),
    ])
    func badCell(_ c: BadCell) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cursor = try cursor(c.file, c.csv, in: scratch)
        #expect(try cursor.next())
        let decoded: Bool
        switch c.file {
        case .accountDaily: decoded = RowDecoder.accountDay(cursor) != nil
        case .reviews: decoded = RowDecoder.review(cursor) != nil
        case .audience: decoded = RowDecoder.audience(cursor) != nil
        case .workLog: decoded = RowDecoder.workLog(cursor) != nil
        case .accounts: decoded = RowDecoder.account(cursor) != nil
        case .posts: decoded = RowDecoder.post(cursor) != nil
        case .messages: decoded = RowDecoder.message(cursor) != nil
        case .adSpend: decoded = RowDecoder.adSpend(cursor) != nil
        case .brandSearches: decoded = RowDecoder.brandSearch(cursor) != nil
        default: Issue.record("no decoder wired for \(c.file)"); return
        }
        #expect(!decoded)
        let p = try #require(cursor.problems.first)
        #expect(p.file == c.file.fileName)
        #expect(p.line == 2)
        #expect(p.column == c.column)
        #expect(p.message.contains(c.says), "\(p)")
        #expect(p.description.hasPrefix("\(c.file.fileName), line 2, column \(c.column): "))
    }

    @Test("every problem of a row is reported, not only the first")
    func severalProblems() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.accountDaily, "account_id,date,followers,reach\na,2024-11-32,-1,x\n", in: scratch)
        #expect(try c.next())
        #expect(RowDecoder.accountDay(c) == nil)
        #expect(c.problems.map(\.column) == ["date", "followers", "reach"])
    }

    @Test("values are trimmed, NFC-normalised and spelled case-insensitively where the format says so")
    func decodedValues() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let csv = "post_id,account_id,published_at,format,promoted,text\n"
            + "\u{A0}p1\u{3000}, a ,\t2024-11-01 00:30 , clip ,YES,\"  и\u{0306}ти, \"\"ок\"\"\n\"\n"
        let c = try cursor(.posts, csv, in: scratch, zone: TimeZone(identifier: "Europe/Moscow")!)
        #expect(try c.next())
        let post = try #require(RowDecoder.post(c))
        #expect(post.id == "p1")
        #expect(post.accountID == "a")
        #expect(post.format == .clip)
        #expect(post.promoted == true)
        #expect(post.publishedAt.iso8601 == "2024-10-31T21:30:00Z")
        #expect(post.localDate == LocalDate(year: 2024, month: 11, day: 1))
        #expect(Array((post.text ?? "").unicodeScalars) == Array("\u{0439}ти, \"ок\"".unicodeScalars))
        #expect(c.columnsWithValues == ["post_id", "account_id", "published_at", "format", "promoted", "text"])
    }

    @Test("a content-plan due date alone is the end of that local day")
    func dueDate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let c = try cursor(.contentPlan, "item_id,account_id,due_at\ni,a,2024-11-05\n", in: scratch,
                           zone: TimeZone(identifier: "Europe/Moscow")!)
        #expect(try c.next())
        let item = try #require(RowDecoder.planItem(c))
        #expect(item.dueAt.iso8601 == "2024-11-05T20:59:59Z")
        #expect(item.dueDate == LocalDate(year: 2024, month: 11, day: 5))
    }
}
