import Foundation
import GRDB
import Logging
import SMMCore

/// The embedded store: one SQLite file in WAL mode, opened through GRDB.
package final class SQLiteStore: Store {
    package let location: String
    let pool: DatabasePool
    let logger: Logger

    /// Opens (creating when needed) the database file and migrates it to the current schema.
    /// `home`: the file is a home database (docs/decisions/0004) and also gets the control tables.
    package init(path: String, logger: Logger = Logger(label: "smmkpi.store"), home: Bool = false) throws {
        self.location = path
        self.logger = logger
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = FILE")
        }
        config.label = "smmkpi"
        do {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: config)
            var migrator = SQLiteSchema.migrator()
            if home { SQLiteSchema.registerHome(&migrator) }
            // The home's migration is known even when the file is opened as a data store.
            let known = migrator.migrations + ["home-v1"]
            let unknown = try pool.read { db in try SQLiteStore.unknownMigrations(db, known: known) }
            if !unknown.isEmpty { throw StoreError.schemaNewer(location: path, unknown: unknown) }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            logger.error("open failed: \(error)")
            throw StoreError.cannotOpen(location: path, reason: error.message ?? "SQLite error \(error.resultCode)")
        } catch {
            logger.error("open failed: \(error)")
            throw StoreError.cannotOpen(location: path, reason: error.localizedDescription)
        }
    }

    /// Migrations applied to the file that this binary does not know (a newer smmkpi made them).
    static func unknownMigrations(_ db: Database, known: [String]) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return applied.filter { !known.contains($0) }.sorted()
    }

    /// The migrations applied to the file, in order.
    package func appliedMigrations() async throws -> [String] {
        try guarded("read the schema version") {
            try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        }
    }

    /// Runs a driver call, turning driver errors into ``StoreError`` sentences (the detail goes to the log).
    func guarded<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as RawError {
            logger.error("\(operation): \(error)")
            throw StoreError.failed(operation: operation, reason: error.message)
        } catch let error as DatabaseError {
            logger.error("\(operation): \(error)")
            throw StoreError.failed(operation: operation, reason: error.message ?? "SQLite error \(error.resultCode)")
        }
    }

    package func settings() async throws -> StoreSettings? {
        try guarded("read the settings") {
            try pool.read { db in try SQLiteStore.readSettings(db) }
        }
    }

    static func readSettings(_ db: Database) throws -> StoreSettings? {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('timezone', 'currency')")
        var dict: [String: String] = [:]
        for r in rows { dict[r["key"]] = r["value"] }
        guard let tz = dict["timezone"], let cur = dict["currency"] else { return nil }
        return StoreSettings(timeZone: tz, currency: cur)
    }

    package func withImport<T>(_ body: (any ImportSink) throws -> T) throws -> T {
        try guarded("import the bundle") {
            try pool.write { db in
                let sink = try SQLiteImportSink(db)
                return try body(sink)
            }
        }
    }

    package func accounts() async throws -> [Account] {
        try guarded("read the accounts") {
            try pool.read { db in try SQLiteStore.readAccounts(db) }
        }
    }

    static func readAccounts(_ db: Database) throws -> [Account] {
        let s = try RawStatement(db, "SELECT account_id, network, name, url, brand FROM accounts ORDER BY account_id")
        var out: [Account] = []
        try s.forEach { r in
            out.append(Account(id: r.text(0), network: Network(rawValue: r.text(1)) ?? .other, name: r.text(2),
                               url: r.optText(3), brand: r.text(4)))
        }
        return out
    }

    package func presence() async throws -> Presence {
        try guarded("read which files were imported") {
            try pool.read { db in try SQLiteStore.readPresence(db) }
        }
    }

    static func readPresence(_ db: Database) throws -> Presence {
        var p = Presence()
        for row in try Row.fetchAll(db, sql: "SELECT file, column, has_values FROM presence") {
            let fileName: String = row["file"]
            guard let file = BundleFile(rawValue: fileName) else { continue }
            let column: String = row["column"]
            if column.isEmpty {
                if (row["has_values"] as Int) != 0 { p.files.insert(file) }
            } else {
                p.columns[file, default: []].insert(column)
                if (row["has_values"] as Int) != 0 { p.filledColumns[file, default: []].insert(column) }
            }
        }
        return p
    }

    package func dataRange() async throws -> ClosedRange<LocalDate>? {
        try guarded("read the dates covered") {
            try pool.read { db in
                let row = try Row.fetchOne(db, sql: """
                    SELECT min(d0), max(d1) FROM (
                      SELECT min(date) AS d0, max(date) AS d1 FROM account_daily
                      UNION ALL SELECT min(local_date), max(local_date) FROM posts)
                    """)
                guard let row, let a: Int64 = row[0], let b: Int64 = row[1] else { return nil }
                return LocalDate(dayNumber: Int32(a))...LocalDate(dayNumber: Int32(b))
            }
        }
    }

    package func rowCounts() async throws -> [BundleFile: Int] {
        try guarded("count rows") {
            try pool.read { db in
                var out: [BundleFile: Int] = [:]
                for f in BundleFile.allCases {
                    out[f] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(f.rawValue)") ?? 0
                }
                return out
            }
        }
    }
}
