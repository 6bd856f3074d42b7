import Foundation

/// How the last sync of a connection ended.
package enum SyncStatus: String, Sendable, Codable, Equatable {
    case ok, partial, failed
}

/// A connection to a platform as the database keeps it. The credentials are sealed
/// (AES-GCM) by the engine before they get here; the store never sees them in clear.
package struct StoredConnection: Sendable, Equatable {
    package var id: Int64
    /// The source code (`vk`, `telegram`, …).
    package var source: String
    /// Unique per database; what `connect remove` and `sync --connection` name.
    package var name: String
    package var sealedCredentials: Data
    package var settings: [String: String]
    /// The connector's cursor as JSON; nil before the first successful sync.
    package var cursor: String?
    /// ISO 8601 UTC of the last sync attempt.
    package var lastSyncAt: String?
    package var lastStatus: SyncStatus?
    /// The last sync's message (rows imported, or the error sentence).
    package var lastMessage: String?

    package init(id: Int64 = 0, source: String, name: String, sealedCredentials: Data, settings: [String: String],
                 cursor: String? = nil, lastSyncAt: String? = nil, lastStatus: SyncStatus? = nil,
                 lastMessage: String? = nil) {
        self.id = id; self.source = source; self.name = name; self.sealedCredentials = sealedCredentials
        self.settings = settings; self.cursor = cursor; self.lastSyncAt = lastSyncAt; self.lastStatus = lastStatus
        self.lastMessage = lastMessage
    }
}

/// Connections of a workspace (issue 11): add, list, remove, and record each sync.
package protocol ConnectionStore: Sendable {
    /// Saves a connection by name: a new name gets a new id; an existing name is replaced
    /// (credentials and settings), keeping its cursor. Returns the id and whether it replaced one.
    func saveConnection(_ connection: StoredConnection) async throws -> (id: Int64, replaced: Bool)
    /// Every connection, by name.
    func connections() async throws -> [StoredConnection]
    /// The connection with this exact name, if any.
    func connection(named name: String) async throws -> StoredConnection?
    /// Removes it; false when there was none of this name.
    func removeConnection(named name: String) async throws -> Bool
    /// Records a sync attempt; `cursor` nil leaves the stored cursor unchanged.
    func recordSync(connectionID: Int64, cursor: String?, status: SyncStatus, message: String, at: String) async throws
}
