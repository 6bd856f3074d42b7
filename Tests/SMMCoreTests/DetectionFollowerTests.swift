import Foundation
import Testing
@testable import SMMCore

@Suite struct DetectionFollowerTests {
    @Test("a clean history has no anomaly")
    func clean() {
        #expect(DetectionHistory().detect().isEmpty)
        for seed: UInt64 in [1, 2, 3, 4, 5] {
            #expect(DetectionHistory(seed: seed * 7_919).detect().isEmpty, "seed \(seed)")
        }
    }

    @Test("a one-day spike with flat reach: id, dates, estimate, by_day, high severity")
    func spike() throws {
        var h = DetectionHistory()
        h.addJoins(80, 900)
        let found = h.detect()
        #expect(found.count == 1)
        let a = try #require(found.first)
        #expect(a.id == "bf:vk_main:2024-11-20")
        #expect(a.kind == .boughtFollowers)
        #expect(a.from == h.date(80) && a.to == h.date(80))
        #expect(abs(a.estimate - 900) <= 60, "estimate \(a.estimate)")
        #expect(a.byDay.map(\.count).reduce(0, +) == a.estimate)
        #expect(a.severity == .high)
        #expect(a.evidence.text.hasPrefix("+9"))
        #expect(a.evidence.text.contains("20 Nov"))
        #expect(a.evidence.text.contains("reach and views flat"))
        #expect(a.evidence.text.contains("no ads"))
        #expect((a.evidence["joined_ratio"] ?? 0) > 15)
        #expect((a.evidence["reach_ratio"] ?? 9) < 1.3)
    }

    @Test("a three-day block is one run with an estimate per day")
    func block() throws {
        var h = DetectionHistory()
        for i in 80...82 { h.addJoins(i, 300) }
        let a = try #require(h.detect().first)
        #expect(a.from == h.date(80) && a.to == h.date(82))
        #expect(a.byDay.map(\.date) == [h.date(80), h.date(81), h.date(82)])
        #expect(abs(a.estimate - 900) <= 60)
    }

    @Test("a ramp: the lead-in days join the run that starts on the first strong day")
    func ramp() throws {
        var h = DetectionHistory()
        for (k, extra) in [60, 120, 250, 400].enumerated() { h.addJoins(78 + k, Int64(extra)) }
        let a = try #require(h.detect().first)
        #expect(a.from <= h.date(79))
        #expect(a.to == h.date(81))
        #expect(a.estimate >= 700)
    }

    @Test("an unfollow wave afterwards is evidence and raises the score")
    func unfollowWave() throws {
        var spike = DetectionHistory()
        spike.addJoins(80, 400)
        var waved = spike
        for i in 84..<94 { waved.addLeft(i, 25) }
        let plain = try #require(spike.detect().first), wave = try #require(waved.detect().first)
        #expect((wave.evidence["left_after"] ?? 0) >= 200)
        #expect((wave.evidence["left_after_share"] ?? 0) >= 0.5)
        #expect(wave.evidence.text.contains("left on"))
        #expect(wave.score > plain.score)
        #expect(plain.evidence["left_after"] == 0)
    }

    @Test("hard negative: a viral day whose reach explains the joins")
    func viral() {
        var h = DetectionHistory()
        h.scaleReach(80, 15)
        h.posts[80].reach = 70_000
        h.posts[80].likes = 2_500
        h.addJoins(80, 600)
        h.addJoins(81, 150)
        #expect(h.detect().isEmpty)
    }

    @Test("hard negative: a big ad campaign with reach and clicks")
    func adCampaign() {
        var h = DetectionHistory()
        for i in 80..<90 {
            h.ads.append(AdDay(date: h.date(i), accountID: "vk_main", network: .vk, spend: 15_000, reach: 120_000,
                               impressions: 200_000, clicks: 900))
            h.addJoins(i, 350)
        }
        #expect(h.detect().isEmpty)
    }

    @Test("hard negative: ads with spend only are explained at one follower per currency unit")
    func adSpendOnly() {
        var h = DetectionHistory()
        h.ads.append(AdDay(date: h.date(80), accountID: nil, network: .vk, spend: 2_000))
        h.addJoins(80, 500)
        #expect(h.detect().isEmpty)
    }

