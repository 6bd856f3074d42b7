import Foundation
import Testing
import SMMCore
import SMMEngine
import SMMStore

/// A small bundle with planted cheating, written to a temporary folder and imported into a
/// fresh SQLite file per test (a real database, never a mock).
struct DetectionBundle {
    var days = 120
    var first = LocalDate(iso: "2024-09-01")!
    /// Extra joins per day index.
    var bought: [Int: Int] = [80: 900, 100: 600]
    /// Extra likes on the post of this day.
    var botLikesDay: Int? = 70

    func date(_ i: Int) -> LocalDate { first.adding(days: i) }

    func write(to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func file(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try file("manifest.json", [#"{"format": "smm-bundle", "version": 1, "timezone": "UTC", "currency": "RUB"}"#])
        try file("accounts.csv", ["account_id,network,name", "vk_main,vk,Кофейня"])
        var daily = ["account_id,date,followers,joined,left,reach,views"]
        var posts = ["post_id,account_id,published_at,format"]
        var metrics = ["post_id,collected_at,reach,likes,comments,reposts"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func unit() -> Double {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Double(state >> 11) * 0x1p-53
        }
        var followers = 20_000
        for i in 0..<days {
            let joined = 34 + Int(unit() * 12) + (bought[i] ?? 0), left = 16 + Int(unit() * 8)
            followers += joined - left
            let reach = 4_500 + Int(unit() * 1_000)
            daily.append("vk_main,\(date(i)),\(followers),\(joined),\(left),\(reach),\(reach * 8 / 5)")
            let postReach = 1_200 + Int(unit() * 800)
            let likes = postReach * 35 / 1000 + (i == botLikesDay ? 1_400 : 0)
            posts.append("vk_main-\(i + 1),vk_main,\(date(i))T12:00:00Z,post")
            metrics.append("vk_main-\(i + 1),\(date(i))T20:00:00Z,\(postReach),\(likes),\(postReach / 400),\(postReach / 250)")
        }
        try file("account_daily.csv", daily)
        try file("posts.csv", posts)
        try file("post_metrics.csv", metrics)
    }
}

@Suite struct DetectionServiceTests {
    /// A fresh database with `bundle` imported, in its own folder.
    static func store(_ bundle: DetectionBundle = DetectionBundle()) throws -> (TestStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-detect-\(UUID().uuidString)")
        try bundle.write(to: dir.appendingPathComponent("bundle"))
        let store = try TestBackend.store(sqlitePath: dir.appendingPathComponent("db.sqlite").path)
        _ = try Importer(store: store).run(bundle: dir.appendingPathComponent("bundle").path)
        return (store, dir)
    }

    static func reimport(_ bundle: DetectionBundle, into store: TestStore, dir: URL) throws {
        let path = dir.appendingPathComponent("bundle-\(UUID().uuidString)")
        try bundle.write(to: path)
        _ = try Importer(store: store).run(bundle: path.path)
    }

    static let at = Instant(seconds: 1_735_000_000)

    @Test("lists the planted runs and the bot-liked post with stable ids, by period and account")
    func list() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = AnomalyService(store: store)
        let all = try await service.list(period: nil, accounts: nil)
        #expect(all.anomalies.map(\.id) == ["be:vk_main-71", "bf:vk_main:2024-11-20", "bf:vk_main:2024-12-10"])
        #expect(all.scopeAccounts == ["vk_main"])
        #expect(all.anomalies.allSatisfy { $0.status == .open })
        let bf = try #require(all.anomalies.first { $0.kind == .boughtFollowers })
        #expect(abs(bf.estimate - 900) < 40)
        let nov = try await service.list(period: try Period(parsing: "2024-11"), accounts: ["vk_main"])
        #expect(nov.anomalies.map(\.id) == ["be:vk_main-71", "bf:vk_main:2024-11-20"])
        await #expect(throws: ScopeError.self) { try await service.list(period: nil, accounts: ["nope"]) }
    }

    @Test("a verdict is stored with its note and time, shown in later runs; an unknown id is an error")
    func verdicts() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let confirmed = try await AnomalyService(store: store)
            .review(id: " bf:vk_main:2024-11-20 ", status: .confirmed, note: "bots in the list", at: Self.at)
        #expect(confirmed.status == .confirmed)
        #expect(confirmed.verdict == Verdict(status: .confirmed, note: "bots in the list", at: Self.at))
        _ = try await AnomalyService(store: store).review(id: "be:vk_main-71", status: .dismissed, note: nil, at: Self.at)
        let later = try await AnomalyService(store: store).list(period: nil, accounts: nil).anomalies
        #expect(later.map(\.status) == [.dismissed, .confirmed, .open])
        #expect(later[1].verdict?.note == "bots in the list")
        // A later verdict replaces an earlier one.
        _ = try await AnomalyService(store: store).review(id: "be:vk_main-71", status: .confirmed, note: "on second look", at: Self.at)
        #expect(try await AnomalyService(store: store).all().first?.status == .confirmed)
        await #expect(throws: AnomalyRequestError.unknownAnomaly("bf:vk_main:2024-01-01")) {
            try await AnomalyService(store: store).review(id: "bf:vk_main:2024-01-01", status: .confirmed, note: nil, at: Self.at)
        }
    }

    @Test("verdicts survive a re-import; a confirmed run stays when no longer detected; a dismissed one keeps its id")
    func reimport() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = AnomalyService(store: store)
        let before = try await service.all()
        _ = try await service.review(id: "bf:vk_main:2024-11-20", status: .confirmed, note: nil, at: Self.at)
        _ = try await service.review(id: "bf:vk_main:2024-12-10", status: .dismissed, note: "a radio ad", at: Self.at)

        try Self.reimport(DetectionBundle(), into: store, dir: dir)
        let same = try await service.all()
        #expect(same.map(\.id) == before.map(\.id))
        #expect(same.map(\.status) == [.open, .confirmed, .dismissed])

        // Corrected data: the first spike is gone, the second now starts a day earlier.
        var corrected = DetectionBundle()
        corrected.bought = [99: 300, 100: 600]
        try Self.reimport(corrected, into: store, dir: dir)
        let after = try await service.all()
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.status) == [.open, .confirmed, .dismissed])
        #expect(after[1].estimate == before[1].estimate)
    }

    @Test("net_follower_growth_clean subtracts open and confirmed estimates, not dismissed ones")
    func cleanKPI() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = AnomalyService(store: store)
        let all = try await service.all().filter { $0.kind == .boughtFollowers }
        let nov = try Period(parsing: "2024-11"), dec = try Period(parsing: "2024-12")
        func clean(_ p: Period) async throws -> (Double?, Double?) {
            let r = try await KPIService(store: store).report(period: p, metrics: [.netFollowerGrowth, .netFollowerGrowthClean])
            return (r[.netFollowerGrowth]?.value, r[.netFollowerGrowthClean]?.value)
        }
        let (netNov, cleanNov) = try await clean(nov)
        #expect(cleanNov == (netNov ?? 0) - Double(all[0].estimate))
        _ = try await service.review(id: all[1].id, status: .dismissed, note: nil, at: Self.at)
        let (netDec, cleanDec) = try await clean(dec)
        #expect(cleanDec == netDec)
        _ = try await service.review(id: all[1].id, status: .confirmed, note: nil, at: Self.at)
        #expect(try await clean(dec).1 == (netDec ?? 0) - Double(all[1].estimate))
    }

    @Test("the cached result is used until the next import")
    func cache() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = AnomalyService(store: store)
        let first = try await service.detected()
        let key = service.detector.version + "|" + (try await store.dataVersion())
        #expect(try await store.cachedAnomalies(key: key) == first)
        var changed = DetectionBundle()
        changed.bought = [80: 900]
        try Self.reimport(changed, into: store, dir: dir)
        let newKey = service.detector.version + "|" + (try await store.dataVersion())
        #expect(newKey != key)
        #expect(try await store.cachedAnomalies(key: newKey) == nil)
        // The re-import replaced the day of the second spike: detected again, it is gone.
        #expect(try await service.detected().filter { $0.kind == .boughtFollowers }.count == 1)
        #expect(try await store.cachedAnomalies(key: newKey)?.count == 2)
    }

    @Test("bot_comments: the comments of a burst are read from the store")
    func botComments() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-detect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = DetectionBundle()
        try bundle.write(to: dir.appendingPathComponent("bundle"))
        // The post of day 60 gets 60 comments in 40 minutes from 5 authors; its counter follows.
        let metricsURL = dir.appendingPathComponent("bundle/post_metrics.csv")
        var metrics = try String(contentsOf: metricsURL, encoding: .utf8)
        metrics += "vk_main-61,\(bundle.date(60))T23:00:00Z,1600,56,64,6\n"
        try metrics.write(to: metricsURL, atomically: true, encoding: .utf8)
        var comments = ["comment_id,post_id,created_at,author_id,text"]
        let texts = ["Класс!", "Супер 👍", "Отличный пост", "класс"]
        for k in 0..<60 {
            comments.append("c\(k),vk_main-61,\(bundle.date(60))T13:\(String(format: "%02d", k * 40 / 60)):00Z,bot\(k % 5),\(texts[k % 4])")
        }
        try (comments.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("bundle/comments.csv"),
                                                          atomically: true, encoding: .utf8)
        let store = try TestBackend.store(sqlitePath: dir.appendingPathComponent("db.sqlite").path)
        _ = try Importer(store: store).run(bundle: dir.appendingPathComponent("bundle").path)
        let found = try await AnomalyService(store: store).all()
        let bc = try #require(found.first { $0.kind == .botComments })
        #expect(bc.id == "bc:vk_main-61")
        #expect(bc.estimate == 60)
    }
}
