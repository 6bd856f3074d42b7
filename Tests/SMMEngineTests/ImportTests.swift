import Foundation
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// `smmkpi import` (cli.md "import", bundle-format.md): every test imports into a real SQLite file
/// in a fresh temporary folder.
@Suite struct ImportTests {
    // MARK: - The example bundle

    /// Rows stored from small-bundle: one per key (bundle-format.md "Keys"); comments.csv and
    /// messages.csv each repeat two ids, so 1396 → 1394 and 324 → 322.
    static let smallBundleCounts: [BundleFile: Int] = [
        .accounts: 2, .accountDaily: 120, .posts: 185, .postMetrics: 501, .comments: 1394, .messages: 322,
        .mentions: 158, .reviews: 37, .adSpend: 60, .otherCosts: 15, .webSessions: 771, .leads: 350, .deals: 153,
        .audience: 26, .brandSearches: 6, .contentPlan: 154, .workLog: 143,
    ]

    @Test("the example bundle stores one row per key in every table")
    func smallBundleCounts() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let report = try importBundle(Fixtures.smallBundle.path, into: store)
        #expect(try await store.rowCounts() == Self.smallBundleCounts)
        #expect(report.timeZone == "Europe/Moscow")
        #expect(report.currency == "RUB")
        #expect(report.accounts == 2)
        #expect(report.problemCount == 0)
        #expect(Set(report.files.map(\.file)) == Set(BundleFile.allCases))
        // Rows read and replaced per file: the read rows minus the replaced ones are stored.
        for file in BundleFile.allCases {
            let s = try #require(report.summary(file))
            #expect(s.skipped == 0 && !s.refused, "\(file)")
            #expect(s.rows - s.replaced == Self.smallBundleCounts[file], "\(file): \(s)")
        }
        #expect(report.summary(.comments)?.rows == 1396)
        #expect(report.summary(.comments)?.replaced == 2)
        #expect(report.summary(.messages)?.rows == 324)
        #expect(report.summary(.messages)?.replaced == 2)
        #expect(report.rowsRead == 4401)
    }

    @Test("the example bundle warns about the unknown column and the replaced rows")
    func smallBundleWarnings() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let report = try importBundle(Fixtures.smallBundle.path, into: try tmp.store())
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains("leads.csv: unknown column source_system ignored"))
        #expect(warnings.contains("comments.csv: 2 rows were replaced by a later row with the same key (the last row wins)"))
        #expect(warnings.contains("messages.csv: 2 rows were replaced by a later row with the same key (the last row wins)"))
        // Nothing else about the replaced rows or unknown columns: the other files are clean.
        #expect(warnings.filter { $0.contains("replaced") }.count == 2)
        #expect(warnings.filter { $0.contains("unknown column") }.count == 1)
    }

    @Test("the example bundle covers 2024-11-01 to 2024-12-30 in Moscow time")
    func smallBundleDates() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(Fixtures.smallBundle.path, into: store)
        #expect(try await store.dataRange() == LocalDate(year: 2024, month: 11, day: 1)!...LocalDate(year: 2024, month: 12, day: 30)!)
        #expect(try await store.settings() == StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"))
    }

    @Test("a zip of the example bundle imports the same rows as the folder", arguments: [nil, "small-bundle"])
    func zipImport(prefix: String?) async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let zip = tmp.url.appendingPathComponent("small-bundle.zip")
        try ZipWriter.zip(folder: Fixtures.smallBundle, prefix: prefix, to: zip)
        let store = try tmp.store()
        let report = try importBundle(zip.path, into: store)
        #expect(try await store.rowCounts() == Self.smallBundleCounts)
        #expect(report.timeZone == "Europe/Moscow")
        #expect(report.summary(.comments)?.replaced == 2)
    }

    @Test("a repeated key within a file: the last row wins and the replaced rows are counted")
    func repeatedKeys() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with([
            // 10:00Z and 13:00+03:00 are one instant, so one key.
            "post_metrics.csv": """
                post_id,collected_at,likes
                p1,2024-11-03T10:00Z,10
                p1,2024-11-03T13:00+03:00,11
                p1,2024-11-03T10:00:00.000Z,12
                p1,2024-11-03T10:00:01Z,13

                """,
            // Ids are compared exactly after trimming: " m1 " is m1, "M1" is another message.
            "messages.csv": """
                message_id,account_id,received_at,first_response_at
                m1,vk_main,2024-11-01T10:00Z,
                 m1 ,vk_main,2024-11-01T10:00Z,2024-11-01T10:30Z
                M1,vk_main,2024-11-01T10:00Z,

                """,
        ]))
        let report = try importBundle(path, into: store)
        #expect(report.summary(.postMetrics)?.replaced == 2)
        #expect(report.summary(.messages)?.replaced == 1)
        #expect(report.warningText.contains("post_metrics.csv: 2 rows were replaced by a later row with the same key"))
        #expect(report.warningText.contains("messages.csv: 1 row was replaced by a later row with the same key"))
        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "post_metrics.csv") == [
            "post_id,collected_at,likes", "p1,2024-11-03T10:00:00Z,12", "p1,2024-11-03T10:00:01Z,13",
        ])
        #expect(exportedLines(exported, "messages.csv").contains("m1,vk_main,2024-11-01T10:00:00Z,2024-11-01T10:30:00Z"))
        #expect(try await store.rowCounts()[.messages] == 2)
    }

    // MARK: - Bad rows: nothing is written

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: [UInt8]]
        /// Texts the error message must hold: file, line, column, value, reason.
        var says: [String]
        var testDescription: String { name }

        init(_ name: String, _ file: String, _ text: String, says: [String]) {
            self.name = name
            self.files = [file: Array(text.utf8)]
            self.says = says
        }

        init(_ name: String, _ file: String, bytes: [UInt8], says: [String]) {
            self.name = name
            self.files = [file: bytes]
            self.says = says
        }
    }

    static let badCases: [BadCase] = [
        BadCase("a bad date", "account_daily.csv", """
            account_id,date,followers
            vk_main,2024-11-03,1020
            vk_main,2024-11-31,1030

            """, says: ["account_daily.csv, line 3, column date: “2024-11-31” is not a date"]),
        BadCase("a datetime with a lower-case t", "posts.csv", """
            post_id,account_id,published_at,format
            p3,vk_main,2024-11-05t10:00,post

            """, says: ["posts.csv, line 2, column published_at: “2024-11-05t10:00” is not a datetime"]),
        BadCase("a negative counter", "post_metrics.csv", """
            post_id,collected_at,likes
            p1,2024-11-04T10:00Z,-1

            """, says: ["post_metrics.csv, line 2, column likes: “-1” is negative"]),
        BadCase("a rating of 6", "reviews.csv", """
            review_id,created_at,network,rating
            r2,2024-11-02T10:00Z,2GIS,6

            """, says: ["reviews.csv, line 2, column rating: “6” is outside 1–5"]),
        BadCase("a share of 1.5", "audience.csv", """
            account_id,date,dimension,bucket,share
            vk_main,2024-11-02,age,25-34,1.5

            """, says: ["audience.csv, line 2, column share: “1.5” is above 1"]),
        BadCase("an unknown network in accounts", "accounts.csv", """
            account_id,network,name
            vk_main,vk,Зерно VK
            tg_main,telegram,Зерно TG
            ms_main,myspace,Зерно MS

            """, says: ["accounts.csv, line 4, column network: “myspace” is not a network code"]),
        BadCase("an account_id not in accounts.csv", "messages.csv", """
            message_id,account_id,received_at
            m2,fb_main,2024-11-02T10:00Z

            """, says: ["messages.csv, line 2, column account_id: “fb_main” is not an account_id of accounts.csv"]),
        BadCase("an unknown post in post_metrics", "post_metrics.csv", """
            post_id,collected_at,likes
            p1,2024-11-04T10:00Z,12
            p9,2024-11-04T10:00Z,3

            """, says: ["post_metrics.csv, line 3, column post_id: “p9” is not a post_id of posts.csv"]),
        BadCase("an answer before the message", "messages.csv", """
            message_id,account_id,received_at,first_response_at
            m2,vk_main,2024-11-02T10:00Z,2024-11-02T12:59+03:00

            """, says: ["messages.csv, line 2, column first_response_at: is before received_at"]),
        BadCase("a missing required column", "posts.csv", """
            post_id,account_id,format
            p3,vk_main,post

            """, says: ["posts.csv, line 1, column published_at: the required column “published_at” is missing"]),
        BadCase("a wrong number of fields", "work_log.csv", """
            date,person,hours,task
            2024-11-03,Анна,1,posts
            2024-11-03,Анна,1,posts, replies

            """, says: ["work_log.csv, line 3: the row has 5 fields but the header has 4"]),
        BadCase("invalid UTF-8", "comments.csv",
                bytes: Array("comment_id,post_id,created_at,text\nc3,p1,2024-11-02T10:00Z,".utf8)
                    + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("\n".utf8),  // "Привет" in cp1251
                says: ["comments.csv, line 2, column text: ", "is not valid UTF-8 text"]),
        BadCase("an unterminated quote", "comments.csv", """
            comment_id,post_id,created_at,text
            c3,p1,2024-11-02T10:00Z,fine
            c4,p1,2024-11-02T10:05Z,"never closed
            c5,p1,2024-11-02T10:06Z,lost

            """, says: ["comments.csv, line 3: a quoted field opened here is never closed"]),
        BadCase("an empty required cell", "leads.csv", """
            lead_id,created_at,source
            l2,2024-11-02T10:00Z,

            """, says: ["leads.csv, line 2, column source: the value is empty but required"]),
        BadCase("a negative hours value", "work_log.csv", """
            date,person,hours
            2024-11-03,Анна,-2

            """, says: ["work_log.csv, line 2, column hours: “-2” is below 0"]),
        BadCase("an integer with a decimal point", "account_daily.csv", """
            account_id,date,followers
            vk_main,2024-11-03,1.0

            """, says: ["account_daily.csv, line 2, column followers: “1.0” is not a whole number"]),
        BadCase("an enumeration in the wrong case", "deals.csv", """
            deal_id,closed_at,amount,status
            d2,2024-11-03T10:00Z,100,Won

            """, says: ["deals.csv, line 2, column status: “Won” is not one of won, lost"]),
    ]

    @Test("a bad row rejects the whole import, names file, line, column and value, and writes nothing",
          arguments: badCases)
    func badRowRejects(_ c: BadCase) async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        #expect(before == MiniBundle.counts)
        let beforeExport = try await exportFiles(store, to: tmp.path("before"))

        // The bad bundle also carries good new rows (a new account, day and post): none of them may land.
        var files: [String: [UInt8]] = [
            "manifest.json": Array(MiniBundle.manifest.utf8),
            "accounts.csv": Array("account_id,network,name\nvk_main,vk,Зерно VK\ntg_main,telegram,Зерно TG\nok_main,ok,OK\n".utf8),
            "account_daily.csv": Array("account_id,date,followers\nvk_main,2024-11-09,2000\n".utf8),
            "posts.csv": Array("post_id,account_id,published_at,format\np7,vk_main,2024-11-09T10:00Z,post\n".utf8),
        ]
        files.merge(c.files) { _, new in new }
        let path = try tmp.bundle("bad", bytes: files)
        let error = try #require(throws: ImportRejected.self) { try importBundle(path, into: store) }
        let message = try #require(error.errorDescription)
        #expect(message.hasPrefix("\(path) was not imported: "))
        #expect(message.contains("nothing was written"))
        for text in c.says { #expect(message.contains(text), "\(message)") }
        #expect(error.report.problemCount >= 1)

        #expect(try await store.rowCounts() == before)
        let afterExport = try await exportFiles(store, to: tmp.path("after"))
        #expect(afterExport == beforeExport)
    }

    @Test("a bad row elsewhere does not make the bundle's own new posts look unknown")
    func onlyTheRealProblem() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let path = try tmp.bundle("bad", MiniBundle.with([
            "account_daily.csv": "account_id,date,followers\nvk_main,2024-11-03,1020\nvk_main,2024-11-31,1030\n",
            "posts.csv": "post_id,account_id,published_at,format\np7,vk_main,2024-11-09T10:00Z,post\n",
            "post_metrics.csv": "post_id,collected_at,likes\np7,2024-11-10T10:00Z,4\n",
        ]))
        let error = try #require(throws: ImportRejected.self) { try importBundle(path, into: store) }
        #expect(error.report.problems.map(\.description) == [
            "account_daily.csv, line 3, column date: “2024-11-31” is not a date; write it as YYYY-MM-DD, such as 2025-10-31",
        ])
    }

    @Test("a bad row in the first import leaves an empty database empty, settings included")
    func badFirstImport() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("bad", MiniBundle.with(["reviews.csv": "review_id,created_at,rating\nr1,2024-11-01,9\n"]))
        #expect(throws: ImportRejected.self) { try importBundle(path, into: store) }
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
        #expect(try await store.settings() == nil)
        #expect(try await store.presence() == Presence())
    }

    @Test("more than 50 problems: the first 50 are listed, then how many more")
    func problemLimit() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        var daily = "account_id,date,followers\n"
        for day in 1...30 { daily += "vk_main,2024-11-\(String(format: "%02d", day)),-\(day)\n" }
        for day in 1...30 { daily += "vk_main,2024-12-\(String(format: "%02d", day)),x\(day)\n" }
        let path = try tmp.bundle("bad", MiniBundle.with(["account_daily.csv": daily]))
        let error = try #require(throws: ImportRejected.self) { try importBundle(path, into: store) }
        #expect(error.report.problemCount == 60)
        #expect(error.report.problems.count == 50)
        #expect(error.report.problems.first?.line == 2)
        #expect(error.report.problems.last?.line == 51)
        let message = try #require(error.errorDescription)
        #expect(message.contains("60 problems found"))
        #expect(message.contains("account_daily.csv, line 51, column followers: “x20”"))
        #expect(!message.contains("line 52,"))
        #expect(message.contains("… and 10 more."))
        #expect(try await store.rowCounts() == before)
    }

    // MARK: - Bundle-level problems: nothing is written

    @Test("a manifest that is not JSON rejects the bundle and writes nothing")
    func manifestNotJSON() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        let path = try tmp.bundle("bad", MiniBundle.with(["manifest.json": "timezone = Europe/Moscow\n",
                                                          "posts.csv": "post_id,account_id,published_at,format\np9,vk_main,2024-11-09,post\n"]))
        let error = try #require(throws: BundleError.self) { try importBundle(path, into: store) }
        #expect(error == .badManifest("it is not valid JSON"))
        #expect(error.localizedDescription == "manifest.json cannot be used: it is not valid JSON.")
        #expect(try await store.rowCounts() == before)
    }

    @Test("a zip entry that leaves the bundle folder rejects the zip and writes nothing", arguments: [
        "../evil.csv", "bundle/../../evil.csv", "/tmp/evil.csv", "..\\evil.csv",
    ])
    func zipSlip(entry: String) async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        let zip = tmp.url.appendingPathComponent("evil.zip")
        try ZipWriter.write([
            .init(path: "accounts.csv", data: Data("account_id,network,name\nevil,vk,Evil\n".utf8)),
            .init(path: entry, data: Data("pwned\n".utf8)),
        ], to: zip)
        let error = try #require(throws: BundleError.self) { try importBundle(zip.path, into: store) }
        #expect(error == .unsafeZipEntry(entry))
        #expect(error.localizedDescription.contains("points outside the bundle folder"))
        #expect(try await store.rowCounts() == before)
        #expect(!FileManager.default.fileExists(atPath: tmp.path("evil.csv")))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("evil.csv").path))
    }

    @Test("a second bundle whose manifest names another time zone is rejected; nothing is written")
    func otherTimeZone() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        let tokyo = #"{"format": "smm-bundle", "version": 1, "timezone": "Asia/Tokyo", "currency": "RUB"}"#
        let path = try tmp.bundle("tokyo", MiniBundle.with([
            "manifest.json": tokyo,
            "account_daily.csv": "account_id,date,followers\nvk_main,2024-11-20,5000\n",
        ]))
        let error = try #require(throws: StoreError.self) { try importBundle(path, into: store) }
        #expect(error == .settingsMismatch(field: "time zone", stored: "Europe/Moscow", incoming: "Asia/Tokyo"))
        let message = error.localizedDescription
        #expect(message.contains("Europe/Moscow") && message.contains("Asia/Tokyo"))
        #expect(message.contains("nothing was imported"))
        #expect(try await store.rowCounts() == before)
        #expect(try await store.settings() == StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"))
    }

    @Test("a second bundle whose manifest names another currency is rejected")
    func otherCurrency() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let before = try await store.rowCounts()
        let usd = #"{"timezone": "Europe/Moscow", "currency": "USD"}"#
        let path = try tmp.bundle("usd", MiniBundle.with(["manifest.json": usd]))
        let error = try #require(throws: StoreError.self) { try importBundle(path, into: store) }
        #expect(error == .settingsMismatch(field: "currency", stored: "RUB", incoming: "USD"))
        #expect(try await store.rowCounts() == before)
    }

    @Test("a bundle without a manifest takes the database's time zone")
    func noManifestTakesDatabaseZone() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        var files = MiniBundle.files
        files["manifest.json"] = nil
        files["posts.csv"] = "post_id,account_id,published_at,format\np5,vk_main,2024-11-30T23:30,post\n"
        let report = try importBundle(try tmp.bundle("plain", files), into: store)
        #expect(report.timeZone == "Europe/Moscow")
        // 23:30 Moscow time on 30 November, not UTC (which would be 1 December local).
        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "posts.csv").contains { $0.hasPrefix("p5,vk_main,2024-11-30T20:30:00Z,") })
    }

    // MARK: - Files that are fine

    @Test("an unknown file name is a warning and is skipped")
    func unknownFile() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with(["notes.csv": "a,b\n1,2\n", "readme.txt": "hello"]))
        let report = try importBundle(path, into: store)
        #expect(report.warnings.map(\.description).contains("notes.csv: not a file of the bundle format; skipped"))
        #expect(report.warnings.map(\.description).contains("readme.txt: not a file of the bundle format; skipped"))
        #expect(try await store.rowCounts() == MiniBundle.counts)
    }

    @Test("a header-only file imports no rows, is no problem and is remembered as present")
    func headerOnly() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", [
            "accounts.csv": "account_id,network,name\nvk_main,vk,VK\n",
            "reviews.csv": "review_id,created_at,network,rating,text\n",
            "work_log.csv": "date,person,hours\r\n",
        ])
        let report = try importBundle(path, into: store)
        #expect(report.problemCount == 0)
        let reviews = try #require(report.summary(.reviews))
        #expect(reviews.rows == 0 && reviews.imported == 0 && !reviews.refused)
        let counts = try await store.rowCounts()
        #expect(counts[.reviews] == 0 && counts[.workLog] == 0 && counts[.accounts] == 1)
        let presence = try await store.presence()
        #expect(!presence.has(.reviews))
        #expect(presence.columns[.reviews] == ["review_id", "created_at", "network", "rating", "text"])
        // Export writes the header-only file back, so the presence survives a round trip.
        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "reviews.csv") == ["review_id,created_at,network,rating,text"])
    }

    @Test("an empty file is no problem")
    func emptyFile() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let report = try importBundle(try tmp.bundle("b", MiniBundle.with(["mentions.csv": ""])), into: store)
        #expect(report.problemCount == 0)
        #expect(try await store.rowCounts()[.mentions] == 0)
    }

    @Test("a bundle without accounts.csv is refused with a sentence")
    func noAccounts() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        var files = MiniBundle.files
        files["accounts.csv"] = nil
        let path = try tmp.bundle("b", files)
        let store = try tmp.store()
        let error = try #require(throws: BundleError.self) { try importBundle(path, into: store) }
        #expect(error == .noAccounts(path: path))
        #expect(error.localizedDescription.contains("has no accounts.csv"))
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    // MARK: - --skip-bad-rows

    @Test("--skip-bad-rows imports the good rows and writes each bad one to the rejects file")
    func skipBadRows() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with([
            "account_daily.csv": """
                account_id,date,followers
                vk_main,2024-11-01,1000
                vk_main,2024-11-02,-5
                fb_main,2024-11-03,7
                vk_main,2024-11-04,1040

                """,
            "reviews.csv": """
                review_id,created_at,rating,text
                r1,2024-11-01T10:00Z,5,"Отлично, спасибо"
                r2,2024-11-01T10:00Z,6,"Слишком, хорошо"
                r3,2024-11-01,4,

                """,
            "other_costs.csv": """
                date,category,amount
                2024-11-01,salary,30000
                2024-11-02,bribes,10

                """,
        ]))
        let rejects = tmp.path("rejects.csv")
        let report = try importBundle(path, into: store, options: ImportOptions(skipBadRows: true, rejectsPath: rejects))
        #expect(report.problemCount == 4)
        #expect(report.summary(.accountDaily)?.skipped == 2)
        #expect(report.summary(.accountDaily)?.imported == 2)
        #expect(report.summary(.reviews)?.skipped == 1)
        #expect(report.summary(.otherCosts)?.skipped == 1)
        let counts = try await store.rowCounts()
        #expect(counts[.accountDaily] == 2)
        #expect(counts[.reviews] == 2)
        #expect(counts[.otherCosts] == 1)
        #expect(counts[.posts] == 2)

        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first == "file,line,column,reason")
        #expect(lines.contains { $0.hasPrefix("account_daily.csv,3,followers,“-5” is negative") })
        #expect(lines.contains { $0.hasPrefix("account_daily.csv,4,account_id,“fb_main” is not an account_id") })
        #expect(lines.contains { $0.hasPrefix("reviews.csv,3,rating,“6” is outside 1–5") })
        // A reason holding commas is quoted.
        #expect(lines.contains { $0.hasPrefix("other_costs.csv,3,category,\"“bribes” is not one of salary, contractor,") })
    }

    @Test("--skip-bad-rows without a rejects file still reports every bad row")
    func skipBadRowsNoRejects() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with([
            "post_metrics.csv": "post_id,collected_at,likes\np1,2024-11-03T10:00Z,1\np9,2024-11-03T10:00Z,2\n",
        ]))
        let report = try importBundle(path, into: store, options: ImportOptions(skipBadRows: true))
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.description.hasPrefix("post_metrics.csv, line 3, column post_id: “p9”") == true)
        #expect(try await store.rowCounts()[.postMetrics] == 1)
    }

    @Test("--skip-bad-rows: a refused file and an unterminated quote are reported; the rest is imported")
    func skipBadRowsFileProblems() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with([
            "posts.csv": "post_id,account_id,format\np1,vk_main,post\n",
            "comments.csv": """
                comment_id,post_id,created_at,text,sentiment
                c1,p1,2024-11-01T11:00+03:00,fine,neutral
                c2,p1,2024-11-01T11:05+03:00,"never closed,neutral
                c3,p1,2024-11-01T11:06+03:00,lost,neutral

                """,
            "post_metrics.csv": "post_id,collected_at,likes\np1,2024-11-03T10:00Z,10\n",
        ]))
        let report = try importBundle(path, into: store, options: ImportOptions(skipBadRows: true))
        let problems = report.problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("posts.csv, line 1, column published_at: the required column") })
        #expect(problems.contains { $0.hasPrefix("comments.csv, line 3: a quoted field opened here is never closed") })
        // posts.csv was refused, so p1 is unknown to post_metrics.csv.
        #expect(problems.contains { $0.hasPrefix("post_metrics.csv, line 2, column post_id: “p1”") })
        #expect(report.summary(.posts)?.refused == true)
        let counts = try await store.rowCounts()
        #expect(counts[.posts] == 0)
        #expect(counts[.postMetrics] == 0)
        #expect(counts[.comments] == 1)
        #expect(counts[.accountDaily] == MiniBundle.counts[.accountDaily])
    }

    @Test("--skip-bad-rows: a keyless file replaces only the dates of the rows it imported")
    func skipBadRowsKeylessDates() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        // 2024-11-01 has two stored costs; the only 11-01 row of the new file is bad and skipped.
        let path = try tmp.bundle("second", [
            "accounts.csv": MiniBundle.files["accounts.csv"]!,
            "other_costs.csv": "date,category,amount\n2024-11-01,salary,abc\n2024-11-02,tools,100\n",
        ])
        try importBundle(path, into: store, options: ImportOptions(skipBadRows: true))
        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "other_costs.csv") == [
            "date,category,amount,network",
            "2024-11-01,salary,30000,",
            "2024-11-01,tools,990,",
            "2024-11-02,tools,100,",
        ])
    }

    // MARK: - Several imports

    @Test("importing the same bundle twice changes nothing")
    func reimportIsIdempotent() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(Fixtures.smallBundle.path, into: store)
        let counts1 = try await store.rowCounts()
        let export1 = try await exportFiles(store, to: tmp.path("out1"))
        let report = try importBundle(Fixtures.smallBundle.path, into: store)
        #expect(report.problemCount == 0)
        #expect(try await store.rowCounts() == counts1)
        #expect(counts1 == Self.smallBundleCounts)
        let export2 = try await exportFiles(store, to: tmp.path("out2"))
        #expect(export2.keys.sorted() == export1.keys.sorted())
        for (name, data) in export1 { #expect(export2[name] == data, "\(name) differs after a re-import") }
    }

    @Test("an overlapping bundle updates rows by key and keeps the rows it does not have")
    func overlappingBundleUpdates() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        // No manifest: the database's settings apply.
        let second = try tmp.bundle("second", [
            "accounts.csv": "account_id,network,name\nvk_main,VK,Зерно ВКонтакте\n",
            "account_daily.csv": """
                account_id,date,followers,joined,left,reach
                vk_main,2024-11-02,1015,11,1,530
                vk_main,2024-11-03,1020,12,2,510

                """,
            // 13:00+03:00 is the stored 10:00Z snapshot of p1: the same key.
            "post_metrics.csv": "post_id,collected_at,likes,reach\np1,2024-11-03T13:00+03:00,25,180\n",
            // Sources and networks are keys compared case-insensitively.
            "web_sessions.csv": "date,source,medium,campaign,content,sessions\n2024-11-01, VK ,social,autumn,,150\n",
            "ad_spend.csv": "date,campaign,spend,network,account_id\n2024-11-01,autumn,1600,VK,vk_main\n",
        ])
        try importBundle(second, into: store)
        let counts = try await store.rowCounts()
        #expect(counts[.accounts] == 2)
        #expect(counts[.accountDaily] == 4)
        #expect(counts[.postMetrics] == 2)
        #expect(counts[.webSessions] == 2)
        #expect(counts[.adSpend] == 1)

        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "accounts.csv").contains("vk_main,vk,Зерно ВКонтакте,,default"))
        #expect(exportedLines(exported, "accounts.csv").contains("tg_main,telegram,Зерно TG,,Зерно"))
        let daily = exportedLines(exported, "account_daily.csv")
        #expect(daily.contains("tg_main,2024-11-01,300,,,"))
        #expect(daily.contains("vk_main,2024-11-01,1000,12,2,500"))
        #expect(daily.contains("vk_main,2024-11-02,1015,11,1,530"))
        #expect(daily.contains("vk_main,2024-11-03,1020,12,2,510"))
        #expect(exportedLines(exported, "post_metrics.csv").contains("p1,2024-11-03T10:00:00Z,180,25"))
        #expect(exportedLines(exported, "web_sessions.csv").contains { $0.hasPrefix("2024-11-01,vk,social,autumn,,150") })
        #expect(exportedLines(exported, "ad_spend.csv").contains { $0.hasPrefix("2024-11-01,autumn,1600,vk,vk_main") })
    }

    @Test("other_costs and work_log: a re-import replaces the stored rows of the dates it brings")
    func keylessFiles() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let base = try tmp.bundle("base", MiniBundle.files)
        try importBundle(base, into: store)
        // The same bundle again: nothing changes, nothing is doubled.
        try importBundle(base, into: store)
        #expect(try await store.rowCounts()[.otherCosts] == 3)
        #expect(try await store.rowCounts()[.workLog] == 2)

        // A corrected 2024-11-02 and a new 2024-11-03; 2024-11-01 is kept.
        let second = try tmp.bundle("second", [
            "accounts.csv": MiniBundle.files["accounts.csv"]!,
            "other_costs.csv": """
                date,category,amount,network
                2024-11-02,content,4000,vk
                2024-11-02,content,4000,vk
                2024-11-03,tools,-990,

                """,
            "work_log.csv": "date,person,hours,task\n2024-11-02,Анна,1.25,replies\n2024-11-02,Борис,2,design\n",
        ])
        let report = try importBundle(second, into: store)
        #expect(report.summary(.otherCosts)?.replaced == 0)
        let exported = try await exportFiles(store, to: tmp.path("out"))
        #expect(exportedLines(exported, "other_costs.csv") == [
            "date,category,amount,network",
            "2024-11-01,salary,30000,",
            "2024-11-01,tools,990,",
            "2024-11-02,content,4000,vk",
            "2024-11-02,content,4000,vk",
            "2024-11-03,tools,-990,",
        ])
        #expect(exportedLines(exported, "work_log.csv") == [
            "date,person,hours,task",
            "2024-11-01,Анна,3.5,posts",
            "2024-11-02,Анна,1.25,replies",
            "2024-11-02,Борис,2,design",
        ])
    }

    @Test("references checked against earlier imports: a later bundle may name stored accounts and posts")
    func referencesAcrossImports() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(try tmp.bundle("base", MiniBundle.files), into: store)
        let second = try tmp.bundle("second", [
            "accounts.csv": "account_id,network,name\nok_main,ok,Зерно OK\n",
            "account_daily.csv": "account_id,date,followers\nvk_main,2024-11-05,1100\nok_main,2024-11-05,40\n",
            "post_metrics.csv": "post_id,collected_at,likes\np2,2024-11-05T10:00Z,9\n",
        ])
        let report = try importBundle(second, into: store)
        #expect(report.problemCount == 0)
        let counts = try await store.rowCounts()
        #expect(counts[.accounts] == 3)
        #expect(counts[.accountDaily] == 5)
        #expect(counts[.postMetrics] == 3)
    }

    // MARK: - References that may point outside the bundle

    @Test("dangling references are kept with a warning naming file, count and first line")
    func danglingReferences() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", MiniBundle.with([
            "comments.csv": """
                comment_id,post_id,created_at,text,from_brand,parent_id
                c1,p1,2024-11-01T11:00+03:00,Класс,false,
                c2,p_old,2024-11-01T11:30+03:00,Старый пост,false,
                c3,p1,2024-11-01T12:00+03:00,Ответ,true,c_old
                c4,p1,2024-11-01T12:30+03:00,Ответ,true,c1

                """,
            "deals.csv": """
                deal_id,closed_at,amount,lead_id,status
                d1,2024-11-02T12:00+03:00,4500,l1,won
                d2,2024-11-02T13:00+03:00,1200,l_old,won
                d3,2024-11-02T14:00+03:00,800,,won

                """,
            "content_plan.csv": """
                item_id,account_id,due_at,post_id
                i1,vk_main,2024-11-01,p1
                i2,vk_main,2024-11-02,p_gone

                """,
        ]))
        let report = try importBundle(path, into: store)
        #expect(report.problemCount == 0)
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains("comments.csv: 1 row, first on line 3: post_id names a post that is not in the database; kept, never counted"))
        #expect(warnings.contains("comments.csv: 1 row, first on line 4: parent_id names a comment that is not in the database; kept, they answer nothing"))
        #expect(warnings.contains("deals.csv: 1 row, first on line 3: lead_id names a lead that is not in the database; kept, not a social sale"))
        #expect(warnings.contains("content_plan.csv: 1 row, first on line 3: post_id names a post that is not in the database; kept, the item counts as not published"))
        let counts = try await store.rowCounts()
        #expect(counts[.comments] == 4)
        #expect(counts[.deals] == 3)
        #expect(counts[.contentPlan] == 2)
    }

    @Test("a reply whose parent arrives in a later import is no longer dangling")
    func replyParentLater() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let first = try tmp.bundle("first", MiniBundle.with([
            "comments.csv": "comment_id,post_id,created_at,parent_id\nc9,p1,2024-11-01T12:00+03:00,c8\n",
        ]))
        #expect(try importBundle(first, into: store).warningText.contains("parent_id names a comment"))
        let second = try tmp.bundle("second", MiniBundle.with([
            "comments.csv": "comment_id,post_id,created_at\nc8,p1,2024-11-01T11:00+03:00\n",
        ]))
        #expect(!(try importBundle(second, into: store).warningText.contains("parent_id names a comment")))
    }
}

