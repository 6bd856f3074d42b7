import Foundation

/// Where a PostgreSQL database is: `postgres://user:password@host:port/database` (also
/// `postgresql://`). The password may be left out of the URL and given in `PGPASSWORD`.
/// The store's schema is chosen apart: `public` for the home, `ws_<slug>` for other workspaces
/// (decision 0004).
package struct PostgresLocation: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String

    package init(host: String, port: Int = 5432, user: String, password: String?, database: String) {
        self.host = host; self.port = port; self.user = user; self.password = password; self.database = database
    }

    /// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
    package static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` URL; throws a sentence naming what is wrong.
    package init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgres(text), let c = URLComponents(string: text) else {
            throw StoreError.unsupportedLocation(text)
        }
        guard let host = c.host, !host.isEmpty else {
            throw StoreError.cannotOpen(location: Self.redact(text), reason: "the URL names no host; write postgres://user:password@host:5432/database")
        }
        guard let user = c.user, !user.isEmpty else {
            throw StoreError.cannotOpen(location: Self.redact(text), reason: "the URL names no user; write postgres://user:password@host:5432/database")
        }
        let database = String(c.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError.cannotOpen(location: Self.redact(text), reason: "the URL names no database; write postgres://user:password@host:5432/database")
        }
        self.host = host
        self.port = c.port ?? 5432
        // URLComponents gives user, password and path with percent-escapes decoded.
        self.user = user
        self.password = c.password ?? environment["PGPASSWORD"]
        self.database = database
    }

    /// The URL without the password, for messages and logs.
    package var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The same server and user, another database.
    package func with(database: String) -> PostgresLocation {
        var l = self
        l.database = database
        return l
    }

    /// A `--db` text with any password replaced by `***`.
    package static func redact(_ text: String) -> String {
        guard var c = URLComponents(string: text), c.password != nil else { return text }
        c.password = "***"
        return c.string ?? text
    }
}
