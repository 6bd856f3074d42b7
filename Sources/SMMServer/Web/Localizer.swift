import Foundation
import SMMCore

/// Strings and number, percent, date and money formatting of one language.
///
/// Russian: `1 234,5`, `12,3 %`, `25.11.2026`, `1 234 ₽` (no-break spaces);
/// English: `1,234.5`, `12.3%`, `Nov 25, 2026`, `₽1,234`.
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
    package static let nbsp = "\u{00A0}"
    /// The minus sign of a negative change.
    package static let minus = "\u{2212}"

    private var groupSeparator: String { language == .ru ? Localizer.nbsp : "," }
    private var decimalSeparator: String { language == .ru ? "," : "." }

    // MARK: Numbers

    /// A number with `digits` fraction digits, grouped by thousands.
    package func number(_ value: Double, digits: Int = 0) -> String {
        guard value.isFinite else { return t("common.none") }
        let text = String(format: "%.\(max(0, digits))f", value)
        return grouped(text)
    }

    /// An exact decimal (money) with `digits` fraction digits, rounded half away from zero.
    package func number(_ value: Decimal, digits: Int) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, digits, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if text.hasPrefix("-0") && rounded == 0 { text = "0" }
        if digits > 0 {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            text = String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, digits - fraction.count))
        }
        return grouped(text)
    }

    /// Groups the integer part of `[-]digits[.digits]` and swaps the separators for the language's.
    private func grouped(_ text: String) -> String {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var out = ""
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        if parts.count > 1, !parts[1].isEmpty { out += decimalSeparator + parts[1] }
        let isZero = !out.contains(where: { $0 >= "1" && $0 <= "9" })
        return negative && !isZero ? "-" + out : out
    }

    /// A percentage with one fraction digit: `12,3 %` / `12.3%`.
    package func percent(_ value: Double, digits: Int = 1) -> String {
        language == .ru ? number(value, digits: digits) + Localizer.nbsp + "%" : number(value, digits: digits) + "%"
    }

    /// The symbol of a currency code, or the code itself.
    package static func symbol(_ currency: String) -> String {
        switch currency.uppercased() {
        case "RUB": return "₽"
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "KZT": return "₸"
        case "UAH": return "₴"
        case "BYN": return "Br"
        case "CNY", "JPY": return "¥"
        case "TRY": return "₺"
        case "INR": return "₹"
        default: return currency.uppercased()
        }
    }

    /// Money: whole units from 1 000 on, else kopecks/cents. `1 234 ₽` / `₽1,234`.
    package func money(_ value: Decimal, currency: String) -> String {
        let digits = abs(value) >= 1000 ? 0 : 2
        return withCurrency(number(value, digits: digits), currency: currency)
    }

    /// Money computed by the KPI engine (a ratio of sums, so a Double); shown as ``money(_:currency:)``.
    package func money(_ value: Double, currency: String) -> String {
        guard value.isFinite else { return t("common.none") }
        return money(Decimal(string: String(format: "%.4f", value)) ?? Decimal(value), currency: currency)
    }

    private func withCurrency(_ amount: String, currency: String) -> String {
        let symbol = Localizer.symbol(currency)
        let code = symbol == currency.uppercased()
        if language == .ru || code { return amount + Localizer.nbsp + symbol }
        if amount.hasPrefix("-") { return "-" + symbol + amount.dropFirst() }
        return symbol + amount
    }

    /// A short number for chart axes: `12,3 тыс.`, `1,2 млн` / `12.3K`, `1.2M`.
    package func compact(_ value: Double) -> String {
        let a = abs(value)
        let (scaled, suffix): (Double, String)
        if a >= 1_000_000_000 { (scaled, suffix) = (value / 1e9, language == .ru ? Localizer.nbsp + "млрд" : "B") }
        else if a >= 1_000_000 { (scaled, suffix) = (value / 1e6, language == .ru ? Localizer.nbsp + "млн" : "M") }
        else if a >= 10_000 { (scaled, suffix) = (value / 1e3, language == .ru ? Localizer.nbsp + "тыс." : "K") }
        else { return number(value, digits: a < 10 && value != value.rounded() ? 1 : 0) }
        let digits = abs(scaled) < 100 && scaled != scaled.rounded() ? 1 : 0
        return number(scaled, digits: digits) + suffix
    }

    // MARK: Dates and periods

    private static let monthsRU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                   "сентября", "октября", "ноября", "декабря"]
    private static let monthNamesRU = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
                                       "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
    private static let monthShortRU = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
    private static let monthNamesEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December"]
    private static let monthShortEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

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
        case .ru: return "\(day) \(Localizer.monthsRU[m - 1]) \(y)"
        case .en: return "\(Localizer.monthNamesEN[m - 1]) \(day), \(y)"
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
            let names = language == .ru ? Localizer.monthNamesRU : Localizer.monthNamesEN
            return "\(names[p.first.month - 1]) \(p.first.year)"
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
            let names = language == .ru ? Localizer.monthShortRU : Localizer.monthShortEN
            return "\(names[p.first.month - 1]) \(yy)"
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