/// `smmkpi import` run as a program: exit status, stdout and stderr.
@Suite struct ImportCommandTests {
    private func binary() throws -> URL {
        try #require(Fixtures.binary, "build smmkpi first (swift build), or set SMMKPI_BIN")
    }

    /// A sentence for people: no crash report, no stack trace, no Swift error dump.
    private func expectNoTrace(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "stack trace", "Backtrace", "Thread 0", "#0 ", "0x0",
                       "ImportRejected(", "BundleError.", "StoreError."] {
            #expect(!text.contains(marker), "stderr holds “\(marker)”: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("import of a bundle with a bad row exits non-zero with a sentence naming the row")
    func badBundle() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.bundle("bad", MiniBundle.with([
            "reviews.csv": "review_id,created_at,rating\nr1,2024-11-01T10:00Z,6\n",
        ]))
        let db = tmp.path("db.sqlite")
        let result = try runSMMKPI(["import", path, "--db", db], binary: try binary(), in: tmp.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path) was not imported: 1 problem found, nothing was written."))
        #expect(result.stderr.contains("reviews.csv, line 2, column rating: “6” is outside 1–5"))
        #expect(result.stderr.contains("--skip-bad-rows"))
        expectNoTrace(result.stderr)
        #expect(!result.stdout.contains("Imported"))
        // Nothing was written.
        let store = try SQLiteStore(path: db)
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test("import errors that are not rows are sentences too", arguments: ["missing", "zip-slip", "manifest"])
    func otherErrors(kind: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path: String, says: String
        switch kind {
        case "missing":
            path = tmp.path("no-such-bundle")
            says = "No bundle at \(path)"
        case "zip-slip":
            path = tmp.path("evil.zip")
            try ZipWriter.write([.init(path: "accounts.csv", data: Data("account_id,network,name\n".utf8)),
                                 .init(path: "../evil.csv", data: Data("x".utf8))], to: URL(fileURLWithPath: path))
            says = "The zip entry “../evil.csv” points outside the bundle folder"
        default:
            path = try tmp.bundle("b", MiniBundle.with(["manifest.json": "{timezone: Moscow}"]))
            says = "manifest.json cannot be used: it is not valid JSON."
        }
        let result = try runSMMKPI(["import", path, "--db", tmp.path("db.sqlite")], binary: try binary(), in: tmp.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains(says), "\(result.stderr)")
        expectNoTrace(result.stderr)
    }

    @Test("import into a database with another time zone exits non-zero naming both zones")
    func otherTimeZone() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.path("db.sqlite")
        let first = try runSMMKPI(["import", try tmp.bundle("a", MiniBundle.files), "--db", db, "--quiet"],
                                  binary: try binary(), in: tmp.url)
        #expect(first.status == 0, "\(first.stderr)")
        let tokyo = MiniBundle.with(["manifest.json": #"{"timezone": "Asia/Tokyo"}"#])
        let second = try runSMMKPI(["import", try tmp.bundle("b", tokyo), "--db", db], binary: try binary(), in: tmp.url)
        #expect(second.status != 0)
        #expect(second.stderr.contains("Europe/Moscow") && second.stderr.contains("Asia/Tokyo"))
        expectNoTrace(second.stderr)
    }

    @Test("a good import exits 0 and prints the summary with its warnings")
    func goodImport() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let result = try runSMMKPI(["import", Fixtures.smallBundle.path, "--db", tmp.path("db.sqlite"), "--quiet"],
                                   binary: try binary(), in: tmp.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported \(Fixtures.smallBundle.path) into"))
        #expect(result.stdout.contains("Time zone: Europe/Moscow"))
        #expect(result.stdout.contains("leads.csv: unknown column source_system ignored"))
        #expect(result.stdout.contains("comments.csv: 2 rows were replaced"))
        expectNoTrace(result.stderr)
    }

    @Test("--skip-bad-rows with --rejects exits 0 and writes the rejects file")
    func skipBadRows() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.bundle("b", MiniBundle.with([
            "reviews.csv": "review_id,created_at,rating\nr1,2024-11-01T10:00Z,6\nr2,2024-11-01T10:00Z,4\n",
        ]))
        let rejects = tmp.path("rejects.csv")
        let result = try runSMMKPI(["import", path, "--db", tmp.path("db.sqlite"), "--skip-bad-rows", "--rejects", rejects,
                                    "--quiet"], binary: try binary(), in: tmp.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Skipped 1 problem"))
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.hasPrefix("file,line,column,reason\nreviews.csv,2,rating,"))
    }
}
