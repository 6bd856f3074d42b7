import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIAudienceTests {
    /// vk_main: anchor in October, rows in November. tg_main: November rows only (no start_a).
    static let daily = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
        ds.accountDays = [
            Fx.day("vk_main", "2024-10-15", followers: 900, joined: 5, left: 1, reach: 10),
            Fx.day("vk_main", "2024-11-01", followers: 1000, joined: 20, left: 4, reach: 100, views: 300),
            Fx.day("vk_main", "2024-11-20", followers: 1100, joined: 30, left: nil, reach: 200, views: 400),
            Fx.day("tg_main", "2024-11-02", followers: 500, joined: nil, left: 6, reach: nil),
            Fx.day("tg_main", "2024-11-10", followers: 520, joined: 7, left: nil),
        ]
    }

    @Test("start_a is the latest row before P, end_a the latest row inside P")
    func startEnd() {
        let ds = Self.daily
        #expect(Fx.value(.followersEnd, ds) == 1620)
        #expect(Fx.value(.followersStart, ds) == 900)
        // Only vk_main has both.
        #expect(Fx.value(.netFollowerGrowth, ds) == 200)
        #expect(approx(Fx.value(.followerGrowthRate, ds), 200.0 / 900 * 100))
        #expect(Fx.value(.followersJoined, ds) == 57)
        #expect(Fx.value(.followersLeft, ds) == 10)
        #expect(Fx.value(.accountReach, ds) == 300)
        #expect(Fx.value(.accountViews, ds) == 700)
        #expect(approx(Fx.value(.newFollowerRate, ds), 57.0 / 1620 * 100))
        // Accounts with start_a and a non-null left in P: vk_main (4 left, start 900).
        #expect(approx(Fx.value(.unsubscribeRate, ds), 4.0 / 900 * 100))
    }

    @Test("a period without account_daily rows is null, not 0; no account with a value is null")
    func strictDailyRule() {
        let ds = Self.daily
        #expect(Fx.value(.followersJoined, ds, "2024-12") == nil)
        #expect(Fx.value(.accountReach, ds, "2024-12") == nil)
        #expect(Fx.value(.followersEnd, ds, "2024-12") == nil)
        // December: both accounts have start_a but no end_a.
        #expect(Fx.value(.followersStart, ds, "2024-12") == 1620)
        #expect(Fx.value(.netFollowerGrowth, ds, "2024-12") == nil)
        #expect(Fx.value(.followerGrowthRate, ds, "2024-12") == nil)
        #expect(Fx.value(.unsubscribeRate, ds, "2024-12") == nil)
        // September: nothing at all.
        #expect(Fx.value(.followersStart, ds, "2024-09") == nil)
        // A scope whose accounts have no row in P: tg_main in October.
        #expect(Fx.value(.followersJoined, ds, "2024-10", accounts: ["tg_main"]) == nil)
        #expect(Fx.value(.followersJoined, ds, "2024-10", accounts: ["vk_main"]) == 5)
    }

    @Test("a daily column empty in every row of the file is null; present but empty in P is 0")
    func dailyColumnRules() {
        var ds = Self.daily
        ds.presence = Fx.presence().unfilled("views", in: .accountDaily)
        #expect(Fx.value(.accountViews, ds) == nil)
        #expect(Fx.value(.accountViews, Self.daily, accounts: ["tg_main"]) == 0)
        ds.presence = Fx.presence().without(.accountDaily)
        #expect(Fx.value(.followersEnd, ds) == nil)
        #expect(Fx.value(.followersJoined, ds) == nil)
    }

    @Test("net_follower_growth_clean subtracts bought followers of days in P of the accounts net counts")
    func netClean() {
        var ds = Self.daily
        ds.boughtFollowers = [
            BoughtFollowersDay(accountID: "vk_main", date: Fx.d("2024-11-05"), count: 50),
            BoughtFollowersDay(accountID: "vk_main", date: Fx.d("2024-11-06"), count: 30),
            BoughtFollowersDay(accountID: "vk_main", date: Fx.d("2024-10-31"), count: 1000),  // before P
            BoughtFollowersDay(accountID: "tg_main", date: Fx.d("2024-11-05"), count: 7),  // not counted by net
        ]
        #expect(Fx.value(.netFollowerGrowthClean, ds) == 120)
        #expect(Fx.value(.netFollowerGrowthClean, ds, "2024-12") == nil)
        #expect(Fx.value(.netFollowerGrowthClean, Self.daily) == 200)
    }

    /// The catalog's audience_match rules on three accounts (see the comments for the arithmetic).
    static let audience: KPIDataset = Fx.dataset(accounts: [Fx.vk, Fx.tg, Fx.vk2]) { ds in
        ds.accountDays = [Fx.day("vk_main", "2024-11-30", followers: 1000), Fx.day("tg_main", "2024-11-30", followers: 3000),
                          Fx.day("vk_two", "2024-11-30", followers: 0)]
        func a(_ acc: String, _ date: String, _ dim: AudienceDimension, _ bucket: String, _ share: Decimal) -> AudienceShare {
            AudienceShare(accountID: acc, date: Fx.d(date), dimension: dim, bucket: bucket, share: share)
        }
        ds.audience = [
            // vk_main's latest snapshot (25 Nov); a repeated key: the later row wins (0.6).
            a("vk_main", "2024-11-25", .gender, "female", 0.5), a("vk_main", "2024-11-25", .gender, "male", 0.4),
            a("vk_main", "2024-11-25", .gender, "female", 0.6), a("vk_main", "2024-11-25", .age, " 25-34 ", 0.5),
            // After P: ignored.
            a("vk_main", "2024-12-02", .gender, "female", 0.1),
            // tg_main: the latest snapshot lacks gender; the older one is not looked up.
            a("tg_main", "2024-10-01", .gender, "female", 0.9),
            a("tg_main", "2024-11-10", .age, "18-24", 0.2), a("tg_main", "2024-11-10", .age, "25-34", 0.3),
            a("tg_main", "2024-11-10", .age, "45-54", 0.5),
            // vk_two: end_a = 0, left out.
            a("vk_two", "2024-11-10", .gender, "male", 1),
        ]
    }

    static let persona = Persona([.gender: [" female ": 7, "male": 3], .age: ["25-34": 1, "18-24": 1], .city: ["Moscow": 0]])

    @Test("audience_match: the worked example")
    func audienceMatch() {
        // gender: accounts {vk_main}: min(0.6, 0.7) + min(0.4, 0.3) = 0.9.
        // age: accounts {vk_main, tg_main}, Σ end = 4000: 25-34 = (1000×0.5 + 3000×0.3)/4000 = 0.35,
        //      18-24 = 3000×0.2/4000 = 0.15: min(0.35, 0.5) + min(0.15, 0.5) = 0.5.
        // city: targets sum to 0, left out. Mean (0.9 + 0.5)/2 × 100 = 70.
        let v = Fx.value(.audienceMatch, Self.audience, options: KPIOptions(persona: Self.persona))
        #expect(approx(v, 70))
    }

    @Test("audience_match is null without a persona, without audience.csv, or when no dimension has accounts")
    func audienceMatchNulls() {
        #expect(Fx.value(.audienceMatch, Self.audience) == nil)
        var ds = Self.audience
        ds.presence = Fx.presence().without(.audience)
        #expect(Fx.value(.audienceMatch, ds, options: KPIOptions(persona: Self.persona)) == nil)
        let onlyCity = Persona([.city: ["Moscow": 1]])
        #expect(Fx.value(.audienceMatch, Self.audience, options: KPIOptions(persona: onlyCity)) == nil)
        // vk_two alone: end_a = 0.
        #expect(Fx.value(.audienceMatch, Self.audience, accounts: ["vk_two"], options: KPIOptions(persona: Self.persona)) == nil)
    }

    @Test("audience_match: a target bucket no account has counts as actual share 0")
    func audienceMatchMissingBucket() {
        let persona = Persona([.gender: ["female": 0.5, "other": 0.5]])
        let v = Fx.value(.audienceMatch, Self.audience, accounts: ["vk_main"], options: KPIOptions(persona: persona))
        #expect(approx(v, 50))
    }
}
