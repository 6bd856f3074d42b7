import Foundation

/// `smmkpi db copy`: every table of one store into another (SQLite ↔ PostgreSQL), in one
/// snapshot of the source and one transaction of the target; ``copyAll(from:to:force:progress:)``
/// does it for a home and every workspace of it.
package enum StoreCopy {
    /// Rows copied, per workspace slug (in the source home's order) and table.
    package struct Summary: Sendable {
        package var workspaces: [(slug: String, rows: [String: Int])] = []
        package var total: Int { workspaces.reduce(0) { $0 + $1.rows.values.reduce(0, +) } }
    }

    /// Called after each table: the workspace's slug, the table, the rows copied.
    package typealias Progress = (_ slug: String, _ table: String, _ rows: Int) -> Void

    /// Copies every table; returns the rows copied per table. Refuses a target that holds data
    /// unless `force`, which replaces it.
    @discardableResult
    package static func run(from source: any StoreAdmin, to target: any StoreAdmin, force: Bool,
                            progress: Progress? = nil, slug: String = Workspace.defaultSlug) async throws -> [String: Int] {
        let existing = try await rowsHeld(target)
        if existing > 0, !force { throw StoreError.targetNotEmpty(location: target.location, rows: existing) }
        return try await copy(from: source, to: target, progress: progress, slug: slug)
    }

    /// Copies a home (users, password hashes, workspaces, memberships, sessions, API tokens and the
    /// `default` workspace's data) and then the data store of every other workspace of it: SQLite
    /// `<stem>.workspaces/<slug>.sqlite` ↔ PostgreSQL schema `ws_<slug>`. Nothing is written when
    /// the target's home or one of its workspaces holds data, unless `force`, which replaces it.
    /// Each store is copied in a transaction of its own: a failure leaves the stores copied before it
    /// complete and the one that failed as it was; copying again with `force` finishes the job.
    package static func copyAll(from source: Databases, to target: Databases, force: Bool,
                                progress: Progress? = nil) async throws -> Summary {
        let sourceHome = try admin(source, try await source.workspace(slug: Workspace.defaultSlug, create: false))
        let targetHome = try admin(target, try await target.workspace(slug: Workspace.defaultSlug, create: false))
        if !force {
            var held = try await rowsHeld(targetHome)
            for w in try await target.home.workspaces() where w.slug != Workspace.defaultSlug {
                held += try await rowsHeld(try admin(target, w))
            }
            if held > 0 { throw StoreError.targetNotEmpty(location: target.location.description, rows: held) }
        }
        var summary = Summary()
        summary.workspaces.append((Workspace.defaultSlug,
                                   try await copy(from: sourceHome, to: targetHome, progress: progress,
                                                  slug: Workspace.defaultSlug)))
        for w in try await source.home.workspaces() where w.slug != Workspace.defaultSlug {
            let rows = try await copy(from: try admin(source, w), to: try admin(target, w), progress: progress, slug: w.slug)
            summary.workspaces.append((w.slug, rows))
        }
        return summary
    }

    /// The rows a target holds (a new home holds one already: its `default` workspace).
    private static func rowsHeld(_ target: any StoreAdmin) async throws -> Int {
        var counts = try await target.tableCounts()
        if let w = counts["workspaces"] { counts["workspaces"] = max(0, w - 1) }
        return counts.values.reduce(0, +)
    }

    private static func admin(_ databases: Databases, _ workspace: Workspace) throws -> any StoreAdmin {
        let store = try databases.store(for: workspace)
        guard let admin = store as? any StoreAdmin else { throw StoreError.unsupportedLocation(store.location) }
        return admin
    }

    private static func copy(from source: any StoreAdmin, to target: any StoreAdmin, progress: Progress?,
                             slug: String) async throws -> [String: Int] {
        // The home's control tables too when both are homes.
        let targetTables = Set(try await target.tables().map(\.name))
        let tables = try await source.tables().filter { targetTables.contains($0.name) }
        var copied: [String: Int] = [:]
        try target.withTableLoad { loader in
            // Children first, so that no foreign key is broken while clearing.
            for table in tables.reversed() { try loader.clear(table) }
            var current: StoreTable?
            try source.readTables(tables) { table, rows in
                if let c = current, c != table { progress?(slug, c.name, copied[c.name] ?? 0) }
                current = table
                try loader.append(table, rows)
                copied[table.name, default: 0] += rows.count
            }
            if let c = current { progress?(slug, c.name, copied[c.name] ?? 0) }
            for table in tables { try loader.finish(table) }
        }
        return copied
    }
}
