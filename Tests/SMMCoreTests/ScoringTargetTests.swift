import Foundation
import SMMCore
import Testing

/// Every target kind of plans-and-scoring.md "Target kinds and achievement", with the rules for
/// targets ≤ 0, negative actuals, the cap and the clamp.
@Suite struct ScoringTargetTests {
    static let december = Period.month(year: 2024, month: 12)!

    static func a(_ t: Target, actual: Double?, previous: Double? = nil, better: KPIBetter = .up, cap: Double = 120,
                  period: Period = december) -> TargetEvaluation {
        t.evaluate(actual: actual, previous: previous, period: period, better: better, cap: cap)
    }

    static func close(_ x: Double?, _ y: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let x else { return false }
        return abs(x - y) <= max(tolerance, 1e-12 * abs(y))
    }

    // MARK: at_least / at_most

    @Test("at_least: actual / X × 100, threshold X")
    func atLeast() {
        let e = Self.a(.atLeast(4), actual: 3)
        #expect(e.achievement == 75)
        #expect(e.threshold == .value(4))
        #expect(e.start == nil)
    }

    @Test("at_most: X / actual × 100; actual = 0 earns the cap")
    func atMost() {
        #expect(Self.a(.atMost(300), actual: 400).achievement == 75)
        #expect(Self.a(.atMost(300), actual: 0).achievement == 120)
        #expect(Self.a(.atMost(300), actual: 0, cap: 150).achievement == 150)
    }

    @Test("the cap clamps over-achievement; 0 is the floor")
    func capAndClamp() {
        #expect(Self.a(.atLeast(10), actual: 50).achievement == 120)
        #expect(Self.a(.atLeast(10), actual: 50, cap: 100).achievement == 100)
        #expect(Self.a(.atMost(10), actual: 1).achievement == 120)
        #expect(Self.a(.atLeast(10), actual: 11, cap: 200).achievement.map { abs($0 - 110) < 1e-9 } == true)
    }

    @Test("a target ≤ 0: the cap when the condition holds, else 0 (roi at_least −10)")
    func targetsAtOrBelowZero() {
        #expect(Self.a(.atLeast(-10), actual: -5).achievement == 120)
        #expect(Self.a(.atLeast(-10), actual: -10).achievement == 120)
        #expect(Self.a(.atLeast(-10), actual: -20).achievement == 0)
        #expect(Self.a(.atLeast(0), actual: 0).achievement == 120)
        #expect(Self.a(.atMost(0), actual: 0).achievement == 120)
        #expect(Self.a(.atMost(0), actual: 3).achievement == 0)
        #expect(Self.a(.atMost(-5), actual: -7).achievement == 120)
    }

    @Test("a negative actual against a positive target: the condition decides (negative net_follower_growth)")
    func negativeActual() {
        #expect(Self.a(.atLeast(100), actual: -30).achievement == 0)
        #expect(Self.a(.atMost(100), actual: -30).achievement == 120)
    }

    @Test("no actual: no achievement, but the threshold is still shown")
    func noActual() {
        let e = Self.a(.atLeast(5), actual: nil)
        #expect(e.achievement == nil)
        #expect(e.threshold == .value(5))
    }

    // MARK: growth_pct

    @Test("growth_pct g ≥ 0: at least previous × (1 + g/100) (the example's reach_total)")
    func growthUp() {
        let e = Self.a(.growthPct(10), actual: 345_598, previous: 659_770)
        #expect(Self.close(e.threshold.flatMap { if case .value(let x) = $0 { x } else { nil } }, 725_747, 1e-6))
        #expect(Self.close(e.achievement, 47.61962502084059, 1e-9))
    }

    @Test("growth_pct g < 0 on a down metric: reduce cpl by 10 % is at most previous × 0.9")
    func growthDownOnDownMetric() {
        let e = Self.a(.growthPct(-10), actual: 1900, previous: 2000, better: .down)
        #expect(e.threshold == .value(1800))
        #expect(Self.close(e.achievement, 1800.0 / 1900 * 100))
    }

    @Test("growth_pct g < 0 follows the sign, whatever the metric's better: at most on an up metric")
    func growthNegativeOnUpMetric() {
        let e = Self.a(.growthPct(-20), actual: 70, previous: 100, better: .up)
        #expect(e.threshold == .value(80))
        #expect(Self.close(e.achievement, 80.0 / 70 * 100))
        #expect(Self.a(.growthPct(-20), actual: 90, previous: 100).achievement.map { abs($0 - 80.0 / 90 * 100) < 1e-9 } == true)
    }

    @Test("growth_pct 0: at least the previous value")
    func growthZero() {
        #expect(Self.a(.growthPct(0), actual: 100, previous: 100).achievement == 100)
        #expect(Self.a(.growthPct(0), actual: 99, previous: 100).achievement == 99)
    }

    @Test("growth_pct without a previous value: no data and no threshold")
    func growthWithoutPrevious() {
        let e = Self.a(.growthPct(10), actual: 5, previous: nil)
        #expect(e.achievement == nil)
        #expect(e.threshold == nil)
    }

