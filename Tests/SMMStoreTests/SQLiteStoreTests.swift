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

    @Test("every shared store check", arguments: StoreCheck.allCases)
    func shared(_ check: StoreCheck) async throws { try await run(check.run(on:)) }

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
