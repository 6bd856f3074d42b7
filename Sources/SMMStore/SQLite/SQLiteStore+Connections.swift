import Foundation
import GRDB

extension SQLiteStore: ConnectionStore {
    package func saveConnection(_ c: StoredConnection) async throws -> (id: Int64, replaced: Bool) {
        let name = c.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw StoreError.failed(operation: "save the connection", reason: "a connection needs a name")
        }
        let settings = SQLiteStore.settingsJSON(c.settings)
        return try guarded("save the connection “\(name)”") {
            try pool.write { db in
                if let id = try Int64.fetchOne(db, sql: "SELECT connection_id FROM connections WHERE name = ?",
                                               arguments: [name]) {
                    try db.execute(sql: "UPDATE connections SET source = ?, credentials = ?, settings = ? WHERE connection_id = ?",
                                   arguments: [c.source, c.sealedCredentials, settings, id])
                    return (id, true)
                }
                try db.execute(sql: """
                    INSERT INTO connections (source, name, credentials, settings, cursor, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [c.source, name, c.sealedCredentials, settings, c.cursor, SQLiteStore.timestamp()])
                return (db.lastInsertedRowID, false)
            }
        }
    }

    package func connections() async throws -> [StoredConnection] {
        try guarded("read the connections") {
            try pool.read { db in try SQLiteStore.readConnections(db, where: "", []) }
        }
    }

    package func connection(named name: String) async throws -> StoredConnection? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try guarded("read the connection “\(trimmed)”") {
            try pool.read { db in try SQLiteStore.readConnections(db, where: "WHERE name = ?", [trimmed]).first }
        }
    }

    package func removeConnection(named name: String) async throws -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try guarded("remove the connection “\(trimmed)”") {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM connections WHERE name = ?", arguments: [trimmed])
                return db.changesCount > 0
            }
        }
    }

    package func recordSync(connectionID: Int64, cursor: String?, status: SyncStatus, message: String,
                            at: String) async throws {
        try guarded("record the sync") {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE connections SET cursor = coalesce(?, cursor), last_sync_at = ?, last_status = ?,
                        last_message = ? WHERE connection_id = ?
                    """, arguments: [cursor, at, status.rawValue, message, connectionID])
            }
        }
    }

    static func readConnections(_ db: Database, where clause: String, _ arguments: StatementArguments) throws
        -> [StoredConnection] {
        try Row.fetchAll(db, sql: """
            SELECT connection_id, source, name, credentials, settings, cursor, last_sync_at, last_status, last_message
            FROM connections \(clause) ORDER BY name
            """, arguments: arguments).map { r in
            let settingsText: String = r["settings"]
            let settings = (try? JSONDecoder().decode([String: String].self, from: Data(settingsText.utf8))) ?? [:]
            return StoredConnection(id: r["connection_id"], source: r["source"], name: r["name"],
                                    sealedCredentials: r["credentials"], settings: settings, cursor: r["cursor"],
                                    lastSyncAt: r["last_sync_at"],
                                    lastStatus: (r["last_status"] as String?).flatMap(SyncStatus.init(rawValue:)),
                                    lastMessage: r["last_message"])
        }
    }

    static func settingsJSON(_ settings: [String: String]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return String(decoding: (try? e.encode(settings)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
