import Foundation
import Testing

/// Compares a threshold: a number, a [L, H] pair, or null.
private func sameThreshold(_ a: Any?, _ b: Any?) -> Bool {
    if let xs = b as? [Any] {
        guard let ys = a as? [Any], ys.count == xs.count else { return false }
        return zip(ys, xs).allSatisfy { same($0, $1) }
    }
    return same(a, b)
}

/// Every difference between an expected scorecard and the product's, as readable lines
/// (examples/README.md "How to compare": per KPI actual, previous, threshold, achievement and
/// status, matched by metric and target; then score and bonus score_part, sales_part, total).
func scorecardDifferences(expected: [String: Any], actual: [String: Any], where place: String) -> [String] {
    var out: [String] = []
    let mine = actual["kpis"] as? [[String: Any]] ?? []
    for e in expected["kpis"] as? [[String: Any]] ?? [] {
        let metric = e["metric"] as? String ?? "?"
        let target = e["target"] as? NSDictionary
        guard let o = mine.first(where: { ($0["metric"] as? String) == metric && ($0["target"] as? NSDictionary) == target }) else {
            out.append("\(place): \(metric) \(target ?? [:]) missing")
            continue
        }
        for k in ["actual", "previous", "achievement"] where !same(o[k], e[k]) {
            out.append("\(place): \(metric).\(k) is \(String(describing: o[k] ?? "nil")), expected \(String(describing: e[k] ?? "nil"))")
        }
        if !sameThreshold(o["threshold"], e["threshold"]) {
            out.append("\(place): \(metric).threshold is \(String(describing: o["threshold"] ?? "nil")), expected \(String(describing: e["threshold"] ?? "nil"))")
        }
        if e.keys.contains("start"), !same(o["start"], e["start"]) {
            out.append("\(place): \(metric).start is \(String(describing: o["start"] ?? "nil")), expected \(String(describing: e["start"] ?? "nil"))")
        }
        for k in ["status", "unit", "better", "group"] where (o[k] as? String) != (e[k] as? String) {
            out.append("\(place): \(metric).\(k) is \(o[k] ?? "nil"), expected \(e[k] ?? "nil")")
        }
        for k in ["forecast", "forecast_status"] where e[k] is NSNull && !(o[k] is NSNull) {
            out.append("\(place): \(metric).\(k) should be null")
        }
    }
    if !same(actual["score"], expected["score"]) {
        out.append("\(place): score is \(String(describing: actual["score"] ?? "nil")), expected \(String(describing: expected["score"] ?? "nil"))")
    }
    if let eb = expected["bonus"] as? [String: Any] {
        let ob = actual["bonus"] as? [String: Any] ?? [:]
        for k in ["score_part", "sales_part", "total", "revenue", "base", "min_score", "sales_percent"] where !same(ob[k], eb[k]) {
            out.append("\(place): bonus.\(k) is \(String(describing: ob[k] ?? "nil")), expected \(String(describing: eb[k] ?? "nil"))")
        }
    } else if !(actual["bonus"] is NSNull) {
        out.append("\(place): bonus should be null")
    }
    return out
}

