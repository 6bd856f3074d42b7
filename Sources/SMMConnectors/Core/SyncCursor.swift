import Foundation
import SMMCore

/// Where a connection stopped: the last local date whose data was fetched completely, plus
/// source-specific positions (Telegram's update offset). Stored as JSON in the connection
/// row, and saved only after the import of the rows it covers has committed.
package struct SyncCursor: Sendable, Equatable, Codable {
    package var syncedThrough: LocalDate?
    package var positions: [String: String]

    package init(syncedThrough: LocalDate? = nil, positions: [String: String] = [:]) {
        self.syncedThrough = syncedThrough; self.positions = positions
    }

    private enum Keys: String, CodingKey { case syncedThrough = "synced_through", positions }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        syncedThrough = try c.decodeIfPresent(String.self, forKey: .syncedThrough).flatMap { LocalDate(iso: $0) }
        positions = try c.decodeIfPresent([String: String].self, forKey: .positions) ?? [:]
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(syncedThrough?.description, forKey: .syncedThrough)
        try c.encode(positions, forKey: .positions)
    }

    /// The JSON text stored in the database.
    package var json: String {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return String(decoding: (try? e.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads stored JSON; an unreadable cursor is a fresh start (the upsert keys make that safe).
    package init(json: String?) {
        guard let json, let c = try? JSONDecoder().decode(SyncCursor.self, from: Data(json.utf8)) else {
            self.init()
            return
        }
        self = c
    }
}
