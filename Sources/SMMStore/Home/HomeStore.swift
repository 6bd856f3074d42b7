import Foundation

/// A role of a user in one workspace (docs/decisions/0004, docs/web-server.md):
/// owner — everything, users and workspaces included; director — all of a workspace incl. plans,
/// verdicts and import; specialist — comments, plans, import, no users; client — read-only
/// dashboards and reports of its workspace.
package enum Role: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case owner, director, specialist, client

    /// Higher ranks may do what lower ranks may (owner > director > specialist > client).
    package var rank: Int {
        switch self {
        case .owner: return 3
        case .director: return 2
        case .specialist: return 1
        case .client: return 0
        }
    }

    package static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// One client or brand with its own data store.
package struct Workspace: Sendable, Equatable, Hashable, Codable {
    package var id: Int64
    /// Lower-case letters, digits and dashes; names the data store (`<stem>.workspaces/<slug>.sqlite`).
    package var slug: String
    package var name: String
    /// ISO 8601 UTC.
    package var createdAt: String

    package init(id: Int64, slug: String, name: String, createdAt: String) {
        self.id = id; self.slug = slug; self.name = name; self.createdAt = createdAt
    }

    /// The workspace every home has: its data lives in the home database itself.
    package static let defaultSlug = "default"

    /// Nil when `slug` is a valid workspace slug, else the sentence saying why not.
    package static func problem(slug: String) -> String? {
        let ok = !slug.isEmpty && slug.count <= 40 && slug.first!.isASCII && (slug.first!.isLetter || slug.first!.isNumber)
            && slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        return ok ? nil : "“\(slug)” is not a workspace slug: use 1–40 lower-case Latin letters, digits and dashes, starting with a letter or digit (e.g. acme-coffee)."
    }
}

/// A person who logs in to the web application.
package struct User: Sendable, Equatable, Hashable {
    package var id: Int64
    /// Unique, compared without regard to case.
    package var login: String
    package var name: String
    /// A bcrypt hash (never the password).
    package var passwordHash: String
    /// The interface language: `ru` or `en`.
    package var language: String
    /// ISO 8601 UTC.
    package var createdAt: String

    package init(id: Int64, login: String, name: String, passwordHash: String, language: String, createdAt: String) {
        self.id = id; self.login = login; self.name = name; self.passwordHash = passwordHash
        self.language = language; self.createdAt = createdAt
    }
}

/// A user's role in a workspace.
package struct Membership: Sendable, Equatable, Hashable {
    package var userID: Int64
    package var workspace: Workspace
    package var role: Role
    package init(userID: Int64, workspace: Workspace, role: Role) {
        self.userID = userID; self.workspace = workspace; self.role = role
    }
}

/// A logged-in browser: the cookie carries a random token, the home keeps only its hash.
package struct Session: Sendable, Equatable {
    package var tokenHash: String
    package var userID: Int64
    /// The form token of this session (sent back in every form POST).
    package var csrfToken: String
    package var createdAt: Date
    package var expiresAt: Date
    package init(tokenHash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash; self.userID = userID; self.csrfToken = csrfToken
        self.createdAt = createdAt; self.expiresAt = expiresAt
    }
}

/// What an API token may do.
package enum TokenScope: String, CaseIterable, Sendable, Codable, Hashable {
    case read, write
}

/// A bearer token for the JSON API; the home keeps only its hash.
package struct APIToken: Sendable, Equatable {
    package var id: Int64
    package var userID: Int64
    package var name: String
    package var tokenHash: String
    package var scopes: Set<TokenScope>
    /// ISO 8601 UTC.
    package var createdAt: String
    package var lastUsedAt: String?
    package var revokedAt: String?
    package init(id: Int64, userID: Int64, name: String, tokenHash: String, scopes: Set<TokenScope>, createdAt: String,
                 lastUsedAt: String? = nil, revokedAt: String? = nil) {
        self.id = id; self.userID = userID; self.name = name; self.tokenHash = tokenHash; self.scopes = scopes
        self.createdAt = createdAt; self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
    }
}

