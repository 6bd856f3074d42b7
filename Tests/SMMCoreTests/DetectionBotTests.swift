import Foundation
import Testing
@testable import SMMCore

@Suite struct DetectionBotTests {
    // MARK: bot_engagement

    @Test("bot likes: likes far above the reach-based norm, comments and reposts as usual")
    func botLikes() throws {
        var h = DetectionHistory()
        let p = h.posts[70]
        h.posts[70].likes = (p.likes ?? 0) + 1_500
        let found = h.detect().filter { $0.kind == .botEngagement }
        let a = try #require(found.first)
        #expect(found.count == 1)
        #expect(a.id == "be:\(p.id)")
        #expect(a.postID == p.id && a.date == p.date && a.from == a.to)
        #expect(abs(a.estimate - 1_500) <= 200, "estimate \(a.estimate)")
        #expect(a.evidence.text.contains("comments and reposts as usual"))
        #expect((a.evidence["likes_ratio"] ?? 0) >= 4)
        #expect(a.score >= 0.5)
    }

    @Test("hard negative: a viral post, likes in proportion to its reach")
    func viralPost() {
        var h = DetectionHistory()
        h.posts[70].reach = 80_000
        h.posts[70].likes = 2_900
        h.posts[70].comments = 170
        h.posts[70].reposts = 330
        #expect(h.detect().filter { $0.kind == .botEngagement }.isEmpty)
    }

    @Test("hard negative: a giveaway lifts comments and reposts with the likes")
    func giveawayPost() {
        var h = DetectionHistory()
        let reach = Double(h.posts[70].reach ?? 0)
        h.posts[70].likes = Int64(reach * 0.035 * 5)
        h.posts[70].comments = Int64(reach * 0.002 * 10)
        h.posts[70].reposts = Int64(reach * 0.004 * 12)
        #expect(h.detect().filter { $0.kind == .botEngagement }.isEmpty)
    }

    @Test("reach missing: impressions stand in")
    func impressionsInstead() throws {
        var h = DetectionHistory()
        for i in h.posts.indices { h.posts[i].reach = nil }
        h.posts[70].likes = (h.posts[70].likes ?? 0) + 1_500
        let a = try #require(h.detect().first { $0.kind == .botEngagement })
        #expect(a.evidence.text.contains("impressions of"))
    }

    @Test("a handful of extra likes on a small post is not enough")
    func tooFew() {
        var h = DetectionHistory(reach: 300)
        h.posts[70].likes = (h.posts[70].likes ?? 0) + 20
        #expect(h.detect().filter { $0.kind == .botEngagement }.isEmpty)
    }

    @Test("saves are a companion: likes that rose with saves are people, likes alone are bots")
    func savesCompanion() throws {
        var h = DetectionHistory()
        for i in h.posts.indices { h.posts[i].saves = (h.posts[i].likes ?? 0) / 8 }
        var people = h
        people.posts[70].likes = (h.posts[70].likes ?? 0) * 6
        people.posts[70].saves = (h.posts[70].saves ?? 0) * 6
        people.posts[70].reposts = (h.posts[70].reposts ?? 0) * 6
        #expect(people.detect().filter { $0.kind == .botEngagement }.isEmpty)
        var bots = h
        bots.posts[70].likes = (h.posts[70].likes ?? 0) * 6
        let a = try #require(bots.detect().first { $0.kind == .botEngagement })
        #expect(a.evidence["saves_ratio"] != nil)
    }

    // MARK: bot_comments

    static func comments(_ post: String, start: Instant, count: Int, authors: [String], texts: [String],
                         spacingSeconds: Int64) -> [DetectionComment] {
        (0..<count).map { k in
            DetectionComment(postID: post, createdAt: Instant(nanoseconds: start.nanoseconds + Int64(k) * spacingSeconds * 1_000_000_000),
                             authorID: authors[k % authors.count], text: texts[k % texts.count])
        }
    }

    @Test("bot comments: a burst from few authors repeating short texts")
    func botComments() throws {
        var h = DetectionHistory()
        let post = h.posts[70]
        h.posts[70].comments = (post.comments ?? 0) + 60
        let start = Instant(seconds: Int64(post.date.dayNumber) * 86400 + 12 * 3600)
        h.comments[post.id] = Self.comments(post.id, start: start, count: 60, authors: ["b1", "b2", "b3", "b4", "b5"],
                                            texts: ["Класс!", "Супер 👍", "Отличный пост", "класс"], spacingSeconds: 40)
        #expect(CheatingDetector().commentCandidates(h.input) == [post.id])
        let a = try #require(h.detect().first { $0.kind == .botComments })
        #expect(a.id == "bc:\(post.id)")
        #expect(a.estimate == 60)
        #expect(a.evidence.text.contains("from 5 authors"))
        #expect((a.evidence["repeat_share"] ?? 0) >= 0.9)
    }

    @Test("hard negative: giveaway comments are repetitive but from many authors")
    func giveawayComments() {
        var h = DetectionHistory()
        let post = h.posts[70]
        h.posts[70].comments = 300
        let start = Instant(seconds: Int64(post.date.dayNumber) * 86400 + 12 * 3600)
        h.comments[post.id] = Self.comments(post.id, start: start, count: 300, authors: (0..<300).map { "u\($0)" },
                                            texts: ["Участвую!", "Участвую! @masha", "I'm in!"], spacingSeconds: 20)
        #expect(h.detect().filter { $0.kind == .botComments }.isEmpty)
    }

    @Test("texts repeat when case, punctuation and spacing differ")
    func normalized() {
        #expect(BotComments.normalized("Класс!!") == BotComments.normalized(" класс "))
        #expect(BotComments.normalized("Супер 👍") == "супер 👍")
        #expect(BotComments.normalized(nil) == "")
    }
}
