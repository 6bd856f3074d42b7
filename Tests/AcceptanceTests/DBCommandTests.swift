import Foundation
import SMMStore
import Testing

/// `smmkpi db` and `--db postgres://` through the built binary.
@Suite("smmkpi db and PostgreSQL locations")
struct DBCommandTests {
    static let postgresURL = ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"]

    @Test("db status on SQLite: schema version and a row per table; json too")
    func statusSQLite() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try smmkpiRaw(["import", Fixtures.examples.appendingPathComponent("small-bundle").path, "--db", db, "--quiet"]).status == 0)
        let migrate = try smmkpiRaw(["db", "migrate", "--db", db])
        #expect(migrate.status == 0 && migrate.stdout.contains("v1-bundle, plans-v1, sentiment-v1, v1-detection"), "\(migrate.stderr)")
        let status = try smmkpiRaw(["db", "status", "--db", db])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Schema version: ") && status.stdout.contains("v1-detection"))
        #expect(status.stdout.split(separator: "\n").contains { $0.hasPrefix("comments") && $0.hasSuffix("1 394") })
        let json = try smmkpiRaw(["db", "status", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["migrations"] as? [String])?.contains("v1-detection") == true)
        #expect((object["tables"] as? [String: Int])?["comments"] == 1394)
    }

    @Test("SMMKPI_DB is used when --db is not given")
    func environmentVariable() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("env.sqlite").path
        let r = try smmkpiRaw(["db", "migrate"], environment: ["SMMKPI_DB": db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(db))
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test("db copy SQLite → PostgreSQL → SQLite round-trips every table; the KPIs are the same; a filled target needs --force",
          .enabled(if: postgresURL != nil, "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
    func copyRoundTrip() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        let pg = try TestBackend.database(for: dir.appendingPathComponent("copy").path)
        let bundle = Fixtures.examples.appendingPathComponent("small-bundle").path
        #expect(try smmkpiRaw(["import", bundle, "--db", a, "--quiet"]).status == 0)
        let plan = Fixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        #expect(try smmkpiRaw(["plan", "import", plan, "--db", a]).status == 0)

        let there = try smmkpiRaw(["db", "copy", "--from", a, "--to", pg])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("Copied") && !there.stdout.contains("secret"))
        let back = try smmkpiRaw(["db", "copy", "--from", pg, "--to", b])
        #expect(back.status == 0, "\(back.stderr)")
        for args in [["kpi", "--period", "2024-12", "--format", "json"], ["score", "1", "--format", "json"],
                     ["kpi", "--period", "2024-11", "--by", "format", "--format", "json"]] {
            let x = try smmkpiRaw(args + ["--db", a]), y = try smmkpiRaw(args + ["--db", pg]), z = try smmkpiRaw(args + ["--db", b])
            #expect(x.status == 0 && !x.stdout.isEmpty, "\(x.stderr)")
            // The same values (the JSON's key order is not fixed).
            func parsed(_ r: CommandResult) -> NSDictionary? {
                (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? NSDictionary
            }
            #expect(parsed(x) != nil && parsed(y) == parsed(x), "\(args)")
            #expect(parsed(z) == parsed(x), "\(args)")
        }
        let statusA = try smmkpiRaw(["db", "status", "--db", a, "--format", "json"]).stdout
        let statusB = try smmkpiRaw(["db", "status", "--db", b, "--format", "json"]).stdout
        #expect(statusA.replacingOccurrences(of: a, with: "X") == statusB.replacingOccurrences(of: b, with: "X"))

        let refused = try smmkpiRaw(["db", "copy", "--from", a, "--to", pg])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already holds") && refused.stderr.contains("--force"))
        #expect(try smmkpiRaw(["db", "copy", "--from", a, "--to", pg, "--force"]).status == 0)
    }

    @Test("unreachable server, wrong password, missing database: one sentence, exit 1",
          .enabled(if: postgresURL != nil, "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
    func errors() throws {
        let server = try PostgresLocation(url: Self.postgresURL ?? "")
        let unreachable = try smmkpiRaw(["kpi", "--period", "2024-11", "--db", "postgres://u:p@127.0.0.1:1/x"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr == "Error: No PostgreSQL server answers at 127.0.0.1:1: start the server, or fix the host and port in --db (or SMMKPI_DB).\n")
        let wrong = try smmkpiRaw(["kpi", "--period", "2024-11", "--db",
                                   "postgres://\(server.user):wrong@\(server.host):\(server.port)/\(server.database)"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the password of user “\(server.user)”") && !wrong.stderr.contains("wrong"))
        let missing = try smmkpiRaw(["db", "status", "--db",
                                     "postgres://\(server.user):\(server.password ?? "")@\(server.host):\(server.port)/nope_db"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("has no database “nope_db”: create it (createdb nope_db)"))
        for r in [unreachable, wrong, missing] {
            #expect(r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("PSQLError"), "\(r.stderr)")
        }
    }
}

/// Runs the binary as it is asked (no `--db` rewriting), without an inherited SMMKPI_DB.
func smmkpiRaw(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    try smmkpi(arguments, environment: ["SMMKPI_DB": ""].merging(environment) { $1 }, rewriteDB: false)
}
