import SMMCore
import Testing
@testable import SMMServer

@Suite struct PeriodChoiceTests {
    let nov24 = LocalDate(year: 2026, month: 11, day: 24)!

    @Test("without a period the page shows the last whole period of the data")
    func defaults() throws {
        #expect(PeriodChoice.from(query: [:], latest: nov24).choice.period == Period.month(year: 2026, month: 10))
        let nov30 = try #require(LocalDate(year: 2026, month: 11, day: 30))
        #expect(PeriodChoice.from(query: [:], latest: nov30).choice.period == Period.month(year: 2026, month: 11))
        // 2026-11-24 is a Tuesday: the week before it is the last whole one.
        #expect(PeriodChoice.from(query: ["kind": "week"], latest: nov24).choice.period == Period.isoWeek(year: 2026, week: 47))
        let custom = PeriodChoice.from(query: ["kind": "custom"], latest: nov24).choice
        #expect(custom.period.last == nov24 && custom.period.dayCount == 30)
    }

    @Test("a period from the query: a label, or custom dates; a bad one falls back and says so")
    func query() throws {
        let w = PeriodChoice.from(query: ["kind": "week", "period": "2024-W50"], latest: nov24)
        #expect(w.choice.period == Period.isoWeek(year: 2024, week: 50))
        #expect(w.choice.kind == .week && w.problem == nil)
        let c = PeriodChoice.from(query: ["kind": "custom", "from": "2026-11-01", "to": "2026-11-10"], latest: nov24).choice
        #expect(c.kind == .custom && c.period.dayCount == 10)
        let bad = PeriodChoice.from(query: ["period": "2026-13"], latest: nov24)
        #expect(bad.problem != nil)
        #expect(bad.choice.period == Period.month(year: 2026, month: 10))
        #expect(PeriodChoice.from(query: ["kind": "custom", "from": "2026-11-10", "to": "2026-11-01"], latest: nov24).problem != nil)
    }
}
