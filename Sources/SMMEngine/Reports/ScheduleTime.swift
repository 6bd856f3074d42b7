import Foundation
import SMMCore
import SMMReports

/// Errors of schedule settings, as sentences.
package enum ScheduleError: Error, Equatable, LocalizedError {
    case badTime(kind: ReportKind, text: String)
    case unknownSchedule(Int64)

    package var errorDescription: String? {
        switch self {
        case .badTime(.weekly, let t):
            return "--at “\(t)” is not a weekly time; write a weekday and a 24-hour time in the workspace's time zone, e.g. \"Mon 09:00\"."
        case .badTime(_, let t):
            return "--at “\(t)” is not a monthly time; write a day of the month (1–28) and a 24-hour time in the workspace's time zone, e.g. \"1 09:00\"."
        case .unknownSchedule(let id):
            return "There is no report schedule \(id); `smmkpi report schedule list` shows them."
        }
    }
}

/// When a schedule fires: weekly on a weekday, monthly on a day of the month, at a local time.
package struct ScheduleTime: Equatable, Sendable {
    package var kind: ReportKind
    /// ISO weekday 1 (Monday) … 7 (weekly), or day of month 1 … 28 (monthly).
    package var day: Int
    package var hour: Int
    package var minute: Int

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let weekdaysRU = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]

    /// `Mon 09:00` (weekly; English or Russian two-letter weekday) or `1 09:00` (monthly).
    package init(kind: ReportKind, parsing text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " }).map(String.init)
        guard parts.count == 2 else { throw ScheduleError.badTime(kind: kind, text: text) }
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        guard hm.count == 2, (0...23).contains(hm[0]), (0...59).contains(hm[1]) else { throw ScheduleError.badTime(kind: kind, text: text) }
        let d: Int?
        switch kind {
        case .weekly:
            let w = parts[0].lowercased()
            d = (Self.weekdays.firstIndex { w.hasPrefix($0) } ?? Self.weekdaysRU.firstIndex(of: w)).map { $0 + 1 }
        case .monthly:
            d = Int(parts[0]).flatMap { (1...28).contains($0) ? $0 : nil }
        }
        guard let d else { throw ScheduleError.badTime(kind: kind, text: text) }
        self.kind = kind; day = d; hour = hm[0]; minute = hm[1]
    }

    /// The canonical text: `Mon 09:00`, `1 09:00`.
    package var text: String {
        let day = kind == .weekly ? Self.weekdays[self.day - 1].capitalized : "\(self.day)"
        return day + " " + String(format: "%02d:%02d", hour, minute)
    }

    /// The latest firing at or before `now`, as (instant, local date), in `zone`.
    package func lastOccurrence(atOrBefore now: Date, in zone: TimeZone) -> (instant: Date, date: LocalDate) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day], from: now)
        var today = LocalDate(year: c.year!, month: c.month!, day: c.day!)!
        func instant(_ d: LocalDate) -> Date {
            var dc = DateComponents()
            dc.year = d.year; dc.month = d.month; dc.day = d.day; dc.hour = hour; dc.minute = minute
            return cal.date(from: dc)!
        }
        switch kind {
        case .weekly:
            var d = today.adding(days: -((today.isoWeekday - day + 7) % 7))
            if instant(d) > now { d = d.adding(days: -7) }
            return (instant(d), d)
        case .monthly:
            var d = LocalDate(year: today.year, month: today.month, day: day)!
            if instant(d) > now {
                today = LocalDate(year: today.year, month: today.month, day: 1)!.adding(days: -1)
                d = LocalDate(year: today.year, month: today.month, day: day)!
            }
            return (instant(d), d)
        }
    }

    /// The period a report fired on `date` covers: the one that ended last (previous ISO week or month).
    package func period(firedOn date: LocalDate) -> Period {
        ReportService.periodJustEnded(kind, today: date)
    }
}
