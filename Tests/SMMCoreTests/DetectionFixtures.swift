import Foundation
@testable import SMMCore

/// Synthetic, deterministic histories for the detector tests: an account with ordinary noise
/// (its own generator, so every run is the same), to which a test adds cheating or a genuine event.
struct DetectionHistory {
    var account = Account(id: "vk_main", network: .vk, name: "VK")
    var first = LocalDate(iso: "2024-09-01")!
    var days: [AccountDay] = []
    var posts: [DetectionPost] = []
    var ads: [AdDay] = []
    var mentions: [MentionDay] = []
    var comments: [String: [DetectionComment]] = [:]

    /// A small xorshift generator: the same numbers on every machine.
    struct Noise {
        var state: UInt64
        mutating func unit() -> Double {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Double(state >> 11) * 0x1p-53
        }
        /// Roughly normal, mean 0, sd 1.
        mutating func normal() -> Double { (unit() + unit() + unit() + unit() - 2) * 1.7320508 }
        /// A count around `mean` (Poisson-like spread).
        mutating func count(_ mean: Double) -> Int64 { Int64(max(0, (mean + mean.squareRoot() * normal()).rounded())) }
    }

    /// `length` days from 2024-09-01: about `joined` joins and `left` unfollows a day, reach
    /// around `reach` (±20 %), one post a day reaching about a third of it with 3.5 % likes.
    init(length: Int = 120, followers: Int64 = 20_000, joined: Double = 40, left: Double = 20, reach: Double = 5000,
         seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        var n = Noise(state: seed)
        var f = followers
        for i in 0..<length {
            let j = n.count(joined), l = n.count(left)
            f += j - l
            let r = Int64(reach * (1 + 0.2 * n.normal()))
            days.append(AccountDay(accountID: account.id, date: first.adding(days: i), followers: f, joined: j, left: l,
                                   reach: r, views: Int64(Double(r) * 1.6)))
            let pr = Int64(reach / 3 * exp(0.4 * n.normal()))
            let likes = Int64(Double(pr) * 0.035 * exp(0.3 * n.normal()))
            posts.append(DetectionPost(id: "vk_main-\(i + 1)", accountID: account.id, date: first.adding(days: i),
                                       reach: pr, impressions: pr * 3 / 2, likes: likes,
                                       comments: n.count(Double(pr) * 0.002), reposts: n.count(Double(pr) * 0.004)))
        }
    }

    func date(_ i: Int) -> LocalDate { first.adding(days: i) }

    /// Adds `extra` joins on day i (followers follow).
    mutating func addJoins(_ i: Int, _ extra: Int64) {
        days[i].joined = (days[i].joined ?? 0) + extra
        for k in i..<days.count { days[k].followers += extra }
    }

    /// Adds `extra` unfollows on day i.
    mutating func addLeft(_ i: Int, _ extra: Int64) {
        days[i].left = (days[i].left ?? 0) + extra
        for k in i..<days.count { days[k].followers -= extra }
    }

    mutating func scaleReach(_ i: Int, _ factor: Double) {
        days[i].reach = days[i].reach.map { Int64(Double($0) * factor) }
        days[i].views = days[i].views.map { Int64(Double($0) * factor) }
    }

    var input: DetectionInput {
        DetectionInput(accounts: [account], days: days, posts: posts, ads: ads, mentions: mentions, comments: comments)
    }

    func detect(_ settings: DetectorSettings = DetectorSettings()) -> [Anomaly] {
        CheatingDetector(settings: settings).detect(input)
    }
}
