import Foundation

/// Why a period spelling was refused.
package struct PeriodError: Error, Equatable, LocalizedError {
    package var text: String
    package var reason: String
    package var errorDescription: String? {
        "“\(text)” is not a period: \(reason). Write a week 2025-W05, a month 2024-11, a quarter 2024-Q4, a year 2024 or a range 2024-11-03..2024-11-17."
    }
}

extension Period {
    /// Parses the spellings of cli.md "Periods"; anything else throws ``PeriodError``.
    package init(parsing raw: String) throws {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let fail = { (reason: String) in PeriodError(text: text, reason: reason) }
        let u = Array(text.utf8)
        func num(_ s: Int, _ n: Int) -> Int? {
            guard s + n <= u.count else { return nil }
            return LocalDate.digits(u, s, n)
        }
        if let range = text.range(of: "..") {
            let a = String(text[..<range.lowerBound]), b = String(text[range.upperBound...])
            guard let from = LocalDate(iso: a) else { throw fail("“\(a)” is not a date YYYY-MM-DD") }
            guard let to = LocalDate(iso: b) else { throw fail("“\(b)” is not a date YYYY-MM-DD") }
            guard from <= to else { throw fail("the first date is after the last") }
            self.init(kind: .custom, first: from, last: to)
            return
        }
        if u.count == 4, let y = num(0, 4), let p = Period.year(y) {
            self = p
            return
        }
        guard u.count >= 7, u[4] == UInt8(ascii: "-"), let y = num(0, 4), y >= 1 else {
            throw fail("unknown spelling")
        }
        if u.count == 8, u[5] == UInt8(ascii: "W") {
            guard let w = num(6, 2) else { throw fail("the week needs two digits") }
            guard let p = Period.isoWeek(year: y, week: w) else {
                throw fail("ISO year \(y) has weeks 01 to \(Period.weeksIn(isoYear: y))")
            }
            self = p
            return
        }
        if u.count == 7, u[5] == UInt8(ascii: "Q") {
            guard let q = num(6, 1), let p = Period.quarter(year: y, quarter: q) else {
                throw fail("a quarter is Q1 to Q4")
            }
            self = p
            return
        }
        if u.count == 7, let m = num(5, 2) {
            guard let p = Period.month(year: y, month: m) else { throw fail("a month is 01 to 12") }
            self = p
            return
        }
        throw fail("unknown spelling")
    }
}
