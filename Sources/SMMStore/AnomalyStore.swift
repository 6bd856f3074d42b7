import Foundation
import SMMCore

/// What the cheating detector needs from storage (cli.md `anomalies`): the history it reads,
/// the directors' verdicts, and a cache of its last result.
package protocol AnomalyStore: Sendable {
    /// The whole history the detector reads: accounts, account_daily, posts with their latest
    /// snapshot, ad_spend per day and account (or network), mentions per day and network.
    /// Comments are left empty (see ``userComments(posts:)``).
    func detectionInput() async throws -> DetectionInput
    /// User comments (not `from_brand`) of the given posts, by post id.
    func userComments(posts: [String]) async throws -> [String: [DetectionComment]]
    /// Changes with every import: a detection result cached under it is still valid.
    func dataVersion() async throws -> String
    /// The detection result stored under `key`, nil when the cache holds another key.
    func cachedAnomalies(key: String) async throws -> [Anomaly]?
    /// Replaces the cached detection result.
    func cacheAnomalies(_ anomalies: [Anomaly], key: String) async throws
    /// Every anomaly with a verdict, as it was judged (status `confirmed` or `dismissed`).
    func verdictedAnomalies() async throws -> [Anomaly]
    /// Stores `anomaly` with its ``Anomaly/verdict`` (status and verdict set), replacing an
    /// earlier verdict on the same id, and logs the decision.
    func recordVerdict(_ anomaly: Anomaly) async throws
}
