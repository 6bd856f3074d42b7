import Foundation
import SMMCore
import Testing

@testable import SMMEngine

@Suite struct DemoGeneratorTests {
    static let end = LocalDate(year: 2025, month: 3, day: 31)!

    /// Writes a small demo bundle into a fresh temporary folder.
    static func generate(accounts: Int = 3, days: Int = 30, seed: UInt64 = 42, timeZone: String = "Europe/Moscow",
                         end: LocalDate = end) throws -> (URL, DemoSummary) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        let gen = DemoGenerator(accounts: accounts, days: days, seed: seed, endDate: end, timeZone: timeZone)
        return (dir, try gen.write(to: dir))
    }

    static func table(_ dir: URL, _ file: BundleFile) throws -> [[String: String]] {
        let text = try String(contentsOf: dir.appendingPathComponent(file.fileName), encoding: .utf8)
        let records = parseCSV(text)
        let header = records[0]
        return try records.dropFirst().map { r in
            try #require(r.count == header.count, "\(file.fileName): \(r)")
            return Dictionary(uniqueKeysWithValues: zip(header, r))
        }
    }

    @Test("the same seed writes byte-identical files; another seed writes others")
    func deterministic() throws {
        let (a, _) = try Self.generate()
        let (b, _) = try Self.generate()
        let (c, _) = try Self.generate(seed: 7)
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        for file in BundleFile.allCases.map(\.fileName) + ["manifest.json"] {
            let x = try Data(contentsOf: a.appendingPathComponent(file))
            #expect(x == (try Data(contentsOf: b.appendingPathComponent(file))), "\(file)")
        }
        #expect(try Data(contentsOf: a.appendingPathComponent("comments.csv"))
                != Data(contentsOf: c.appendingPathComponent("comments.csv")))
    }

    @Test("every file of bundle-format.md is written with the spec's header, and the manifest")
    func filesAndHeaders() throws {
        let (dir, _) = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in BundleFile.allCases {
            let text = try String(contentsOf: dir.appendingPathComponent(file.fileName), encoding: .utf8)
            let header = text.prefix { $0 != "\n" }
            #expect(header == file.columns.map(\.name).joined(separator: ","), "\(file.fileName)")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        let object = try #require(manifest as? [String: Any])
        #expect(object["format"] as? String == "smm-bundle")
        #expect(object["version"] as? Int == 1)
        #expect(object["timezone"] as? String == "Europe/Moscow")
        #expect(object["currency"] as? String == "RUB")
    }

    @Test("3 accounts × 30 days fill every file; the summary counts rows and dates")
    func smallRunFillsEveryFile() throws {
        let (dir, summary) = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(summary.firstDate == LocalDate(year: 2025, month: 3, day: 2))
        #expect(summary.lastDate == Self.end)
        for file in BundleFile.allCases {
            let rows = try Self.table(dir, file).count
            #expect(rows > 0, "\(file.fileName)")
            #expect(summary.rows[file] == rows, "\(file.fileName)")
        }
        #expect(summary.rows[.accounts] == 3)
        #expect(summary.rows[.accountDaily] == 90)
    }

    @Test("references are valid, counters non-negative, answers never before questions")
    func references() throws {
        let (dir, _) = try Self.generate(accounts: 6, days: 45)
        defer { try? FileManager.default.removeItem(at: dir) }
        let accounts = Set(try Self.table(dir, .accounts).map { $0["account_id"]! })
        #expect(accounts.count == 6)
        for file in [BundleFile.accountDaily, .posts, .messages, .audience, .contentPlan, .adSpend] {
            for row in try Self.table(dir, file) where !(row["account_id"]!.isEmpty && file == .adSpend) {
                #expect(accounts.contains(row["account_id"]!), "\(file.fileName): \(row)")
            }
        }
        let posts = try Self.table(dir, .posts)
        let postIDs = Set(posts.map { $0["post_id"]! })
        #expect(postIDs.count == posts.count)
        let metrics = try Self.table(dir, .postMetrics)
        #expect(metrics.allSatisfy { postIDs.contains($0["post_id"]!) })
        let counters = ["impressions", "reach", "likes", "comments", "reposts", "saves", "clicks", "video_views", "hides"]
        #expect(metrics.allSatisfy { row in counters.allSatisfy { (Int(row[$0]!) ?? 0) >= 0 } })
        let comments = try Self.table(dir, .comments)
        let commentIDs = Set(comments.map { $0["comment_id"]! })
        #expect(commentIDs.count == comments.count)
        #expect(comments.allSatisfy { postIDs.contains($0["post_id"]!) })
        #expect(comments.allSatisfy { $0["parent_id"]!.isEmpty || commentIDs.contains($0["parent_id"]!) })
        #expect(comments.contains { $0["from_brand"] == "true" && !$0["parent_id"]!.isEmpty })
        #expect(try Self.table(dir, .contentPlan).allSatisfy { $0["post_id"]!.isEmpty || postIDs.contains($0["post_id"]!) })
        let leads = Set(try Self.table(dir, .leads).map { $0["lead_id"]! })
        #expect(try Self.table(dir, .deals).allSatisfy { $0["lead_id"]!.isEmpty || leads.contains($0["lead_id"]!) })
        for row in try Self.table(dir, .messages) {
            let received = try #require(Self.instant(row["received_at"]!))
            if let answered = row["first_response_at"], !answered.isEmpty {
                #expect(try #require(Self.instant(answered)) >= received, "\(row)")
            }
        }
        for row in try Self.table(dir, .accountDaily) {
            #expect(["followers", "joined", "left", "reach", "views", "visitors"].allSatisfy { (Int(row[$0]!) ?? 0) >= 0 })
        }
    }

    @Test("datetimes carry the zone's offset, also across a daylight-saving change")
    func offsets() throws {
        let (moscow, _) = try Self.generate()
        let (berlin, _) = try Self.generate(timeZone: "Europe/Berlin", end: LocalDate(year: 2025, month: 4, day: 10)!)
        let (utc, _) = try Self.generate(timeZone: "UTC")
        defer { for d in [moscow, berlin, utc] { try? FileManager.default.removeItem(at: d) } }
        #expect(try Self.table(moscow, .posts).allSatisfy { $0["published_at"]!.hasSuffix("+03:00") })
        #expect(try Self.table(utc, .posts).allSatisfy { $0["published_at"]!.hasSuffix("Z") })
        let berlinTimes = try Self.table(berlin, .comments).map { $0["created_at"]! }
        #expect(berlinTimes.contains { $0.hasSuffix("+01:00") } && berlinTimes.contains { $0.hasSuffix("+02:00") })
        #expect(berlinTimes.allSatisfy { Self.instant($0) != nil })
        for row in try Self.table(berlin, .messages) where !row["first_response_at"]!.isEmpty {
            #expect(Self.instant(row["first_response_at"]!)! >= Self.instant(row["received_at"]!)!)
        }
    }

    @Test("an unknown time zone is refused with a sentence")
    func unknownZone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        #expect(throws: DemoError.unknownTimeZone("Mars/Olympus")) {
            try DemoGenerator(accounts: 1, days: 1, timeZone: "Mars/Olympus").write(to: dir)
        }
    }

    @Test("CSV cells are quoted as RFC 4180 asks; money comes from integer minor units")
    func quotingAndMoney() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let w = try DemoFileWriter(url: url, header: ["text", "amount"])
        w.text("Сказал \"да\", потом\nушёл"); w.comma(); w.money(minor: -123_405); w.endRow()
        w.text("plain"); w.comma(); w.money(minor: 5); w.endRow()
        w.phrases(DemoPhrase("Зашли в «Зерно»"), DemoPhrase(", раф отличный")); w.comma(); w.money(minor: 100); w.endRow()
        try w.close()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "text,amount\n\"Сказал \"\"да\"\", потом\nушёл\",-1234.05\nplain,0.05\n\"Зашли в «Зерно», раф отличный\",1.00\n")
        #expect(Self.parseCSV(text)[1] == ["Сказал \"да\", потом\nушёл", "-1234.05"])
        #expect(w.rows == 3)
    }

    @Test("own exp and log agree with the platform's to 1e-14")
    func math() {
        for x in stride(from: -20.0, through: 20.0, by: 0.37) {
            #expect(abs(DemoMath.exp(x) - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x))
        }
        for x in [1e-9, 0.001, 0.5, 0.999, 1, 1.5, 2, 10, 1500, 1e12] {
            #expect(abs(DemoMath.log(x) - Foundation.log(x)) <= 1e-14 * max(1, abs(Foundation.log(x))))
        }
    }

    // MARK: - Helpers

    /// RFC 4180 records of a whole file.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, wasQuoted = false
        var chars = text.makeIterator()
        var pending: Character?
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let n = chars.next()
                    if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\n" || c == "\r\n" {
                record.append(field); records.append(record)
                record = []; field = ""; wasQuoted = false
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    static func instant(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)
    }
}
