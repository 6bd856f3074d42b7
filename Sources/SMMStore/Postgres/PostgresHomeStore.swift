import Foundation
import Logging
import PostgresNIO

/// The control tables of a PostgreSQL home (schema `public`), sharing the connection pool of the
/// home's own data store (the `default` workspace). The same rules as ``SQLiteHomeStore``.
package struct PostgresHomeStore: HomeStore {
    let store: PostgresStore
    package var location: String { store.location }

    /// `store` must have been opened with `home: true`.
    init(store: PostgresStore) { self.store = store }

    private var logger: Logger { store.logger }

    private func rows<T: Sendable>(_ op: String, _ query: PostgresQuery, _ map: @escaping (PGRow) -> T) async throws -> [T] {
        try await store.read(op) { c in
            var out: [T] = []
            try await PostgresStore.each(c, query, logger: logger) { out.append(map($0)) }
            return out
        }
    }

    private static let workspaceColumns = "w.workspace_id, w.slug, w.name, w.created_at"
    private static func workspace(_ r: PGRow, _ o: Int = 0) -> Workspace {
        Workspace(id: r.int64(o), slug: r.text(o + 1), name: r.text(o + 2), createdAt: r.text(o + 3))
    }

    private static let userColumns = "u.user_id, u.login, u.name, u.password_hash, u.language, u.created_at"
    private static func user(_ r: PGRow, _ o: Int = 0) -> User {
        User(id: r.int64(o), login: r.text(o + 1), name: r.text(o + 2), passwordHash: r.text(o + 3), language: r.text(o + 4),
             createdAt: r.text(o + 5))
    }

    private static let tokenColumns = "token_id, user_id, name, token_hash, scopes, created_at, last_used_at, revoked_at"
    private static func token(_ r: PGRow) -> APIToken {
        let scopes = Set(r.text(4).split(separator: ",").compactMap { TokenScope(rawValue: String($0)) })
        return APIToken(id: r.int64(0), userID: r.int64(1), name: r.text(2), tokenHash: r.text(3), scopes: scopes,
                        createdAt: r.text(5), lastUsedAt: r.optText(6), revokedAt: r.optText(7))
    }

    // MARK: workspaces

    package func workspaces() async throws -> [Workspace] {
        try await rows("read the workspaces", "SELECT \(unescaped: Self.workspaceColumns) FROM workspaces w ORDER BY w.slug") {
            Self.workspace($0)
        }
    }

    package func workspace(slug: String) async throws -> Workspace? {
        try await rows("read workspace \(slug)", "SELECT \(unescaped: Self.workspaceColumns) FROM workspaces w WHERE w.slug = \(slug)") {
            Self.workspace($0)
        }.first
    }

    package func createWorkspace(slug: String, name: String) async throws -> Workspace {
        if let why = Workspace.problem(slug: slug) { throw HomeError.badSlug(why) }
        let now = PostgresStore.timestamp()
        return try await store.transaction("create workspace \(slug)") { c in
            try await c.query("LOCK TABLE workspaces IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            if try await PostgresStore.first(c, "SELECT 1 FROM workspaces WHERE slug = \(slug)", logger: logger) != nil {
                throw HomeError.workspaceExists(slug)
            }
            let id = try await PostgresStore.first(c, """
                INSERT INTO workspaces (slug, name, created_at) VALUES (\(slug), \(name), \(now)) RETURNING workspace_id
                """, logger: logger)?.int64(0) ?? 0
            return Workspace(id: id, slug: slug, name: name, createdAt: now)
        }
    }

    // MARK: users

    package func users() async throws -> [User] {
        try await rows("read the users", "SELECT \(unescaped: Self.userColumns) FROM users u ORDER BY lower(u.login), u.login") {
            Self.user($0)
        }
    }

    package func user(login: String) async throws -> User? {
        try await rows("read user \(login)", "SELECT \(unescaped: Self.userColumns) FROM users u WHERE lower(u.login) = lower(\(login))") {
            Self.user($0)
        }.first
    }

    package func user(id: Int64) async throws -> User? {
        try await rows("read user \(id)", "SELECT \(unescaped: Self.userColumns) FROM users u WHERE u.user_id = \(id)") {
            Self.user($0)
        }.first
    }

    package func createUser(login: String, name: String, passwordHash: String, language: String) async throws -> User {
        guard !login.isEmpty, login.count <= 64, !login.contains(where: \.isWhitespace) else { throw HomeError.badLogin(login) }
        let now = PostgresStore.timestamp()
        return try await store.transaction("create user \(login)") { c in
            try await c.query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            if try await PostgresStore.first(c, "SELECT 1 FROM users WHERE lower(login) = lower(\(login))", logger: logger) != nil {
                throw HomeError.userExists(login)
            }
            let id = try await PostgresStore.first(c, """
                INSERT INTO users (login, name, password_hash, language, created_at)
                VALUES (\(login), \(name), \(passwordHash), \(language), \(now)) RETURNING user_id
                """, logger: logger)?.int64(0) ?? 0
            return User(id: id, login: login, name: name, passwordHash: passwordHash, language: language, createdAt: now)
        }
    }

    package func setPassword(userID: Int64, passwordHash: String) async throws {
        try await store.transaction("change the password") { c in
            try await c.query("UPDATE users SET password_hash = \(passwordHash) WHERE user_id = \(userID)", logger: logger)
            try await c.query("DELETE FROM sessions WHERE user_id = \(userID)", logger: logger)
        }
    }

    package func setLanguage(userID: Int64, language: String) async throws {
        try await store.transaction("change the language") { c in
            try await c.query("UPDATE users SET language = \(language) WHERE user_id = \(userID)", logger: logger)
        }
    }

    // MARK: memberships

    package func memberships(userID: Int64) async throws -> [Membership] {
        try await rows("read the memberships", """
            SELECT m.role, \(unescaped: Self.workspaceColumns) FROM memberships m JOIN workspaces w USING (workspace_id)
            WHERE m.user_id = \(userID) ORDER BY w.slug
            """) { Membership(userID: userID, workspace: Self.workspace($0, 1), role: Role(rawValue: $0.text(0)) ?? .client) }
    }

    package func members(workspaceID: Int64) async throws -> [(user: User, role: Role)] {
        let list = try await rows("read the members", """
            SELECT m.role, \(unescaped: Self.userColumns) FROM memberships m JOIN users u USING (user_id)
            WHERE m.workspace_id = \(workspaceID) ORDER BY lower(u.login), u.login
            """) { Member(user: Self.user($0, 1), role: Role(rawValue: $0.text(0)) ?? .client) }
        return list.map { (user: $0.user, role: $0.role) }
    }

    private struct Member: Sendable {
        var user: User
        var role: Role
    }

    package func setMembership(userID: Int64, workspaceID: Int64, role: Role) async throws {
        try await store.transaction("set the role") { c in
            try await c.query("""
                INSERT INTO memberships (user_id, workspace_id, role) VALUES (\(userID), \(workspaceID), \(role.rawValue))
                ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = EXCLUDED.role
                """, logger: logger)
        }
    }

    package func removeMembership(userID: Int64, workspaceID: Int64) async throws -> Bool {
        try await store.transaction("remove the role") { c in
            try await PostgresStore.first(c, """
                WITH d AS (DELETE FROM memberships WHERE user_id = \(userID) AND workspace_id = \(workspaceID) RETURNING 1)
                SELECT count(*) FROM d
                """, logger: logger)?.int64(0) ?? 0 > 0
        }
    }

    // MARK: sessions

    package func createSession(_ s: Session) async throws {
        let created = Int64(s.createdAt.timeIntervalSince1970), expires = Int64(s.expiresAt.timeIntervalSince1970)
        try await store.transaction("start the session") { c in
            try await c.query("""
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                VALUES (\(s.tokenHash), \(s.userID), \(s.csrfToken), \(created), \(expires))
                """, logger: logger)
        }
    }

    package func session(tokenHash: String, now: Date) async throws -> Session? {
        let t = Int64(now.timeIntervalSince1970)
        return try await rows("read the session", """
            SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions
            WHERE token_hash = \(tokenHash) AND expires_at > \(t)
            """) {
            Session(tokenHash: $0.text(0), userID: $0.int64(1), csrfToken: $0.text(2),
                    createdAt: Date(timeIntervalSince1970: TimeInterval($0.int64(3))),
                    expiresAt: Date(timeIntervalSince1970: TimeInterval($0.int64(4))))
        }.first
    }

    package func deleteSession(tokenHash: String) async throws {
        try await store.transaction("end the session") { c in
            try await c.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    package func deleteExpiredSessions(now: Date) async throws -> Int {
        let t = Int64(now.timeIntervalSince1970)
        return try await store.transaction("remove expired sessions") { c in
            Int(try await PostgresStore.first(c, """
                WITH d AS (DELETE FROM sessions WHERE expires_at <= \(t) RETURNING 1) SELECT count(*) FROM d
                """, logger: logger)?.int64(0) ?? 0)
        }
    }

    // MARK: API tokens

    package func createToken(userID: Int64, name: String, tokenHash: String, scopes: Set<TokenScope>) async throws -> APIToken {
        let list = TokenScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ",")
        let now = PostgresStore.timestamp()
        return try await store.transaction("create the API token") { c in
            let id = try await PostgresStore.first(c, """
                INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at)
                VALUES (\(userID), \(name), \(tokenHash), \(list), \(now)) RETURNING token_id
                """, logger: logger)?.int64(0) ?? 0
            return APIToken(id: id, userID: userID, name: name, tokenHash: tokenHash, scopes: scopes, createdAt: now)
        }
    }

    package func useToken(hash: String) async throws -> APIToken? {
        let found = try await rows("read the API token", """
            SELECT \(unescaped: Self.tokenColumns) FROM api_tokens WHERE token_hash = \(hash) AND revoked_at IS NULL
            """, Self.token).first
        guard var token = found else { return nil }
        // One write per minute at most: a busy API client must not turn every read into a write.
        let now = PostgresStore.timestamp()
        if token.lastUsedAt.map({ $0.prefix(16) != now.prefix(16) }) ?? true {
            let id = token.id
            try await store.transaction("record the API token's use") { c in
                try await c.query("UPDATE api_tokens SET last_used_at = \(now) WHERE token_id = \(id)", logger: logger)
            }
            token.lastUsedAt = now
        }
        return token
    }

    package func tokens(userID: Int64) async throws -> [APIToken] {
        try await rows("read the API tokens", """
            SELECT \(unescaped: Self.tokenColumns) FROM api_tokens WHERE user_id = \(userID) ORDER BY token_id
            """, Self.token)
    }

    package func revokeToken(id: Int64, userID: Int64) async throws -> Bool {
        let now = PostgresStore.timestamp()
        return try await store.transaction("revoke the API token") { c in
            try await PostgresStore.first(c, """
                WITH u AS (UPDATE api_tokens SET revoked_at = \(now) WHERE token_id = \(id) AND user_id = \(userID)
                    AND revoked_at IS NULL RETURNING 1) SELECT count(*) FROM u
                """, logger: logger)?.int64(0) ?? 0 > 0
        }
    }
}
