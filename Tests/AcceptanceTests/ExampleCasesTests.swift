import Foundation
import Testing

/// One case of ../shared/spec/examples/cases.json.
struct ExampleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bundle: String
    var args: [String]?
    var plan: String?
    var expected: String
    var testDescription: String { name }

    static func all() -> [ExampleCase] {
        guard let data = try? Data(contentsOf: Fixtures.examples.appendingPathComponent("cases.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]] else { return [] }
        return cases.map {
            ExampleCase(name: $0["name"] as? String ?? "?", bundle: $0["bundle"] as? String ?? "",
                        args: $0["args"] as? [String], plan: $0["plan"] as? String,
                        expected: $0["expected"] as? String ?? "")
        }
    }
}

/// Compares numbers as cli.md says: relative 1e-6, absolute 1e-9 near zero, null must be null.
func same(_ a: Any?, _ b: Any?) -> Bool {
    let na = a as? NSNumber, nb = b as? NSNumber
    if a == nil || a is NSNull { return b == nil || b is NSNull }
    guard let na, let nb else { return false }
    let x = na.doubleValue, y = nb.doubleValue
    return abs(x - y) <= max(1e-9, 1e-6 * abs(y))
}

/// Every difference between an expected metric list and the product's, as readable lines.
func differences(expected: [[String: Any]], actual: [[String: Any]], where place: String) -> [String] {
    var byID: [String: [String: Any]] = [:]
    for m in actual { if let id = m["id"] as? String { byID[id] = m } }
    var out: [String] = []
    for m in expected {
        let id = m["id"] as? String ?? "?"
        guard let o = byID[id] else { out.append("\(place): \(id) missing"); continue }
        for k in ["value", "previous", "change_abs", "change_pct"] where !same(o[k], m[k]) {
            out.append("\(place): \(id).\(k) is \(String(describing: o[k] ?? "nil")), expected \(String(describing: m[k] ?? "nil"))")
        }
        for k in ["unit", "better", "group"] where (o[k] as? String) != (m[k] as? String) {
            out.append("\(place): \(id).\(k) is \(o[k] ?? "nil"), expected \(m[k] ?? "nil")")
        }
    }
    return out
}

@Suite("Example cases of the spec, end to end through the built binary")
struct ExampleCasesTests {
    @Test("cases.json is found and lists the KPI cases")
    func casesExist() {
        #expect(ExampleCase.all().filter { $0.args != nil }.count >= 5)
    }

    @Test("kpi --format json matches expected/ for every value", arguments: ExampleCase.all().filter { $0.args != nil })
    func kpiCase(_ c: ExampleCase) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("t.sqlite").path
        let bundle = Fixtures.examples.appendingPathComponent(c.bundle).path
        let imported = try smmkpi(["import", bundle, "--db", db, "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let run = try smmkpi(["kpi"] + (c.args ?? []) + ["--db", db, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let actual = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let data = try Data(contentsOf: Fixtures.examples.appendingPathComponent(c.expected))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        for key in ["period", "previous", "scope"] {
            #expect((actual[key] as? NSDictionary) == (expected[key] as? NSDictionary), "\(key)")
        }
        #expect(actual["currency"] as? String == expected["currency"] as? String)
        var diffs = differences(expected: expected["metrics"] as? [[String: Any]] ?? [],
                                actual: actual["metrics"] as? [[String: Any]] ?? [], where: c.name)
        let actualGroups = actual["groups"] as? [[String: Any]] ?? []
        for g in expected["groups"] as? [[String: Any]] ?? [] {
            let key = g["key"] as? String
            guard let og = actualGroups.first(where: { ($0["key"] as? String) == key }) else {
                diffs.append("\(c.name): group \(key ?? "null") missing")
                continue
            }
            diffs += differences(expected: g["metrics"] as? [[String: Any]] ?? [],
                                 actual: og["metrics"] as? [[String: Any]] ?? [], where: "\(c.name)/\(key ?? "null")")
        }
        if let groups = expected["groups"] as? [[String: Any]] {
            #expect(actualGroups.map { $0["key"] as? String } == groups.map { $0["key"] as? String }, "group order")
        }
        #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))")
    }
}