@Suite("Scorecards end to end through the built binary")
struct ScorecardTests {
    /// A fresh database with the example bundle imported.
    static func importedDatabase(_ dir: URL) throws -> String {
        let db = dir.appendingPathComponent("t.sqlite").path
        let r = try smmkpi(["import", Fixtures.examples.appendingPathComponent("small-bundle").path, "--db", db, "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        return db
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("cases.json lists the scorecard case")
    func caseExists() {
        #expect(ExampleCase.all().contains { $0.plan != nil })
    }

    @Test("score PLAN --format json matches expected/ for every value", arguments: ExampleCase.all().filter { $0.plan != nil })
    func scorecardCase(_ c: ExampleCase) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let plan = Fixtures.examples.appendingPathComponent(try #require(c.plan)).path
        let run = try smmkpi(["score", plan, "--db", db, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let actual = try Self.json(run.stdout)
        let expected = try Self.json(String(decoding: try Data(contentsOf: Fixtures.examples.appendingPathComponent(c.expected)), as: UTF8.self))
        for key in ["plan", "period", "previous", "scope", "settings"] {
            #expect((actual[key] as? NSDictionary) == (expected[key] as? NSDictionary), "\(key)")
        }
        #expect(actual["in_progress"] as? Bool == expected["in_progress"] as? Bool)
        #expect(actual["currency"] as? String == expected["currency"] as? String)
        #expect((actual["kpis"] as? [Any])?.count == (expected["kpis"] as? [Any])?.count)
        let diffs = scorecardDifferences(expected: expected, actual: actual, where: c.name)
        #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))")
    }

    @Test("the same scorecard from a stored plan, by name and by id; table and md outputs")
    func storedPlan() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = Fixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        let imported = try smmkpi(["plan", "import", file, "--db", db])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Saved plan 1 “December 2024 — Кофейня «Зерно» SMM”"))
        let byName = try smmkpi(["score", "December 2024 — Кофейня «Зерно» SMM", "--db", db, "--format", "json"])
        let byID = try smmkpi(["score", "1", "--db", db, "--format", "json"])
        let fromFile = try smmkpi(["score", file, "--db", db, "--format", "json"])
        #expect(byName.status == 0 && byID.status == 0)
        let expected = try Self.json(fromFile.stdout)
        #expect(scorecardDifferences(expected: expected, actual: try Self.json(byName.stdout), where: "name").isEmpty)
        #expect(scorecardDifferences(expected: expected, actual: try Self.json(byID.stdout), where: "id").isEmpty)

        let table = try smmkpi(["score", "1", "--db", db])
        #expect(table.status == 0)
        #expect(table.stdout.contains("at risk"))
        #expect(table.stdout.contains("Score 90.10"))
        #expect(table.stdout.contains("Bonus drivers: cpl (weight 25), er_reach (weight 20)"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour escapes when stdout is not a terminal")
        let md = try smmkpi(["score", "1", "--db", db, "--format", "md"])
        #expect(md.stdout.hasPrefix("# Scorecard: December 2024"))
        #expect(md.stdout.contains("| cpl | costs | hard | ≤ 1800 | 25 |"))
    }

    @Test("--as-of inside the period gives forecasts; --history 2 gives both months")
    func asOfAndHistory() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = Fixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        let mid = try Self.json(try smmkpi(["score", file, "--db", db, "--format", "json", "--as-of", "2024-12-15"]).stdout)
        #expect(mid["in_progress"] as? Bool == true)
        let kpis = mid["kpis"] as? [[String: Any]] ?? []
        #expect(kpis.allSatisfy { !($0["forecast_status"] is NSNull) })
        let history = try smmkpi(["score", file, "--db", db, "--history", "2"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("2024-11") && history.stdout.contains("2024-12"))
        let bad = try smmkpi(["score", file, "--db", db, "--as-of", "15.12.2024"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("YYYY-MM-DD"))
    }

    @Test("plan new → plan check → score on the example bundle")
    func newCheckScore() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = dir.appendingPathComponent("jan.yaml").path
        let new = try smmkpi(["plan", "new", "--task", "leads", "--period", "2024-12", "--basis", "1", "--out", file, "--db", db])
        try #require(new.status == 0, "\(new.stderr)")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(yaml.contains("# median of 2024-11: "))
        #expect(yaml.contains("  - metric: web_conversion_rate"))
        let check = try smmkpi(["plan", "check", file, "--db", db])
        #expect(check.status == 0)
        #expect(check.stdout.contains("achievable"))
        let checkJSON = try Self.json(try smmkpi(["plan", "check", file, "--db", db, "--format", "json"]).stdout)
        #expect((checkJSON["kpis"] as? [Any])?.count == 6)
        let score = try smmkpi(["score", file, "--db", db, "--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
    }

    @Test("plan list, show, export and delete")
    func crud() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = Fixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        #expect(try smmkpi(["plan", "list", "--db", db]).stdout.contains("No stored plans"))
        _ = try smmkpi(["plan", "import", file, "--db", db])
        #expect(try smmkpi(["plan", "list", "--db", db]).stdout.contains("Анна Смирнова"))
        #expect(try smmkpi(["plan", "show", "1", "--db", db]).stdout.contains("response_sla_rate"))
        let out = dir.appendingPathComponent("out.yaml").path
        #expect(try smmkpi(["plan", "export", "1", "--out", out, "--db", db]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("target: {reach: 42000, by: 2025-02-28}"))
        #expect(try smmkpi(["plan", "delete", "1", "--db", db]).stdout.contains("Deleted plan 1"))
        let gone = try smmkpi(["score", "1", "--db", db])
        #expect(gone.status != 0)
        #expect(gone.stderr.contains("neither a plan file nor a stored plan"))
    }

    @Test("kpi --plan reads the plan with the same reader: persona and SLA, the same values as the scorecard")
    func kpiPlan() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = Fixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        let run = try smmkpi(["kpi", "--period", "2024-12", "--plan", file, "--metrics", "audience_match,response_sla_rate",
                              "--db", db, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let metrics = try Self.json(run.stdout)["metrics"] as? [[String: Any]] ?? []
        #expect(same(metrics.first { $0["id"] as? String == "audience_match" }?["value"], 63.6))
        #expect(same(metrics.first { $0["id"] as? String == "response_sla_rate" }?["value"], 80.51948051948052))
        let bad = dir.appendingPathComponent("bad.yaml")
        try "period: 2024-12\nsla_hours: soon\nkpis: [{metric: leads, target: {at_least: 1}}]\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try smmkpi(["kpi", "--period", "2024-12", "--plan", bad.path, "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 2, sla_hours: “soon” is not a positive number of hours"))
    }

    @Test("a bad plan is one sentence naming the line and field, exit status 1, nothing saved")
    func badPlan() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.importedDatabase(dir)
        let file = dir.appendingPathComponent("bad.yaml")
        try "period: 2024-12\nkpis:\n  - metric: cpl\n    target: {below: 300}\n".write(to: file, atomically: true, encoding: .utf8)
        for args in [["plan", "import", file.path], ["score", file.path], ["plan", "check", file.path]] {
            let r = try smmkpi(args + ["--db", db])
            #expect(r.status == 1)
            #expect(r.stderr.contains("line 4, kpis #1 (cpl).target.below"), "\(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"))
        }
        #expect(try smmkpi(["plan", "list", "--db", db]).stdout.contains("No stored plans"))
    }
}
