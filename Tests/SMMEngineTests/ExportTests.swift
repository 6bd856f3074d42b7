import Foundation
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// `smmkpi export` (cli.md): the database written back as a bundle, so that
/// import → export → import gives the same data.
@Suite struct ExportTests {
    @Test("import → export → import → export: the two exports are byte-identical")
    func roundTrip() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let first = try tmp.store("first.sqlite")
        try importBundle(Fixtures.smallBundle.path, into: first)
        let export1 = try await exportFiles(first, to: tmp.path("export1"))

        let second = try tmp.store("second.sqlite")
        let report = try importBundle(tmp.path("export1"), into: second)
        #expect(report.problemCount == 0)
        #expect(report.warnings.allSatisfy { !$0.message.contains("replaced") && !$0.message.contains("unknown column") })
        let export2 = try await exportFiles(second, to: tmp.path("export2"))

        #expect(export1.keys.sorted() == export2.keys.sorted())
        for (name, data) in export1 { #expect(export2[name] == data, "\(name) differs between the exports") }
        #expect(try await second.rowCounts() == first.rowCounts())
        #expect(try await second.rowCounts() == ImportTests.smallBundleCounts)
        #expect(try await second.presence() == first.presence())
        #expect(try await second.settings() == first.settings())
    }

    @Test("the export has a manifest and every file of the bundle, with the columns the bundle had")
    func exportedFiles() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try importBundle(Fixtures.smallBundle.path, into: store)
        let counts = try await Exporter(store: store).run(to: tmp.path("out"))
        #expect(counts == ImportTests.smallBundleCounts)
        let files = try await exportFiles(store, to: tmp.path("out2"))
        #expect(Set(files.keys) == Set(BundleFile.allCases.map(\.fileName) + ["manifest.json"]))

        let manifestData = try #require(files["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        #expect(manifest["timezone"] as? String == "Europe/Moscow")
        #expect(manifest["currency"] as? String == "RUB")
        #expect(manifest["format"] as? String == "smm-bundle")
        #expect(manifest["version"] as? Int == 1)

        // leads.csv: the spec's column order, without the unknown source_system.
        #expect(exportedLines(files, "leads.csv").first == "lead_id,created_at,source,campaign,content,qualified,customer_id")
        #expect(exportedLines(files, "comments.csv").first
                == "comment_id,post_id,created_at,author_id,text,from_brand,parent_id,sentiment")
        // UTF-8 without a byte-order mark.
        for file in BundleFile.allCases {
            let data = try #require(files[file.fileName])
            #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.fileName)")
        }
    }

    @Test("datetimes are exported as UTC instants with their fraction; dates and booleans in one spelling")
    func exportedValues() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = try tmp.bundle("b", [
            "manifest.json": MiniBundle.manifest,
            "accounts.csv": "account_id,network,name\nvk_main,VK,\"Зерно, кофейня\"\n",
            "posts.csv": """
                post_id,account_id,published_at,format,promoted,text
                p1,vk_main,2024-11-01T00:30,post,YES,"Say ""hi""
                on two lines"
                p2,vk_main,2024-11-01T06:30:00.123456789Z,clip,0,
                p3,vk_main,2024-11-01,story,,  padded\u{A0}

                """,
            "content_plan.csv": "item_id,account_id,due_at\ni1,vk_main,2024-11-05\n",
            "brand_searches.csv": "month,query,count\n2024-11,зерно,7\n",
            "audience.csv": "account_id,date,dimension,bucket,share\nvk_main,2024-11-01,age,25-34,.5\n",
        ])
        try importBundle(path, into: store)
        let files = try await exportFiles(store, to: tmp.path("out"))
        let posts = String(decoding: try #require(files["posts.csv"]), as: UTF8.self)
        #expect(posts == """
            post_id,account_id,published_at,format,promoted,text
            p1,vk_main,2024-10-31T21:30:00Z,post,true,"Say ""hi""
            on two lines"
            p2,vk_main,2024-11-01T06:30:00.123456789Z,clip,false,
            p3,vk_main,2024-10-31T21:00:00Z,story,,padded

            """)
        #expect(exportedLines(files, "accounts.csv") == ["account_id,network,name", "vk_main,vk,\"Зерно, кофейня\""])
        #expect(exportedLines(files, "content_plan.csv") == ["item_id,account_id,due_at", "i1,vk_main,2024-11-05T20:59:59Z"])
        #expect(exportedLines(files, "brand_searches.csv") == ["month,query,count", "2024-11,зерно,7"])
        #expect(exportedLines(files, "audience.csv") == ["account_id,date,dimension,bucket,share",
                                                         "vk_main,2024-11-01,age,25-34,0.5"])
        // Files the bundle did not have are not written.
        #expect(files["reviews.csv"] == nil)
        #expect(files["work_log.csv"] == nil)
    }

    @Test("an empty database cannot be exported")
    func emptyDatabase() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        await #expect(throws: BundleError.self) { try await Exporter(store: store).run(to: tmp.path("out")) }
    }

    @Test("an export of the mini bundle imports back to the same rows")
    func miniRoundTrip() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let first = try tmp.store("first.sqlite")
        try importBundle(try tmp.bundle("b", MiniBundle.files), into: first)
        let export1 = try await exportFiles(first, to: tmp.path("e1"))
        let second = try tmp.store("second.sqlite")
        try importBundle(tmp.path("e1"), into: second)
        #expect(try await second.rowCounts() == MiniBundle.counts)
        let export2 = try await exportFiles(second, to: tmp.path("e2"))
        #expect(export2 == export1)
    }
}

/// `smmkpi export` run as a program.
@Suite struct ExportCommandTests {
    @Test("smmkpi export writes the bundle and lists the files; an empty database is an error sentence")
    func exportCommand() throws {
        let binary = try #require(Fixtures.binary, "build smmkpi first (swift build), or set SMMKPI_BIN")
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.path("db.sqlite")
        let empty = try runSMMKPI(["export", "--out", tmp.path("none"), "--db", db], binary: binary, in: tmp.url)
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("import a bundle first"))
        #expect(!empty.stderr.contains("Fatal error"))

        let imported = try runSMMKPI(["import", Fixtures.smallBundle.path, "--db", db, "--quiet"], binary: binary, in: tmp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try runSMMKPI(["export", "--out", tmp.path("out"), "--db", db], binary: binary, in: tmp.url)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("comments.csv"))
        #expect(exported.stdout.contains("1 394"))
        #expect(FileManager.default.fileExists(atPath: tmp.path("out/manifest.json")))
        #expect(FileManager.default.fileExists(atPath: tmp.path("out/work_log.csv")))
    }
}
