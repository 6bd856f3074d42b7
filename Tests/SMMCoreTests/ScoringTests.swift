import Foundation
import SMMCore
import Testing

/// Status, score, bonus, missing data and forecasts of a whole scorecard (plans-and-scoring.md).
@Suite struct ScoringTests {
    static let december = Period.month(year: 2024, month: 12)!
    static let asOf = LocalDate(iso: "2025-01-15")!

    static func card(_ plan: Plan, _ observations: [KPIObservation], revenue: Double? = nil, inProgress: Bool = false,
                     anomalies: [SuspectAnomaly] = []) -> Scorecard {
        Scoring.scorecard(plan: plan, observations: observations, revenue: revenue, inProgress: inProgress,
                          asOf: asOf, scopeAccounts: ["vk_main"], currency: "RUB", anomalies: anomalies)
    }

    // MARK: Status boundaries

    @Test("met from 100; at risk from at_risk_below (inclusive) to under 100; missed below", arguments: [
        (100.0, KPIStatus.met), (120, .met), (99.999, .atRisk), (80, .atRisk), (79.999, .missed), (0, .missed),
    ])
    func statusBoundaries(a: Double, status: KPIStatus) {
        #expect(Scoring.status(achievement: a, atRiskBelow: 80) == status)
    }

    @Test("at_risk_below moves the boundary; 0 makes nothing missed, 100 makes nothing at risk")
    func customAtRisk() {
        #expect(Scoring.status(achievement: 85, atRiskBelow: 90) == .missed)
        #expect(Scoring.status(achievement: 90, atRiskBelow: 90) == .atRisk)
        #expect(Scoring.status(achievement: 0, atRiskBelow: 0) == .atRisk)
        #expect(Scoring.status(achievement: 99, atRiskBelow: 100) == .missed)
        #expect(Scoring.status(achievement: nil, atRiskBelow: 80) == .noData)
    }

    @Test("an actual exactly at 80 % of an at_least target is at risk, not missed")
    func atRiskExactBoundary() {
        let plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        let c = Self.card(plan, [KPIObservation(actual: 80, previous: nil)])
        #expect(c.kpis[0].achievement == 80)
        #expect(c.kpis[0].status == .atRisk)
    }

    // MARK: Score

