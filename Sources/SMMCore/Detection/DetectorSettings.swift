import Foundation

/// The detector's thresholds: product-defined, documented in docs/detection.md, tuned on the
/// tuning seeds of benchmarks/detection (never on the held-out seeds).
package struct DetectorSettings: Hashable, Sendable {
    // MARK: bought_followers

    /// Days of trailing history a day's baseline is taken from (median and MAD of joins).
    package var baselineDays = 28
    /// Fewer usable days than this in the window: the day is not judged.
    package var minBaselineDays = 14
    /// A run starts on a day whose unexplained joins reach this many robust sigmas …
    package var seedZ = 5.0
    /// … and whose joins are at least this many times the baseline.
    package var seedRatio = 2.5
    /// Neighbouring days join the run from this many sigmas …
    package var extendZ = 3.0
    /// … and this many times the baseline.
    package var extendRatio = 1.6
    /// Days just before a start day that may join the run (a ramp).
    package var maxLeadDays = 4
    /// A day's unexplained joins must be at least this many followers.
    package var minDayExcess = 8.0
    /// A run is reported when its unexplained joins are at least this many followers …
    package var minRunFake = 30.0
    /// … at least this many sigmas (σ √days) …
    package var runZ = 5.0
    /// … and at least this share of its joins above the baseline.
    package var minUnexplainedShare = 0.3
    /// Joins one extra reached user may bring, as a multiple of the account's own baseline
    /// joins per reached user …
    package var reachConversionFactor = 2.0
    /// … and never less than this.
    package var minReachConversion = 0.004
    /// Joins an ad click, an ad-reached user, a currency unit of spend without figures may bring
    /// (ad rows naming only a network are shared among that network's accounts).
    package var adClickConversion = 0.7
    package var adReachConversion = 0.005
    package var adSpendPerFollower = 1.0
    /// Joins one user reached by a mention above the usual may bring …
    package var mentionConversion = 0.005
    /// Without a rise of the account's own reach a mention's joins are shared among the accounts
    /// it could send people to, by size; with one, up to this many joins per extra reached user.
    package var mentionAudienceConversion = 0.5
    /// Joins one user reached by a collaboration post (one with a `partner`) may bring.
    package var partnerConversion = 0.01
    /// Joins one comment or repost above a post's usual may bring (giveaways: "subscribe and comment").
    package var participationConversion = 1.0
    /// Posts published up to this many days before a run count for participation.
    package var participationDays = 3
    /// Days after a run searched for an unfollow wave.
    package var waveDays = 30

    // MARK: bot_engagement

    /// Posts of the account published within this many days either side form its norm.
    package var normDays = 90
    /// Fewer other posts than this: the post is not judged.
    package var minNormPosts = 8
    /// The norm is per format when the format has this many posts, else over all formats.
    package var minFormatPosts = 10
    /// Likes per reached user must be at least this many times the account's usual …
    package var minLikesRatio = 2.5
    /// … at least this many robust sigmas of the account's log likes-per-reach …
    package var minLikesZ = 1.5
    /// … this many times the rise of comments and of reposts per reach …
    package var minLikesOverCompanions = 3.0
    /// … with at least this many likes above the norm.
    package var minFakeLikes = 30.0

    // MARK: bot_comments

    /// The burst window, in minutes.
    package var burstMinutes = 120
    /// At least this many user comments in the window …
    package var minBurstComments = 15
    /// … from at most this share of distinct authors …
    package var maxAuthorShare = 0.4
    /// … with at least this share repeating another comment's text in the window.
    package var minRepeatShare = 0.4
    /// A post's comments per reach must be this many times the account's usual for its
    /// comments to be read at all.
    package var commentCandidateRatio = 2.0

    package init() {}
}
