import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Telegram Bot API end to end: channel posts and discussion-group comments from getUpdates.
@Suite struct TelegramSyncTests {
    static let now = Date(timeIntervalSince1970: 1_714_737_600)  // 2024-05-03 15:00 Moscow

    static func connect(_ h: SyncHarness, base: String, token: String = TelegramFake.token) async throws {
        _ = try await h.service.addConnection(source: "telegram", name: "brand-tg", parameters: [
            "token": token, "channel": "@brandtg", "chat": "-1009876543210", "base_url": base,
            "timezone": "Europe/Moscow",
        ])
    }

    static let expectedCounts = ["accounts": 1, "account_daily": 1, "posts": 2, "comments": 2]

    @Test("Posts (edits applied) and threaded comments land, KPIs equal the hand-written bundle, a re-run adds nothing")
    func endToEnd() async throws {
        let fake = TelegramFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, log in
            let first = try await h.service.syncAll()
            #expect(first.map(\.status) == [.ok], "\(first.map(\.message))")
            #expect(try await h.counts() == Self.expectedCounts)
            let cursor = SyncCursor(json: try await h.store.connection(named: "brand-tg")?.cursor)
            #expect(cursor.positions["update_offset"] == "507")
            #expect(cursor.positions["threads"] == "100:812")
            // Paged two updates at a time, each page confirming the previous one.
            let offsets = await log.requests.filter { $0.path.hasSuffix("/getUpdates") }.map {
                ((try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any])?["offset"] as? Int
            }
            #expect(offsets == [nil, 502, 504, 506, 507])

            let second = try await h.service.syncAll()
            #expect(second.map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
            let synced = try await h.expectSameKPIs(as: "telegram")
            #expect(synced[.followersEnd]?.value == 20481)
        }
    }

    @Test("429 with parameters.retry_after waits exactly that long")
    func floodWait() async throws {
        let fake = TelegramFake()
        await fake.faults.once("getUpdates", .json(#"{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7", "parameters": {"retry_after": 7}}"#, status: 429))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ async throws in
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(await h.sleeps.waits == [.seconds(7)])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }

    @Test("A revoked bot token stops with a sentence naming @BotFather; nothing lands")
    func badToken() async throws {
        let fake = TelegramFake()
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1, token: "999:revoked") }) { h, _ in
            let outcome = try await h.service.syncAll()
            #expect(outcome.map(\.status) == [.failed])
            #expect(outcome.first?.message.hasPrefix("the Telegram token has expired or is invalid (Telegram 401: Unauthorized)") == true)
            #expect(outcome.first?.message.contains("https://t.me/BotFather") == true)
            #expect(outcome.first?.message.contains("revoked") == false)
            #expect(try await h.counts().isEmpty)
        }
    }

    @Test("A failure mid-sync (a webhook conflict once the channel was read) imports nothing and keeps the cursor; the next run completes")
    func conflictMidSync() async throws {
        let fake = TelegramFake()
        await fake.faults.after("getUpdates", calls: 0, .json(#"{"ok": false, "error_code": 409, "description": "Conflict: can't use getUpdates method while webhook is active"}"#, status: 409))
        try await SyncHarness.run(now: Self.now, fake: { await fake.handle($0) },
                                  connect: { try await Self.connect($0, base: $1) }) { h, _ in
            let outcome = try await h.service.syncAll()
            #expect(outcome.map(\.status) == [.failed])
            #expect(outcome.first?.message.contains("deleteWebhook") == true)
            #expect(try await h.counts().isEmpty)
            #expect(try await h.store.connection(named: "brand-tg")?.cursor == nil)
            await fake.faults.clear()
            #expect(try await h.service.syncAll().map(\.status) == [.ok])
            #expect(try await h.counts() == Self.expectedCounts)
        }
    }
}
