import Foundation
import GRDB
import Logging

/// The control tables of a SQLite home database, sharing the connection pool of the home's own
/// data store (the `default` workspace).
package struct SQLiteHomeStore: HomeStore {
    let store: SQLiteStore
    package var location: String { store.location }

    /// `store` must have been opened with `home: true`.
    init(store: SQLiteStore) { self.store = store }

    private func read<T>(_ op: String, _ body: (Database) throws -> T) throws -> T {
        try store.guarded(op) { try store.pool.read(body) }
    }

    private func write<T>(_ op: String, _ body: (Database) throws -> T) throws -> T {
        try store.guarded(op) { try store.pool.write(body) }
    }

    // MARK: workspaces

    private static func workspace(_ r: Row) -> Workspace {
        Workspace(id: r["workspace_id"], slug: r["slug"], name: r["name"], createdAt: r["created_at"])
    }

    package func workspaces() async throws -> [Workspace] {
        try read("read the workspaces") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workspaces ORDER BY slug").map(Self.workspace)
        }
    }

    package func workspace(slug: String) async throws -> Workspace? {
        try read("read workspace \(slug)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM workspaces WHERE slug = ?", arguments: [slug]).map(Self.workspace)
        }
    }

    package func createWorkspace(slug: String, name: String) async throws -> Workspace {
        if let why = Workspace.problem(slug: slug) { throw HomeError.badSlug(why) }
        return try write("create workspace \(slug)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM workspaces WHERE slug = ?", arguments: [slug]) == true {
                throw HomeError.workspaceExists(slug)
            }
            let now = SQLiteStore.timestamp()
            try db.execute(sql: "INSERT INTO workspaces (slug, name, created_at) VALUES (?, ?, ?)", arguments: [slug, name, now])
            return Workspace(id: db.lastInsertedRowID, slug: slug, name: name, createdAt: now)
        }
    }

    // MARK: users

    private static func user(_ r: Row) -> User {
        User(id: r["user_id"], login: r["login"], name: r["name"], passwordHash: r["password_hash"],
             language: r["language"], createdAt: r["created_at"])
    }

    package func users() async throws -> [User] {
        try read("read the users") { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY login").map(Self.user) }
    }

    package func user(login: String) async throws -> User? {
        try read("read user \(login)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ?", arguments: [login]).map(Self.user)
        }
    }

    package func user(id: Int64) async throws -> User? {
        try read("read user \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE user_id = ?", arguments: [id]).map(Self.user)
        }
    }

    package func createUser(login: String, name: String, passwordHash: String, language: String) async throws -> User {
        guard !login.isEmpty, login.count <= 64, !login.contains(where: \.isWhitespace) else { throw HomeError.badLogin(login) }
        return try write("create user \(login)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE login = ?", arguments: [login]) == true {
                throw HomeError.userExists(login)
            }
            let now = SQLiteStore.timestamp()
            try db.execute(sql: "INSERT INTO users (login, name, password_hash, language, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [login, name, passwordHash, language, now])
            return User(id: db.lastInsertedRowID, login: login, name: name, passwordHash: passwordHash, language: language, createdAt: now)
        }
    }

    package func setPassword(userID: Int64, passwordHash: String) async throws {
        try write("change the password") { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE user_id = ?", arguments: [passwordHash, userID])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
    }

    package func setLanguage(userID: Int64, language: String) async throws {
        try write("change the language") { db in
            try db.execute(sql: "UPDATE users SET language = ? WHERE user_id = ?", arguments: [language, userID])
        }
    }

    // MARK: memberships

    package func memberships(userID: Int64) async throws -> [Membership] {
        try read("read the memberships") { db in
            try Row.fetchAll(db, sql: """
                SELECT m.role, w.* FROM memberships m JOIN workspaces w USING (workspace_id)
                WHERE m.user_id = ? ORDER BY w.slug
                """, arguments: [userID]).map {
                Membership(userID: userID, workspace: Self.workspace($0), role: Role(rawValue: $0["role"]) ?? .client)
            }
        }
    }

    package func members(workspaceID: Int64) async throws -> [(user: User, role: Role)] {
        try read("read the members") { db in
            try Row.fetchAll(db, sql: """
                SELECT m.role, u.* FROM memberships m JOIN users u USING (user_id)
                WHERE m.workspace_id = ? ORDER BY u.login
                """, arguments: [workspaceID]).map { (user: Self.user($0), role: Role(rawValue: $0["role"]) ?? .client) }
        }
    }

    package func setMembership(userID: Int64, workspaceID: Int64, role: Role) async throws {
        try write("set the role") { db in
            try db.execute(sql: """
                INSERT INTO memberships (user_id, workspace_id, role) VALUES (?, ?, ?)
                ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role
                """, arguments: [userID, workspaceID, role.rawValue])
        }
    }

    package func removeMembership(userID: Int64, workspaceID: Int64) async throws -> Bool {
        try write("remove the role") { db in
            try db.execute(sql: "DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?", arguments: [userID, workspaceID])
            return db.changesCount > 0
        }
    }

    // MARK: sessions

    package func createSession(_ s: Session) async throws {
        try write("start the session") { db in
            try db.execute(sql: "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [s.tokenHash, s.userID, s.csrfToken, Int64(s.createdAt.timeIntervalSince1970),
                                       Int64(s.expiresAt.timeIntervalSince1970)])
        }
    }

    package func session(tokenHash: String, now: Date) async throws -> Session? {
        let t = Int64(now.timeIntervalSince1970)
        return try read("read the session") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?", arguments: [tokenHash, t]).map {
                Session(tokenHash: $0["token_hash"], userID: $0["user_id"], csrfToken: $0["csrf_token"],
                        createdAt: Date(timeIntervalSince1970: TimeInterval($0["created_at"] as Int64)),
                        expiresAt: Date(timeIntervalSince1970: TimeInterval($0["expires_at"] as Int64)))
            }
        }
    }

    package func deleteSession(tokenHash: String) async throws {
        try write("end the session") { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    package func deleteExpiredSessions(now: Date) async throws -> Int {
        try write("remove expired sessions") { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [Int64(now.timeIntervalSince1970)])
            return db.changesCount
        }
    }

    // MARK: API tokens

    private static func token(_ r: Row) -> APIToken {
        let scopes = Set((r["scopes"] as String).split(separator: ",").compactMap { TokenScope(rawValue: String($0)) })
        return APIToken(id: r["token_id"], userID: r["user_id"], name: r["name"], tokenHash: r["token_hash"], scopes: scopes,
                        createdAt: r["created_at"], lastUsedAt: r["last_used_at"], revokedAt: r["revoked_at"])
    }

    package func createToken(userID: Int64, name: String, tokenHash: String, scopes: Set<TokenScope>) async throws -> APIToken {
        let list = TokenScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ",")
        return try write("create the API token") { db in
            let now = SQLiteStore.timestamp()
            try db.execute(sql: "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [userID, name, tokenHash, list, now])
            return APIToken(id: db.lastInsertedRowID, userID: userID, name: name, tokenHash: tokenHash, scopes: scopes, createdAt: now)
        }
    }

    package func useToken(hash: String) async throws -> APIToken? {
        let found = try read("read the API token") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", arguments: [hash]).map(Self.token)
        }
        guard var token = found else { return nil }
        // One write per minute at most: a busy API client must not turn every read into a write.
        let now = SQLiteStore.timestamp()
        if token.lastUsedAt.map({ $0.prefix(16) != now.prefix(16) }) ?? true {
            try write("record the API token's use") { db in
                try db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE token_id = ?", arguments: [now, token.id])
            }
            token.lastUsedAt = now
        }
        return token
    }

    package func tokens(userID: Int64) async throws -> [APIToken] {
        try read("read the API tokens") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_tokens WHERE user_id = ? ORDER BY token_id", arguments: [userID]).map(Self.token)
        }
    }

    package func revokeToken(id: Int64, userID: Int64) async throws -> Bool {
        try write("revoke the API token") { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND user_id = ? AND revoked_at IS NULL",
                           arguments: [SQLiteStore.timestamp(), id, userID])
            return db.changesCount > 0
        }
    }
}
