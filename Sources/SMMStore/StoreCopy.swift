import Foundation

/// `smmkpi db copy`: every table of one store into another (SQLite ↔ PostgreSQL), in one
/// snapshot of the source and one transaction of the target.
package enum StoreCopy {
    /// Copies every table; returns the rows copied per table. Refuses a target that holds data
    /// unless `force`, which replaces it.
    @discardableResult
    package static func run(from source: any StoreAdmin, to target: any StoreAdmin, force: Bool) async throws -> [String: Int] {
        let existing = try await target.tableCounts().values.reduce(0, +)
        if existing > 0, !force { throw StoreError.targetNotEmpty(location: target.location, rows: existing) }
        let tables = StoreTables.all
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
