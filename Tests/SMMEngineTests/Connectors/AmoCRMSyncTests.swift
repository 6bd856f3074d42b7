import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// amoCRM end to end: leads with UTM sources, and won/lost deals.
@Suite struct AmoCRMSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, token: String = AmoCRMFake.token) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "amocrm", name: "crm", parameters: [
            "token": token, "subdomain": "acme", "base_url": base, "source_field": "Канал", "page_size": "2",
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    @Test("Leads page to the end (204), UTM fields by code or by name, closed leads become deals; KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = AmoCRMFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts().filter { $0.key == "leads" || $0.key == "deals" } == ["leads": 4, "deals": 3])
            #expect(await log.requests.map { $0.query["page"] } == ["1", "2"])
            // The window 2024-05-01 … 03 in Moscow time, as Unix seconds.
            #expect(await log.requests.first?.query["filter[updated_at][from]"] == "1714510800")
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts().filter { $0.key == "leads" || $0.key == "deals" } == ["leads": 4, "deals": 3])
        }
        let report = try await h.expectSameKPIs(as: "amocrm", base: ["vk"])
        #expect(report[.revenue] != nil)
    }

    @Test("An empty window is a 204 and imports nothing; 429 is retried; an expired token names where to get one")
    func errors() async throws {
        let fake = AmoCRMFake()
        await fake.faults.once("/api/v4/leads", FakeResponse(status: 204, headers: [], body: ""))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["leads"] == nil)
            await fake.faults.once("/api/v4/leads", .json("{}", status: 429))
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["leads"] == 4)
            try await Self.prepare(h, base: base, token: "old")
            let failed = try await h.service.syncAll(source: "amocrm")
            #expect(failed.first?.message.hasPrefix("the amoCRM token has expired or is invalid (amoCRM HTTP 401: Unauthorized – Token is expired)") == true)
        }
        #expect(await h.sleeps.waits.count == 1)
    }
}
