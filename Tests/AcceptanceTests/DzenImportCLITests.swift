import Foundation
import Testing

/// `smmkpi import --format dzen FILE --account ID` through the built binary.
@Suite struct DzenImportCLITests {
    static let fixtures = Fixtures.repo.appendingPathComponent("Tests/SMMConnectorsTests/Fixtures/dzen")

    @Test("a Dzen Studio export imports, twice without change, and gives the KPIs of the same data as a bundle")
    func importTwice() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = dir.appendingPathComponent("dzen.csv")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("publications-ru.csv"), to: export)
        let db = dir.appendingPathComponent("x.sqlite").path
        let args = ["import", "--format", "dzen", export.path, "--account", "dzen_main", "--timezone", "Europe/Moscow", "--db", db]
        let first = try smmkpi(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported \(export.path)"))
        #expect(first.stdout.contains("unknown column “Среднее время” ignored"))
        let kpi = ["kpi", "--period", "2026-11", "--format", "csv", "--db", db]
        let before = try smmkpi(kpi)
        #expect(before.status == 0, "\(before.stderr)")
        let second = try smmkpi(args)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try smmkpi(kpi).stdout == before.stdout)
        let exported = dir.appendingPathComponent("out")
        #expect(try smmkpi(["export", "--out", exported.path, "--db", db]).status == 0)
        let metrics = try String(contentsOf: exported.appendingPathComponent("post_metrics.csv"), encoding: .utf8)
        #expect(metrics.split(separator: "\n").count == 5)  // header + 4: the re-import added no snapshot

        let hand = dir.appendingPathComponent("hand.sqlite").path
        #expect(try smmkpi(["import", Self.fixtures.appendingPathComponent("bundle").path, "--db", hand, "--quiet"]).status == 0)
        let handKPIs = try smmkpi(["kpi", "--period", "2026-11", "--format", "csv", "--db", hand])
        #expect(handKPIs.stdout == before.stdout)
    }

    @Test("without --account, or with a bad date, the error is a sentence and nothing is written")
    func errors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.sqlite").path
        let export = Self.fixtures.appendingPathComponent("publications-en.csv").path
        let noAccount = try smmkpi(["import", "--format", "dzen", export, "--db", db])
        #expect(noAccount.status != 0)
        #expect(noAccount.stderr.contains("--format dzen needs --account ID"))
        let bad = dir.appendingPathComponent("bad.csv")
        try "title,url,published_at,type\nA,https://dzen.ru/a/A1,2026-13-01,article\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try smmkpi(["import", "--format", "dzen", bad.path, "--account", "dzen_main", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.csv, line 2, column published_at: “2026-13-01” is not a date"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test("a bundle's posts.csv given to --format dzen is refused with a sentence, and nothing is written")
    func bundlePostsAreNotADzenExport() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.sqlite").path
        let posts = Fixtures.examples.appendingPathComponent("small-bundle/posts.csv").path
        let r = try smmkpi(["import", "--format", "dzen", posts, "--account", "dzen_main", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.contains("posts.csv is a bundle file (columns post_id, account_id), not a Dzen Studio export"), "\(r.stderr)")
        #expect(r.stderr.contains("no column «ID публикации» (id)"))
        #expect(r.stderr.contains("docs/connectors/dzen.md"))
        #expect(!r.stderr.contains("Fatal error"))
        #expect(!r.stdout.contains("Imported"))
        let out = dir.appendingPathComponent("out")
        let export = try smmkpi(["export", "--out", out.path, "--db", db])
        if export.status == 0 {
            for name in ["accounts.csv", "posts.csv", "post_metrics.csv"] {
                let text = (try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) ?? ""
                #expect(text.split(separator: "\n").count <= 1, "\(name) has rows after a refused import")
            }
        }
    }
}
