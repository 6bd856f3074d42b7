import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Yandex Direct end to end: an offline report polled to completion into ad_spend.
@Suite struct DirectSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, token: String = DirectFake.token) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "direct", name: "direct", parameters: [
            "token": token, "base_url": base, "network": "vk", "account_id": "vk_123456",
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    @Test("201 → 202 → 200 with the same body, waiting retryIn; TSV by column names, -- is empty; KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = DirectFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["ad_spend"] == 4)
            #expect(Set(await log.requests.map(\.body)).count == 1)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["ad_spend"] == 4)
        }
        #expect(await h.sleeps.waits.prefix(2) == [.seconds(2), .seconds(3)])
        let report = try await h.expectSameKPIs(as: "direct", base: ["vk"])
        #expect(report[.adSpend]?.value == 29731.05)
    }

    @Test("Not enough units (152) is partial; an invalid token (53) names where to get one; a header-less TSV is malformed")
    func errors() async throws {
        let fake = DirectFake()
        await fake.faults.once("/json/v5/reports", .json(#"{"error": {"error_code": 152, "error_string": "Not enough units", "error_detail": ""}}"#, status: 400))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.partial])
            await fake.faults.once("/json/v5/reports", FakeResponse(status: 200, headers: [], body: "2024-05-01\t1\tx\t1\t1\t1\n"))
            let bad = try await h.service.syncAll()
            #expect(bad.first?.message.contains("no column header") == true)
            #expect(try await h.counts()["ad_spend"] == nil)
            try await Self.prepare(h, base: base, token: "stale")
            let failed = try await h.service.syncAll()
            #expect(failed.first?.message.hasPrefix("the Yandex Direct token has expired or is invalid (Direct HTTP 400 error 53") == true)
        }
    }
}
