import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Yandex Metrica end to end: sessions by day, source and UTM tags into web_sessions.
@Suite struct MetricaSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow
    static let from = LocalDate(year: 2024, month: 5, day: 1)!

    /// The VK fixture's accounts first (the workspace a site belongs to), then the counter.
    static func prepare(_ h: SyncHarness, base: String, token: String = MetricaFake.token) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "metrica", name: "site", parameters: [
            "token": token, "counter": "44147844", "goal": "12345", "base_url": base, "page_size": "2",
        ])
    }

    @Test("Report rows page by offset, fold into bundle keys (VK spellings, social networks), KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = MetricaFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll(from: Self.from).map(\.status) == [.ok])
            #expect(try await h.counts()["web_sessions"] == 8)
            #expect(await log.requests.map { $0.query["offset"] } == ["1", "3", "5", "7", "9"])
            #expect(await log.requests.first?.query["metrics"]?.hasSuffix("ym:s:goal12345reaches") == true)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["web_sessions"] == 8)
        }
        let report = try await h.expectSameKPIs(as: "metrica", base: ["vk"])
        let social: Double = 260 + 1540 + 120 + 800 + 10  // vk (untagged + tagged), telegram, facebook
        #expect(report[.socialSessions]?.value == social)
    }

    @Test("quota_requests_by_ip is retried; quota_requests_by_uid stops the run as partial; 401 names the fix")
    func errors() async throws {
        let fake = MetricaFake()
        await fake.faults.once("/stat/v1/data",
                               .json(#"{"errors": [{"error_type": "quota_requests_by_ip", "message": "Too many requests"}], "code": 429}"#, status: 429))
        await fake.faults.after("/stat/v1/data", calls: 2,
                                .json(#"{"errors": [{"error_type": "quota_requests_by_uid", "message": "Quota exceeded"}], "code": 429}"#, status: 429))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            let partial = try await h.service.syncAll(from: Self.from)
            #expect(partial.map(\.status) == [.partial])
            #expect(try await h.counts()["web_sessions"] == 4)  // the first two pages: 4 report rows, 4 bundle keys
            await fake.faults.clear()
            #expect(try await h.service.syncAll(from: Self.from).map(\.status) == [.ok])
            #expect(try await h.counts()["web_sessions"] == 8)

            _ = try await h.service.addConnection(source: "metrica", name: "site", parameters: [
                "token": "expired", "counter": "44147844", "base_url": base,
            ])
            let failed = try await h.service.syncAll()
            #expect(failed.first?.message.hasPrefix("the Yandex Metrica token has expired or is invalid (Metrica HTTP 401 unauthorized") == true)
        }
        #expect(await h.sleeps.waits == [.seconds(1)])
    }
}
