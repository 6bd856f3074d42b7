import Foundation
import Logging
import SMMServer
import SMMStore
import Testing

@Suite("Home store and store locations")
struct HomeStoreTests {
    func open() throws -> (Databases, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-home-\(UUID().uuidString)")
        return (try StoreLocation.sqlite(path: dir.appendingPathComponent("h.sqlite").path).open(logger: Logger(label: "t")), dir)
    }

    @Test("A new home has the default workspace; others are created, listed, refused twice or with bad slugs")
    func workspaces() async throws {
        let (dbs, dir) = try open()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await dbs.home.workspaces().map(\.slug) == ["default"])
        let acme = try await dbs.home.createWorkspace(slug: "acme-coffee", name: "Acme")
        #expect(try await dbs.home.workspaces().map(\.slug) == ["acme-coffee", "default"])
        await #expect(throws: HomeError.workspaceExists("acme-coffee")) { try await dbs.home.createWorkspace(slug: "acme-coffee", name: "x") }
        for bad in ["", "Acme", "-x", "a b", "ru_slug", "ёлка", String(repeating: "a", count: 41)] {
            await #expect(throws: HomeError.self) { try await dbs.home.createWorkspace(slug: bad, name: "x") }
        }
        await #expect(throws: HomeError.noWorkspace("nope")) { try await dbs.workspace(slug: "nope", create: false) }
        // A workspace's data lives in its own file next to the home.
        let store = try dbs.store(for: acme)
        #expect(store.location == dir.appendingPathComponent("h.workspaces/acme-coffee.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.location))
        #expect(try dbs.store(for: try await dbs.workspace(slug: "default", create: false)).location == dir.appendingPathComponent("h.sqlite").path)
    }

    @Test("Locations: --db over SMMKPI_DB over the default; a postgres:// server that does not answer is a sentence")
    func locations() throws {
        #expect(StoreLocation.resolve(option: "a.sqlite", environment: ["SMMKPI_DB": "b.sqlite"]) == .sqlite(path: "a.sqlite"))
        #expect(StoreLocation.resolve(option: nil, environment: ["SMMKPI_DB": "b.sqlite"]) == .sqlite(path: "b.sqlite"))
        #expect(StoreLocation.resolve(option: nil, environment: [:]) == .sqlite(path: "smmkpi.sqlite"))
        #expect(StoreLocation("x/data.db").workspacePath(slug: "w") == URL(fileURLWithPath: "x/data.workspaces/w.sqlite").path)
        let pg = StoreLocation("postgres://u:secret@h/db")
        #expect(pg.description == "postgres://u:…@h/db")
        // (PostgreSQL itself: Tests/SMMStoreTests/PostgresStoreTests.swift.)
        #expect(throws: StoreError.unreachable(location: "127.0.0.1:1")) {
            try StoreLocation("postgres://u:secret@127.0.0.1:1/db").open(logger: Logger(label: "t"))
        }
    }

    @Test("Users, roles (an owner anywhere is owner everywhere), sessions expire, tokens are revoked")
    func usersSessionsTokens() async throws {
        let (dbs, dir) = try open()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dbs.home
        let a = try await home.createWorkspace(slug: "a", name: "A")
        let b = try await home.createWorkspace(slug: "b", name: "B")
        let ann = try await home.createUser(login: "Ann", name: "Ann", passwordHash: "h", language: "en")
        await #expect(throws: HomeError.userExists("ann")) { try await home.createUser(login: "ann", name: "x", passwordHash: "h", language: "ru") }
        await #expect(throws: HomeError.badLogin("a b")) { try await home.createUser(login: "a b", name: "x", passwordHash: "h", language: "ru") }
        #expect(try await home.user(login: "ANN")?.id == ann.id)
        try await home.setMembership(userID: ann.id, workspaceID: a.id, role: .client)
        #expect(try await home.role(userID: ann.id, in: a) == .client)
        #expect(try await home.role(userID: ann.id, in: b) == nil)
        try await home.setMembership(userID: ann.id, workspaceID: a.id, role: .director)
        #expect(try await home.memberships(userID: ann.id).map(\.role) == [.director])
        try await home.setMembership(userID: ann.id, workspaceID: a.id, role: .owner)
        #expect(try await home.role(userID: ann.id, in: b) == .owner)
        #expect(try await home.accessibleWorkspaces(userID: ann.id).map(\.workspace.slug) == ["a", "b", "default"])

        let now = Date()
        try await home.createSession(Session(tokenHash: "s1", userID: ann.id, csrfToken: "c", createdAt: now, expiresAt: now.addingTimeInterval(60)))
        try await home.createSession(Session(tokenHash: "s0", userID: ann.id, csrfToken: "c", createdAt: now, expiresAt: now.addingTimeInterval(-1)))
        #expect(try await home.session(tokenHash: "s1", now: now)?.csrfToken == "c")
        #expect(try await home.session(tokenHash: "s0", now: now) == nil)
        #expect(try await home.deleteExpiredSessions(now: now) == 1)
        try await home.setPassword(userID: ann.id, passwordHash: "h2")
        #expect(try await home.session(tokenHash: "s1", now: now) == nil, "a new password ends the sessions")

        let t = try await home.createToken(userID: ann.id, name: "ci", tokenHash: "th", scopes: [.read])
        #expect(try await home.useToken(hash: "th")?.scopes == [.read])
        #expect(try await home.useToken(hash: "th")?.lastUsedAt != nil)
        #expect(try await home.revokeToken(id: t.id, userID: ann.id + 1) == false, "only the owner of a token revokes it")
        #expect(try await home.revokeToken(id: t.id, userID: ann.id))
        #expect(try await home.useToken(hash: "th") == nil)
        #expect(try await home.tokens(userID: ann.id).first?.revokedAt != nil)
    }

    @Test("Passwords: bcrypt round trip, limits as sentences; tokens are hashed")
    func secrets() {
        let h = Secrets.hashPassword("correct horse", cost: 4)
        #expect(h.hasPrefix("$2"))
        #expect(Secrets.verifyPassword("correct horse", hash: h))
        #expect(!Secrets.verifyPassword("correct horsE", hash: h))
        #expect(Secrets.passwordProblem("short") != nil)
        #expect(Secrets.passwordProblem(String(repeating: "x", count: 73)) != nil)
        #expect(Secrets.passwordProblem("long enough") == nil)
        let t = Secrets.newAPIToken()
        #expect(t.hasPrefix("smk_") && t.count > 40)
        #expect(Secrets.hash(t).count == 64 && Secrets.hash(t) != t)
        #expect(Secrets.newAPIToken() != t)
    }
}
