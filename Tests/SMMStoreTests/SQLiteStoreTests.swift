import Foundation
import GRDB
import SMMCore
import SMMStore
import Testing

/// The shared store checks on a fresh SQLite file each.
@Suite("Store on SQLite")
struct SQLiteStoreTests {
    func run(_ check: (AnyDataStore) async throws -> Void) async throws {
        let (store, cleanup) = try TestDatabases.sqlite()
        defer { cleanup() }
        try await check(store)
    }

    @Test func importAndRead() async throws { try await run(StoreChecks.importAndRead) }
    @Test func rollback() async throws { try await run(StoreChecks.rollback) }
    @Test func settingsAndReimport() async throws { try await run(StoreChecks.settingsAndReimport) }
    @Test func plans() async throws { try await run(StoreChecks.plans) }
    @Test func anomalies() async throws { try await run(StoreChecks.anomalies) }
    @Test func labels() async throws { try await run(StoreChecks.labels) }
    @Test func migrations() async throws { try await run(StoreChecks.migrations) }
    @Test func schedules() async throws { try await run(StoreChecks.schedules) }
    @Test func connections() async throws { try await run(StoreChecks.connections) }

    @Test("a comment in the window on a post published before it counts for that post's account")
    func commentOnEarlierPost() async throws {
        let (store, cleanup) = try TestDatabases.sqlite()
        defer { cleanup() }
        try store.withImport { sink in
            try Fixture.write(sink)
            try sink.upsert(Post(id: "p0", accountID: "tg_main", publishedAt: Day.at("2024-09-01"),
                                 localDate: Day.d("2024-09-01"), format: .post))
            try sink.upsert(Comment(id: "c9", postID: "p0", createdAt: Day.at("2024-11-02"), localDate: Day.d("2024-11-02"),
                                    text: "очень вкусный кофе тут", fromBrand: false),
                            wordCount: 4, hasLetter: true, line: 5)
        }
        let ds = try await store.dataset(window: Fixture.window)
        #expect(ds.posts.map(\.id) == ["p1", "p2"])  // p0 is before the window
        // c3 (on p9, absent from the database) belongs to no account and is left out.
        #expect(ds.comments.map(\.comment.id).sorted() == ["c1", "c2", "c9"])
        #expect(ds.comments.first { $0.comment.id == "c9" }?.accountID == "tg_main")
        #expect(ds.comments.first { $0.comment.id == "c1" }?.accountID == "vk_main")
    }

    @Test("a file migrated by a newer smmkpi is refused with a sentence, and left as it is")
    func schemaNewer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.sqlite").path
        _ = try SQLiteStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try queue.close()
        #expect(throws: StoreError.schemaNewer(location: path, unknown: ["v9-future"])) { _ = try SQLiteStore(path: path) }
        let text = StoreError.schemaNewer(location: path, unknown: ["v9-future"]).localizedDescription
        #expect(text.contains("newer smmkpi") && text.contains("v9-future"))
    }
}
