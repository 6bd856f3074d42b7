import Foundation

/// An inclusive range of local dates, as `kpi --period` and a plan's `period` give it
/// (kpi-catalog.md "Scope, periods, nulls").
package struct Period: Hashable, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        case week, month, quarter, year, custom
    }

    package var kind: Kind
    package var first: LocalDate
    package var last: LocalDate

    package init(kind: Kind, first: LocalDate, last: LocalDate) {
        self.kind = kind
        self.first = first
        self.last = last
    }

    /// Number of days, both ends included.
    package var dayCount: Int { first.days(to: last) + 1 }

    package func contains(_ date: LocalDate) -> Bool { date >= first && date <= last }

    /// The label as cli.md prints it: `2025-W05`, `2024-11`, `2024-Q4`, `2024`, `2024-11-03..2024-11-17`.
    package var label: String {
        switch kind {
        case .week:
            let (y, w) = Period.isoWeek(of: first)
            return String(format: "%04d-W%02d", y, w)
        case .month:
            return String(format: "%04d-%02d", first.year, first.month)
        case .quarter:
            return String(format: "%04d-Q%d", first.year, (first.month - 1) / 3 + 1)
        case .year:
            return String(format: "%04d", first.year)
        case .custom:
            return "\(first)..\(last)"
        }
    }

    package var description: String { label }

    /// The same kind immediately before; for a custom range the same number of days before.
    package var previous: Period {
        switch kind {
        case .week:
            return Period(kind: .week, first: first.adding(days: -7), last: first.adding(days: -1))
        case .month:
            let (y, m, _) = first.components
            return Period.month(year: m == 1 ? y - 1 : y, month: m == 1 ? 12 : m - 1)!
        case .quarter:
            let (y, m, _) = first.components
            let q = (m - 1) / 3 + 1
            return Period.quarter(year: q == 1 ? y - 1 : y, quarter: q == 1 ? 4 : q - 1)!
        case .year:
            return Period.year(first.year - 1)!
        case .custom:
            return Period(kind: .custom, first: first.adding(days: -dayCount), last: first.adding(days: -1))
        }
    }

    package static func month(year: Int, month: Int) -> Period? {
        guard let a = LocalDate(year: year, month: month, day: 1),
              let b = LocalDate(year: year, month: month, day: LocalDate.daysIn(year: year, month: month))
        else { return nil }
        return Period(kind: .month, first: a, last: b)
    }

    package static func quarter(year: Int, quarter: Int) -> Period? {
        guard (1...4).contains(quarter), let a = LocalDate(year: year, month: quarter * 3 - 2, day: 1),
              let b = LocalDate(year: year, month: quarter * 3, day: LocalDate.daysIn(year: year, month: quarter * 3))
        else { return nil }
        return Period(kind: .quarter, first: a, last: b)
    }

    package static func year(_ year: Int) -> Period? {
        guard let a = LocalDate(year: year, month: 1, day: 1), let b = LocalDate(year: year, month: 12, day: 31)
        else { return nil }
        return Period(kind: .year, first: a, last: b)
    }

    /// ISO week `week` of ISO week-year `year`, or nil when that year has no such week.
    package static func isoWeek(year: Int, week: Int) -> Period? {
        guard week >= 1, week <= weeksIn(isoYear: year), let jan4 = LocalDate(year: year, month: 1, day: 4)
        else { return nil }
        let monday = jan4.adding(days: -(jan4.isoWeekday - 1) + (week - 1) * 7)
        return Period(kind: .week, first: monday, last: monday.adding(days: 6))
    }

    /// 52 or 53.
    package static func weeksIn(isoYear year: Int) -> Int {
        guard let dec28 = LocalDate(year: year, month: 12, day: 28) else { return 0 }
        return isoWeek(of: dec28).week
    }

    /// ISO week-year and week number of a date.
    package static func isoWeek(of date: LocalDate) -> (year: Int, week: Int) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let y = thursday.year
        let jan1 = LocalDate(year: y, month: 1, day: 1)!
        return (y, jan1.days(to: thursday) / 7 + 1)
    }
}
