import Foundation
import Testing

@Suite("The smmkpi command line")
struct CLITests {
    @Test("a bad period is a sentence on stderr and exit status 1, no stack trace")
    func badPeriod() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try smmkpi(["kpi", "--period", "2024-W5", "--db", dir.appendingPathComponent("x.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("“2024-W5” is not a period"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test("kpi on an empty database says to import first")
    func emptyDatabase() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try smmkpi(["kpi", "--period", "2024-11", "--db", dir.appendingPathComponent("x.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("import a bundle first"))
    }

    @Test("an unknown metric and an unknown account are named")
    func unknownIDs() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.sqlite").path
        _ = try smmkpi(["import", Fixtures.examples.appendingPathComponent("small-bundle").path, "--db", db, "--quiet"])
        let m = try smmkpi(["kpi", "--period", "2024-11", "--metrics", "er_reach, nope", "--db", db])
        #expect(m.status != 0)
        #expect(m.stderr.contains("“ nope” is not a metric id") || m.stderr.contains("nope"))
        let a = try smmkpi(["kpi", "--period", "2024-11", "--accounts", "vk_main,ghost", "--db", db])
        #expect(a.status != 0)
        #expect(a.stderr.contains("“ghost” is not an account"))
        let ok = try smmkpi(["kpi", "--period", "2024-11", "--metrics", " ER_Reach ,cpl", "--db", db, "--format", "csv"])
        #expect(ok.status == 0)
        #expect(ok.stdout.split(separator: "\n").count == 3)
    }
}
