import Foundation

/// Numbers, dates and periods written the way each language writes them: Russian `1 234,5`,
/// `12,3 %`, English `1,234.5`, `12.3%`. Written by hand so the output does not depend on the
/// machine's locale data.
package struct ReportFormat: Sendable {
    package var language: ReportLanguage
    package var currency: String

    package init(language: ReportLanguage, currency: String) { self.language = language; self.currency = currency }

    /// The no-break space between digit groups and before units (keeps `1 234` on one line).
    static let nbsp = "\u{00A0}"
    static let minus = "\u{2212}"

    /// A number with `places` decimals, grouped by thousands.
    package func plain(_ v: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", abs(v))
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var grouped = ""
        let sep = language == .ru ? Self.nbsp : ","
        while integer.count > 3 {
            grouped = sep + String(integer.suffix(3)) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if parts.count > 1 { grouped += (language == .ru ? "," : ".") + parts[1] }
        let isZero = Double(text) == 0
        return (v < 0 && !isZero ? Self.minus : "") + grouped
    }

    /// The currency's sign when it has a well-known one, else its code.
    package var currencySign: String {
        switch currency.uppercased() {
        case "RUB": return "₽"
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "KZT": return "₸"
        default: return currency
        }
    }

    /// A value in its format; `nil` is written as a dash.
    package func value(_ v: Double?, _ format: ValueFormat) -> String {
        guard let v, v.isFinite else { return "—" }
        let ru = language == .ru
        switch format {
        case .integer: return plain(v, places: v == v.rounded() || abs(v) >= 100 ? 0 : 1)
        case .decimal: return plain(v, places: 2)
        case .percent: return plain(v, places: 1) + (ru ? Self.nbsp + "%" : "%")
        case .money: return plain(v, places: abs(v) >= 10_000 ? 0 : 2) + Self.nbsp + currencySign
        case .seconds: return plain(v, places: 0) + Self.nbsp + (ru ? "с" : "s")
        case .minutes: return plain(v, places: 1) + Self.nbsp + (ru ? "мин" : "min")
        case .hours: return plain(v, places: 1) + Self.nbsp + (ru ? "ч" : "h")
        }
    }

    /// A relative change with its sign: `+12,3 %`, `−4.5%`.
    package func change(_ pct: Double?) -> String {
        guard let pct, pct.isFinite else { return "—" }
        let sign = pct > 0.05 ? "+" : ""
        return sign + value(pct, .percent)
    }

    /// A difference in the value's own format with its sign (used for percentage points).
    package func delta(_ d: Double?, _ format: ValueFormat) -> String {
        guard let d, d.isFinite else { return "—" }
        if format == .percent {
            return (d > 0 ? "+" : "") + plain(d, places: 1) + Self.nbsp + (language == .ru ? "п.п." : "pp")
        }
        return (d > 0 ? "+" : "") + value(d, format)
    }

    static let monthsRU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                           "октября", "ноября", "декабря"]
    static let monthsRUNominative = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
                                     "Октябрь", "Ноябрь", "Декабрь"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]

    /// (year, month, day) of a YYYY-MM-DD text.
    static func ymd(_ iso: String) -> (Int, Int, Int)? {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]) else { return nil }
        return (p[0], p[1], p[2])
    }

    /// A date: `18 ноября 2024`, `18 Nov 2024`.
    package func date(_ iso: String) -> String {
        guard let (y, m, d) = Self.ymd(iso) else { return iso }
        return language == .ru ? "\(d) \(Self.monthsRU[m - 1]) \(y)" : "\(d) \(Self.monthsEN[m - 1].prefix(3)) \(y)"
    }

    /// A short date for chart axes: `18.11`, `18 Nov`.
    package func shortDate(_ iso: String) -> String {
        guard let (_, m, d) = Self.ymd(iso) else { return iso }
        return language == .ru ? String(format: "%02d.%02d", d, m) : "\(d) \(Self.monthsEN[m - 1].prefix(3))"
    }

    /// A month's short name for chart axes: `ноя`, `Nov`.
    package func shortMonth(_ month: Int) -> String {
        guard (1...12).contains(month) else { return "\(month)" }
        return language == .ru ? String(Self.monthsRUNominative[month - 1].prefix(3)).lowercased() : String(Self.monthsEN[month - 1].prefix(3))
    }

    /// A month: `Ноябрь 2024`, `November 2024`.
    package func month(year: Int, month: Int) -> String {
        language == .ru ? "\(Self.monthsRUNominative[month - 1]) \(year)" : "\(Self.monthsEN[month - 1]) \(year)"
    }

    /// A period for headings: `Неделя 2024-W47 (18–24 ноября 2024)`, `November 2024`.
    package func period(_ p: ReportPeriod) -> String {
        guard let (y1, m1, d1) = Self.ymd(p.from), let (y2, m2, d2) = Self.ymd(p.to) else { return p.label }
        if d1 == 1, y1 == y2, m1 == m2, Self.ymd(nextDay(p.to))?.2 == 1 { return month(year: y1, month: m1) }
        let range: String
        if y1 == y2, m1 == m2 {
            range = language == .ru ? "\(d1)–\(d2) \(Self.monthsRU[m2 - 1]) \(y2)" : "\(d1)–\(d2) \(Self.monthsEN[m2 - 1].prefix(3)) \(y2)"
        } else {
            range = date(p.from) + " – " + date(p.to)
        }
        if p.label.contains("-W") {
            return (language == .ru ? "Неделя " : "Week ") + p.label + " (" + range + ")"
        }
        return range
    }

    private func nextDay(_ iso: String) -> String {
        guard let (y, m, d) = Self.ymd(iso) else { return iso }
        var c = DateComponents(); c.year = y; c.month = m; c.day = d
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        guard let date = cal.date(from: c), let next = cal.date(byAdding: .day, value: 1, to: date) else { return iso }
        let n = cal.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d-%02d-%02d", n.year!, n.month!, n.day!)
    }
}
