import Foundation
import Testing

@Suite("smmkpi report on the command line")
struct ReportCLITests {
    func database() throws -> (dir: URL, db: String) {
        let dir = try Fixtures.temporaryDirectory()
        let db = dir.appendingPathComponent("r.sqlite").path
        _ = try smmkpi(["import", Fixtures.examples.appendingPathComponent("small-bundle").path, "--db", db, "--quiet"])
        return (dir, db)
    }

    @Test("report --format json prints the same numbers as kpi --format json")
    func jsonEqualsKPI() throws {
        let (dir, db) = try database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try smmkpi(["report", "--kind", "weekly", "--period", "2024-W50", "--lang", "en", "--format", "json", "--out", "-", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let k = try smmkpi(["kpi", "--period", "2024-W50", "--format", "json", "--db", db])
        struct Metric: Decodable { var id: String?; var value: Double?; var previous: Double? }
        struct KPIs: Decodable { var metrics: [Metric] }
        struct Report: Decodable { var metrics: [String: Metric] }
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        let kpis = try JSONDecoder().decode(KPIs.self, from: Data(k.stdout.utf8))
        #expect(kpis.metrics.count > 80)
        for m in kpis.metrics {
            #expect(report.metrics[m.id!]?.value == m.value, "\(m.id!)")
            #expect(report.metrics[m.id!]?.previous == m.previous, "\(m.id!)")
        }
    }

    @Test("a weekly report of a month is a sentence and writes no file")
    func wrongKind() throws {
        let (dir, db) = try database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("w.html").path
        let r = try smmkpi(["report", "--kind", "weekly", "--period", "2024-11", "--out", out, "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("A weekly report covers an ISO week, and “2024-11” is not one"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("schedule add, list and remove; bad input is a sentence")
    func schedules() throws {
        let (dir, db) = try database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let add = try smmkpi(["report", "schedule", "add", "--kind", "weekly", "--at", "mon 9:30", "--to", "telegram:-1001",
                              "--format", "xlsx", "--lang", "en", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Added schedule 1: weekly report, Mon 09:30, xlsx in en to telegram:-1001."))
        let list = try smmkpi(["report", "schedule", "list", "--format", "json", "--db", db])
        #expect(list.stdout.contains("\"to\" : \"telegram:-1001\""))
        let bad = try smmkpi(["report", "schedule", "add", "--kind", "monthly", "--at", "31 09:00", "--to", "telegram:1", "--db", db])
        #expect(bad.status == 1 && bad.stderr.contains("day of the month (1–28)"))
        let badTarget = try smmkpi(["report", "schedule", "add", "--kind", "weekly", "--at", "Mon 09:00", "--to", "mail:x", "--db", db])
        #expect(badTarget.status == 1 && badTarget.stderr.contains("write telegram:CHAT_ID"))
        #expect(try smmkpi(["report", "schedule", "remove", "1", "--db", db]).status == 0)
        let gone = try smmkpi(["report", "schedule", "remove", "1", "--db", db])
        #expect(gone.status == 1 && gone.stderr.contains("There is no report schedule 1"))
        #expect(try smmkpi(["report", "run-due", "--db", db]).stdout.contains("Nothing was due."))
    }
}
