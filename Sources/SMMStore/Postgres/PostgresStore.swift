import Foundation
import Logging
import NIOCore
import PostgresNIO
import SMMCore

/// The server store: the tables of one schema of a PostgreSQL database, through postgres-nio.
/// The home is schema `public`, other workspaces `ws_<slug>` (decision 0004); every connection
/// of the store has that schema alone on its `search_path`.
///
/// Transactions (decision 0008): an import is one READ COMMITTED transaction that first takes a
/// per-schema advisory lock, so two imports into one workspace run one after the other; a
/// dataset is read in one REPEATABLE READ transaction, so a reader sees the data before or after
/// an import, never half of it.
package final class PostgresStore: Store {
    package let location: String
    let server: PostgresLocation
    let schema: String
    let logger: Logger
    let client: PostgresClient
    let thread: StoreThread
    private let runTask: Task<Void, Never>

    /// Connects, creates the schema when needed and migrates it to the current version.
    package init(location server: PostgresLocation, schema: String = "public",
                 logger: Logger = Logger(label: "smmkpi.store"), maximumConnections: Int = 8, home: Bool = false) throws {
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw StoreError.cannotOpen(location: server.description,
                                        reason: "“\(schema)” is not a schema name (lower-case letters, digits and _)")
        }
        self.server = server
        self.schema = schema
        self.logger = logger
        location = schema == "public" ? server.description : "\(server.description) (schema \(schema))"
        var config = PostgresClient.Configuration(host: server.host, port: server.port, username: server.user,
                                                  password: server.password, database: server.database, tls: .disable)
        config.options.additionalStartupParameters = [("search_path", "\"\(schema)\"")]
        config.options.maximumConnections = maximumConnections
        config.options.connectTimeout = .seconds(10)
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.client = client
        let thread = StoreThread(name: "smmkpi-postgres")
        self.thread = thread
        runTask = Task(executorPreference: thread) { await client.run() }
        do {
            try thread.wait { [self] in try await migrate(home: home) }
        } catch {
            close()
            throw PostgresErrors.storeError(error, operation: "open the database", location: server, logger: logger)
        }
    }

    deinit { close() }

    /// Closes the pool's connections; the store is not used afterwards.
    package func close() {
        runTask.cancel()
        let task = runTask, thread = self.thread
        Task(executorPreference: thread) {
            await task.value
            thread.stop()
        }
    }

    /// A connection of the store's own (not from the pool), with the schema on its search path.
    func connect() async throws -> PostgresConnection {
        var config = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                      password: server.password, database: server.database, tls: .disable)
        config.options.additionalStartupParameters = [("search_path", "\"\(schema)\"")]
        return try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
    }

    // MARK: - Schema versions

    /// Applies the migrations this schema lacks, under a lock so that two processes opening the
    /// same database at once do not both migrate it; throws when the schema is newer than this binary.
    private func migrate(home: Bool) async throws {
        let connection = try await connect()
        do {
            try await connection.query("BEGIN", logger: logger)
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('smmkpi.migrate'))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: "\"\(schema)\"")", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT NOT NULL)
                """, logger: logger)
            var applied: [String] = []
            for try await row in try await connection.query("SELECT id FROM schema_migrations", logger: logger) {
                applied.append(try row.decode(String.self))
            }
            let list = PostgresSchema.migrations + (home ? [PostgresSchema.home] : [])
            let known = Set(list.map(\.id) + [PostgresSchema.home.id])
            let unknown = applied.filter { !known.contains($0) }.sorted()
            if !unknown.isEmpty { throw StoreError.schemaNewer(location: location, unknown: unknown) }
            for m in list where !applied.contains(m.id) {
                for statement in PostgresSchema.statements(m.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("""
                    INSERT INTO schema_migrations (id, applied_at) VALUES (\(m.id), \(Self.timestamp()))
                    """, logger: logger)
                logger.info("migrated \(location) to \(m.id)")
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// The migrations applied to this schema, in order of application.
    package func appliedMigrations() async throws -> [String] {
        try await read("read the schema version") { c in
            var out: [String] = []
            try await Self.each(c, "SELECT id FROM schema_migrations", logger: logger) { out.append($0.text(0)) }
            // In the order of the migration list (several are applied within one second).
            let order = (PostgresSchema.migrations + [PostgresSchema.home]).map(\.id)
            return out.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        }
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }

    // MARK: - Running queries

    /// Runs `body` on a pooled connection in one transaction (`mode`: e.g. "ISOLATION LEVEL
    /// REPEATABLE READ READ ONLY"); driver errors become sentences.
    @discardableResult
    func transaction<T: Sendable>(_ operation: String, _ mode: String = "",
                                  _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { c in
                try await c.query("BEGIN \(unescaped: mode)", logger: logger)
                do {
                    let result = try await body(c)
                    try await c.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await c.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.storeError(error, operation: operation, location: server, logger: logger)
        }
    }

    /// A read in one snapshot: every query of `body` sees the same committed data.
    func read<T: Sendable>(_ operation: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await transaction(operation, "ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Each row of a query.
    static func each(_ c: PostgresConnection, _ query: PostgresQuery, logger: Logger,
                     _ body: (PGRow) throws -> Void) async throws {
        for try await row in try await c.query(query, logger: logger) {
            try body(PGRow(row))
        }
    }

    /// The first row of a query, nil when there is none.
    static func first(_ c: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> PGRow? {
        var out: PGRow?
        try await each(c, query, logger: logger) { if out == nil { out = $0 } }
        return out
    }

    // MARK: - Store

    package func settings() async throws -> StoreSettings? {
        try await read("read the settings") { c in try await Self.readSettings(c, logger: logger) }
    }

    static func readSettings(_ c: PostgresConnection, logger: Logger) async throws -> StoreSettings? {
        var dict: [String: String] = [:]
        try await each(c, "SELECT key, value FROM meta WHERE key IN ('timezone', 'currency')", logger: logger) {
            dict[$0.text(0)] = $0.text(1)
        }
        guard let tz = dict["timezone"], let cur = dict["currency"] else { return nil }
        return StoreSettings(timeZone: tz, currency: cur)
    }

    package func accounts() async throws -> [Account] {
        try await read("read the accounts") { c in try await Self.readAccounts(c, logger: logger) }
    }

    static func readAccounts(_ c: PostgresConnection, logger: Logger) async throws -> [Account] {
        var out: [Account] = []
        try await each(c, "SELECT account_id, network, name, url, brand FROM accounts ORDER BY account_id", logger: logger) { r in
            out.append(Account(id: r.text(0), network: Network(rawValue: r.text(1)) ?? .other, name: r.text(2),
                               url: r.optText(3), brand: r.text(4)))
        }
        return out
    }

    package func presence() async throws -> Presence {
        try await read("read which files were imported") { c in try await Self.readPresence(c, logger: logger) }
    }

    static func readPresence(_ c: PostgresConnection, logger: Logger) async throws -> Presence {
        var p = Presence()
        try await each(c, #"SELECT file, "column", has_values FROM presence"#, logger: logger) { r in
            guard let file = BundleFile(rawValue: r.text(0)) else { return }
            let column = r.text(1)
            if column.isEmpty {
                if r.int64(2) != 0 { p.files.insert(file) }
            } else {
                p.columns[file, default: []].insert(column)
                if r.int64(2) != 0 { p.filledColumns[file, default: []].insert(column) }
            }
        }
        return p
    }

    package func dataRange() async throws -> ClosedRange<LocalDate>? {
        try await read("read the dates covered") { c in
            let row = try await Self.first(c, """
                SELECT min(d0), max(d1) FROM (
                  SELECT min(date) AS d0, max(date) AS d1 FROM account_daily
                  UNION ALL SELECT min(local_date), max(local_date) FROM posts) t
                """, logger: logger)
            guard let row, let a = row.optInt64(0), let b = row.optInt64(1) else { return nil }
            return LocalDate(dayNumber: Int32(a))...LocalDate(dayNumber: Int32(b))
        }
    }

    package func rowCounts() async throws -> [BundleFile: Int] {
        try await read("count rows") { c in
            var out: [BundleFile: Int] = [:]
            for f in BundleFile.allCases {
                let row = try await Self.first(c, "SELECT count(*) FROM \(unescaped: f.rawValue)", logger: logger)
                out[f] = Int(row?.int64(0) ?? 0)
            }
            return out
        }
    }

    package func withImport<T>(_ body: (any ImportSink) throws -> T) throws -> T {
        let sink: PostgresImportSink
        do {
            sink = try PostgresImportSink(store: self)
        } catch {
            throw PostgresErrors.storeError(error, operation: "import the bundle", location: server, logger: logger)
        }
        do {
            let result = try body(sink)
            try sink.commit()
            return result
        } catch {
            sink.rollback()
            throw PostgresErrors.storeError(error, operation: "import the bundle", location: server, logger: logger)
        }
    }
}
