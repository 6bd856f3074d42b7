import Foundation
import Logging
import SMMStore
import Testing

/// `smmkpi db copy` moves a whole installation: the home (users, password hashes, workspaces,
/// memberships, sessions, API tokens) and every workspace's data, schedules and connections.
@Suite("db copy of every workspace",
       .enabled(if: DBCommandTests.postgresURL.map { !$0.isEmpty } ?? false,
                "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
struct DBCopyWorkspacesTests {
    static let logger = Logger(label: "test")

    /// Every table of the home and of each workspace, by "slug/table".
    static func dump(_ location: String) async throws -> [String: [[CellValue]]] {
        let databases = try StoreLocation(location).open(logger: logger)
        var out: [String: [[CellValue]]] = [:]
        for w in try await databases.home.workspaces() {
            let store = try #require(try databases.store(for: w) as? any StoreAdmin)
            let tables = try await store.tables()
            try store.readTables(tables) { table, rows in out["\(w.slug)/\(table.name)", default: []] += rows }
            for t in tables where out["\(w.slug)/\(t.name)"] == nil { out["\(w.slug)/\(t.name)"] = [] }
        }
        return out
    }

    @Test("SQLite with two workspaces → PostgreSQL → SQLite: every table equal, the same KPIs in each workspace")
    func twoWorkspacesRoundTrip() async throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        let pg = try TestBackend.database(for: dir.appendingPathComponent("copy-all").path)
        let key = dir.appendingPathComponent("secret.key")
        try Data(Data((0..<32).map { UInt8($0) }).base64EncodedString().utf8).write(to: key)
        let examples = Fixtures.examples
        func run(_ args: [String]) throws {
            let r = try smmkpiRaw(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        // The default workspace and acme-coffee, each with data, a plan, a schedule and a connection.
        try run(["workspace", "add", "acme-coffee", "--name", "Acme Coffee", "--db", a])
        for (ws, bundle) in [("default", "small-bundle"), ("acme-coffee", "small-bundle")] {
            try run(["import", examples.appendingPathComponent(bundle).path, "--db", a, "--workspace", ws, "--quiet"])
            try run(["report", "schedule", "add", "--kind", "weekly", "--at", "Mon 09:00", "--to", "telegram:-1001",
                     "--format", "md", "--lang", "en", "--db", a, "--workspace", ws])
            try run(["connect", "add", "vk", "--token", "vk1.a.SECRET-\(ws)", "--community", "brand-\(ws)", "--name", "vk-\(ws)",
                     "--secret-key-file", key.path, "--db", a, "--workspace", ws])
        }
        try run(["plan", "import", examples.appendingPathComponent("expected/plan-2024-12.yaml").path, "--db", a,
                 "--workspace", "acme-coffee"])
        // Users, a membership, a session and an API token in the home.
        do {
            let home = try StoreLocation(a).open(logger: Self.logger).home
            let user = try await home.createUser(login: "anna", name: "Anna", passwordHash: "$2b$10$not-a-real-hash", language: "en")
            let acme = try #require(try await home.workspace(slug: "acme-coffee"))
            try await home.setMembership(userID: user.id, workspaceID: acme.id, role: .director)
            try await home.createSession(Session(tokenHash: "h1", userID: user.id, csrfToken: "c", createdAt: Date(),
                                                 expiresAt: Date().addingTimeInterval(3600)))
            _ = try await home.createToken(userID: user.id, name: "ci", tokenHash: "t1", scopes: [.read])
        }

        let there = try smmkpiRaw(["db", "copy", "--from", a, "--to", pg])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("Copied") && there.stdout.contains("of 2 workspaces"), "\(there.stdout)")
        #expect(there.stdout.contains("acme-coffee") && !there.stdout.contains("SECRET"))
        let back = try smmkpiRaw(["db", "copy", "--from", pg, "--to", b])
        #expect(back.status == 0, "\(back.stderr)")

        let original = try await Self.dump(a)
        #expect(original["acme-coffee/posts"]?.isEmpty == false && original["default/users"]?.count == 1)
        #expect(original["acme-coffee/connections"]?.count == 1 && original["acme-coffee/report_schedules"]?.count == 1)
        let inPG = Self.differences(try await Self.dump(pg), original)
        #expect(inPG.isEmpty, "\(inPG)")
        let inB = Self.differences(try await Self.dump(b), original)
        #expect(inB.isEmpty, "\(inB)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.workspaces/acme-coffee.sqlite").path))

        for ws in ["default", "acme-coffee"] {
            for args in [["kpi", "--period", "2024-12", "--format", "json"], ["report", "schedule", "list", "--format", "json"],
                         ["connect", "list"]] {
                let x = try smmkpiRaw(args + ["--db", a, "--workspace", ws])
                #expect(x.status == 0 && !x.stdout.isEmpty, "\(args) \(ws): \(x.stderr)")
                // The same values (the JSON's key order is not fixed).
                func same(_ r: CommandResult) -> Bool {
                    guard args.contains("json") else { return r.stdout == x.stdout }
                    let p = { (t: String) in (try? JSONSerialization.jsonObject(with: Data(t.utf8))) as? NSObject }
                    return p(x.stdout) != nil && p(r.stdout) == p(x.stdout)
                }
                for other in [pg, b] {
                    let y = try smmkpiRaw(args + ["--db", other, "--workspace", ws])
                    #expect(same(y), "\(args) \(ws): \(y.stdout) \(y.stderr)")
                }
            }
        }
        let users = try smmkpiRaw(["user", "list", "--db", b])
        #expect(users.stdout.contains("anna") && users.stdout.contains("acme-coffee"), "\(users.stdout)")

        // A target with data in any workspace is refused, as a sentence, unless --force.
        let refused = try smmkpiRaw(["db", "copy", "--from", a, "--to", b])
        #expect(refused.status != 0 && refused.stderr.contains("already holds") && refused.stderr.contains("--force"))
        let forced = try smmkpiRaw(["db", "copy", "--from", a, "--to", pg, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        // (The KPI runs above filled A's detection cache: compare with A as it is now.)
        let forcedPG = Self.differences(try await Self.dump(pg), try await Self.dump(a))
        #expect(forcedPG.isEmpty, "\(forcedPG)")
    }

    /// The tables that differ, with their first differing row.
    static func differences(_ x: [String: [[CellValue]]], _ y: [String: [[CellValue]]]) -> [String] {
        Set(x.keys).union(y.keys).sorted().compactMap { (name: String) -> String? in
            let a = x[name] ?? [], b = y[name] ?? []
            guard a != b else { return nil }
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            return "\(name): \(a.count) vs \(b.count) rows; row \(i): \(i < a.count ? "\(a[i])" : "-") vs \(i < b.count ? "\(b[i])" : "-")"
        }
    }
}
