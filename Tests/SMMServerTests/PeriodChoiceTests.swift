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

    @Test("the sentence about a period that falls back names what is shown: the last complete period, not the current one")
    func fallbackSentences() throws {
        let cases: [([String: String], String, String, Period)] = [
            (["period": "2026-13"], "The period could not be read; showing the last complete month.",
             "Период не распознан, показан последний полный месяц.", Period.month(year: 2026, month: 10)!),
            (["kind": "week", "period": "2026-W60"], "The period could not be read; showing the last complete week.",
             "Период не распознан, показана последняя полная неделя.", Period.isoWeek(year: 2026, week: 47)!),
            (["kind": "quarter", "period": "2026-Q5"], "The period could not be read; showing the last complete quarter.",
             "Период не распознан, показан последний полный квартал.", Period.quarter(year: 2026, quarter: 3)!),
            (["kind": "custom", "from": "2026-11-10", "to": "2026-11-01"], "The start date is after the end date; showing the last complete month.",
             "Начальная дата позже конечной, показан последний полный месяц.", Period.month(year: 2026, month: 10)!),
        ]
        for (query, en, ru, shown) in cases {
            let (choice, problem) = PeriodChoice.from(query: query, latest: nov24)
            #expect(choice.period == shown, "\(query)")
            let key = PeriodChoice.fallbackKey(problem: try #require(problem), shown: choice)
            #expect(Localizer(.en).t(key) == en, "\(query)")
            #expect(Localizer(.ru).t(key) == ru, "\(query)")
        }
        let custom = PeriodChoice.from(query: ["kind": "custom", "period": "nonsense"], latest: nov24)
        let key = PeriodChoice.fallbackKey(problem: try #require(custom.problem), shown: custom.choice)
        #expect(custom.choice.period.last == nov24 && custom.choice.period.dayCount == 30)
        #expect(Localizer(.en).t(key).contains("30 days up to the last day with data"))
        #expect(Localizer(.ru).t(key).contains("30 дней до последнего дня с данными"))
    }
}
