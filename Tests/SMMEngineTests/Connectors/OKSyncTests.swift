import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Odnoklassniki end to end: a signed group.getInfo and group.getStatTrends into account_daily.
@Suite struct OKSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func connect(_ h: SyncHarness, base: String, token: String = OKFake.token) async throws {
        _ = try await h.service.addConnection(source: "ok", name: "brand-ok", parameters: [
            "token": token, "application_key": OKFake.applicationKey, "application_secret_key": OKFake.secret,
            "group": "57000000000001", "base_url": base, "timezone": "Europe/Moscow",
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    @Test("Signed calls; daily series keyed by time in ms (any order, missing points are 0); KPIs equal the hand-written bundle")
    func endToEnd() async throws {
        let fake = OKFake()
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, log in
            try await Self.connect(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts() == ["accounts": 1, "account_daily": 3])
            let trends = try #require(await log.requests.first { $0.query["method"] == "group.getStatTrends" })
            #expect(trends.query["start_time"] == "1714510800000" && trends.query["end_time"] == "1714769999999")
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts() == ["accounts": 1, "account_daily": 3])
        }
        let report = try await h.expectSameKPIs(as: "ok")
        #expect(report[.followersEnd]?.value == 8130)
    }

    @Test("Error 8 (flood) waits a minute; 11 (limit) is partial; 102 (session expired) names where to get a token")
    func errors() async throws {
        let fake = OKFake()
        await fake.faults.once("group.getInfo", .json(#"{"error_code": 8, "error_msg": "FLOOD_BLOCKED", "error_data": null}"#))
        await fake.faults.once("group.getStatTrends", .json(#"{"error_code": 11, "error_msg": "LIMIT_REACHED", "error_data": null}"#))
        let h = try SyncHarness(now: Self.now)
        defer { h.temp.remove() }
        try await FakeAPI.run({ await fake.handle($0) }) { base, _ in
            try await Self.connect(h, base: base)
            #expect(try await h.service.syncAll().map(\.status) == [.partial])
            #expect(try await h.counts() == ["accounts": 1])
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            try await Self.connect(h, base: base, token: "stale")
            let failed = try await h.service.syncAll()
            #expect(failed.first?.message.hasPrefix("the Odnoklassniki token has expired or is invalid (OK error 102") == true)
        }
        #expect(await h.sleeps.waits == [.seconds(60)])
        #expect(try await h.counts() == ["accounts": 1, "account_daily": 3])
    }
}
