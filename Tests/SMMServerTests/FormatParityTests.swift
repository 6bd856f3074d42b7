import Foundation
import SMMCore
import SMMReports
import Testing
@testable import SMMServer

/// The web pages (``Localizer``) and the reports (``ReportFormat``) write a value alike.
@Suite struct FormatParityTests {
    let nb = "\u{00A0}"

    func both(_ language: UILanguage) -> (Localizer, ReportFormat) {
        (Localizer(language), ReportFormat(language: language == .ru ? .ru : .en, currency: "RUB"))
    }

    @Test("a KPI value reads the same on a page and in a report", arguments: UILanguage.allCases)
    func sameText(language: UILanguage) {
        let (l, f) = both(language)
        let values: [(Double?, KPIID)] = [
            (1736.09, .cpl), (523.4, .cpl), (123_539.79, .revenue), (-1500.4, .revenue), (3.3173, .erReach),
            (-4.25, .erReach), (40_836, .followersEnd), (1_234_567, .reachTotal), (12.5, .followersEnd), (0.4567, .pagesPerSession), (7.25, .medianResponseMinutes), (12.5, .hoursSpent),
            (125, .avgSessionSeconds), (45, .avgSessionSeconds), (nil, .cpl),
        ]
        for (v, id) in values {
            #expect(l.value(v, of: id, currency: "RUB") == f.value(v, ValueFormat(id.unit)), "\(language) \(id) \(String(describing: v))")
        }
        for pct in [12.34, -4.0, 0.01, -0.03] { #expect(l.change(pct) == f.change(pct)) }
        for v in [0.0, 7.5, 12_300, 1_200_000, 3_400_000_000] { #expect(l.compact(v) == f.compact(v)) }
        for m in 1...12 {
            let month = Period.month(year: 2024, month: m)!
            #expect(l.period(month) == f.month(year: 2024, month: m))
            #expect(l.period(month) == f.period(ReportPeriod(label: month.description, from: month.first.description,
                                                               to: month.last.description)))
        }
    }

    @Test("the texts: kopecks, percent, grouped integers with no-break spaces, months in the nominative")
    func texts() {
        let (ru, rf) = both(.ru), (en, ef) = both(.en)
        #expect(ru.value(1736.09, of: .cpl, currency: "RUB") == "1\(nb)736,09\(nb)₽")
        #expect(en.value(1736.09, of: .cpl, currency: "RUB") == "₽1,736.09")
        #expect(rf.money(Decimal(string: "0.5")!) == "0,50\(nb)₽")
        #expect(ef.money(Decimal(string: "-12.5")!) == "\u{2212}₽12.50")
        #expect(ru.value(123_539.79, of: .revenue, currency: "RUB") == "123\(nb)540\(nb)₽")
        #expect(ru.value(3.3173, of: .erReach, currency: "RUB") == "3,3\(nb)%")
        #expect(en.value(3.3173, of: .erReach, currency: "RUB") == "3.3%")
        #expect(ru.value(1_234_567, of: .reachTotal, currency: "RUB") == "1\(nb)234\(nb)567")
        #expect(!ru.value(1_234_567, of: .reachTotal, currency: "RUB").contains(" "))
        #expect(en.value(1_234_567, of: .reachTotal, currency: "RUB") == "1,234,567")
        #expect(ru.period(Period.month(year: 2024, month: 11)!) == "Ноябрь 2024")
        #expect(rf.monthName(5) == "Май" && ef.monthName(5) == "May")
        #expect(en.period(Period.month(year: 2024, month: 3)!) == "March 2024")
        #expect(ru.value(125, of: .avgSessionSeconds, currency: "RUB") == "2\(nb)мин 5\(nb)с")
    }
}
