import Foundation

/// `smmkpi db copy`: every table of one store into another (SQLite ↔ PostgreSQL), in one
/// snapshot of the source and one transaction of the target.
package enum StoreCopy {
    /// Copies every table; returns the rows copied per table. Refuses a target that holds data
    /// unless `force`, which replaces it.
    @discardableResult
    package static func run(from source: any StoreAdmin, to target: any StoreAdmin, force: Bool) async throws -> [String: Int] {
        // A new home holds one row already: its `default` workspace.
        var counts = try await target.tableCounts()
        if let w = counts["workspaces"] { counts["workspaces"] = max(0, w - 1) }
        let existing = counts.values.reduce(0, +)
        if existing > 0, !force { throw StoreError.targetNotEmpty(location: target.location, rows: existing) }
        // The home's control tables too when both are homes (`db copy` opens homes).
        let targetTables = Set(try await target.tables().map(\.name))
        let tables = try await source.tables().filter { targetTables.contains($0.name) }
        var copied: [String: Int] = [:]
        try target.withTableLoad { loader in
            // Children first, so that no foreign key is broken while clearing.
            for table in tables.reversed() { try loader.clear(table) }
            try source.readTables(tables) { table, rows in
                try loader.append(table, rows)
                copied[table.name, default: 0] += rows.count
            }
            for table in tables { try loader.finish(table) }
        }
        return copied
    }
}
