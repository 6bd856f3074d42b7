import Foundation
import SMMCore
import Testing
@testable import SMMServer

@Suite struct LocalizerTests {
    let ru = Localizer(.ru), en = Localizer(.en)
    let nb = "\u{00A0}"

    @Test("numbers group thousands: 1 234,5 and 1,234.5")
    func numbers() {
        #expect(ru.number(1234.5, digits: 1) == "1\(nb)234,5")
        #expect(en.number(1234.5, digits: 1) == "1,234.5")
        #expect(ru.number(1_234_567) == "1\(nb)234\(nb)567")
        #expect(en.number(-1_234_567.25, digits: 2) == "\u{2212}1,234,567.25")
        #expect(en.number(999) == "999")
        #expect(en.number(-0.001, digits: 1) == "0.0")
    }

    @Test("percent: 12,3 % and 12.3%")
    func percent() {
        #expect(ru.percent(12.34) == "12,3\(nb)%")
        #expect(en.percent(12.34) == "12.3%")
        #expect(ru.change(-4) == "\u{2212}4,0\(nb)%")
        #expect(en.change(12.5) == "+12.5%")
    }

    @Test("dates: 25.11.2026 and Nov 25, 2026")
    func dates() throws {
        let d = try #require(LocalDate(year: 2026, month: 11, day: 25))
        #expect(ru.date(d) == "25.11.2026")
        #expect(en.date(d) == "Nov 25, 2026")
        #expect(ru.longDate(d) == "25 ноября 2026")
    }

    @Test("money: 1 234,00 ₽, ₽12,345, 12,50 $, €0.99")
    func money() {
        #expect(ru.money(Decimal(1234), currency: "RUB") == "1\(nb)234,00\(nb)₽")
        #expect(ru.money(Decimal(12345), currency: "RUB") == "12\(nb)345\(nb)₽")
        #expect(en.money(Decimal(12345), currency: "RUB") == "₽12,345")
        #expect(ru.money(Decimal(string: "12.5")!, currency: "USD") == "12,50\(nb)$")
        #expect(en.money(Decimal(string: "0.99")!, currency: "EUR") == "€0.99")
        #expect(en.money(-1500.4, currency: "USD") == "\u{2212}$1,500.40")
        #expect(en.money(-15000.4, currency: "USD") == "\u{2212}$15,000")
        #expect(en.money(Decimal(10), currency: "CHF") == "10.00\(nb)CHF")
    }

    @Test("periods read as headings and axis labels")
    func periods() throws {
        let month = try #require(Period.month(year: 2026, month: 11))
        #expect(ru.period(month) == "Ноябрь 2026")
        #expect(en.period(month) == "November 2026")
        #expect(ru.shortPeriod(month) == "ноя 26")
        let q = try #require(Period.quarter(year: 2026, quarter: 4))
        #expect(en.period(q) == "Q4 2026")
        #expect(ru.period(q) == "4 квартал 2026")
    }

    @Test("KPI values carry their unit")
    func kpiValues() {
        #expect(ru.value(4.123, of: .erReach, currency: "RUB") == "4,1\(nb)%")
        #expect(en.value(12_345, of: .followersEnd, currency: "RUB") == "12,345")
        #expect(ru.value(523.4, of: .cpl, currency: "RUB") == "523,40\(nb)₽")
        #expect(en.value(nil, of: .cpl, currency: "RUB") == "—")
        #expect(en.value(125, of: .avgSessionSeconds, currency: "RUB") == "2\(nb)min 5\(nb)s")
        #expect(ru.compact(12_300) == "12,3\(nb)тыс.")
        #expect(en.compact(1_200_000) == "1.2M")
    }

    @Test("a change is better or worse by the metric's direction")
    func tone() {
        #expect(ChangeTone.of(.erReach, changePct: 5) == .better)
        #expect(ChangeTone.of(.cpl, changePct: 5) == .worse)
        #expect(ChangeTone.of(.cpl, changePct: -5) == .better)
        #expect(ChangeTone.of(.adSpend, changePct: 5) == .neutral)
        #expect(ChangeTone.of(.erReach, changePct: 0.01) == .same)
        #expect(ChangeTone.of(.erReach, changePct: nil) == nil)
    }
}
