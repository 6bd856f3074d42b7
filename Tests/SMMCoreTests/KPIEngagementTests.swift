import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIEngagementTests {
    /// Three November posts: one full snapshot, one without reach, one without any snapshot.
    static let posts = Fx.dataset { ds in
        ds.posts = [Fx.post("p1", at: "2024-11-03T10:00:00Z"), Fx.post("p2", at: "2024-11-04T10:00:00Z"),
                    Fx.post("p3", at: "2024-11-05T10:00:00Z"), Fx.post("old", at: "2024-10-31T23:59:59Z")]
        ds.latestMetrics = [
            "p1": Fx.metrics("p1", impressions: 2000, reach: 1000, likes: 40, comments: 5, reposts: 5, clicks: 20),
            "p2": Fx.metrics("p2", impressions: 500, likes: 10, reposts: 2),
            "old": Fx.metrics("old", impressions: 9, reach: 9, likes: 9),
        ]
        ds.accountDays = [Fx.day("vk_main", "2024-10-20", followers: 1000), Fx.day("vk_main", "2024-11-04", followers: 3000)]
    }

    @Test("er_reach sums over posts where interactions and reach are both known")
    func erReach() {
        // p1 only: 50 / 1000; p2 has no reach, p3 no snapshot.
        #expect(approx(Fx.value(.erReach, Self.posts), 5))
        #expect(Fx.value(.interactionsTotal, Self.posts) == 62)
        #expect(Fx.value(.likesTotal, Self.posts) == 50)
        #expect(Fx.value(.repostsTotal, Self.posts) == 7)
        #expect(approx(Fx.value(.repostShare, Self.posts), 7.0 / 62 * 100))
        #expect(approx(Fx.value(.ctr, Self.posts), 1))
    }

    @Test("er_followers uses followers on the latest account_daily date ≤ the publication date, anchor included")
    func erFollowersAnchor() {
        // p1 (3 Nov) → the anchor of 20 Oct (1000); p2 (4 Nov) → 4 Nov itself (3000).
        #expect(approx(Fx.value(.erFollowers, Self.posts), 62.0 / 4000 * 100))
        var noDaily = Self.posts
        noDaily.presence = Fx.presence().without(.accountDaily)
        #expect(Fx.value(.erFollowers, noDaily) == nil)
    }

    @Test("a post without any earlier account_daily row is left out of er_followers")
    func erFollowersWithoutFollowers() {
        let ds = Fx.dataset { ds in
            ds.posts = [Fx.post("p1", at: "2024-11-03T10:00:00Z")]
            ds.latestMetrics = ["p1": Fx.metrics("p1", likes: 10)]
            ds.accountDays = [Fx.day("vk_main", "2024-11-04", followers: 3000)]
        }
        #expect(Fx.value(.erFollowers, ds) == nil)
        #expect(Fx.value(.interactionsTotal, ds) == 10)
    }

    @Test("an empty period gives 0 sums and null ratios")
    func emptyPeriod() {
        #expect(Fx.value(.interactionsTotal, Self.posts, "2024-09") == 0)
        #expect(Fx.value(.postsPublished, Self.posts, "2024-09") == 0)
        #expect(Fx.value(.erReach, Self.posts, "2024-09") == nil)
        #expect(Fx.value(.ctr, Self.posts, "2024-09") == nil)
        #expect(Fx.value(.repostShare, Self.posts, "2024-09") == nil)
    }

    @Test("post metrics are null without post_metrics.csv or posts.csv")
    func missingFiles() {
        var ds = Self.posts
        ds.presence = Fx.presence().without(.postMetrics)
        #expect(Fx.value(.erReach, ds) == nil)
        #expect(Fx.value(.interactionsTotal, ds) == nil)
        #expect(Fx.value(.postsPublished, ds) == 3)
        ds.presence = Fx.presence().without(.posts)
        #expect(Fx.value(.likesTotal, ds) == nil)
        #expect(Fx.value(.postsPublished, ds) == nil)
    }

    @Test("a counter empty in every row of the file sums to null")
    func neverFilledCounter() {
        var ds = Self.posts
        ds.presence = Fx.presence().unfilled("saves", in: .postMetrics)
        #expect(Fx.value(.savesTotal, ds) == nil)
        #expect(Fx.value(.likesTotal, ds) == 50)
        ds.presence = ds.presence.unfilled("likes", in: .postMetrics).unfilled("comments", in: .postMetrics)
            .unfilled("reposts", in: .postMetrics)
        #expect(Fx.value(.interactionsTotal, ds) == nil)
    }

    @Test("ctr is null when the posts with clicks have zero impressions")
    func ctrZeroDenominator() {
        let ds = Fx.dataset { ds in
            ds.posts = [Fx.post("p1", at: "2024-11-03T10:00:00Z")]
            ds.latestMetrics = ["p1": Fx.metrics("p1", impressions: 0, clicks: 0)]
        }
        #expect(Fx.value(.ctr, ds) == nil)
        #expect(Fx.value(.impressionsTotal, ds) == 0)
    }

    @Test("views_rate divides the mean impressions per post by the whole scope's followers_end")
    func viewsRate() {
        let ds = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
            ds.posts = [Fx.post("p1", at: "2024-11-03T10:00:00Z"), Fx.post("p2", at: "2024-11-04T10:00:00Z"),
                        Fx.post("p3", at: "2024-11-05T10:00:00Z")]
            ds.latestMetrics = ["p1": Fx.metrics("p1", impressions: 300), "p2": Fx.metrics("p2", impressions: 100),
                                "p3": Fx.metrics("p3", reach: 5)]
            ds.accountDays = [Fx.day("vk_main", "2024-11-30", followers: 1000), Fx.day("tg_main", "2024-11-29", followers: 1000)]
        }
        // (400 / 2) / 2000 × 100; tg_main posted nothing but counts in followers_end.
        #expect(approx(Fx.value(.viewsRate, ds), 10))
    }

    static let comments: KPIDataset = Fx.dataset { ds in
        ds.posts = [Fx.post("p1", at: "2024-10-30T10:00:00Z")]
        func c(_ id: String, _ at: String, words: Int, brand: Bool? = nil, reply: Bool = false,
               _ s: Sentiment? = nil) -> CommentFact {
            let i = Fx.t(at)
            return CommentFact(comment: Comment(id: id, postID: "p1", createdAt: i, localDate: Fx.d(String(at.prefix(10))),
                                                fromBrand: brand, sentiment: s),
                               accountID: "vk_main", wordCount: words, hasBrandReply: reply, sentiment: s)
        }
        ds.comments = [
            c("c1", "2024-11-01T00:00:00Z", words: 4, reply: true, .positive),
            c("c2", "2024-11-02T00:00:00Z", words: 3, brand: false, .negative),
            c("c3", "2024-11-03T00:00:00Z", words: 1),  // not classified (emoji only)
            c("c4", "2024-11-04T00:00:00Z", words: 9, reply: true, .neutral),
            c("b1", "2024-11-04T00:00:00Z", words: 9, brand: true, .positive),  // the brand's own reply
            c("c5", "2024-10-31T23:59:59Z", words: 9, .positive),  // October
        ]
    }

    @Test("comment metrics count non-brand comments created in P, whatever the post's date")
    func commentMetrics() {
        let ds = Self.comments
        #expect(Fx.value(.commentsCount, ds) == 4)
        #expect(Fx.value(.meaningfulComments, ds) == 2)
        #expect(approx(Fx.value(.meaningfulCommentShare, ds), 50))
        #expect(approx(Fx.value(.commentPositiveShare, ds), 100.0 / 3))
        #expect(approx(Fx.value(.commentNegativeShare, ds), 100.0 / 3))
        #expect(approx(Fx.value(.commentReplyRate, ds), 50))
    }

    @Test("comment_reply_rate is null without a parent_id column; comments need posts.csv")
    func commentNulls() {
        var ds = Self.comments
        ds.presence = Fx.presence().without("parent_id", in: .comments)
        #expect(Fx.value(.commentReplyRate, ds) == nil)
        #expect(Fx.value(.commentsCount, ds) == 4)
        ds.presence = Fx.presence().without(.posts)
        #expect(Fx.value(.commentsCount, ds) == nil)
        #expect(Fx.value(.meaningfulComments, ds) == nil)
        ds.presence = Fx.presence()
        #expect(Fx.value(.commentsCount, ds, "2024-09") == 0)
        #expect(Fx.value(.meaningfulCommentShare, ds, "2024-09") == nil)
        #expect(Fx.value(.commentPositiveShare, ds, "2024-09") == nil)
    }
}
