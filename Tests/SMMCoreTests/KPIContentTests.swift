import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIContentTests {
    static let collabs = Fx.dataset { ds in
        ds.posts = [
            Fx.post("p1", at: "2024-11-10T10:00:00Z", partner: "cafe"),
            Fx.post("p2", at: "2024-11-10T18:00:00Z", partner: "bakery"),  // same account-days as p1
            Fx.post("p3", at: "2024-11-30T12:00:00Z", partner: "cafe"),  // its next day is in December
            Fx.post("p4", at: "2024-11-12T12:00:00Z", partner: ""),  // empty: not a collaboration
            Fx.post("p5", at: "2024-11-13T12:00:00Z"),
        ]
        ds.latestMetrics = [
            "p1": Fx.metrics("p1", reach: 1000, likes: 30), "p2": Fx.metrics("p2", reach: 500, likes: 20),
            "p3": Fx.metrics("p3", likes: 5), "p4": Fx.metrics("p4", reach: 7000, likes: 1),
            "p5": Fx.metrics("p5", reach: 2000),
        ]
        ds.accountDays = [
            Fx.day("vk_main", "2024-11-10", followers: 100, joined: 10), Fx.day("vk_main", "2024-11-11", followers: 110, joined: 4),
            Fx.day("vk_main", "2024-11-30", followers: 120, joined: 2), Fx.day("vk_main", "2024-12-01", followers: 130, joined: 1),
        ]
    }

    @Test("collab metrics: posts with a non-empty partner")
    func collabMetrics() {
        let ds = Self.collabs
        #expect(Fx.value(.collabPosts, ds) == 3)
        #expect(Fx.value(.collabReach, ds) == 1500)
        #expect(approx(Fx.value(.collabErReach, ds), 50.0 / 1500 * 100))
        // 10 Nov and 11 Nov once each (p1 and p2 share them), 30 Nov and 1 Dec (after P) for p3.
        #expect(Fx.value(.collabJoined, ds) == 17)
    }

    @Test("collab metrics are null without a partner column")
    func noPartnerColumn() {
        var ds = Self.collabs
        ds.presence = Fx.presence().without("partner", in: .posts)
        for id in [KPIID.collabPosts, .collabReach, .collabErReach, .collabJoined] {
            #expect(Fx.value(id, ds) == nil, "\(id)")
        }
        #expect(Fx.value(.postsPublished, ds) == 5)
    }

    @Test("collab_joined follows the account_daily null rule")
    func collabJoinedNull() {
        var ds = Self.collabs
        ds.accountDays = [Fx.day("vk_main", "2024-10-01", followers: 100, joined: 3)]
        #expect(Fx.value(.collabJoined, ds) == nil)
        ds.accountDays.append(Fx.day("vk_main", "2024-11-25", followers: 100, joined: 3))
        #expect(Fx.value(.collabJoined, ds) == 0)
        #expect(Fx.value(.collabPosts, ds, "2024-10") == 0)
    }

    @Test("reach_total, avg_reach_per_post over posts with reach")
    func reach() {
        let ds = Self.collabs
        #expect(Fx.value(.reachTotal, ds) == 10500)
        #expect(approx(Fx.value(.avgReachPerPost, ds), 10500.0 / 4))
        #expect(Fx.value(.avgReachPerPost, ds, "2024-10") == nil)
    }

    @Test("reach_per_1000_spend is null with zero or no ad spend, exact with refunds")
    func reachPerSpend() {
        var ds = Self.collabs
        ds.adSpend = [AdSpend(date: Fx.d("2024-11-02"), campaign: "a", spend: Decimal(string: "400.10")!),
                      AdSpend(date: Fx.d("2024-11-03"), campaign: "a", spend: Decimal(string: "-0.10")!)]
        #expect(approx(Fx.value(.reachPer1000Spend, ds), 10500.0 / 400 * 1000))
        ds.adSpend = []
        #expect(Fx.value(.reachPer1000Spend, ds) == nil)
        ds.presence = Fx.presence().without(.adSpend)
        #expect(Fx.value(.reachPer1000Spend, ds) == nil)
    }
}
