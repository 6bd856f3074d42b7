import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIBreakdownTests {
    static let posts = Fx.dataset(accounts: [Fx.vk, Fx.tg, Fx.vk2]) { ds in
        ds.posts = [
            Fx.post("a", at: "2024-11-01T10:00:00Z", format: .clip, topic: "quiz"),
            Fx.post("b", at: "2024-11-02T10:00:00Z", format: .post, topic: "Quiz"),
            Fx.post("c", "tg_main", at: "2024-11-03T10:00:00Z", format: .clip, topic: "Ärger"),
            Fx.post("d", at: "2024-11-04T10:00:00Z", format: .clip),
            Fx.post("e", at: "2024-10-04T10:00:00Z", format: .story, topic: "zebra"),  // previous period only
            Fx.post("f", at: "2024-09-04T10:00:00Z", format: .poll, topic: "old"),  // neither
        ]
        ds.latestMetrics = ["a": Fx.metrics("a", reach: 100, likes: 10), "b": Fx.metrics("b", reach: 200, likes: 30),
                            "c": Fx.metrics("c", reach: 300, likes: 3), "e": Fx.metrics("e", reach: 50, likes: 5)]
        ds.workLog = [WorkLogEntry(date: Fx.d("2024-11-01"), person: "A", hours: 4)]
        ds.accountDays = [Fx.day("vk_main", "2024-11-01", followers: 10)]
    }

    @Test("post dimensions: keys of P and the previous period, code point order, null last")
    func topicGroups() {
        let report = Fx.report(Self.posts, by: .topic)
        let groups = report.groups ?? []
        #expect(groups.map(\.key) == ["Quiz", "quiz", "zebra", "Ärger", nil])
        let quiz = groups[1]
        #expect(quiz[.postsPublished]?.value == 1)
        #expect(quiz[.reachTotal]?.value == 100)
        #expect(quiz[.erReach]?.value == 10)
        #expect(quiz[.postsPublished]?.previous == 0)
        let zebra = groups[2]
        #expect(zebra[.postsPublished]?.value == 0)
        #expect(zebra[.postsPublished]?.previous == 1)
        #expect(zebra[.erReach]?.previous == 10)
        #expect(zebra[.erReach]?.value == nil)
        let none = groups[4]
        #expect(none[.postsPublished]?.value == 1)
        #expect(none[.reachTotal]?.value == 0)
        // Only the post metrics, sorted by id.
        #expect(quiz.metrics.map(\.id) == Breakdown.postMetrics.sorted())
    }

    @Test("post-dimension groups keep the scope: another account's posts are not grouped")
    func postGroupsInScope() {
        let report = Fx.report(Self.posts, accounts: ["tg_main"], by: .format)
        #expect(report.groups?.map(\.key) == ["clip"])
        #expect(report.groups?.first?[.reachTotal]?.value == 300)
        let all = Fx.report(Self.posts, by: .format)
        #expect(all.groups?.map(\.key) == ["clip", "post", "story"])
        #expect(all.groups?.first?[.postsPublished]?.value == 3)
    }

    @Test("account groups: one per scope account even without data; labour metrics are not split")
    func accountGroups() {
        let report = Fx.report(Self.posts, by: .account)
        let groups = report.groups ?? []
        #expect(groups.map(\.key) == ["tg_main", "vk_main", "vk_two"])
        #expect(groups.allSatisfy { $0.metrics.count == KPIID.allCases.count })
        #expect(groups[0][.postsPublished]?.value == 1)
        #expect(groups[1][.postsPublished]?.value == 3)
        #expect(groups[2][.postsPublished]?.value == 0)
        #expect(groups[2][.followersEnd]?.value == nil)
        for g in groups {
            #expect(g[.hoursSpent]?.value == 4)
            #expect(g[.postsPerHour]?.value == 1)  // the whole scope's 4 posts / 4 hours
        }
    }

    @Test("network groups: the scope accounts on that network; a group holding every account is all accounts")
    func networkGroups() {
        var ds = Self.posts
        ds.brandSearches = [BrandSearch(month: Fx.d("2024-11-01"), query: "q", count: 5)]
        let report = Fx.report(ds, by: .network)
        #expect(report.groups?.map(\.key) == ["telegram", "vk"])
        #expect(report.groups?[1][.postsPublished]?.value == 3)
        #expect(report.groups?[1][.brandSearchVolume]?.value == nil)
        #expect(report[.brandSearchVolume]?.value == 5)

        let single = Fx.dataset(accounts: [Fx.vk]) { $0.brandSearches = ds.brandSearches }
        let one = Fx.report(single, by: .account)
        #expect(one.groups?.first?[.brandSearchVolume]?.value == 5)
    }

    @Test("a metric list narrows the groups too")
    func metricList() {
        let report = Fx.report(Self.posts, metrics: [.reachTotal, .leads], by: .format)
        #expect(report.metrics.map(\.id) == [.leads, .reachTotal])
        #expect(report.groups?.first?.metrics.map(\.id) == [.reachTotal])
    }
}