    @Test("growth_pct from a negative previous: X = previous × (1 + g/100) ≤ 0, so the condition decides")
    func growthFromNegativePrevious() {
        let e = Self.a(.growthPct(10), actual: -40, previous: -50)
        #expect(e.threshold == .value(-55.00000000000001) || e.threshold == .value(-55))
        #expect(e.achievement == 120)
        #expect(Self.a(.growthPct(10), actual: -60, previous: -50).achievement == 0)
    }

    @Test("growth_pct from a previous of 0: X = 0, at least 0 earns the cap when actual ≥ 0")
    func growthFromZeroPrevious() {
        #expect(Self.a(.growthPct(25), actual: 3, previous: 0).achievement == 120)
    }

    // MARK: reach (trajectories)

    @Test("reach: T interpolates from start (the day before P) to X on D — the example's followers_end")
    func reachInterpolates() throws {
        let by = try #require(LocalDate(iso: "2025-02-28"))
        let e = Self.a(.reach(42_000, by: by), actual: 41_234, previous: 40_836)
        #expect(e.start == 40_836)
        guard case .value(let t)? = e.threshold else { Issue.record("no threshold"); return }
        #expect(Self.close(t, 41_236.933333333334, 1e-6))
        #expect(Self.close(e.achievement, 99.2683737944793, 1e-9))
    }

    @Test("reach with D on or before the last day of P: T = X")
    func reachDueInPeriod() throws {
        let end = try #require(LocalDate(iso: "2024-12-31"))
        let e = Self.a(.reach(1200, by: end), actual: 1100, previous: 1000)
        #expect(e.threshold == .value(1200))
        #expect(e.achievement == 50)
        let early = try #require(LocalDate(iso: "2024-12-10"))
        #expect(Self.a(.reach(1200, by: early), actual: 1200, previous: 1000).achievement == 100)
        let past = try #require(LocalDate(iso: "2024-06-30"))
        #expect(Self.a(.reach(1200, by: past), actual: 1300, previous: 1000).threshold == .value(1200))
    }

    @Test("reach below start (a down trajectory): the same formula, (actual − start) / (T − start)")
    func reachDownward() throws {
        let by = try #require(LocalDate(iso: "2025-01-31"))  // s0 = 2024-11-30: 31 of 62 days → half way
        let e = Self.a(.reach(800, by: by), actual: 950, previous: 1000, better: .down)
        #expect(e.threshold == .value(900))
        #expect(e.achievement == 50)
        #expect(Self.a(.reach(800, by: by), actual: 880, previous: 1000, better: .down).achievement == 120)
        #expect(Self.a(.reach(800, by: by), actual: 1010, previous: 1000, better: .down).achievement == 0)
    }

    @Test("reach with T = start: the better side decides (100 or 0)")
    func reachFlat() throws {
        let by = try #require(LocalDate(iso: "2025-03-31"))
        // X = start: a flat trajectory.
        #expect(Self.a(.reach(500, by: by), actual: 500, previous: 500, better: .up).achievement == 100)
        #expect(Self.a(.reach(500, by: by), actual: 520, previous: 500, better: .up).achievement == 100)
        #expect(Self.a(.reach(500, by: by), actual: 499, previous: 500, better: .up).achievement == 0)
        #expect(Self.a(.reach(500, by: by), actual: 499, previous: 500, better: .neither).achievement == 0)
        #expect(Self.a(.reach(500, by: by), actual: 480, previous: 500, better: .down).achievement == 100)
        #expect(Self.a(.reach(500, by: by), actual: 501, previous: 500, better: .down).achievement == 0)
    }

    @Test("reach without a start: no data; the threshold only when D ≤ last day of P")
    func reachWithoutStart() throws {
        let later = try #require(LocalDate(iso: "2025-02-28"))
        let e = Self.a(.reach(42_000, by: later), actual: 41_000, previous: nil)
        #expect(e.achievement == nil)
        #expect(e.threshold == nil)
        #expect(e.start == nil)
        let inPeriod = try #require(LocalDate(iso: "2024-12-31"))
        #expect(Self.a(.reach(42_000, by: inPeriod), actual: 41_000, previous: nil).threshold == .value(42_000))
    }

    @Test("reach moving away from the target clamps at 0")
    func reachAway() throws {
        let by = try #require(LocalDate(iso: "2024-12-31"))
        #expect(Self.a(.reach(2000, by: by), actual: 900, previous: 1000).achievement == 0)
    }

    // MARK: between

    @Test("between: 100 inside (ends included), at_least L below, at_most H above")
    func between() {
        #expect(Self.a(.between(25, 35), actual: 32.26).achievement == 100)
        #expect(Self.a(.between(25, 35), actual: 25).achievement == 100)
        #expect(Self.a(.between(25, 35), actual: 35).achievement == 100)
        #expect(Self.a(.between(25, 35), actual: 20).achievement == 80)
        #expect(Self.a(.between(25, 35), actual: 50).achievement == 70)
        #expect(Self.a(.between(25, 35), actual: 20).threshold == .range(25, 35))
    }

    @Test("between with L ≤ 0: the at_least part uses the condition rule")
    func betweenNonPositive() {
        #expect(Self.a(.between(-10, 10), actual: -20).achievement == 0)
        #expect(Self.a(.between(-10, 10), actual: 0).achievement == 100)
        #expect(Self.a(.between(-10, 10), actual: 20).achievement == 50)
    }
}
