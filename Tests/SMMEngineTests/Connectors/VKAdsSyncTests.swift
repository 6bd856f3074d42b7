import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// VK Ads end to end: daily spend, impressions and clicks per ad plan into ad_spend.
@Suite struct VKAdsSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, secret: String = VKAdsFake.clientSecret) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "vkads", name: "ads", parameters: [
            "client_id": VKAdsFake.clientID, "client_secret": secret, "base_url": base, "account_id": "vk_123456",
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    @Test("Ad plans page, money arrives as strings, idle days are left out, equal names are told apart; KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = VKAdsFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["ad_spend"] == 5)
            #expect(await log.count(path: "/api/v2/ad_plans.json") == 2)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["ad_spend"] == 5)
        }
        let report = try await h.expectSameKPIs(as: "vkads", base: ["vk"])
        #expect(report[.adSpend]?.value == 39400.27)
    }

    @Test("At the 5-token limit the client's tokens are deleted and the token asked once more")
    func tokenLimit() async throws {
        let fake = VKAdsFake()
        await fake.setLiveTokens(5)
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(await log.count(path: "/api/v2/oauth2/token/delete.json") == 1)
        }
        #expect(await fake.liveTokens == 1)
        #expect(try await h.counts()["ad_spend"] == 5)
    }

    @Test("429 retries after Retry-After; 429 with the daily limit spent is a partial run; a wrong secret names where to get one")
    func errors() async throws {
        let fake = VKAdsFake()
        await fake.faults.once("/api/v2/ad_plans.json", .json(#"{"error": {"code": "ERR_LIMIT", "message": "Too many requests"}}"#,
                                                             status: 429, headers: [("Retry-After", "2")]))
        await fake.faults.once("/api/v2/statistics/ad_plans/day.json",
                               .json("{}", status: 429, headers: [("X-RateLimit-Daily-Remaining", "0")]))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            let partial = try await h.service.syncAll()
            #expect(partial.map(\.status) == [.partial])
            #expect(try await h.counts()["ad_spend"] == nil)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["ad_spend"] == 5)

            try await Self.prepare(h, base: base, secret: "wrong")
            let failed = try await h.service.syncAll(source: "vkads")
            #expect(failed.first?.message.hasPrefix("the VK Ads token has expired or is invalid (VK Ads HTTP 401 invalid_client") == true)
            #expect(failed.first?.message.contains("--client-secret NEW") == true)
        }
        #expect(await h.sleeps.waits == [.seconds(2)])
    }
}
