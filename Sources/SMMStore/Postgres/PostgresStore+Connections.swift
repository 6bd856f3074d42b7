import Foundation
import Logging
import PostgresNIO

/// Connections on PostgreSQL: the SQLite store's rows and answers; sealed credentials are BYTEA,
/// the bytes the engine sealed, never opened here.
extension PostgresStore: ConnectionStore {
    package func saveConnection(_ c: StoredConnection) async throws -> (id: Int64, replaced: Bool) {
        let name = c.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw StoreError.failed(operation: "save the connection", reason: "a connection needs a name")
        }
        let settings = SQLiteStore.settingsJSON(c.settings), now = Self.timestamp()
        return try await transaction("save the connection “\(name)”") { t in
            // An existing name keeps its id and cursor; `xmax <> 0` tells an update from an insert.
            guard let row = try await Self.first(t, """
                INSERT INTO connections (source, name, credentials, settings, cursor, created_at)
                VALUES (\(c.source), \(name), \(c.sealedCredentials), \(settings), \(c.cursor), \(now))
                ON CONFLICT (name) DO UPDATE SET source = EXCLUDED.source, credentials = EXCLUDED.credentials,
                    settings = EXCLUDED.settings
                RETURNING connection_id, xmax <> 0
                """, logger: logger) else {
                throw StoreError.failed(operation: "save the connection “\(name)”", reason: "no row came back")
            }
            return (row.int64(0), row.bool(1))
        }
    }

    package func connections() async throws -> [StoredConnection] {
        try await read("read the connections") { c in try await Self.readConnections(c, name: nil, logger: logger) }
    }

    package func connection(named name: String) async throws -> StoredConnection? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await read("read the connection “\(trimmed)”") { c in
            try await Self.readConnections(c, name: trimmed, logger: logger).first
        }
    }

    package func removeConnection(named name: String) async throws -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await transaction("remove the connection “\(trimmed)”") { c in
            try await Self.first(c, "DELETE FROM connections WHERE name = \(trimmed) RETURNING connection_id",
                                 logger: logger) != nil
        }
    }

    package func recordSync(connectionID: Int64, cursor: String?, status: SyncStatus, message: String,
                            at: String) async throws {
        try await transaction("record the sync") { c in
            try await c.query("""
                UPDATE connections SET cursor = coalesce(\(cursor), cursor), last_sync_at = \(at),
                    last_status = \(status.rawValue), last_message = \(message) WHERE connection_id = \(connectionID)
                """, logger: logger)
        }
    }

    static func readConnections(_ c: PostgresConnection, name: String?, logger: Logger) async throws -> [StoredConnection] {
        let columns = """
            SELECT connection_id, source, name, credentials, settings, cursor, last_sync_at, last_status, last_message
            FROM connections
            """
        let query: PostgresQuery = name.map { "\(unescaped: columns) WHERE name = \($0) ORDER BY name" }
            ?? "\(unescaped: columns) ORDER BY name"
        var out: [StoredConnection] = []
        try await each(c, query, logger: logger) { r in
            let settings = (try? JSONDecoder().decode([String: String].self, from: Data(r.text(4).utf8))) ?? [:]
            out.append(StoredConnection(id: r.int64(0), source: r.text(1), name: r.text(2),
                                        sealedCredentials: r.data(3), settings: settings, cursor: r.optText(5),
                                        lastSyncAt: r.optText(6), lastStatus: r.optText(7).flatMap(SyncStatus.init(rawValue:)),
                                        lastMessage: r.optText(8)))
        }
        return out
    }
}
