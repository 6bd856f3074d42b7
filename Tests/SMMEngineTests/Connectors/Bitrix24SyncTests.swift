import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Bitrix24 end to end: leads and closed deals through an incoming webhook.
@Suite struct Bitrix24SyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func prepare(_ h: SyncHarness, base: String, code: String = Bitrix24Fake.code) async throws {
        _ = try Importer(store: h.store).run(bundle: ConnectorFixtures.dir("vk").appendingPathComponent("expected-bundle").path)
        _ = try await h.service.addConnection(source: "bitrix24", name: "b24", parameters: [
            "webhook": base + "/rest/1/\(code)/", "initial_days": "3", "lookback_days": "3",
        ])
    }

    @Test("Leads and deals page by next, strings are numbers, open deals are left out; KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = Bitrix24Fake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.prepare(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts().filter { $0.key == "leads" || $0.key == "deals" } == ["leads": 3, "deals": 3])
            let first = try #require(await log.requests.first)
            let filter = ((try JSONSerialization.jsonObject(with: first.body)) as? [String: Any])?["filter"] as? [String: String]
            #expect(filter == [">=DATE_MODIFY": "2024-05-01T00:00:00+03:00", "<DATE_MODIFY": "2024-05-04T00:00:00+03:00"])
            #expect(await log.requests.count == 4)  // two pages of leads, two of deals
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts().filter { $0.key == "leads" || $0.key == "deals" } == ["leads": 3, "deals": 3])
        }
        let report = try await h.expectSameKPIs(as: "bitrix24", base: ["vk"])
        #expect(report[.revenue] != nil)
    }

    @Test("QUERY_LIMIT_EXCEEDED (503) is retried; an error inside HTTP 200 stops the run; a wrong webhook names the fix")
    func errors() async throws {
        let fake = Bitrix24Fake()
        await fake.faults.once("crm.lead.list", .json(#"{"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}"#, status: 503))
        await fake.faults.once("crm.deal.list", .json(#"{"error": "ACCESS_DENIED", "error_description": "Access denied."}"#))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.prepare(h, base: base)
            let denied = try await h.service.syncAll()
            #expect(denied.map(\.status) == [.failed])
            #expect(denied.first?.message.contains("Bitrix24 HTTP 200 ACCESS_DENIED") == true)
            #expect(try await h.counts()["leads"] == nil)  // the leads read before the failure did not land
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts()["leads"] == 3)

            try await Self.prepare(h, base: base, code: "revoked")
            let failed = try await h.service.syncAll(source: "bitrix24")
            #expect(failed.first?.message.hasPrefix("the Bitrix24 token has expired or is invalid (Bitrix24 HTTP 401 INVALID_CREDENTIALS") == true)
            #expect(failed.first?.message.contains("--webhook NEW") == true)
            #expect(failed.first?.message.contains("revoked") == false)
        }
        #expect(await h.sleeps.waits.count == 1)
    }
}
