import Foundation
import Logging
import PostgresNIO

extension PostgresStore: StoreAdmin {
    package func tables() async throws -> [StoreTable] {
        try await read("read the tables") { c in
            let home = try await Self.first(c, "SELECT to_regclass('workspaces') IS NOT NULL", logger: logger)?.bool(0) ?? false
            return home ? StoreTables.all + StoreTables.home : StoreTables.all
        }
    }

    package func tableCounts() async throws -> [String: Int] {
        let tables = try await tables()
        return try await read("count rows") { c in
            var out: [String: Int] = [:]
            for t in tables {
                out[t.name] = Int(try await Self.first(c, "SELECT count(*) FROM \(unescaped: t.name)", logger: logger)?.int64(0) ?? 0)
            }
            return out
        }
    }

    package func readTables(_ tables: [StoreTable], _ body: (StoreTable, [[CellValue]]) throws -> Void) throws {
        let logger = self.logger
        do {
            let c = try thread.wait { [self] in
                let c = try await connect()
                try await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                return c
            }
            defer { _ = try? thread.wait { _ = try? await c.query("COMMIT", logger: logger); try await c.close() } }
            for table in tables {
                let order = table.ordered ? "seq" : table.order
                let declare = "DECLARE rows NO SCROLL CURSOR FOR SELECT \(StoreTables.quoted(table.columns)) FROM \(table.name) ORDER BY \(order)"
                try thread.wait { try await c.query(PostgresQuery(unsafeSQL: declare), logger: logger) }
                while true {
                    let batch = try thread.wait {
                        var out: [[CellValue]] = []
                        try await Self.each(c, "FETCH 20000 FROM rows", logger: logger) { r in
                            out.append((0..<r.count).map { r.value($0) })
                        }
                        return out
                    }
                    if batch.isEmpty { break }
                    try body(table, batch)
                }
                try thread.wait { try await c.query("CLOSE rows", logger: logger) }
            }
        } catch {
            throw PostgresErrors.storeError(error, operation: "read the tables", location: server, logger: logger)
        }
    }

    package func withTableLoad<T>(_ body: (any TableLoader) throws -> T) throws -> T {
        let logger = self.logger, schema = self.schema
        do {
            let c = try thread.wait { [self] in
                let c = try await connect()
                try await c.query("BEGIN", logger: logger)
                try await c.query("SELECT pg_advisory_xact_lock(hashtext(\("smmkpi.import." + schema)))", logger: logger)
                return c
            }
            let loader = PostgresTableLoader(connection: c, thread: thread, logger: logger)
            do {
                let result = try body(loader)
                try thread.wait { try await c.query("COMMIT", logger: logger); try await c.close() }
                return result
            } catch {
                _ = try? thread.wait { _ = try? await c.query("ROLLBACK", logger: logger); try await c.close() }
                throw error
            }
        } catch {
            throw PostgresErrors.storeError(error, operation: "write the tables", location: server, logger: logger)
        }
    }
}

/// Loads whole tables with COPY, in the connection's transaction.
final class PostgresTableLoader: TableLoader {
    private let connection: PostgresConnection
    private let thread: StoreThread
    private let logger: Logger

    init(connection: PostgresConnection, thread: StoreThread, logger: Logger) {
        self.connection = connection; self.thread = thread; self.logger = logger
    }

    func clear(_ table: StoreTable) throws {
        let c = connection, logger = self.logger, name = table.name
        try thread.wait { try await c.query("DELETE FROM \(unescaped: name)", logger: logger) }
    }

    func append(_ table: StoreTable, _ rows: [[CellValue]]) throws {
        var copy = CopyText()
        for row in rows {
            for v in row { copy.cell(v) }
            copy.endRow()
        }
        let buffer = copy.buffer, c = connection, logger = self.logger
        try thread.wait {
            try await c.copyFrom(table: table.name, columns: table.columns, logger: logger) { try await $0.write(buffer) }
        }
    }

    func finish(_ table: StoreTable) throws {
        guard let identity = table.identity, let largest = table.largestIdentitySQL else { return }
        let c = connection, logger = self.logger
        let sql = "SELECT setval(pg_get_serial_sequence('\(table.name)', '\(identity)'), \(largest) + 1, false)"
        try thread.wait { try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }
}

extension PGRow {
    /// A column as a store-neutral value.
    func value(_ i: Int) -> CellValue {
        if isNull(i) { return .null }
        switch dataType(i) {
        case .int2, .int4, .int8: return .integer(int64(i))
        case .float4, .float8: return .real(double(i))
        case .bytea: return .blob(data(i))
        default: return .text(text(i))
        }
    }
}

extension CopyText {
    mutating func cell(_ v: CellValue) {
        switch v {
        case .null: cell(nil as String?)
        case .integer(let x): cell(x as Int64?)
        case .real(let x): cell(x as Double?)
        case .text(let s): cell(s as String?)
        case .blob(let d):
            // BYTEA's hex input (\x…), its backslash doubled for COPY's text format.
            let hex = d.map { String(format: "%02x", $0) }.joined()
            cell("\\x" + hex as String?)
        }
    }
}

extension PostgresStore {
    /// Runs one statement of the store's schema (administration and tests).
    package func execute(_ sql: String) async throws {
        try await transaction("run “\(sql)”") { c in try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }

    /// Removes a schema and everything in it (a workspace's data, a test's schema).
    package static func dropSchema(_ schema: String, server: PostgresLocation, logger: Logger = Logger(label: "smmkpi.store")) throws {
        try onServer(server, logger: logger, "DROP SCHEMA IF EXISTS \"\(schema.replacingOccurrences(of: "\"", with: ""))\" CASCADE")
    }

    /// Creates a database on the server (tests: a fresh database per case).
    package static func createDatabase(_ name: String, server: PostgresLocation, logger: Logger = Logger(label: "smmkpi.store")) throws {
        try onServer(server.with(database: "postgres"), logger: logger, "CREATE DATABASE \"\(name.replacingOccurrences(of: "\"", with: ""))\"")
    }

    /// Removes a database (connections to it are ended).
    package static func dropDatabase(_ name: String, server: PostgresLocation, logger: Logger = Logger(label: "smmkpi.store")) throws {
        try onServer(server.with(database: "postgres"), logger: logger,
                     "DROP DATABASE IF EXISTS \"\(name.replacingOccurrences(of: "\"", with: ""))\" WITH (FORCE)")
    }

    private static func onServer(_ server: PostgresLocation, logger: Logger, _ sql: String) throws {
        let thread = StoreThread(name: "smmkpi-postgres-admin")
        defer { thread.stop() }
        do {
            try thread.wait {
                let config = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                              password: server.password, database: server.database, tls: .disable)
                let c = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
                do {
                    try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                } catch {
                    try? await c.close()
                    throw error
                }
                try await c.close()
            }
        } catch {
            throw PostgresErrors.storeError(error, operation: "run “\(sql)”", location: server, logger: logger)
        }
    }
}
