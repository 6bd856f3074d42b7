import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore
import Testing

@Suite struct ReportServiceTests {
    static let now = ISO8601DateFormatter().date(from: "2025-01-15T09:00:00Z")!

    func withStore<T>(_ body: (TestStore) async throws -> T) async throws -> T {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try importBundle(Fixtures.smallBundle.path, into: store)
        return try await body(store)
    }

    @Test("The weekly snapshot's numbers are those of the KPI service, for every metric")
    func weeklyNumbersEqualKPIs() async throws {
        try await withStore { store in
            let period = try Period(parsing: "2024-W48")
            let model = try await ReportService(store: store).model(ReportRequest(kind: .weekly, period: period, language: .en, now: Self.now))
            let kpis = try await KPIService(store: store).report(period: period)
            let all = try #require(model.section("all_kpis"))
            guard case .kpis(let rows) = all.blocks[0] else { Issue.record("no KPI table"); return }
            #expect(rows.count == KPIID.allCases.count)
            for row in rows {
                let expected = try #require(kpis[KPIID(rawValue: row.id)!])
                #expect(row.value == expected.value, "\(row.id)")
                #expect(row.previous == expected.previous, "\(row.id)")
            }
            #expect(model.sections.map(\.id) == ["kpis", "trends", "movers", "anomalies", "questions", "next_week", "all_kpis"])
            #expect(model.period.label == "2024-W48" && model.previous.label == "2024-W47")
            #expect(model.accounts == ["tg_main", "vk_main"])
        }
    }

    @Test("Weekly trends cover the 8 weeks that have data, ending with the report's week")
    func weeklyTrends() async throws {
        try await withStore { store in
            let model = try await ReportService(store: store).model(
                ReportRequest(kind: .weekly, period: try Period(parsing: "2024-W52"), language: .ru, now: Self.now))
            let trends = try #require(model.section("trends"))
            guard case .chart(let chart) = trends.blocks[0] else { Issue.record("no chart"); return }
            // The bundle starts on 2024-11-01 (W44): W45 … W52 are the last 8 weeks.
            #expect(chart.categories == ["Н45", "Н46", "Н47", "Н48", "Н49", "Н50", "Н51", "Н52"])
            let reach = try await KPIService(store: store).report(period: try Period(parsing: "2024-W50"), metrics: [.reachTotal])
            #expect(chart.series[0].values[5] == reach[.reachTotal]?.value)
        }
    }

    @Test("The monthly review scores the plan and finds things, each finding citing its numbers")
    func monthlyWithPlan() async throws {
        try await withStore { store in
            let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
            let model = try await ReportService(store: store).model(
                ReportRequest(kind: .monthly, period: try Period(parsing: "2024-12"), plan: plan, language: .ru, now: Self.now))
            #expect(model.sections.map(\.id) == ["kpis", "trends", "movers", "scorecard", "anomalies", "questions", "next_week",
                                                 "breakdowns", "posts", "compliance", "costs", "findings", "all_kpis"])
            let card = try await ScoringService(store: store, anomalies: anomalySource(for: store), now: { Self.now }).scorecard(plan)
            let scorecard = try #require(model.section("scorecard"))
            guard case .figures(let figures) = scorecard.blocks[0] else { Issue.record("no figures"); return }
            #expect(figures.first { $0.id == "score" }?.value == card.score)
            #expect(figures.first { $0.id == "bonus" }?.value == card.bonus?.total)
            guard case .findings(let findings) = try #require(model.section("findings")).blocks[0] else {
                Issue.record("no findings"); return
            }
            #expect(findings.count >= 2)
            for f in findings {
                #expect(!f.figures.isEmpty, "\(f.rule)")
                let hasDigit = f.text.contains { $0.isNumber }
                #expect(hasDigit, "\(f.rule): \(f.text)")
            }
            // The task's KPIs are the plan's.
            guard case .kpis(let rows) = try #require(model.section("kpis")).blocks[0] else { return }
            #expect(rows.map(\.id) == plan.kpis.map(\.metric.rawValue).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
    }

    @Test("Unanswered questions and next week's content plan come from the store")
    func questionsAndPlan() async throws {
        try await withStore { store in
            let period = try Period(parsing: "2024-W48")
            let model = try await ReportService(store: store).model(ReportRequest(kind: .weekly, period: period, language: .en, now: Self.now))
            let questions = try await SentimentService(store: store).comments(CommentQuery(period: period, unansweredQuestions: true))
            guard case .figures(let f) = try #require(model.section("questions")).blocks[0] else { return }
            #expect(f[0].value == Double(questions.count))
            guard case .figures(let items) = try #require(model.section("next_week")).blocks[0] else { return }
            let dataset = try await store.dataset(window: LocalDate(iso: "2024-12-02")!...LocalDate(iso: "2024-12-08")!)
            let due = dataset.planItems.filter { $0.item.dueDate >= LocalDate(iso: "2024-12-02")! && $0.item.dueDate <= LocalDate(iso: "2024-12-08")! }
            #expect(items[0].value == Double(due.count))
            #expect(due.count > 0)
        }
    }

    @Test("A weekly report of a month, or a monthly report of a week, is refused with a sentence")
    func wrongPeriodKind() async throws {
        try await withStore { store in
            await #expect(throws: ReportRequestError.periodKind(kind: .weekly, period: "2024-11")) {
                try await ReportService(store: store).model(ReportRequest(kind: .weekly, period: try Period(parsing: "2024-11"), language: .en))
            }
            await #expect(throws: ReportRequestError.periodKind(kind: .monthly, period: "2024-W47")) {
                try await ReportService(store: store).model(ReportRequest(kind: .monthly, period: try Period(parsing: "2024-W47"), language: .en))
            }
        }
    }

    @Test("The period just ended: the previous ISO week, the previous month")
    func periodJustEnded() {
        let day = LocalDate(iso: "2024-12-02")!
        #expect(ReportService.periodJustEnded(.weekly, today: day).label == "2024-W48")
        #expect(ReportService.periodJustEnded(.monthly, today: day).label == "2024-11")
        #expect(ReportService.periodJustEnded(.weekly, today: LocalDate(iso: "2025-01-01")!).label == "2024-W52")
    }

    @Test("Every format renders from the same model; JSON metrics equal the KPI service", arguments: [ReportFileFormat.html, .md, .xlsx, .json])
    func formats(format: ReportFileFormat) async throws {
        try await withStore { store in
            let period = try Period(parsing: "2024-11")
            let (model, data) = try await ReportService(store: store).render(
                ReportRequest(kind: .monthly, period: period, language: .en, now: Self.now), as: format)
            #expect(data.count > 1000)
            #expect(ReportRenderer.fileName(model, format) == "smmkpi-monthly-2024-11-en.\(format.rawValue)")
            if format == .json {
                // JSONDecoder reads doubles exactly (JSONSerialization may not, on Linux).
                let numbers = try JSONDecoder().decode(ReportNumbers.self, from: data)
                let kpis = try await KPIService(store: store).report(period: period)
                for m in kpis.metrics {
                    #expect(numbers.metrics[m.id.rawValue]?.value == m.value, "\(m.id)")
                    #expect(numbers.metrics[m.id.rawValue]?.previous == m.previous, "\(m.id)")
                }
            }
        }
    }
}

/// The parts of a report's JSON the tests compare.
struct ReportNumbers: Decodable {
    struct Metric: Decodable { var value: Double?; var previous: Double? }
    struct PeriodLabel: Decodable { var label: String }
    var period: PeriodLabel
    var metrics: [String: Metric]
}
