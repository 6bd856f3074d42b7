import Foundation
import SMMCore
import Testing

/// Forecasts for in-progress periods (plans-and-scoring.md "In-progress periods"; the method is
/// in docs/plans.md).
@Suite struct PlanForecastTests {
    static func forecast(_ id: KPIID, observed: Int, total: Int = 31, soFar: [KPIID: Double] = [:],
                         whole: [KPIID: Double] = [:]) -> Double? {
        Forecast.value(id, observedDays: observed, totalDays: total, soFar: { soFar[$0] }, whole: { whole[$0] })
    }

    @Test("additive metrics extrapolate the daily pace: 40 leads in 10 of 31 days → 124")
    func pace() {
        #expect(Self.forecast(.leads, observed: 10, soFar: [.leads: 40]) == 124)
        #expect(Self.forecast(.revenue, observed: 31, soFar: [.revenue: 1000]) == 1000)
        #expect(KPIID.hoursSpent.forecastMethod == .pace)
        #expect(KPIID.reachTotal.forecastMethod == .pace)
    }

    @Test("ratios, shares and means keep their value so far")
    func level() {
        #expect(Self.forecast(.erReach, observed: 10, soFar: [.erReach: 3.5]) == 3.5)
        #expect(Self.forecast(.cpl, observed: 10, soFar: [.cpl: 1800]) == 1800)
        #expect(KPIID.bounceRate.forecastMethod == .level)
        #expect(KPIID.medianResponseMinutes.forecastMethod == .level)
    }

    @Test("followers_end follows the trend: end so far + daily net growth × days left")
    func trend() {
        #expect(Self.forecast(.followersEnd, observed: 10, soFar: [.followersEnd: 1000, .netFollowerGrowth: 50]) == 1105.0)
        #expect(Self.forecast(.followersEnd, observed: 10, soFar: [.followersEnd: 1000]) == 1000)
    }

    @Test("values known for the whole period in advance: followers_start and plan_items")
    func known() {
        #expect(Self.forecast(.planItems, observed: 5, soFar: [.planItems: 4], whole: [.planItems: 20]) == 20)
        #expect(Self.forecast(.followersStart, observed: 5, whole: [.followersStart: 900]) == 900)
    }

    @Test("no data so far, or no day observed: no forecast")
    func noData() {
        #expect(Self.forecast(.leads, observed: 10) == nil)
        #expect(Self.forecast(.leads, observed: 0, soFar: [.leads: 3]) == nil)
    }

    @Test("every metric has a method")
    func everyMetric() {
        #expect(KPIID.allCases.allSatisfy { ForecastMethod.allCases.contains($0.forecastMethod) })
    }
}