    @Test("score = Σ weight × a / Σ weight over the KPIs that count")
    func weightedScore() {
        let plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .leads, target: .atLeast(100), weight: 3),
            PlanKPI(metric: .cpl, target: .atMost(100), weight: 1),
        ])
        let c = Self.card(plan, [KPIObservation(actual: 50, previous: nil), KPIObservation(actual: 50, previous: nil)])
        #expect(c.kpis.map(\.achievement) == [50, 120])
        let expected: Double = (3 * 50 + 1 * 120) / 4
        #expect(c.score == expected)
    }

    @Test("weight defaults to 1; weight 0 is shown with a status but does not count")
    func zeroWeight() {
        let plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .leads, target: .atLeast(100)),
            PlanKPI(metric: .sales, target: .atLeast(10), weight: 0),
        ])
        let c = Self.card(plan, [KPIObservation(actual: 90, previous: nil), KPIObservation(actual: 1, previous: nil)])
        #expect(plan.kpis[0].weight == 1)
        #expect(c.kpis[1].status == .missed)
        #expect(c.score == 90)
    }

    @Test("every counting weight 0, or no KPI with data: the score is null")
    func nullScore() {
        let zero = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100), weight: 0)])
        #expect(Self.card(zero, [KPIObservation(actual: 90, previous: nil)]).score == nil)
        let none = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        #expect(Self.card(none, [KPIObservation(actual: nil, previous: nil)]).score == nil)
    }

    // MARK: Missing data

    @Test("missing_data exclude: no_data, weight left out of the total")
    func missingExclude() {
        let plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .leads, target: .atLeast(100), weight: 1),
            PlanKPI(metric: .cpl, target: .atMost(500), weight: 3),
        ])
        let c = Self.card(plan, [KPIObservation(actual: 90, previous: nil), KPIObservation(actual: nil, previous: nil)])
        #expect(c.kpis[1].status == .noData)
        #expect(c.kpis[1].achievement == nil)
        #expect(c.kpis[1].counts == false)
        #expect(c.score == 90)
    }

    @Test("missing_data zero: a KPI without data scores 0 and is missed")
    func missingZero() {
        var plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .leads, target: .atLeast(100), weight: 1),
            PlanKPI(metric: .cpl, target: .atMost(500), weight: 3),
        ])
        plan.missingData = .zero
        let c = Self.card(plan, [KPIObservation(actual: 90, previous: nil), KPIObservation(actual: nil, previous: nil)])
        #expect(c.kpis[1].status == .missed)
        #expect(c.kpis[1].achievement == 0)
        #expect(c.score == 90.0 / 4)
        #expect(c.settings.missingData == .zero)
    }

    @Test("a growth or reach target without a previous value is no data too, even with an actual")
    func previousMissing() throws {
        let by = try #require(LocalDate(iso: "2025-03-31"))
        let plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .reachTotal, target: .growthPct(10)),
            PlanKPI(metric: .followersEnd, target: .reach(5000, by: by)),
        ])
        let c = Self.card(plan, [KPIObservation(actual: 100, previous: nil), KPIObservation(actual: 4000, previous: nil)])
        #expect(c.kpis.map(\.status) == [.noData, .noData])
        #expect(c.score == nil)
    }

    @Test("a zero denominator makes the KPI null (cpl with 0 leads): no data, not a division by zero")
    func zeroDenominator() {
        let plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .cpl, target: .atMost(300))])
        let c = Self.card(plan, [KPIObservation(actual: nil, previous: 250)])
        #expect(c.kpis[0].status == .noData)
        #expect(c.kpis[0].evaluation.threshold == .value(300))
    }

    // MARK: Bonus

    @Test("bonus = base × score / 100 from min_score on, plus sales_percent % of revenue")
    func bonusPaid() {
        var plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        plan.bonus = BonusRule(base: 30_000, minScore: 70, salesPercent: 2)
        let c = Self.card(plan, [KPIObservation(actual: 90, previous: nil)], revenue: 100_000)
        let b = c.bonus
        #expect(b?.scorePart == 27_000)
        #expect(b?.salesPart == 2_000)
        #expect(b?.total == 29_000)
        #expect(c.kpis[0].drivesBonus)
        #expect(c.kpis[0].bonusPart == 27_000)
    }

    @Test("bonus thresholds: exactly min_score pays, just under pays only the sales part", arguments: [
        (70.0, 21_000.0), (69.99, 0.0),
    ])
    func bonusThreshold(actual: Double, scorePart: Double) {
        var plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        plan.bonus = BonusRule(base: 30_000, minScore: 70, salesPercent: 1)
        let c = Self.card(plan, [KPIObservation(actual: actual, previous: nil)], revenue: 50_000)
        #expect(abs((c.bonus?.scorePart ?? -1) - scorePart) < 1e-6)
        #expect(c.bonus?.salesPart == 500)
        #expect(c.kpis[0].bonusPart.map { abs($0 - scorePart) < 1e-6 } == true)
    }

    @Test("bonus: a null score pays no score part; null revenue adds 0; no bonus section gives null")
    func bonusEdges() {
        var plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        #expect(Self.card(plan, [KPIObservation(actual: 90, previous: nil)]).bonus == nil)
        plan.bonus = BonusRule(base: 10_000)
        let c = Self.card(plan, [KPIObservation(actual: nil, previous: nil)], revenue: nil)
        #expect(c.score == nil)
        #expect(c.bonus?.scorePart == 0)
        #expect(c.bonus?.salesPart == 0)
        #expect(c.bonus?.revenue == nil)
        #expect(c.kpis[0].drivesBonus == false)
    }

    @Test("bonus drivers: counting KPIs with weight above 0 when a base is paid")
    func bonusDrivers() {
        var plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .leads, target: .atLeast(100), weight: 2),
            PlanKPI(metric: .sales, target: .atLeast(10), weight: 0),
            PlanKPI(metric: .cpl, target: .atMost(300), weight: 1),
        ])
        plan.bonus = BonusRule(base: 9_000)
        let c = Self.card(plan, [KPIObservation(actual: 100, previous: nil), KPIObservation(actual: 10, previous: nil),
                                 KPIObservation(actual: nil, previous: nil)])
        #expect(c.bonusDrivers.map(\.metric) == [.leads])
        #expect(c.kpis[0].bonusPart == 9_000)
        #expect(c.kpis[1].bonusPart == 0)
        #expect(c.kpis[2].bonusPart == nil)
        plan.bonus = BonusRule(base: 0, salesPercent: 5)
        #expect(Self.card(plan, [KPIObservation(actual: 100, previous: nil), KPIObservation(actual: 10, previous: nil),
                                 KPIObservation(actual: nil, previous: nil)]).bonusDrivers.isEmpty)
    }

    // MARK: Forecasts and anomalies

    @Test("in progress: forecast and forecast_status per KPI; ended: both null")
    func forecastStatus() {
        let plan = Plan(period: Self.december, kpis: [PlanKPI(metric: .leads, target: .atLeast(100))])
        let running = Self.card(plan, [KPIObservation(actual: 40, previous: nil, forecast: 85)], inProgress: true)
        #expect(running.kpis[0].status == .missed)
        #expect(running.kpis[0].forecast == 85)
        #expect(running.kpis[0].forecastStatus == .atRisk)
        #expect(running.forecastScore == 85)
        let none = Self.card(plan, [KPIObservation(actual: 40, previous: nil, forecast: nil)], inProgress: true)
        #expect(none.kpis[0].forecastStatus == .noData)
        let ended = Self.card(plan, [KPIObservation(actual: 40, previous: nil, forecast: 85)], inProgress: false)
        #expect(ended.kpis[0].forecast == nil)
        #expect(ended.kpis[0].forecastStatus == nil)
        #expect(ended.forecastScore == nil)
    }

    @Test("anomalies warn on the follower- and engagement-based KPIs they can inflate, with their ids")
    func anomalyWarnings() {
        let plan = Plan(period: Self.december, kpis: [
            PlanKPI(metric: .followersEnd, target: .atLeast(1)),
            PlanKPI(metric: .erReach, target: .atLeast(1)),
            PlanKPI(metric: .erFollowers, target: .atLeast(1)),
            PlanKPI(metric: .cpl, target: .atMost(1)),
        ])
        let d = LocalDate(iso: "2024-12-10")!
        let anomalies = [
            SuspectAnomaly(id: "bf:vk_main:2024-12-10", kind: .boughtFollowers, accountID: "vk_main", from: d,
                           to: d.adding(days: 1), status: "open"),
            SuspectAnomaly(id: "be:vk_main-7", kind: .botEngagement, accountID: "vk_main", from: d, to: d,
                           status: "confirmed"),
        ]
        let obs = Array(repeating: KPIObservation(actual: 1, previous: 1), count: 4)
        let c = Self.card(plan, obs, anomalies: anomalies)
        #expect(c.kpis[0].anomalies == ["bf:vk_main:2024-12-10"])
        #expect(c.kpis[1].anomalies == ["be:vk_main-7"])
        #expect(c.kpis[2].anomalies == ["bf:vk_main:2024-12-10", "be:vk_main-7"])
        #expect(c.kpis[3].anomalies.isEmpty)
        // The actual stays the KPI itself: a warning never changes the numbers.
        #expect(c.kpis[0].actual == 1)
        #expect(c.score == 100)
    }

    @Test("an anomaly touches a period and accounts by overlap")
    func anomalyTouches() {
        let a = SuspectAnomaly(id: "bf:tg:2024-11-29", kind: .boughtFollowers, accountID: "tg", from: LocalDate(iso: "2024-11-29")!,
                               to: LocalDate(iso: "2024-12-01")!, status: "open")
        #expect(a.touches(Self.december, accounts: ["tg"]))
        #expect(!a.touches(Self.december, accounts: ["vk"]))
        #expect(!a.touches(Period.month(year: 2024, month: 10)!, accounts: ["tg"]))
    }

    // MARK: JSON

    @Test("JSON: cli.md fields with nulls, start only for reach, target as written")
    func json() throws {
        let by = try #require(LocalDate(iso: "2025-02-28"))
        let plan = Plan(name: "P", period: Self.december, kpis: [
            PlanKPI(metric: .followersEnd, target: .reach(42_000, by: by), weight: 15),
            PlanKPI(metric: .bounceRate, target: .between(25, 35), weight: 5),
        ])
        let c = Self.card(plan, [KPIObservation(actual: 41_234, previous: 40_836), KPIObservation(actual: nil, previous: nil)])
        let data = try JSONEncoder().encode(c)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let kpis = try #require(json["kpis"] as? [[String: Any]])
        #expect((kpis[0]["target"] as? [String: Any])?["by"] as? String == "2025-02-28")
        #expect(kpis[0]["start"] as? Double == 40_836)
        #expect(kpis[1]["start"] == nil)
        #expect(kpis[1]["threshold"] as? [Double] == [25, 35])
        #expect(kpis[1]["actual"] is NSNull)
        #expect(kpis[1]["status"] as? String == "no_data")
        #expect(kpis[0]["forecast"] is NSNull)
        #expect(json["bonus"] is NSNull)
        #expect((json["plan"] as? [String: Any])?["assignee"] is NSNull)
        #expect((json["settings"] as? [String: Any])?["sla_hours"] as? Double == 24)
        #expect((json["period"] as? [String: Any])?["kind"] as? String == "month")
    }
}
