import Foundation

/// Numbers, money, dates and periods written the way each language writes them: Russian `1 234,5`,
/// `12,3 %`, `1 736,09 ₽`, English `1,234.5`, `12.3%`, `₽1,736.09`. Written by hand so the output does
/// not depend on the machine's locale data. The one formatter of the reports and the web pages
/// (SMMServer's `Localizer` calls it), so a value reads the same in both.
package struct ReportFormat: Sendable {
    package var language: ReportLanguage
    package var currency: String

    package init(language: ReportLanguage, currency: String) { self.language = language; self.currency = currency }

    /// The no-break space between digit groups and before units (keeps `1 234` on one line).
    package static let nbsp = "\u{00A0}"
    /// The minus sign (U+2212) of negative numbers.
    package static let minus = "\u{2212}"

    /// A number with `places` decimals, grouped by thousands.
    package func plain(_ v: Double, places: Int) -> String {
        guard v.isFinite else { return "—" }
        return grouped(String(format: "%.\(max(0, places))f", v))
    }

    /// An exact decimal with `places` decimals (rounded half away from zero), grouped by thousands.
    package func plain(_ v: Decimal, places: Int) -> String {
        var input = v
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if places > 0 {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            text = String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
        }
        return grouped(text)
    }

    /// Groups the integer part of `[-]digits[.digits]` and writes the language's separators; a
    /// negative number that rounds to zero has no sign.
    private func grouped(_ text: String) -> String {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        let sep = language == .ru ? Self.nbsp : ","
        var out = ""
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out += sep }
            out.append(ch)
        }
        if parts.count > 1, !parts[1].isEmpty { out += (language == .ru ? "," : ".") + parts[1] }
        let isZero = !out.contains { $0 >= "1" && $0 <= "9" }
        return negative && !isZero ? Self.minus + out : out
    }

    /// A percentage: `12,3 %` / `12.3%`.
    package func percent(_ v: Double, places: Int = 1) -> String {
        plain(v, places: places) + (language == .ru ? Self.nbsp + "%" : "%")
    }

    /// The sign of a currency when it has a well-known one, else its code (upper-cased).
    package static func sign(_ currency: String) -> String {
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

    /// The sign of this report's currency.
    package var currencySign: String { Self.sign(currency) }

    /// Money, exact: kopecks/cents below 10 000, whole units from 10 000 on. Russian `1 736,09 ₽`,
    /// English `₽1,736.09`; a currency without a sign is written after the amount (`10.00 CHF`).
    package func money(_ v: Decimal) -> String {
        let amount = plain(v, places: abs(v) >= 10_000 ? 0 : 2)
        let sign = currencySign
        if language == .ru || sign == currency.uppercased() { return amount + Self.nbsp + sign }
        if amount.hasPrefix(Self.minus) { return Self.minus + sign + amount.dropFirst() }
        return sign + amount
    }

    /// Money computed by the KPI engine (a ratio of sums, so a Double), rounded to 4 places first.
    package func money(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        return money(Decimal(string: String(format: "%.4f", v)) ?? Decimal(v))
    }

    /// A short number for chart axes: `12,3 тыс.`, `1,2 млн` / `12.3K`, `1.2M`.
    package func compact(_ v: Double) -> String {
        let a = abs(v)
        let ru = language == .ru
        let (scaled, suffix): (Double, String)
        if a >= 1_000_000_000 { (scaled, suffix) = (v / 1e9, ru ? Self.nbsp + "млрд" : "B") }
        else if a >= 1_000_000 { (scaled, suffix) = (v / 1e6, ru ? Self.nbsp + "млн" : "M") }
        else if a >= 10_000 { (scaled, suffix) = (v / 1e3, ru ? Self.nbsp + "тыс." : "K") }
        else { return plain(v, places: a < 10 && v != v.rounded() ? 1 : 0) }
        return plain(scaled, places: abs(scaled) < 100 && scaled != scaled.rounded() ? 1 : 0) + suffix
    }

    /// A value for a chart axis: compact (``compact(_:)``), with `%` or the currency's sign.
    package func axis(_ v: Double, _ format: ValueFormat) -> String {
        switch format {
        case .percent: return percent(v, places: abs(v) < 10 && v != v.rounded() ? 1 : 0)
        case .money:
            let c = compact(v)
            let sign = currencySign
            return language == .ru || sign == currency.uppercased() ? c + Self.nbsp + sign : sign + c
        default: return compact(v)
        }
    }

    /// A value in its format; `nil` is written as a dash. Counts: whole from 100 on; seconds from
    /// 90 on as minutes and seconds (`2 мин 5 с`).
    package func value(_ v: Double?, _ format: ValueFormat) -> String {
        guard let v, v.isFinite else { return "—" }
        let ru = language == .ru
        switch format {
        case .integer: return plain(v, places: v == v.rounded() || abs(v) >= 100 ? 0 : 1)
        case .decimal: return plain(v, places: 2)
        case .percent: return percent(v)
        case .money: return money(v)
        case .seconds:
            if v >= 90 {
                let m = Int((v / 60).rounded(.down)), s = Int(v.rounded()) - m * 60
                return "\(m)" + Self.nbsp + (ru ? "мин" : "min") + " \(s)" + Self.nbsp + (ru ? "с" : "s")
            }
            return plain(v, places: 0) + Self.nbsp + (ru ? "с" : "s")
        case .minutes: return plain(v, places: v < 10 ? 1 : 0) + Self.nbsp + (ru ? "мин" : "min")
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

    /// Month names: Russian genitive (`18 ноября`), Russian nominative (`Ноябрь 2024`), English.
    package static let monthsRU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                           "октября", "ноября", "декабря"]
    package static let monthsRUNominative = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
                                     "Октябрь", "Ноябрь", "Декабрь"]
    package static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
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

    /// A month's name in the nominative case: `Ноябрь`, `November`.
    package func monthName(_ month: Int) -> String {
        guard (1...12).contains(month) else { return "\(month)" }
        return language == .ru ? Self.monthsRUNominative[month - 1] : Self.monthsEN[month - 1]
    }

    /// A month: `Ноябрь 2024`, `November 2024`.
    package func month(year: Int, month: Int) -> String {
        "\(monthName(month)) \(year)"
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
