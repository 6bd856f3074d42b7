import Foundation
import Logging
import SMMCore
import SMMStore

/// True and false positives and misses of one anomaly kind.
package struct KindTally: Sendable, Codable, Equatable {
    package var truePositives = 0
    package var falsePositives = 0
    package var missed = 0
    /// Planted cases (found + missed).
    package var planted: Int { found + missed }
    /// Planted cases found by at least one anomaly.
    package var found = 0

    package init() {}

    /// Right anomalies among all anomalies of the kind; nil when there are none.
    package var precision: Double? {
        truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// Planted cases found; nil when nothing was planted.
    package var recall: Double? { planted == 0 ? nil : Double(found) / Double(planted) }

    package static func + (a: KindTally, b: KindTally) -> KindTally {
        var t = a
        t.truePositives += b.truePositives; t.falsePositives += b.falsePositives
        t.missed += b.missed; t.found += b.found
        return t
    }
}

/// The detector against one planted bundle (cli.md "Quality"): a bought_followers anomaly is
/// right when it names the account and (overlapping) days of a planted run, a post anomaly
/// when it names a planted post; everything else is a false alarm.
package struct SeedEvaluation: Sendable, Codable {
    package var seed: UInt64
    package var planted: Bool
    package var accountDays = 0
    /// Account-days outside planted runs (and the 30 days after them).
    package var cleanAccountDays = 0
    package var boughtFollowers = KindTally()
    package var botEngagement = KindTally()
    package var botComments = KindTally()
    /// False alarms on hard negatives, by the negative's kind.
    package var negativeAlarms: [String: Int] = [:]
    /// Planted runs with whether they were found (for recall by shape and size).
    package var runs: [RunOutcome] = []
    package var botPosts: [PostOutcome] = []
    package var commentPosts: [PostOutcome] = []
    /// The false alarms, for diagnosis.
    package var falseAlarms: [FalseAlarm] = []

    package struct RunOutcome: Sendable, Codable {
        package var run: PlantedRun
        package var found: Bool
    }
    package struct PostOutcome: Sendable, Codable {
        package var post: PlantedPost
        package var found: Bool
    }
    package struct FalseAlarm: Sendable, Codable {
        package var id: String
        package var score: Double
        package var text: String
        /// The hard negative it lies on, if any.
        package var negative: String?
    }

    package var falseAlarmCount: Int {
        boughtFollowers.falsePositives + botEngagement.falsePositives + botComments.falsePositives
    }

    /// Scores `anomalies` against `truth`.
    package init(seed: UInt64, planted: Bool, anomalies: [Anomaly], truth: PlantedTruth, days: Int) {
        self.seed = seed
        self.planted = planted
        accountDays = truth.accountDays
        var runFound = [Bool](repeating: false, count: truth.runs.count)
        var shadow = 0
        for r in truth.runs { shadow += r.from.days(to: r.to) + 1 + 30 }
        cleanAccountDays = max(0, truth.accountDays - shadow)
        let botPosts = Dictionary(truth.botPosts.enumerated().map { ($1.postID, $0) }, uniquingKeysWith: { a, _ in a })
        let commentPosts = Set(truth.commentPosts.map(\.postID))
        var botFound = [Bool](repeating: false, count: truth.botPosts.count)
        var commentFound = Set<String>()
        for a in anomalies {
            var right = false
            switch a.kind {
            case .boughtFollowers:
                for (i, r) in truth.runs.enumerated() where r.accountID == a.accountID && r.from <= a.to && r.to >= a.from {
                    right = true
                    runFound[i] = true
                }
                if right { boughtFollowers.truePositives += 1 } else { boughtFollowers.falsePositives += 1 }
            case .botEngagement:
                if let i = a.postID.flatMap({ botPosts[$0] }) {
                    right = true
                    botFound[i] = true
                    botEngagement.truePositives += 1
                } else {
                    botEngagement.falsePositives += 1
                }
            case .botComments:
                if let p = a.postID, commentPosts.contains(p) {
                    right = true
                    commentFound.insert(p)
                    botComments.truePositives += 1
                } else {
                    botComments.falsePositives += 1
                }
            }
            if !right {
                let negative = truth.negatives.first { n in
                    n.accountID == a.accountID && (n.postID == a.postID && a.postID != nil
                        || (a.kind == .boughtFollowers && n.from.adding(days: -1) <= a.to && n.to.adding(days: 1) >= a.from))
                }
                if let negative { negativeAlarms[negative.kind, default: 0] += 1 }
                falseAlarms.append(FalseAlarm(id: a.id, score: a.score, text: a.evidence.text, negative: negative?.kind))
            }
        }
        boughtFollowers.found = runFound.filter { $0 }.count
        boughtFollowers.missed = runFound.count - boughtFollowers.found
        botEngagement.found = botFound.filter { $0 }.count
        botEngagement.missed = botFound.count - botEngagement.found
        botComments.found = commentFound.count
        botComments.missed = commentPosts.count - commentFound.count
        runs = zip(truth.runs, runFound).map { RunOutcome(run: $0, found: $1) }
        self.botPosts = zip(truth.botPosts, botFound).map { PostOutcome(post: $0, found: $1) }
        self.commentPosts = truth.commentPosts.map { PostOutcome(post: $0, found: commentFound.contains($0.postID)) }
    }
}

/// Generates planted bundles, imports each into a fresh SQLite file and runs the detector
/// (benchmarks/detection). Bundles and databases are kept in `workDirectory` per seed, so
/// tuning several settings on the same seeds imports once.
package struct DetectionEvaluation: Sendable {
    package var accounts: Int
    package var days: Int
    package var plan: PlantingPlan
    package var workDirectory: URL
    /// Fixed, so a seed means the same bundle on every machine and every day.
    package var endDate = LocalDate(iso: "2025-10-31")!

    package init(accounts: Int = 24, days: Int = 365, plan: PlantingPlan = PlantingPlan(), workDirectory: URL) {
        self.accounts = accounts; self.days = days; self.plan = plan; self.workDirectory = workDirectory
    }

    /// The database and truth of a seed, generated and imported on first use.
    package func prepare(seed: UInt64, planted: Bool) throws -> (SQLiteStore, PlantedTruth) {
        let name = "\(planted ? "planted" : "clean")-\(accounts)x\(days)-seed\(seed)"
        let dir = workDirectory.appendingPathComponent(name)
        let db = dir.appendingPathComponent("db.sqlite"), truthURL = dir.appendingPathComponent("truth.json")
        let logger = Logger(label: "smmkpi.detection-bench")
        if FileManager.default.fileExists(atPath: truthURL.path), FileManager.default.fileExists(atPath: db.path) {
            let truth = try JSONDecoder().decode(PlantedTruth.self, from: Data(contentsOf: truthURL))
            return (try SQLiteStore(path: db.path, logger: logger), truth)
        }
        try? FileManager.default.removeItem(at: dir)
        let bundle = dir.appendingPathComponent("bundle")
        let demo = DemoGenerator(accounts: accounts, days: days, seed: seed, endDate: endDate)
        let truth = try PlantedBundle(demo: demo, plan: plan).write(to: bundle, plant: planted)
        let store = try SQLiteStore(path: db.path, logger: logger)
        _ = try Importer(store: store, logger: logger).run(bundle: bundle.path)
        try? FileManager.default.removeItem(at: bundle)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(truth).write(to: truthURL)
        return (store, truth)
    }

    /// Runs `detector` on a seed's database and scores it.
    package func evaluate(seed: UInt64, planted: Bool, detector: CheatingDetector) async throws -> SeedEvaluation {
        let (store, truth) = try prepare(seed: seed, planted: planted)
        let found = try await AnomalyService(store: store, detector: detector, useCache: false).runDetector().anomalies
        return SeedEvaluation(seed: seed, planted: planted, anomalies: found, truth: truth, days: days)
    }
}
