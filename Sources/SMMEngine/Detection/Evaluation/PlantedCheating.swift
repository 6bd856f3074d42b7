import Foundation
import SMMCore

/// A post with planted bot likes or a planted bot-comment burst.
package struct PlantedPost: Hashable, Sendable, Codable {
    package var postID: String
    package var accountID: String
    package var date: LocalDate
    /// Bot likes: likes after ÷ likes before. Bot comments: comments added.
    package var size: Double

    package init(postID: String, accountID: String, date: LocalDate, size: Double) {
        self.postID = postID; self.accountID = accountID; self.date = date; self.size = size
    }
}

/// A genuine event that looks like cheating (a hard negative): anomalies on it are false alarms.
package struct PlantedEvent: Hashable, Sendable, Codable {
    /// `viral_post`, `ad_campaign`, `giveaway`, `big_mention`.
    package var kind: String
    package var accountID: String
    package var from: LocalDate
    package var to: LocalDate
    package var postID: String?
    /// Joins the event brought.
    package var joins: Int
}

/// What a planted bundle holds, known by construction.
package struct PlantedTruth: Sendable, Codable {
    package var runs: [PlantedRun] = []
    package var botPosts: [PlantedPost] = []
    package var commentPosts: [PlantedPost] = []
    package var negatives: [PlantedEvent] = []
    /// account_daily rows of the bundle.
    package var accountDays = 0
    package init() {}
}

/// How much cheating and how many hard negatives to plant, per account.
package struct PlantingPlan: Sendable, Hashable, Codable {
    /// Chance an account gets a run of bought followers; then a second one.
    package var boughtChance = 0.5
    package var secondRunChance = 0.2
    /// Chance a run is followed by an unfollow wave.
    package var waveChance = 0.5
    /// Chance an account gets 1–3 posts with bot likes; a bot-comment burst.
    package var botLikesChance = 0.35
    package var botCommentsChance = 0.25
    /// Chances of each hard negative per account.
    package var viralChance = 0.4
    package var adChance = 0.35
    package var giveawayChance = 0.3
    package var mentionChance = 0.25
    package init() {}
}

/// Writes a demo bundle (``DemoGenerator``) and then plants cheating of known extent in its
/// CSVs, with hard negatives beside it (benchmarks/detection). Everything derives from the
/// demo seed: the same seed gives the same bundle and the same truth.
///
/// Bought followers: a run of `spike` (1 day), `burst` (2–4 even days), `drip` (5–10 even
/// days), `ramp` (4–7 rising days) or `decay` (3–6 halving days); size `small` (0.3–1 ×
/// a month of the account's organic joins), `medium` (1–3 ×) or `large` (3–15 ×), at least
/// 100 followers; half followed 2–10 days later by an unfollow wave of 20–60 % over 7–25
/// days. Reach and views do not move. Bot likes: a post's likes × 3–30 (log-uniform), at
/// least 40 more. Bot comments: 20–120 comments within 15–90 minutes from 3–12 authors
/// repeating short phrases. Hard negatives: viral posts (reach × 8–40, every counter with it,
/// the extra reach converting at 0.3–1.5 × the account's own joins per reach), big ad campaigns (5–14 days, ad reach 3–15 × the
/// account's daily reach, 15–60 % of clicks follow), giveaways (likes × 3–5, comments and
/// reposts × 10–40, 40–100 % of the participants follow, hundreds of repetitive comments from
/// distinct authors), mentions by a large blog (reach 200 000 – 2 000 000, 0.05–0.4 % follow).
package struct PlantedBundle: Sendable {
    package var demo: DemoGenerator
    package var plan: PlantingPlan

    package init(demo: DemoGenerator, plan: PlantingPlan = PlantingPlan()) { self.demo = demo; self.plan = plan }

    /// Files the detector does not read; dropped from evaluation bundles to keep imports short.
    static let unread: [BundleFile] = [.leads, .deals, .webSessions, .messages, .reviews, .contentPlan, .workLog,
                                        .audience, .brandSearches, .otherCosts]

    /// Writes the bundle into `directory`; with `plant` false it is the demo bundle as generated
    /// (its own purchases are still in the truth).
    package func write(to directory: URL, plant: Bool = true) throws -> PlantedTruth {
        _ = try demo.write(to: directory)
        for f in Self.unread { try? FileManager.default.removeItem(at: directory.appendingPathComponent(f.fileName)) }
        var truth = PlantedTruth()
        truth.runs = demo.plantedPurchases()
        var planter = try Planter(directory: directory, demo: demo, plan: plan)
        truth.accountDays = planter.dailyRows
        guard plant else { return truth }
        try planter.plant(&truth)
        try planter.save()
        return truth
    }
}
