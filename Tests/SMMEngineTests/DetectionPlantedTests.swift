import Foundation
import Testing
import SMMCore
import SMMEngine

/// The evaluation harness of benchmarks/detection on a small planted bundle: the generator's
/// truth, the import and the scoring fit together (the figures come from benchmarks/, not here).
@Suite struct DetectionPlantedTests {
    @Test("a planted bundle imports, and the scoring accounts for every planted case")
    func plantedBundle() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-planted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var plan = PlantingPlan()
        plan.boughtChance = 1
        plan.botLikesChance = 1
        let eval = DetectionEvaluation(accounts: 4, days: 150, plan: plan, workDirectory: dir)
        let result = try await eval.evaluate(seed: 7, planted: true, detector: CheatingDetector())
        let (_, truth) = try eval.prepare(seed: 7, planted: true)
        #expect(!truth.runs.isEmpty)
        #expect(result.boughtFollowers.planted == truth.runs.count)
        #expect(result.botEngagement.planted == truth.botPosts.count)
        #expect(result.runs.count == truth.runs.count)
        #expect(result.boughtFollowers.found >= 1)
        #expect(result.accountDays > 0 && result.cleanAccountDays < result.accountDays)
        // The same seed gives the same bundle: preparing again reads the stored truth.
        let (_, again) = try eval.prepare(seed: 7, planted: true)
        #expect(again.runs == truth.runs)
    }

    @Test("scoring: a run is found by an overlapping anomaly of its account; anything else is a false alarm")
    func scoring() {
        var truth = PlantedTruth()
        let d = LocalDate(iso: "2025-03-10")!
        truth.runs = [PlantedRun(accountID: "vk", from: d, to: d.adding(days: 2), followers: 500, shape: "burst",
                                 size: "medium", dailyMultiple: 10, wave: false)]
        truth.botPosts = [PlantedPost(postID: "vk-9", accountID: "vk", date: d, size: 8)]
        truth.accountDays = 1000
        func anomaly(_ id: String, _ kind: AnomalyKind, _ account: String, _ from: LocalDate, post: String? = nil) -> Anomaly {
            Anomaly(id: id, kind: kind, accountID: account, from: from, to: from, postID: post, estimate: 1, score: 0.9,
                    evidence: Evidence(text: "", numbers: []))
        }
        let found = [anomaly("bf:vk:2025-03-11", .boughtFollowers, "vk", d.adding(days: 1)),
                     anomaly("bf:tg:2025-03-11", .boughtFollowers, "tg", d.adding(days: 1)),
                     anomaly("be:vk-10", .botEngagement, "vk", d, post: "vk-10")]
        let r = SeedEvaluation(seed: 1, planted: true, anomalies: found, truth: truth, days: 365)
        #expect(r.boughtFollowers.truePositives == 1 && r.boughtFollowers.falsePositives == 1)
        #expect(r.boughtFollowers.recall == 1 && r.boughtFollowers.precision == 0.5)
        #expect(r.botEngagement.found == 0 && r.botEngagement.missed == 1 && r.botEngagement.falsePositives == 1)
        #expect(r.falseAlarmCount == 2)
    }
}
