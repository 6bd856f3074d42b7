import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Yandex Wordstat end to end: monthly volumes of the brand phrases into brand_searches.
@Suite struct WordstatSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, token: String = WordstatFake.token) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "wordstat", name: "wordstat", parameters: [
            "token": token, "phrases": "brandname, brandname отзывы", "base_url": base, "regions": "225",
            "initial_days": "62",
        ])
    }

    @Test("Complete months of the window, one call per phrase; KPIs equal the hand-written bundle; a re-run adds nothing")
    func endToEnd() async throws {
        let fake = WordstatFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["brand_searches"] == 4)
            let body = (try JSONSerialization.jsonObject(with: try #require(await log.requests.first).body)) as? [String: Any]
            #expect(body?["fromDate"] as? String == "2024-03-01" && body?["toDate"] as? String == "2024-04-30")
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["brand_searches"] == 4)
        }
        let report = try await h.expectSameKPIs(as: "wordstat", base: ["vk"], period: "2024-04")
        let april: Double = 45000 + 1500
        #expect(report[.brandSearchVolume]?.value == april)
    }

    @Test("429 waits the time to refill; a refill beyond the cap is the daily quota (partial); 401 names the fix")
    func errors() async throws {
        let fake = WordstatFake()
        await fake.faults.once("/v1/dynamics",
                               .json(#"{"error": "Too Many Requests", "message": "Quota limit exceeded, try again later. Time to refill: 4 seconds"}"#, status: 429))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            await fake.faults.after("/v1/dynamics", calls: 1,
                                    .json(#"{"message": "Quota limit exceeded, try again later. Time to refill: 36000 seconds"}"#, status: 429))
            #expect(try await h.service.syncAll().map(\.status) == [.partial])
            await fake.faults.clear()
            try await Self.prepare(h, base: base, token: "old")
            let failed = try await h.service.syncAll()
            #expect(failed.first?.message.hasPrefix("the Yandex Wordstat token has expired or is invalid (Wordstat HTTP 401") == true)
        }
        #expect(await h.sleeps.waits == [.seconds(4)])
        #expect(try await h.counts()["brand_searches"] == 4)
    }
}
