import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// TGStat end to end: channel subscribers, posts of the window and their counters.
@Suite struct TGStatSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow
    static let from = LocalDate(year: 2024, month: 5, day: 1)!
    static let expectedCounts = ["accounts": 1, "account_daily": 1, "posts": 3, "post_metrics": 3]

    static func connect(_ h: SyncHarness, base: String, token: String = TGStatFake.token) async throws {
        _ = try await h.service.addConnection(source: "tgstat", name: "brand-tgstat", parameters: [
            "token": token, "channel": "@brandtg", "base_url": base, "timezone": "Europe/Moscow",
        ])
    }

    @Test("A fixture channel syncs end to end (views as strings included); KPIs equal the hand-written bundle; a re-run adds nothing")
    func endToEnd() async throws {
        let fake = TGStatFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, log in
            #expect(try await h.service.syncAll(from: Self.from).map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
            #expect(await log.count(path: "/channels/posts") == 2)
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
            let report = try await h.expectSameKPIs(as: "tgstat")
            #expect(report[.followersEnd]?.value == 20481)
        }
    }

    @Test("flood_control_10 waits 10 s; a spent request quota makes the run partial, keeping the posts read so far")
    func floodAndQuota() async throws {
        let fake = TGStatFake()
        await fake.faults.once("channels/posts", .json(#"{"status": "error", "error": "flood_control_10"}"#))
        await fake.faults.after("posts/stat", calls: 1, .json(#"{"status": "error", "error": "quota_requests_reached"}"#))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.partial])
            #expect(outcome.first?.message.contains("quota_requests_reached") == true)
            #expect(try await h.counts() == ["accounts": 1, "account_daily": 1, "posts": 2, "post_metrics": 1])
            #expect(SyncCursor(json: try await h.store.connection(named: "brand-tgstat")?.cursor).syncedThrough == nil)
            await fake.faults.clear()
            #expect(try await h.service.syncAll(from: Self.from).map(\.status) == [.ok])
            #expect(await h.sleeps.waits == [.seconds(10)])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("An invalid token stops with a sentence; nothing lands")
    func invalidToken() async throws {
        let fake = TGStatFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1, token: "wrong") }) { h, _ in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.first?.message.hasPrefix("the TGStat token has expired or is invalid (TGStat error token_invalid)") == true)
            #expect(try await h.counts().isEmpty)
        }
    }
}
