import Foundation
import SMMCore
import SMMReports

/// Strings and number, percent, date and money formatting of one language.
///
/// Numbers, percents, money and month names come from SMMReports' ``ReportFormat``, so the pages
/// and the reports write a value alike. Russian: `1 234,5`, `12,3 %`, `25.11.2026`, `1 736,09 ₽`
/// (no-break spaces, U+2212 minus); English: `1,234.5`, `12.3%`, `Nov 25, 2026`, `₽1,736.09`.
package struct Localizer: Sendable {
    package let language: UILanguage
    private let strings: [String: String]

    package init(_ language: UILanguage) {
        self.language = language
        self.strings = Catalogue.strings(language)
    }

    /// The string of a key; the key itself when the catalogue lacks it (a test keeps that from shipping).
    package func t(_ key: String) -> String { strings[key] ?? key }

    /// Whether the catalogue has the key.
    package func has(_ key: String) -> Bool { strings[key] != nil }

    /// The no-break space Russian typography puts between digit groups and before `%`.
    package static let nbsp = ReportFormat.nbsp
    /// The minus sign of a negative change.
    package static let minus = ReportFormat.minus

    /// The formatter of the reports in this language: numbers, percents, money and month names on
    /// the pages are written by it, so a value reads the same on a page and in a report.
    package func format(currency: String = "RUB") -> ReportFormat {
        ReportFormat(language: language == .ru ? .ru : .en, currency: currency)
    }

    // MARK: Numbers

    /// A number with `digits` fraction digits, grouped by thousands.
    package func number(_ value: Double, digits: Int = 0) -> String {
        guard value.isFinite else { return t("common.none") }
        return format().plain(value, places: digits)
    }

    /// An exact decimal with `digits` fraction digits, rounded half away from zero.
    package func number(_ value: Decimal, digits: Int) -> String { format().plain(value, places: digits) }

    /// A percentage with one fraction digit: `12,3 %` / `12.3%`.
    package func percent(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return t("common.none") }
        return format().percent(value, places: digits)
    }

    /// The symbol of a currency code, or the code itself.
    package static func symbol(_ currency: String) -> String { ReportFormat.sign(currency) }

    /// Money: kopecks/cents below 10 000, whole units from 10 000 on. `1 736,09 ₽` / `₽1,736.09`.
    package func money(_ value: Decimal, currency: String) -> String { format(currency: currency).money(value) }

    /// Money computed by the KPI engine (a ratio of sums, so a Double); shown as ``money(_:currency:)``.
    package func money(_ value: Double, currency: String) -> String {
        guard value.isFinite else { return t("common.none") }
        return format(currency: currency).money(value)
    }

    /// A short number for chart axes: `12,3 тыс.`, `1,2 млн` / `12.3K`, `1.2M`.
    package func compact(_ value: Double) -> String { format().compact(value) }

    // MARK: Dates and periods

    private static let monthShortEN = ReportFormat.monthsEN.map { String($0.prefix(3)) }

    /// A date: `25.11.2026` / `Nov 25, 2026`.
    package func date(_ d: LocalDate) -> String {
        let (y, m, day) = d.components
        switch language {
        case .ru: return String(format: "%02d.%02d.%04d", day, m, y)
        case .en: return "\(Localizer.monthShortEN[m - 1]) \(day), \(y)"
        }
    }

    /// A date in words: `25 ноября 2026` / `November 25, 2026`.
    package func longDate(_ d: LocalDate) -> String {
        let (y, m, day) = d.components
        switch language {
        case .ru: return "\(day) \(ReportFormat.monthsRU[m - 1]) \(y)"
        case .en: return "\(ReportFormat.monthsEN[m - 1]) \(day), \(y)"
        }
    }

    /// A period as a heading says it: `Ноябрь 2026`, `Неделя 48, 2026`, `4 квартал 2026`.
    package func period(_ p: Period) -> String {
        switch p.kind {
        case .week:
            let (y, w) = Period.isoWeek(of: p.first)
            let range = "\(shortDay(p.first)) – \(shortDay(p.last))"
            return language == .ru ? "Неделя \(w), \(y) (\(range))" : "Week \(w), \(y) (\(range))"
        case .month:
            return format().month(year: p.first.year, month: p.first.month)
        case .quarter:
            let q = (p.first.month - 1) / 3 + 1
            return language == .ru ? "\(q) квартал \(p.first.year)" : "Q\(q) \(p.first.year)"
        case .year:
            return language == .ru ? "\(p.first.year) год" : "\(p.first.year)"
        case .custom:
            return "\(date(p.first)) – \(date(p.last))"
        }
    }

    /// A period as a chart axis says it: `ноя 26`, `W48`, `4 кв. 26` / `Nov 26`, `W48`, `Q4 26`.
    package func shortPeriod(_ p: Period) -> String {
        let yy = String(format: "%02d", p.first.year % 100)
        switch p.kind {
        case .week:
            return (language == .ru ? "Н" : "W") + String(Period.isoWeek(of: p.first).week)
        case .month:
            return "\(format().shortMonth(p.first.month)) \(yy)"
        case .quarter:
            let q = (p.first.month - 1) / 3 + 1
            return language == .ru ? "\(q) кв. \(yy)" : "Q\(q) \(yy)"
        case .year:
            return String(p.first.year)
        case .custom:
            return shortDay(p.first)
        }
    }

    private func shortDay(_ d: LocalDate) -> String {
        switch language {
        case .ru: return String(format: "%02d.%02d", d.day, d.month)
        case .en: return "\(Localizer.monthShortEN[d.month - 1]) \(d.day)"
        }
    }
}