    @Test("hard negative: a giveaway (subscribe, comment, repost) explains its joins")
    func giveaway() {
        var h = DetectionHistory()
        h.posts[79].comments = 700
        h.posts[79].reposts = 300
        h.posts[79].likes = 900
        for (k, extra) in [250, 300, 200].enumerated() { h.addJoins(79 + k, Int64(extra)) }
        #expect(h.detect().isEmpty)
    }

    @Test("hard negative: a mention by a large blog")
    func bigMention() {
        var h = DetectionHistory()
        for i in 0..<120 {
            h.mentions.append(MentionDay(date: h.date(i), network: .vk, count: 2, reach: 3_000, maxReach: 2_000))
        }
        h.mentions[80] = MentionDay(date: h.date(80), network: nil, count: 3, reach: 400_000, maxReach: 396_000)
        h.addJoins(80, 900)
        h.addJoins(81, 300)
        #expect(h.detect().isEmpty)
    }

    @Test("the same spike during a mention on another network is still found")
    func mentionElsewhere() {
        var h = DetectionHistory()
        h.mentions.append(MentionDay(date: h.date(80), network: .telegram, count: 1, reach: 400_000, maxReach: 400_000))
        h.addJoins(80, 900)
        #expect(h.detect().count == 1)
    }

    @Test("without a joined column the net change of followers plus left stands in")
    func noJoinedColumn() throws {
        var h = DetectionHistory()
        h.addJoins(80, 900)
        for i in h.days.indices { h.days[i].joined = nil }
        let a = try #require(h.detect().first)
        #expect(a.from == h.date(80))
    }

    @Test("the first days have no baseline and are not judged")
    func warmUp() {
        var h = DetectionHistory()
        h.addJoins(5, 2_000)
        #expect(h.detect().isEmpty)
    }

    @Test("ids are stable when more data arrives and when the history starts later")
    func stableIDs() throws {
        var h = DetectionHistory()
        h.addJoins(80, 900)
        let full = try #require(h.detect().first)
        var shorter = h
        shorter.days.removeLast(30)
        shorter.posts.removeLast(30)
        var later = h
        later.days.removeFirst(30)
        later.posts.removeFirst(30)
        #expect(try #require(shorter.detect().first).id == full.id)
        #expect(try #require(later.detect().first).id == full.id)
    }

    @Test("hard negative: a collaboration post (with a partner) brings joins from the partner's audience")
    func collaboration() {
        var h = DetectionHistory()
        h.posts[80].partner = "@masha_eats"
        h.posts[80].reach = 6_000
        h.addJoins(80, 90)
        h.addJoins(81, 40)
        #expect(h.detect().isEmpty)
        var alone = h
        alone.posts[80].partner = nil
        #expect(alone.detect().count == 1)
    }

    @Test("network-only ad rows are shared among the network's accounts by size")
    func networkAdsShared() {
        var big = DetectionHistory(followers: 200_000, joined: 400, reach: 50_000)
        var small = DetectionHistory(followers: 2_000, joined: 4, reach: 500, seed: 77)
        small.account = Account(id: "vk_small", network: .vk, name: "VK small")
        for i in small.days.indices { small.days[i].accountID = "vk_small" }
        for i in small.posts.indices { small.posts[i].accountID = "vk_small" }
        small.addJoins(80, 400)
        big.ads = [AdDay(date: big.date(80), accountID: nil, network: .vk, spend: 30_000, reach: 400_000,
                         impressions: 600_000, clicks: 600)]
        let input = DetectionInput(accounts: [big.account, small.account], days: big.days + small.days,
                                   posts: big.posts + small.posts, ads: big.ads)
        // 600 clicks would explain the small account's 400 joins; its share of them does not.
        let found = CheatingDetector().detect(input)
        #expect(found.map(\.id) == ["bf:vk_small:2024-11-20"])
    }

    @Test("apportion: integers in proportion, summing to the total")
    func apportion() {
        #expect(RobustStats.apportion(10, [1, 1, 1]) == [4, 3, 3])
        #expect(RobustStats.apportion(7, [0.5, 0.25, 0.25]).reduce(0, +) == 7)
        #expect(RobustStats.apportion(0, [1, 2]) == [0, 0])
    }
}
