import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// VK end to end: a loopback VK API replaying Fixtures/vk, synced into a real SQLite workspace.
@Suite struct VKSyncTests {
    /// 2024-05-03 15:00 Moscow time: the window is 2024-05-01 … 2024-05-03.
    static let now = Date(timeIntervalSince1970: 1_714_737_600)
    static let from = LocalDate(year: 2024, month: 5, day: 1)!

    static func connect(_ h: SyncHarness, base: String, token: String = VKFake.token) async throws {
        _ = try await h.service.addConnection(source: "vk", name: "brand-vk", parameters: [
            "token": token, "community": "brand", "base_url": base + "/method", "timezone": "Europe/Moscow",
            // A first sync of 3 days (2024-05-01 … 03), and re-runs that re-read the same 3 days.
            "initial_days": "3", "lookback_days": "3",
        ])
    }

    static let expectedCounts = ["accounts": 1, "account_daily": 3, "posts": 3, "post_metrics": 3, "comments": 6,
                                 "audience": 7]

    @Test("A fixture community syncs end to end; its KPIs equal the hand-written bundle's; a re-run adds nothing")
    func endToEnd() async throws {
        let fake = VKFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, log in
            let first = try await h.service.syncAll()
            #expect(first.map(\.status) == [.ok], "\(first.map(\.message))")
            #expect(first.first?.window == Self.from...LocalDate(year: 2024, month: 5, day: 3)!)
            #expect(try await h.counts() == Self.expectedCounts)
            // The thread longer than its inline replies was read with comment_id.
            #expect(await log.requests.contains { $0.query["comment_id"] == "4520" })
            // Tokens travel in the Authorization header, never in a URL.
            #expect(await log.requests.allSatisfy { !$0.query.values.contains(VKFake.token) })

            let stored = try #require(try await h.store.connection(named: "brand-vk"))
            #expect(SyncCursor(json: stored.cursor).syncedThrough == LocalDate(year: 2024, month: 5, day: 3))
            #expect(stored.lastStatus == .ok)

            let second = try await h.service.syncAll()  // from the cursor: 2024-05-03 minus the lookback
            #expect(second.map(\.status) == [.ok])
            #expect(second.first?.window == first.first?.window)
            #expect(try await h.counts() == Self.expectedCounts)
            // The same KPIs (and stored rows) as the bundle written by hand for the fixture.
            let synced = try await h.expectSameKPIs(as: "vk")
            #expect(synced[.followersEnd]?.value == 15234)
            #expect(synced.metrics.filter { $0.value != nil }.count >= 10)
        }
    }

    @Test("Rows land with the documented mapping: followers rebuilt from today's members, brand replies, audience shares")
    func mapping() async throws {
        let fake = VKFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            _ = try await h.service.syncAll(from: Self.from)
            let out = h.temp.url.appendingPathComponent("export").path
            _ = try await Exporter(store: h.store).run(to: out)
            let daily = try String(contentsOfFile: out + "/account_daily.csv", encoding: .utf8)
            #expect(daily.contains("vk_123456,2024-05-01,15206,40,9,5400,1520,830"))
            let comments = try String(contentsOfFile: out + "/comments.csv", encoding: .utf8)
            #expect(comments.contains("vk_123456_c4531,vk_123456_4513"))
            #expect(!comments.contains("c4523"))  // deleted
            let posts = try String(contentsOfFile: out + "/posts.csv", encoding: .utf8)
            #expect(!posts.contains("4511") && !posts.contains("_4000"))  // before the window; pinned and old
        }
    }

    @Test("Error 6 (too many requests per second) is retried after 1 s and the sync completes")
    func rateLimited() async throws {
        let fake = VKFake()
        await fake.faults.once("wall.get", .json(#"{"error": {"error_code": 6, "error_msg": "Too many requests per second"}}"#))
        await fake.faults.once("stats.get", .json("{}", status: 429, headers: [("Retry-After", "3")]))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, log in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.ok])
            #expect(await log.count(path: "/method/wall.get") >= 3)
            #expect(await h.sleeps.waits == [.seconds(1), .seconds(3)])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("An expired token stops with a sentence saying where to get a new one; nothing lands")
    func expiredToken() async throws {
        let fake = VKFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1, token: "revoked") }) { h, log in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.failed])
            let message = try #require(outcome.first?.message)
            #expect(message.hasPrefix("the VK token has expired or is invalid (VK error 5"))
            #expect(message.contains("create a new one at https://dev.vk.com"))
            #expect(!message.contains("revoked"))
            #expect(await log.requests.count == 1)  // fatal: no retry
            #expect(try await h.counts().isEmpty)
            let stored = try #require(try await h.store.connection(named: "brand-vk"))
            #expect(stored.cursor == nil && stored.lastStatus == .failed)
            #expect(await h.sleeps.waits.isEmpty)
        }
    }

    @Test("A malformed answer mid-sync imports nothing and keeps the cursor; the next run completes")
    func malformedThenRecovers() async throws {
        let fake = VKFake()
        await fake.faults.once("wall.getComments", FakeResponse(body: "{\"response\": {\"count\": 3, \"items\": [ {\"id\": 45"))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            let bad = try await h.service.syncAll(from: Self.from)
            #expect(bad.map(\.status) == [.failed])
            #expect(bad.first?.message.contains("wall.getComments") == true)
            #expect(try await h.counts().isEmpty)
            #expect(try await h.store.connection(named: "brand-vk")?.cursor == nil)

            let good = try await h.service.syncAll(from: Self.from)
            #expect(good.map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("Server errors that outlast the retries fail the run after 5 attempts; nothing lands, the cursor stays")
    func serverErrorsExhausted() async throws {
        let fake = VKFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, log in
            _ = try await h.service.syncAll(from: Self.from)
            let before = try await h.store.connection(named: "brand-vk")?.cursor
            await fake.faults.always("stats.get", .json("{}", status: 502))
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.failed])
            #expect(outcome.first?.message.contains("after 5 attempts") == true)
            #expect(await log.count(path: "/method/stats.get") == 1 + 5)
            #expect(try await h.store.connection(named: "brand-vk")?.cursor == before)
            #expect(await h.sleeps.waits.count == 4)
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("A daily quota (error 29) keeps what was fetched, reports partial and leaves the cursor for the next run")
    func quotaIsPartial() async throws {
        let fake = VKFake()
        await fake.faults.once("stats.get", .json(#"{"error": {"error_code": 29, "error_msg": "Rate limit reached"}}"#))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.partial])
            #expect(try await h.counts() == ["accounts": 1, "posts": 3, "post_metrics": 3, "comments": 6])
            #expect(try await h.store.connection(named: "brand-vk")?.cursor == SyncCursor().json)
            let next = try await h.service.syncAll(from: Self.from)
            #expect(next.map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("Comments closed on a post (error 212) skip that post's comments, not the sync")
    func commentsClosed() async throws {
        let fake = VKFake()
        await fake.faults.once("wall.getComments", .json(#"{"error": {"error_code": 212, "error_msg": "Access to post comments denied"}}"#))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            let outcome = try await h.service.syncAll(from: Self.from)
            #expect(outcome.map(\.status) == [.ok])
            var expected = Self.expectedCounts
            expected["comments"] = 4  // post 4512 and its thread; post 4513 (read first, newest first) was skipped
            #expect(try await h.counts() == expected)
        }
    }
}
