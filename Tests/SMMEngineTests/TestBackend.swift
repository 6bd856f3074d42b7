import Foundation
import SMMStore

/// Every store protocol the engine uses.
typealias TestStore = any Store & PlanStore & AnomalyStore & LabelStore & ScheduleStore & ConnectionStore

/// Which database the engine tests run on: SQLite files, or, with `SMMKPI_TEST_BACKEND=postgres`
/// (scripts/test.d/postgres.check.sh runs this suite again so), PostgreSQL at
/// `SMMKPI_TEST_POSTGRES_URL`: the same tests, the same expected values.
enum TestBackend {
    static let environment = ProcessInfo.processInfo.environment
    static var isPostgres: Bool { environment["SMMKPI_TEST_BACKEND"] == "postgres" }

    /// A store for a database file path: the SQLite file, or a PostgreSQL schema named after the
    /// path (so that opening the same path again opens the same data; a new folder, a new schema).
    static func store(sqlitePath path: String) throws -> TestStore {
        guard isPostgres else { return try SQLiteStore(path: path) }
        guard let url = environment["SMMKPI_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw StoreError.cannotOpen(location: path, reason: "SMMKPI_TEST_BACKEND=postgres needs SMMKPI_TEST_POSTGRES_URL")
        }
        return try PostgresStore(location: PostgresLocation(url: url), schema: schemaName(path), maximumConnections: 2)
    }

    /// `t_` and a 64-bit FNV-1a hash of the path.
    static func schemaName(_ path: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "t_" + String(h, radix: 16)
    }
}
