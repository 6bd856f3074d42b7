import Foundation
import Logging

/// Where the home database lives (`--db` or `SMMKPI_DB`), and where each workspace's data store
/// lives next to it (docs/decisions/0004):
/// - SQLite `x/smmkpi.sqlite`: the home and the `default` workspace's data; workspace `acme` in
///   `x/smmkpi.workspaces/acme.sqlite`;
/// - PostgreSQL (`postgres://…`): the home and `default` in schema `public`, workspace `acme` in
///   schema `ws_acme` of the same database.
package enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default when neither `--db` nor `SMMKPI_DB` is given.
    package static let defaultPath = "smmkpi.sqlite"

    /// Reads a location as given on the command line or in the environment.
    package init(_ raw: String) {
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            self = .postgres(url: raw)
        } else {
            self = .sqlite(path: raw)
        }
    }

    /// `--db` when given, else `SMMKPI_DB`, else `smmkpi.sqlite`.
    package static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreLocation {
        StoreLocation(option ?? environment["SMMKPI_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath)
    }

    /// The location as shown to users (a URL without its password).
    package var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            // postgres://user:password@host/db → postgres://user:…@host/db
            guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex),
                  let colon = url.range(of: ":", range: scheme.upperBound..<at.lowerBound) else { return url }
            return String(url[..<colon.upperBound]) + "…" + String(url[at.lowerBound...])
        }
    }

    /// The PostgreSQL schema of a workspace other than `default`.
    package static func schema(slug: String) -> String { "ws_" + slug.replacingOccurrences(of: "-", with: "_") }

    /// The data file of a workspace other than `default` (SQLite only).
    package func workspacePath(slug: String) -> String? {
        guard case .sqlite(let path) = self else { return nil }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? url.lastPathComponent : String(url.lastPathComponent.dropLast(ext.count + 1))
        let dir = url.deletingLastPathComponent().appendingPathComponent("\(stem).workspaces", isDirectory: true)
        return dir.appendingPathComponent("\(slug).sqlite").path
    }

    /// Opens the home database (creating and migrating it when needed).
    package func open(logger: Logger) throws -> Databases {
        switch self {
        case .sqlite(let path):
            // A mistyped URL ("postgres:/h/d", "mysql://…") is not a file name.
            if path.contains("://") || path.hasPrefix("postgres:") || path.hasPrefix("postgresql:") {
                throw StoreError.unsupportedLocation(PostgresLocation.redact(path))
            }
            let store = try SQLiteStore(path: path, logger: logger, home: true)
            return Databases(location: self, home: SQLiteHomeStore(store: store), defaultStore: store, logger: logger) { slug, logger in
                guard let p = self.workspacePath(slug: slug) else { throw StoreError.unsupportedLocation(path) }
                return try SQLiteStore(path: p, logger: logger)
            }
        case .postgres(let url):
            // The home is schema public; workspace <slug> is schema ws_<slug> ('-' becomes '_',
            // which slugs never hold) of the same database.
            let server = try PostgresLocation(url: url)
            let store = try PostgresStore(location: server, logger: logger, home: true)
            return Databases(location: self, home: PostgresHomeStore(store: store), defaultStore: store, logger: logger) { slug, logger in
                try PostgresStore(location: server, schema: Self.schema(slug: slug), logger: logger)
            }
        }
    }
}

/// An opened home with its workspaces' data stores, opened on first use and kept open.
/// Sendable: the cache is guarded by a lock; the stores are Sendable.
package final class Databases: @unchecked Sendable {
    package let location: StoreLocation
    package let home: any HomeStore
    private let defaultStore: any Store
    private let logger: Logger
    private let openData: @Sendable (String, Logger) throws -> any Store
    private let lock = NSLock()
    private var cache: [String: any Store] = [:]

    package init(location: StoreLocation, home: any HomeStore, defaultStore: any Store, logger: Logger,
                 openData: @escaping @Sendable (String, Logger) throws -> any Store) {
        self.location = location; self.home = home; self.defaultStore = defaultStore
        self.logger = logger; self.openData = openData
    }

    /// The data store of `workspace` (the home's own tables for `default`).
    package func store(for workspace: Workspace) throws -> any Store {
        if workspace.slug == Workspace.defaultSlug { return defaultStore }
        lock.lock()
        defer { lock.unlock() }
        if let s = cache[workspace.slug] { return s }
        let s = try openData(workspace.slug, logger)
        cache[workspace.slug] = s
        return s
    }

    /// The workspace with this slug; `default` always exists, other slugs are created when
    /// `create` is set (the CLI's first use), else ``HomeError/noWorkspace(_:)``.
    package func workspace(slug: String, create: Bool) async throws -> Workspace {
        if let w = try await home.workspace(slug: slug) { return w }
        guard create else { throw HomeError.noWorkspace(slug) }
        return try await home.createWorkspace(slug: slug, name: slug)
    }
}
