import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIReputationTests {
    static func mention(_ id: String, _ date: String, _ network: Network?, reach: Int64? = nil,
                        _ s: Sentiment? = nil) -> Labeled<Mention> {
        Labeled(Mention(id: id, publishedAt: Fx.t(date), localDate: Fx.d(date), network: network, reach: reach), sentiment: s)
    }

    static func review(_ id: String, _ date: String, _ place: String?, rating: Int64? = nil,
                       _ s: Sentiment? = nil) -> Labeled<Review> {
        Labeled(Review(id: id, createdAt: Fx.t(date), localDate: Fx.d(date), place: place.map(ReviewPlace.init),
                       rating: rating), sentiment: s)
    }

    static let brand = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
        ds.mentions = [
            mention("m1", "2024-11-01", .vk, reach: 100, .positive), mention("m2", "2024-11-02", .telegram, reach: 50, .negative),
            mention("m3", "2024-11-03", nil, .neutral), mention("m4", "2024-11-04", .youtube, reach: 1000),
        ]
        ds.reviews = [
            review("r1", "2024-11-01", "VK", rating: 5), review("r2", "2024-11-02", "2GIS", rating: 3, .positive),
            review("r3", "2024-11-03", "Yandex Maps", .positive), review("r4", "2024-11-04", nil),
            review("r5", "2024-11-05", "telegram", .negative),
        ]
        func search(_ month: String, _ count: Int64) -> BrandSearch {
            BrandSearch(month: Fx.d(month + "-01"), query: "brand", count: count)
        }
        ds.brandSearches = [search("2024-10", 1), search("2024-11", 10), search("2024-12", 100), search("2025-01", 1000),
                            search("2025-02", 10000)]
    }

    @Test("mentions: network rows by N(A), rows without a network only in the all-accounts scope")
    func mentions() {
        #expect(Fx.value(.brandMentions, Self.brand) == 4)
        #expect(Fx.value(.brandMentions, Self.brand, accounts: ["vk_main"]) == 1)
        #expect(Fx.value(.mentionReach, Self.brand) == 1150)
        #expect(approx(Fx.value(.mentionPositiveShare, Self.brand), 100.0 / 3))
        #expect(approx(Fx.value(.mentionNegativeShare, Self.brand), 100.0 / 3))
        #expect(Fx.value(.mentionPositiveShare, Self.brand, "2024-10") == nil)
        #expect(Fx.value(.brandMentions, Self.brand, "2024-10") == 0)
    }

    @Test("reviews: a rating decides first, else the sentiment; place names only in the all-accounts scope")
    func reviews() {
        #expect(Fx.value(.reviewsCount, Self.brand) == 5)
        #expect(Fx.value(.reviewsCount, Self.brand, accounts: ["vk_main"]) == 1)
        // rated: r1 (5), r2 (3, its sentiment ignored), r3 (positive), r5 (negative); r4 has neither.
        #expect(approx(Fx.value(.positiveReviewShare, Self.brand), 50))
        #expect(approx(Fx.value(.avgRating, Self.brand), 4))
        #expect(Fx.value(.avgRating, Self.brand, accounts: ["tg_main"]) == nil)
    }

    @Test("brand_search_volume: months wholly inside P, all-accounts scope only", arguments: [
        ("2024-11", 10.0), ("2024-W47", nil), ("2024-Q4", 111), ("2024-12-01..2025-01-31", 1100),
        ("2024-12-15..2025-02-10", 1000), ("2024-12-02..2025-01-30", nil), ("2025-03", 0), ("2024", 111),
    ] as [(String, Double?)])
    func brandSearchVolume(_ period: String, _ expected: Double?) {
        #expect(Fx.value(.brandSearchVolume, Self.brand, period) == expected)
    }

    @Test("brand_search_volume is null in any scope other than all accounts")
    func brandSearchScope() {
        #expect(Fx.value(.brandSearchVolume, Self.brand, accounts: ["vk_main"]) == nil)
        #expect(Fx.value(.brandSearchVolume, Self.brand, accounts: ["vk_main", "tg_main"]) == 10)
        var ds = Self.brand
        ds.presence = Fx.presence().without(.brandSearches)
        #expect(Fx.value(.brandSearchVolume, ds) == nil)
    }
}
