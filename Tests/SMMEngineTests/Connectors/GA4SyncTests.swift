import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// GA4 end to end: a refresh-token grant, then runReport into web_sessions.
@Suite struct GA4SyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, refresh: String = GA4Fake.refreshToken) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "ga4", name: "ga4", parameters: [
            "property": "123456789", "client_id": GA4Fake.clientID, "client_secret": GA4Fake.clientSecret,
            "refresh_token": refresh, "base_url": base, "token_url": base + "/oauth/token", "page_size": "2",
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    static func metricNames(_ r: FakeRequest) -> [String] {
        (((try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any])?["metrics"] as? [[String: String]] ?? []).compactMap { $0["name"] }
    }

    @Test("String values, YYYYMMDD dates, placeholders as empty cells, bounces = sessions − engaged; KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = GA4Fake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["web_sessions"] == 5)
            #expect(await log.count(path: "/v1beta/properties/123456789:runReport") == 3)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["web_sessions"] == 5)
        }
        let report = try await h.expectSameKPIs(as: "ga4", base: ["vk"])
        let social: Double = 1540 + 120 + 900
        #expect(report[.socialSessions]?.value == social)
    }

    @Test("A property that refuses keyEvents is asked once more with conversions; an hourly 429 is retried, a daily one is partial")
    func fallbacks() async throws {
        let fake = GA4Fake()
        let path = "/v1beta/properties/123456789:runReport"
        await fake.faults.once(path, .json(#"{"error": {"code": 400, "message": "Field keyEvents is not a valid metric.", "status": "INVALID_ARGUMENT"}}"#, status: 400),
                               .json(#"{"error": {"code": 429, "message": "Exhausted property tokens per hour.", "status": "RESOURCE_EXHAUSTED"}}"#, status: 429))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(await log.requests.filter { $0.path == path }.map { Self.metricNames($0).last } == ["keyEvents", "conversions", "conversions", "conversions", "conversions"])
            await fake.faults.once(path, .json(#"{"error": {"code": 429, "message": "Exhausted property tokens per day.", "status": "RESOURCE_EXHAUSTED"}}"#, status: 429))
            #expect(try await h.service.syncAll().map(\.status) == [.partial])

            try await Self.prepare(h, base: base, refresh: "revoked")
            let failed = try await h.service.syncAll(source: "ga4")
            #expect(failed.first?.message.hasPrefix("the GA4 token has expired or is invalid (GA4 HTTP 400 invalid_grant") == true)
            #expect(failed.first?.message.contains("--refresh-token NEW") == true)
        }
        #expect(await h.sleeps.waits.count == 1)
        #expect(try await h.counts()["web_sessions"] == 5)
    }
}
