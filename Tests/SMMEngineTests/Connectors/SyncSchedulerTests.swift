import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

@Suite struct SyncSchedulerTests {
    @Test("A round syncs every connection of every workspace; a failing one is recorded and does not stop the others")
    func round() async throws {
        let fake = VKFake()
        let a = try SyncHarness(now: VKSyncTests.now), b = try SyncHarness(now: VKSyncTests.now)
        defer { a.temp.remove(); b.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await VKSyncTests.connect(a, base: base)
            try await VKSyncTests.connect(b, base: base, token: "expired")
            let stores: [(slug: String, store: any Store)] = [("acme", a.store), ("brew", b.store)]
            let scheduler = SyncScheduler(interval: .seconds(3600), secrets: ConnectorFixtures.secrets,
                                          policy: .recorded(a.sleeps), now: { VKSyncTests.now }, workspaces: { stores })
            let outcomes = await scheduler.round()
            #expect(outcomes.map(\.slug) == ["acme", "brew"])
            #expect(outcomes.map(\.outcome.status) == [.ok, .failed])
        }
        #expect(try await a.counts() == VKSyncTests.expectedCounts)
        #expect(try await b.counts().isEmpty)
        #expect(try await b.store.connection(named: "brand-vk")?.lastMessage?.contains("the VK token has expired") == true)
    }

    @Test("run() syncs at once, then sleeps until cancelled, and returns")
    func runUntilCancelled() async throws {
        let fake = VKFake()
        let h = try SyncHarness(now: VKSyncTests.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await VKSyncTests.connect(h, base: base)
            let store = h.store
            let scheduler = SyncScheduler(interval: .seconds(3600), secrets: ConnectorFixtures.secrets,
                                          now: { VKSyncTests.now }, workspaces: { [(slug: "acme", store: store)] })
            let task = Task { try await scheduler.run() }
            var status: SyncStatus?
            for _ in 0..<200 where status == nil {
                try await Task.sleep(for: .milliseconds(50))
                status = try await store.connection(named: "brand-vk")?.lastStatus
            }
            #expect(status == .ok)
            task.cancel()
            try await task.value
        }
        #expect(try await h.counts() == VKSyncTests.expectedCounts)
    }
}

@Suite struct ConnectionStoreTests {
    @Test("Saving by an existing name replaces credentials and settings and keeps the cursor; names are trimmed")
    func replaceKeepsCursor() async throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let store = try temp.store()
        let (id, replaced) = try await store.saveConnection(StoredConnection(source: "vk", name: " brand ",
            sealedCredentials: Data([1, 2]), settings: ["community": "a"]))
        #expect(!replaced)
        try await store.recordSync(connectionID: id, cursor: #"{"synced_through":"2024-05-03"}"#, status: .ok,
                                   message: "12 rows", at: "2024-05-03T12:00:00Z")
        let (again, replaced2) = try await store.saveConnection(StoredConnection(source: "vk", name: "brand",
            sealedCredentials: Data([3]), settings: ["community": "b"]))
        #expect(again == id && replaced2)
        let c = try #require(try await store.connection(named: "brand"))
        #expect(c.sealedCredentials == Data([3]) && c.settings == ["community": "b"])
        #expect(c.cursor == #"{"synced_through":"2024-05-03"}"# && c.lastStatus == .ok && c.lastMessage == "12 rows")
        // A failed sync records its sentence and leaves the cursor.
        try await store.recordSync(connectionID: id, cursor: nil, status: .failed, message: "token", at: "2024-05-04T12:00:00Z")
        let f = try #require(try await store.connection(named: "brand"))
        #expect(f.cursor == c.cursor && f.lastStatus == .failed && f.lastSyncAt == "2024-05-04T12:00:00Z")
        #expect(try await store.removeConnection(named: "brand"))
        #expect(try await store.connections().isEmpty)
    }
}
