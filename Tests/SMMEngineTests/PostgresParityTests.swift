import Foundation
import SMMCore
import SMMStore
import Testing

@testable import SMMEngine

/// The same bundle imported into SQLite and into PostgreSQL gives the very same values: every
/// KPI of every breakdown (compared bit for bit, not within a tolerance), the same anomalies,
/// and byte-identical exports.
///
/// Needs a server: scripts/test starts one and exports SMMKPI_TEST_POSTGRES_URL; without it this
/// suite is skipped with this comment.
@Suite("PostgreSQL gives SQLite's results", .enabled(if: ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"] != nil,
                                                      "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
struct PostgresParityTests {
    static func pair(_ bundle: String, in tmp: TempDir) async throws -> (SQLiteStore, PostgresStore) {
        let sqlite = try SQLiteStore(path: tmp.path("parity.sqlite"))
        let url = try #require(ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"])
        let pg = try PostgresStore(location: PostgresLocation(url: url), schema: TestBackend.schemaName(tmp.path("parity-pg")))
        try importBundle(bundle, into: sqlite)
        try importBundle(bundle, into: pg)
        return (sqlite, pg)
    }

    static func compare(_ sqlite: SQLiteStore, _ pg: PostgresStore, periods: [Period], tmp: TempDir) async throws {
        for period in periods {
            for breakdown in [nil] + Breakdown.allCases.map(Optional.some) {
                let a = try await KPIService(store: sqlite).report(period: period, breakdown: breakdown)
                let b = try await KPIService(store: pg).report(period: period, breakdown: breakdown)
                #expect(a == b, "\(period.label) by \(breakdown?.rawValue ?? "none")")
                #expect(String(describing: a) == String(describing: b))
            }
        }
        #expect(try await AnomalyService(store: pg).all() == AnomalyService(store: sqlite).all())
        let x = try await exportFiles(sqlite, to: tmp.path("export-sqlite"))
        let y = try await exportFiles(pg, to: tmp.path("export-pg"))
        #expect(x.keys.sorted() == y.keys.sorted())
        for (name, data) in x { #expect(y[name] == data, "\(name) differs") }
        #expect(try await pg.rowCounts() == sqlite.rowCounts())
    }

    @Test("the spec's small bundle: every period of the examples, every breakdown")
    func smallBundle() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let (sqlite, pg) = try await Self.pair(Fixtures.smallBundle.path, in: tmp)
        let periods = try ["2024-11", "2024-12", "2024-W48", "2024-Q4", "2024"].map { try Period(parsing: $0) }
        try await Self.compare(sqlite, pg, periods: periods, tmp: tmp)
    }

    @Test("a generated demo (8 accounts × 75 days, model labels, planted detection cases) and a re-import")
    func demo() async throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let (dir, _) = try DemoGeneratorTests.generate(accounts: 8, days: 75)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (sqlite, pg) = try await Self.pair(dir.path, in: tmp)
        // Importing again replaces every keyed row (new rowids / seq) and keyless dates.
        try importBundle(dir.path, into: sqlite)
        try importBundle(dir.path, into: pg)
        let periods = try ["2025-02", "2025-03", "2025-W10", "2025-Q1"].map { try Period(parsing: $0) }
        try await Self.compare(sqlite, pg, periods: periods, tmp: tmp)
    }
}