/// Errors of the home's control tables, as sentences.
package enum HomeError: Error, Equatable, LocalizedError {
    case badSlug(String)
    case workspaceExists(String)
    case noWorkspace(String)
    case userExists(String)
    case noUser(String)
    case badLogin(String)

    package var errorDescription: String? {
        switch self {
        case .badSlug(let why): return why
        case .workspaceExists(let s): return "A workspace “\(s)” exists already: pick another slug."
        case .noWorkspace(let s): return "There is no workspace “\(s)”: create it with `smmkpi workspace add \(s)` or list them with `smmkpi workspace list`."
        case .userExists(let l): return "A user “\(l)” exists already: change the password with `smmkpi user passwd \(l)`."
        case .noUser(let l): return "There is no user “\(l)”: list them with `smmkpi user list`."
        case .badLogin(let l): return "“\(l)” is not a login: use 1–64 characters without spaces."
        }
    }
}

/// The control tables of the home database (docs/decisions/0004): workspaces, users, memberships,
/// sessions and API tokens. Workspace data never lives here (except the `default` workspace's,
/// which is the home database's own data store, reached through ``Store``).
package protocol HomeStore: Sendable {
    /// Where the home lives (path or URL without password).
    var location: String { get }

    /// Every workspace, by slug.
    func workspaces() async throws -> [Workspace]
    /// The workspace with this slug, nil when none.
    func workspace(slug: String) async throws -> Workspace?
    /// Creates a workspace; throws ``HomeError/workspaceExists(_:)`` or ``HomeError/badSlug(_:)``.
    func createWorkspace(slug: String, name: String) async throws -> Workspace

    /// Every user, by login.
    func users() async throws -> [User]
    /// The user with this login (any case), nil when none.
    func user(login: String) async throws -> User?
    /// The user with this id, nil when none.
    func user(id: Int64) async throws -> User?
    /// Creates a user; throws ``HomeError/userExists(_:)``.
    func createUser(login: String, name: String, passwordHash: String, language: String) async throws -> User
    /// Replaces the password hash and ends every session of the user.
    func setPassword(userID: Int64, passwordHash: String) async throws
    /// Sets the interface language (`ru`, `en`).
    func setLanguage(userID: Int64, language: String) async throws

    /// The user's roles, by workspace slug.
    func memberships(userID: Int64) async throws -> [Membership]
    /// The members of a workspace with their roles.
    func members(workspaceID: Int64) async throws -> [(user: User, role: Role)]
    /// Gives the user `role` in the workspace (replacing an earlier role there).
    func setMembership(userID: Int64, workspaceID: Int64, role: Role) async throws
    /// Removes the user's role in the workspace; false when there was none.
    func removeMembership(userID: Int64, workspaceID: Int64) async throws -> Bool

    /// Stores a new session.
    func createSession(_ session: Session) async throws
    /// The live session with this token hash (expired ones are nil).
    func session(tokenHash: String, now: Date) async throws -> Session?
    /// Ends one session.
    func deleteSession(tokenHash: String) async throws
    /// Removes the sessions expired before `now`; returns how many.
    func deleteExpiredSessions(now: Date) async throws -> Int

    /// Stores a new API token and returns it with its id.
    func createToken(userID: Int64, name: String, tokenHash: String, scopes: Set<TokenScope>) async throws -> APIToken
    /// The unrevoked token with this hash, nil when none; records its use.
    func useToken(hash: String) async throws -> APIToken?
    /// The user's tokens, revoked ones included.
    func tokens(userID: Int64) async throws -> [APIToken]
    /// Revokes the user's token; false when the user has no such live token.
    func revokeToken(id: Int64, userID: Int64) async throws -> Bool
}

extension HomeStore {
    /// The role `user` has in `workspace`: its membership there, or owner when it is an owner of
    /// any workspace (owners administer the whole installation). Nil: no access.
    package func role(userID: Int64, in workspace: Workspace) async throws -> Role? {
        let ms = try await memberships(userID: userID)
        if ms.contains(where: { $0.role == .owner }) { return .owner }
        return ms.first { $0.workspace.id == workspace.id }?.role
    }

    /// The workspaces a user can open (all of them for an owner), with the role in each.
    package func accessibleWorkspaces(userID: Int64) async throws -> [(workspace: Workspace, role: Role)] {
        let ms = try await memberships(userID: userID)
        if ms.contains(where: { $0.role == .owner }) { return try await workspaces().map { ($0, .owner) } }
        return ms.map { ($0.workspace, $0.role) }.sorted { $0.workspace.slug < $1.workspace.slug }
    }
}
