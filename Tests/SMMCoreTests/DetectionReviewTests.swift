import Foundation
import Testing
@testable import SMMCore

@Suite struct DetectionReviewTests {
    static func run(_ account: String, _ from: String, _ to: String, _ perDay: Int64, status: AnomalyStatus = .open) -> Anomaly {
        let a = LocalDate(iso: from)!, b = LocalDate(iso: to)!
        let days = (0...a.days(to: b)).map { BoughtFollowersDay(accountID: account, date: a.adding(days: $0), count: perDay) }
        return Anomaly(id: Anomaly.boughtFollowersID(account: account, from: a), kind: .boughtFollowers,
                       accountID: account, from: a, to: b, estimate: perDay * Int64(days.count), byDay: days,
                       score: 0.9, status: status, evidence: Evidence(text: "t", numbers: [EvidenceNumber("joined", 1)]),
                       verdict: status == .open ? nil : Verdict(status: status, note: "n", at: Instant(seconds: 1_700_000_000)))
    }

    @Test("a confirmed anomaly stays, with its numbers, when no longer detected")
    func confirmedKept() {
        let confirmed = Self.run("vk", "2024-11-11", "2024-11-12", 100, status: .confirmed)
        let merged = AnomalyReview.merge(detected: [], verdicted: [confirmed])
        #expect(merged == [confirmed])
    }

    @Test("a re-detected run overlapping a verdict is that anomaly: same id, same status, nothing twice")
    func redetection() {
        let dismissed = Self.run("vk", "2024-11-11", "2024-11-12", 100, status: .dismissed)
        let confirmed = Self.run("tg", "2024-11-11", "2024-11-12", 100, status: .confirmed)
        let again = [Self.run("vk", "2024-11-12", "2024-11-14", 90), Self.run("tg", "2024-11-10", "2024-11-11", 120),
                     Self.run("vk", "2024-12-01", "2024-12-01", 50)]
        let merged = AnomalyReview.merge(detected: again, verdicted: [dismissed, confirmed])
        #expect(merged.map(\.id) == ["bf:tg:2024-11-11", "bf:vk:2024-11-11", "bf:vk:2024-12-01"])
        #expect(merged.map(\.status) == [.confirmed, .dismissed, .open])
        let days = AnomalyReview.boughtFollowers(merged, in: LocalDate(iso: "2024-11-01")!...LocalDate(iso: "2024-12-31")!)
        #expect(days.map(\.count).reduce(0, +) == 200 + 50)
    }

    @Test("net_follower_growth_clean subtracts open and confirmed estimates in P, not dismissed ones")
    func cleanKPI() {
        let ds = Fx.dataset(accounts: [Fx.vk]) { ds in
            ds.accountDays = [Fx.day("vk_main", "2024-10-31", followers: 10_000),
                              Fx.day("vk_main", "2024-11-30", followers: 11_500, joined: 1_700, left: 200)]
            let anomalies = [Self.run("vk_main", "2024-11-10", "2024-11-11", 300),
                             Self.run("vk_main", "2024-11-20", "2024-11-20", 100, status: .confirmed),
                             Self.run("vk_main", "2024-11-25", "2024-11-25", 400, status: .dismissed),
                             Self.run("vk_main", "2024-11-30", "2024-12-01", 50)]
            ds.boughtFollowers = AnomalyReview.boughtFollowers(anomalies, in: KPIDataset.window(for: Fx.p("2024-11")))
        }
        #expect(Fx.value(.netFollowerGrowth, ds) == 1_500)
        #expect(Fx.value(.netFollowerGrowthClean, ds) == 750)  // 1 500 − 600 − 100 − 50
    }

    @Test("the listing keeps anomalies that touch the period, of the accounts asked for")
    func filter() {
        let list = [Self.run("vk", "2024-10-30", "2024-11-02", 10), Self.run("tg", "2024-11-15", "2024-11-15", 10),
                    Self.run("vk", "2024-12-01", "2024-12-01", 10)]
        let nov = AnomalyReview.filter(list, period: Fx.p("2024-11"), accounts: nil)
        #expect(nov.map(\.id) == ["bf:vk:2024-10-30", "bf:tg:2024-11-15"])
        #expect(AnomalyReview.filter(list, period: nil, accounts: ["vk"]).count == 2)
    }

    @Test("cli.md order: first date, then account, then id")
    func order() {
        let a = Self.run("vk", "2024-11-02", "2024-11-02", 1), b = Self.run("tg", "2024-11-02", "2024-11-03", 1)
        let c = Self.run("vk", "2024-11-01", "2024-11-05", 1)
        #expect([a, b, c].sorted(by: Anomaly.listOrder).map(\.id) == [c.id, b.id, a.id])
    }

    @Test("severity from the score: high from 0.8, medium from 0.5")
    func severity() {
        #expect(Severity(score: 0.8) == .high)
        #expect(Severity(score: 0.79) == .medium)
        #expect(Severity(score: 0.5) == .medium)
        #expect(Severity(score: 0.49) == .low)
    }

    @Test("JSON: cli.md keys in order, and the stored form reads back the same anomaly")
    func json() throws {
        var a = Self.run("vk_main", "2024-11-11", "2024-11-12", 206, status: .confirmed)
        a.evidence = Evidence(text: "joined 436", numbers: [EvidenceNumber("joined", 436), EvidenceNumber("joined_ratio", 18.2)])
        let text = a.json.text()
        let keys = ["\"id\"", "\"kind\"", "\"account_id\"", "\"from\"", "\"to\"", "\"estimated_followers\"", "\"by_day\"",
                    "\"severity\"", "\"score\"", "\"status\"", "\"evidence\"", "\"verdict\""]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["estimated_followers"] as? Int == 412)
        let back = try JSONDecoder().decode(Anomaly.self, from: JSONEncoder().encode(a))
        #expect(back == a)

        var post = a
        post.kind = .botEngagement; post.id = "be:vk_main-118"; post.postID = "vk_main-118"; post.byDay = []
        post.to = post.from
        let postText = post.json.text()
        #expect(postText.contains("\"estimated_fake_interactions\" : 412"))
        #expect(postText.contains("\"date\" : \"2024-11-11\""))
        #expect(try JSONDecoder().decode(Anomaly.self, from: JSONEncoder().encode(post)) == post)
    }
}
