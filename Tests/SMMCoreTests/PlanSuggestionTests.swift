import Foundation
import SMMCore
import Testing

/// `plan new`: targets from history, with their explanation.
@Suite struct PlanSuggestionTests {
    static let november = Period.month(year: 2025, month: 11)!

    static func history(_ values: [Double?]) -> [HistoryPoint] {
        var p = november
        var out: [HistoryPoint] = []
        for v in values.reversed() {
            p = p.previous
            out.insert(HistoryPoint(period: p, value: v), at: 0)
        }
        return out
    }

    @Test("an up metric: the median of the last periods plus the improvement, counts rounded up")
    func upMetric() {
        let (t, why) = PlanSuggester.target(for: .leads, history: Self.history([40, 55, 50]), improvement: 10)
        #expect(t == .atLeast(55))
        #expect(why.contains("median of 2025-08: 40, 2025-09: 55, 2025-10: 50 = 50"))
        #expect(why.contains("+10 % → at least 55"))
    }

    @Test("a down metric: the median less the improvement (cpl)")
    func downMetric() {
        let (t, why) = PlanSuggester.target(for: .cpl, history: Self.history([1800, 2000, 1900]), improvement: 10)
        #expect(t == .atMost(1710))
        #expect(why.contains("at most 1710"))
    }

    @Test("a share is never asked above 100 %")
    func shareCap() {
        let (t, why) = PlanSuggester.target(for: .responseSLARate, history: Self.history([95, 97, 96]), improvement: 10)
        #expect(t == .atLeast(100))
        #expect(why.contains("capped at 100 %"))
    }

    @Test("a negative median improves towards the better side (roi)")
    func negativeMedian() {
        let (t, _) = PlanSuggester.target(for: .roi, history: Self.history([-20, -10, -30]), improvement: 10)
        #expect(t == .atLeast(-18))
    }

    @Test("a metric without a better direction stays within ±improvement of its median")
    func neither() {
        let (t, _) = PlanSuggester.target(for: .hoursSpent, history: Self.history([80, 70, 75]), improvement: 10)
        #expect(t == .between(67.5, 82.5))
    }

    @Test("without history: growth against the previous period, said so")
    func noHistory() {
        let (t, why) = PlanSuggester.target(for: .leads, history: Self.history([nil, nil, nil]), improvement: 10)
        #expect(t == .growthPct(10))
        #expect(why.contains("no data"))
        #expect(PlanSuggester.target(for: .cpl, history: [], improvement: 5).0 == .growthPct(-5))
    }

    @Test("weights sum to 100, hard KPIs twice the soft ones")
    func weights() {
        let w = PlanSuggester.weights([.leads, .erReach, .cpl])
        #expect(w.reduce(0, +) == 100)
        #expect(w == [40, 20, 40])
        #expect(PlanSuggester.weights([.leads, .sales, .roi]).reduce(0, +) == 100)
    }

    @Test("the task's KPI set; raw follower growth becomes net_follower_growth_clean")
    func fraudAware() {
        let (ids, notes) = PlanSuggester.metrics(for: .leads, extra: [.netFollowerGrowth, .cpl])
        #expect(ids == [.leads, .webConversionRate, .cpl, .roi, .sales, .revenue, .netFollowerGrowthClean])
        #expect(notes.count == 1)
        #expect(PlanSuggester.metrics(for: .awareness, extra: []).metrics.contains(.netFollowerGrowthClean))
        #expect(!PlanSuggester.metrics(for: .awareness, extra: []).metrics.contains(.netFollowerGrowth))
    }

    @Test("a plan for some accounts leaves out brand_search_volume, which only the all-accounts scope has")
    func partialScope() {
        let all = PlanSuggester.metrics(for: .awareness, extra: [])
        let some = PlanSuggester.metrics(for: .awareness, extra: [], allAccounts: false)
        #expect(all.metrics.contains(.brandSearchVolume))
        #expect(!some.metrics.contains(.brandSearchVolume))
        #expect(some.notes.contains { $0.contains("brand_search_volume is left out") })
    }

    @Test("a whole suggestion: one explanation per KPI, a reason for KPIs outside the task")
    func suggestion() {
        let history: [KPIID: [HistoryPoint]] = [.leads: Self.history([40, 55, 50])]
        let s = PlanSuggester.suggest(task: .leads, extra: [.erReach], period: Self.november, name: nil,
                                      assignee: "Anna", accounts: ["vk_main"], history: history)
        #expect(s.plan.kpis.count == 7)
        #expect(s.explanations.count == 7)
        #expect(s.plan.kpis.last?.reason != nil)
        #expect(s.plan.kpis.first?.reason == nil)
        #expect(s.plan.name == "2025-11 — leads plan")
        #expect(s.plan.kpis.reduce(0) { $0 + $1.weight } == 100)
        let check = SMARTCheck.check(plan: s.plan, scopeAccounts: ["vk_main"], presence: nil, history: history)
        #expect(check.kpis.allSatisfy { $0.findings.first { $0.criterion == .relevant }!.ok })
    }
}
