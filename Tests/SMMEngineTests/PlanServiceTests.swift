import Foundation
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Plans in the database, and plans evaluated on the example bundle through a real SQLite file.
@Suite struct PlanServiceTests {
    static let december = Period.month(year: 2024, month: 12)!

    // MARK: Stored plans

    @Test("import stores a plan; importing the same name replaces it and keeps its id")
    func importReplaces() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = PlanService(store: try PlanFixtures.store(in: dir))
        let (first, replaced) = try await service.importPlan(path: PlanFixtures.examplePlan.path)
        #expect(!replaced)
        #expect(first.plan == (try PlanReader.read(path: PlanFixtures.examplePlan.path)))
        let (second, again) = try await service.importPlan(path: PlanFixtures.examplePlan.path)
        #expect(again)
        #expect(second.id == first.id)
        #expect(try await service.list().count == 1)
        let (other, _) = try await service.importPlan(path: PlanFixtures.examplePlan.path, name: "Copy")
        #expect(other.id != first.id)
        #expect(try await service.list().map(\.name) == ["Copy", "December 2024 — Кофейня «Зерно» SMM"])
    }

    @Test("a stored plan is found by id or name, exported as YAML that reads back, and deleted")
    func findExportDelete() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = PlanService(store: try PlanFixtures.store(in: dir))
        let (stored, _) = try await service.importPlan(path: PlanFixtures.examplePlan.path)
        let byID = try await service.load(String(stored.id))
        let byName = try await service.load(" December 2024 — Кофейня «Зерно» SMM ")
        #expect(byID.id == stored.id && byName.id == stored.id)
        #expect(try PlanReader.parse(PlanWriter.yaml(byName.plan)) == stored.plan)
        let fromFile = try await service.load(PlanFixtures.examplePlan.path)
        #expect(fromFile.id == nil && fromFile.plan == stored.plan)
        let removed = try await service.delete(String(stored.id))
        #expect(removed.id == stored.id)
        #expect(try await service.list().isEmpty)
        await #expect(throws: PlanError.self) { _ = try await service.load("December 2024 — Кофейня «Зерно» SMM") }
        await #expect(throws: PlanError.self) { _ = try await service.load("missing.yaml") }
    }

    @Test("an unknown account is an error naming it; nothing is saved")
    func unknownAccount() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = PlanService(store: try PlanFixtures.store(in: dir))
        let file = dir.appendingPathComponent("ghost.yaml")
        try "period: 2024-12\naccounts: [vk_main, ghost]\nkpis: [{metric: leads, target: {at_least: 1}}]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try await service.importPlan(path: file.path)
            Issue.record("no error")
        } catch let error as PlanError {
            #expect(error.errorDescription?.contains("“ghost” is not an account") == true)
            #expect(error.errorDescription?.contains("tg_main, vk_main") == true)
        }
        #expect(try await service.list().isEmpty)
    }

    @Test("a plan file without a name is stored under the file's base name")
    func unnamed() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let service = PlanService(store: try PlanFixtures.store(in: dir))
        let file = dir.appendingPathComponent("march-leads.yaml")
        try "period: 2025-03\nkpis: [{metric: leads, target: {at_least: 1}}]\n".write(to: file, atomically: true, encoding: .utf8)
        let (stored, _) = try await service.importPlan(path: file.path)
        #expect(stored.name == "march-leads")
    }

    // MARK: Scorecards

    @Test("the example plan's scorecard matches expected/scorecard-2024-12.json")
    func exampleScorecard() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let card = try await ScoringService(store: try PlanFixtures.store(in: dir)).scorecard(plan)
        #expect(!card.inProgress)
        #expect(card.kpis.map(\.status) == [.met, .atRisk, .missed, .atRisk, .atRisk, .met, .missed, .met])
        #expect(abs((card.score ?? 0) - 90.10036060184154) < 1e-6)
        #expect(abs((card.bonus?.total ?? 0) - 31154.044780552467) < 1e-4)
        #expect(card.scopeAccounts == ["tg_main", "vk_main"])
        #expect(card.kpis.allSatisfy { $0.forecast == nil && $0.forecastStatus == nil })
    }

    @Test("a partial account scope computes every KPI over those accounts only")
    func partialScope() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try PlanFixtures.store(in: dir)
        var plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        plan.accounts = ["vk_main"]
        let card = try await ScoringService(store: store).scorecard(plan)
        #expect(card.scopeAccounts == ["vk_main"])
        let report = try await KPIService(store: store).report(period: Self.december, accounts: ["vk_main"],
                                                               options: plan.kpiOptions)
        for k in card.kpis {
            #expect(k.actual == report[k.metric]?.value, "\(k.metric)")
            #expect(k.previous == report[k.metric]?.previous, "\(k.metric)")
        }
        let all = try await ScoringService(store: store).scorecard(try PlanReader.read(path: PlanFixtures.examplePlan.path))
        #expect(card.kpis[2].actual != all.kpis[2].actual)  // reach_total differs without tg_main
        #expect(card.bonus?.revenue != all.bonus?.revenue)
    }

    @Test("as of a day inside the period: in progress, measured so far, forecast to the end")
    func inProgress() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try PlanFixtures.store(in: dir)
        var plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        plan.kpis.append(PlanKPI(metric: .leads, target: .atLeast(40)))
        let asOf = LocalDate(iso: "2024-12-15")!
        let card = try await ScoringService(store: store).scorecard(plan, asOf: asOf)
        #expect(card.inProgress)
        #expect(card.asOf == asOf)
        let firstHalf = try Period(parsing: "2024-12-01..2024-12-15")
        let soFar = try await KPIService(store: store).report(period: firstHalf, options: plan.kpiOptions)
        let leads = try #require(card.kpis.last)
        #expect(leads.actual == soFar[.leads]?.value)
        #expect(leads.forecast.map { abs($0 - (soFar[.leads]!.value! / 15 * 31)) < 1e-9 } == true)
        #expect(leads.forecastStatus != nil)
        // A ratio keeps its value so far; previous is still the whole of November.
        #expect(card.kpis[0].forecast == card.kpis[0].actual)
        #expect(card.kpis[0].previous == 3.3173681737575214)
        #expect(card.forecastScore != nil)
        #expect(card.kpis.allSatisfy { $0.forecastStatus != nil })
    }

    @Test("as of a day before the period: not in progress, no data yet")
    func notStarted() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let card = try await ScoringService(store: try PlanFixtures.store(in: dir))
            .scorecard(plan, asOf: LocalDate(iso: "2024-11-20")!)
        #expect(!card.inProgress)
        #expect(card.kpis.allSatisfy { $0.status == .noData && $0.forecast == nil })
        #expect(card.score == nil)
    }

    @Test("today is the date in the bundle's time zone (Europe/Moscow): 22:30 UTC on 31 Dec is 1 Jan")
    func todayInZone() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let instant = ISO8601DateFormatter().date(from: "2024-12-31T22:30:00Z")!
        let service = ScoringService(store: try PlanFixtures.store(in: dir), now: { instant })
        #expect(try await service.today() == LocalDate(iso: "2025-01-01"))
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        #expect(try await service.scorecard(plan).inProgress == false)
        let earlier = ISO8601DateFormatter().date(from: "2024-12-31T20:30:00Z")!
        #expect(try await ScoringService(store: service.store, now: { earlier }).scorecard(plan).inProgress)
    }

    @Test("--history: the same plan over the last periods of its kind, oldest first")
    func history() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let cards = try await ScoringService(store: try PlanFixtures.store(in: dir)).history(plan, periods: 3)
        #expect(cards.map(\.period.label) == ["2024-10", "2024-11", "2024-12"])
        // October has no posts, leads or sessions; its work_log sum is 0 hours (≤ 80: met).
        #expect(cards[0].kpis[0].status == .noData)
        #expect(cards[0].kpis.last?.status == .met)
        #expect(cards[1].score != nil)
        #expect(abs((cards[2].score ?? 0) - 90.10036060184154) < 1e-6)
    }

    @Test("open or confirmed anomalies in scope and period warn on the KPIs they can inflate")
    func anomalies() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let d = LocalDate(iso: "2024-12-11")!
        let source = ListedAnomalies([
            SuspectAnomaly(id: "bf:vk_main:2024-12-11", kind: .boughtFollowers, accountID: "vk_main", from: d,
                           to: d.adding(days: 1), status: "open"),
            SuspectAnomaly(id: "be:vk_main-9", kind: .botEngagement, accountID: "vk_main", from: d, to: d,
                           status: "dismissed"),
            SuspectAnomaly(id: "bf:vk_main:2024-10-01", kind: .boughtFollowers, accountID: "vk_main",
                           from: LocalDate(iso: "2024-10-01")!, to: LocalDate(iso: "2024-10-02")!, status: "confirmed"),
        ])
        let card = try await ScoringService(store: try PlanFixtures.store(in: dir), anomalies: source).scorecard(plan)
        #expect(card.anomalies.map(\.id) == ["bf:vk_main:2024-12-11"])
        let followers = try #require(card.kpis.first { $0.metric == .followersEnd })
        #expect(followers.anomalies == ["bf:vk_main:2024-12-11"])
        #expect(card.kpis.first { $0.metric == .erReach }?.anomalies.isEmpty == true)
        #expect(card.kpis.first { $0.metric == .audienceMatch }?.anomalies == ["bf:vk_main:2024-12-11"])
    }

    @Test("the detector as anomaly source: the open and confirmed anomalies `anomalies` lists for the period")
    func detectorSource() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try PlanFixtures.store(in: dir)
        let source = try #require(DetectorAnomalies(store: store))
        let listed = try await AnomalyService(store: store).list(period: Self.december, accounts: nil).anomalies
            .filter { $0.status != .dismissed }.map(\.id)
        let suspect = try await source.suspectAnomalies(period: Self.december, accounts: ["tg_main", "vk_main"])
        #expect(suspect.map(\.id) == listed)
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let card = try await ScoringService(store: store, anomalies: source).scorecard(plan)
        #expect(card.anomalies.map(\.id) == listed)
        // The scorecard's actual is the KPI itself, whatever the detector says.
        #expect(card.kpis[3].actual == 41_234)
    }

    // MARK: plan new and plan check

    @Test("plan new: the task's KPIs with targets from the last periods and an explanation each")
    func suggest() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try PlanFixtures.store(in: dir)
        let s = try await PlanAdvisor(store: store).suggest(task: .leads, period: try Period(parsing: "2025-01"),
                                                             accounts: ["vk_main"], basis: 2)
        #expect(s.plan.kpis.map(\.metric) == BusinessTask.leads.kpis)
        #expect(s.explanations.count == 6)
        #expect(s.explanations[0].contains("median of 2024-11: "))
        let report = try await KPIService(store: store).report(period: Self.december, accounts: ["vk_main"])
        let nov = try await KPIService(store: store).report(period: Self.december.previous, accounts: ["vk_main"])
        let median = (report[.leads]!.value! + nov[.leads]!.value!) / 2
        #expect(s.plan.kpis[0].target == .atLeast((median * 1.1).rounded(.up)))
        let yaml = PlanWriter.yaml(s.plan, comments: s.explanations.map { [$0] })
        #expect(try PlanReader.parse(yaml) == s.plan)
    }

    @Test("plan check: five findings per KPI with the history verdict")
    func check() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let c = try await PlanAdvisor(store: try PlanFixtures.store(in: dir)).check(plan)
        #expect(c.kpis.count == 8)
        #expect(c.kpis.allSatisfy { $0.findings.map(\.criterion) == SMARTCriterion.allCases })
        // er_reach is not in the leads set and has no reason.
        #expect(c.kpis[0].findings.first { $0.criterion == .relevant }?.ok == false)
        #expect(c.kpis[1].findings.first { $0.criterion == .relevant }?.ok == true)
        #expect(c.kpis.allSatisfy { $0.findings.first { $0.criterion == .measurable }?.ok == true })
        // December's history is November alone: a target November reached is realistic; a
        // growth cannot be judged from one month.
        #expect(c.kpis[0].achievability == .realistic)
        #expect(c.kpis[2].achievability == .unknown)
        #expect(c.notes.contains { $0.contains("web_conversion_rate") })
    }

    @Test("history: periods that start before the data are no data, not zeros")
    func historyBeforeData() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let h = try await PlanAdvisor(store: try PlanFixtures.store(in: dir))
            .history(of: [.reachTotal, .postsPublished], before: Self.december, count: 3, accounts: nil, options: KPIOptions())
        #expect(h[.postsPublished]?.map(\.period.label) == ["2024-09", "2024-10", "2024-11"])
        #expect(h[.postsPublished]?.map { $0.value == nil } == [true, true, false])
        #expect(h[.reachTotal]?.last?.value == 659_770)
    }

    @Test("plan check on an empty database warns instead of failing")
    func checkEmpty() async throws {
        let dir = try PlanFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let c = try await PlanAdvisor(store: try PlanFixtures.store(in: dir, imported: false)).check(plan)
        #expect(c.kpis.allSatisfy { !$0.findings[0].ok && !$0.findings[1].ok && $0.achievability == .unknown })
    }
}
