import Foundation
import Testing
@testable import SMMCore

/// The spec's example cases (examples/cases.json), computed by the engine over the example
/// bundle read by ``KPIExampleBundle`` and compared with `expected/` at relative 1e-6.
@Suite(.enabled(if: KPIExampleBundle.isAvailable, "the spec's examples folder is not next to the repository"))
struct KPIExampleTests {
    static let bundle: Result<KPIDataset, any Error> = Result {
        try KPIExampleBundle.load(KPIExampleBundle.examplesDirectory.appendingPathComponent("small-bundle"))
    }

    static var kpiCases: [String] {
        guard let data = FileManager.default.contents(
                atPath: KPIExampleBundle.examplesDirectory.appendingPathComponent("cases.json").path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]] else { return [] }
        return cases.filter { $0["args"] != nil }.compactMap { $0["name"] as? String }
    }

    static func caseInfo(_ name: String) throws -> (args: [String], expected: [String: Any]) {
        let dir = KPIExampleBundle.examplesDirectory
        let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent("cases.json").path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        let c = try #require(cases.first { $0["name"] as? String == name })
        let expectedPath = try #require(c["expected"] as? String)
        let expectedData = try #require(FileManager.default.contents(
            atPath: dir.appendingPathComponent(expectedPath).path))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        return (c["args"] as? [String] ?? [], expected)
    }

    static func close(_ a: Double?, _ b: Any?) -> Bool {
        let e = (b as? NSNumber)?.doubleValue
        switch (a, e) {
        case (nil, nil): return true
        case let (a?, e?): return abs(a - e) <= max(1e-9, 1e-6 * abs(e))
        default: return false
        }
    }

    /// Every mismatch of one list of metrics, as lines.
    static func mismatches(_ actual: [KPIResult], _ expected: [[String: Any]], where place: String) -> [String] {
        var out: [String] = []
        let byID = Dictionary(uniqueKeysWithValues: actual.map { ($0.id.rawValue, $0) })
        for m in expected {
            let id = m["id"] as? String ?? "?"
            guard let r = byID[id] else { out.append("\(place) \(id): missing"); continue }
            let fields: [(String, Double?)] = [("value", r.value), ("previous", r.previous),
                                               ("change_abs", r.changeAbs), ("change_pct", r.changePct)]
            for (field, v) in fields where !close(v, m[field] is NSNull ? nil : m[field]) {
                out.append("\(place) \(id).\(field): \(v.map { "\($0)" } ?? "null") ≠ \(m[field] ?? "null")")
            }
            if m["unit"] as? String != r.unit.rawValue { out.append("\(place) \(id).unit \(r.unit.rawValue)") }
            if m["better"] as? String != r.better.rawValue { out.append("\(place) \(id).better \(r.better.rawValue)") }
            if m["group"] as? String != r.group.rawValue { out.append("\(place) \(id).group \(r.group.rawValue)") }
        }
        return out
    }

    @Test("example case matches expected/", arguments: kpiCases)
    func exampleCase(_ name: String) throws {
        let dataset = try Self.bundle.get()
        let (args, expected) = try Self.caseInfo(name)
        var period: Period?, accounts: [String]?, by: Breakdown?
        var i = 0
        while i + 1 < args.count {
            switch args[i] {
            case "--period": period = try Period(parsing: args[i + 1])
            case "--accounts": accounts = args[i + 1].split(separator: ",").map(String.init)
            case "--by": by = Breakdown(rawValue: args[i + 1])
            default: Issue.record("unknown argument \(args[i])")
            }
            i += 2
        }
        let engine = KPIEngine(dataset: dataset)
        let scope = try accounts.map { try Scope(accounts: $0, of: dataset.accounts) } ?? engine.allAccounts
        let report = engine.report(period: try #require(period), scope: scope, breakdown: by)

        let expectedScope = (expected["scope"] as? [String: Any])?["accounts"] as? [String]
        #expect(report.scopeAccounts == expectedScope)
        #expect((expected["period"] as? [String: Any])?["label"] as? String == report.period.label)
        #expect((expected["previous"] as? [String: Any])?["label"] as? String == report.previous.label)
        var problems = Self.mismatches(report.metrics, expected["metrics"] as? [[String: Any]] ?? [], where: "")
        if let groups = expected["groups"] as? [[String: Any]] {
            let keys = groups.map { $0["key"] as? String }
            #expect(report.groups?.map(\.key) == keys)
            for g in groups {
                let key = g["key"] as? String
                guard let mine = report.groups?.first(where: { $0.key == key }) else {
                    problems.append("group \(key ?? "null"): missing"); continue
                }
                problems += Self.mismatches(mine.metrics, g["metrics"] as? [[String: Any]] ?? [],
                                            where: "[\(key ?? "null")]")
                #expect(mine.metrics.map(\.id) == Breakdown.postMetrics.sorted())
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("scorecard actuals: SLA 12 h, persona, assignee")
    func scorecardActuals() throws {
        let dataset = try Self.bundle.get()
        let dir = KPIExampleBundle.examplesDirectory
        let data = try #require(FileManager.default.contents(
            atPath: dir.appendingPathComponent("expected/scorecard-2024-12.json").path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let kpis = try #require(json["kpis"] as? [[String: Any]])
        let options = KPIOptions(
            slaHours: 12,
            persona: Persona([.gender: ["female": 0.7, "male": 0.3], .age: ["25-34": 0.5, "35-44": 0.3, "18-24": 0.2]]),
            assignee: "Анна Смирнова")
        let engine = KPIEngine(dataset: dataset)
        let ids = kpis.compactMap { ($0["metric"] as? String).flatMap(KPIID.init(parsing:)) }
        let report = engine.report(period: try Period(parsing: "2024-12"), scope: engine.allAccounts, options: options,
                                   metrics: ids)
        for k in kpis {
            let id = try #require(KPIID(parsing: k["metric"] as? String ?? ""))
            let r = try #require(report[id])
            #expect(Self.close(r.value, k["actual"]), "\(id) actual \(String(describing: r.value)) ≠ \(k["actual"] ?? "null")")
            #expect(Self.close(r.previous, k["previous"]),
                    "\(id) previous \(String(describing: r.previous)) ≠ \(k["previous"] ?? "null")")
        }
        let revenue = (json["bonus"] as? [String: Any])?["revenue"]
        #expect(Self.close(engine.value(.revenue, period: try Period(parsing: "2024-12"), scope: engine.allAccounts),
                           revenue))
    }
}
