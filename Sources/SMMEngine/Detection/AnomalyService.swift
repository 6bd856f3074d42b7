import Foundation
import Logging
import SMMCore
import SMMStore

/// Errors of the anomaly requests, as sentences.
package enum AnomalyRequestError: Error, Equatable, LocalizedError {
    case unknownAnomaly(String)
    case emptyDatabase(String)
    case notAVerdict(String)
    case unsupportedStore(String)

    package var errorDescription: String? {
        switch self {
        case .unknownAnomaly(let id):
            return "No anomaly has the id “\(id)”; run `smmkpi anomalies` to list them (ids look like bf:vk_main:2024-11-11 or be:vk_main-118)."
        case .emptyDatabase(let location):
            return "The database \(location) has no data yet; import a bundle first (smmkpi import BUNDLE) or load demo data (smmkpi demo)."
        case .notAVerdict(let status):
            return "“\(status)” is not a verdict; confirm or dismiss an anomaly."
        case .unsupportedStore(let location):
            return "The database \(location) cannot keep anomalies and verdicts in this build; use a SQLite file."
        }
    }
}

/// The anomalies a listing shows, with the period and scope asked for.
package struct AnomalyListing: Sendable {
    package var period: Period?
    /// Sorted account ids of the scope.
    package var scopeAccounts: [String]
    package var anomalies: [Anomaly]
}

/// How long each step of a detection took, for the benchmark.
package struct DetectionTiming: Sendable {
    package var readSeconds = 0.0
    package var detectSeconds = 0.0
    package var commentsSeconds = 0.0
    package var posts = 0
    package var commentPosts = 0
}

/// The cheating detector over a store (cli.md `anomalies`): runs it on the whole history (or
/// takes its cached result, valid until the next import), applies the directors' verdicts,
/// records new verdicts, and feeds net_follower_growth_clean.
package struct AnomalyService: Sendable {
    package var store: any Store & AnomalyStore
    package var detector: CheatingDetector
    /// Use and refresh the cached detection result.
    package var useCache: Bool
    package var logger: Logger

    package init(store: any Store & AnomalyStore, detector: CheatingDetector = CheatingDetector(), useCache: Bool = true,
                 logger: Logger = Logger(label: "smmkpi.anomalies")) {
        self.store = store; self.detector = detector; self.useCache = useCache; self.logger = logger
    }

    /// A service over any store; throws when the store cannot keep anomalies.
    package init(anyStore: any Store, detector: CheatingDetector = CheatingDetector(), useCache: Bool = true,
                 logger: Logger = Logger(label: "smmkpi.anomalies")) throws {
        guard let store = anyStore as? any Store & AnomalyStore else {
            throw AnomalyRequestError.unsupportedStore(anyStore.location)
        }
        self.init(store: store, detector: detector, useCache: useCache, logger: logger)
    }

    /// The detector's result on the stored data (status `open`), cached until the next import.
    package func detected() async throws -> [Anomaly] {
        let key = detector.version + "|" + (try await store.dataVersion())
        if useCache, let cached = try await store.cachedAnomalies(key: key) { return cached }
        let found = try await runDetector().anomalies
        if useCache {
            do {
                try await store.cacheAnomalies(found, key: key)
            } catch {
                // A read-only database still answers; it only detects again next time.
                logger.warning("could not cache the anomalies: \(error)")
            }
        }
        return found
    }

    /// Runs the detector on the stored data, without the cache, timing each step.
    package func runDetector() async throws -> (anomalies: [Anomaly], timing: DetectionTiming) {
        let clock = ContinuousClock()
        var t0 = clock.now
        var input = try await store.detectionInput()
        var d = detector
        if let currency = try await store.settings()?.currency { d.currency = currency }
        var timing = DetectionTiming(readSeconds: (clock.now - t0).seconds, posts: input.posts.count)
        t0 = clock.now
        let candidates = d.commentCandidates(input)
        input.comments = try await store.userComments(posts: candidates)
        timing.commentsSeconds = (clock.now - t0).seconds
        timing.commentPosts = candidates.count
        t0 = clock.now
        let found = d.detect(input)
        timing.detectSeconds = (clock.now - t0).seconds
        return (found, timing)
    }

    /// Every anomaly with its status: verdicts applied to the detector's result.
    package func all() async throws -> [Anomaly] {
        AnomalyReview.merge(detected: try await detected(), verdicted: try await store.verdictedAnomalies())
    }

    /// `smmkpi anomalies [--period P] [--accounts a,b]`.
    package func list(period: Period?, accounts: [String]?) async throws -> AnomalyListing {
        let known = try await knownAccounts()
        let scope: Scope
        if let accounts, !accounts.isEmpty {
            scope = try Scope(accounts: accounts, of: known)
        } else {
            scope = Scope.all(of: known)
        }
        let filtered = AnomalyReview.filter(try await all(), period: period,
                                            accounts: scope.isAllAccounts ? nil : scope.accountIDs)
        return AnomalyListing(period: period, scopeAccounts: scope.sortedAccountIDs, anomalies: filtered)
    }

    /// `smmkpi anomalies confirm|dismiss ID [--note]`: records the verdict and returns the
    /// anomaly with its new status. A later verdict replaces an earlier one; the anomaly keeps
    /// the numbers it had when first judged.
    package func review(id raw: String, status: AnomalyStatus, note: String?, at: Instant) async throws -> Anomaly {
        guard status != .open else { throw AnomalyRequestError.notAVerdict(status.rawValue) }
        let id = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await knownAccounts()
        guard var anomaly = try await all().first(where: { $0.id == id }) else {
            throw AnomalyRequestError.unknownAnomaly(id)
        }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        anomaly.status = status
        anomaly.verdict = Verdict(status: status, note: trimmed?.isEmpty == false ? trimmed : nil, at: at)
        try await store.recordVerdict(anomaly)
        return anomaly
    }

    /// Open and confirmed bought-followers estimates dated in `window` (net_follower_growth_clean).
    package func boughtFollowers(window: ClosedRange<LocalDate>) async throws -> [BoughtFollowersDay] {
        AnomalyReview.boughtFollowers(try await all(), in: window)
    }

    private func knownAccounts() async throws -> [Account] {
        let accounts = try await store.accounts()
        guard !accounts.isEmpty else { throw AnomalyRequestError.emptyDatabase(store.location) }
        return accounts
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
