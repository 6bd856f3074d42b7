import Foundation
import SMMCore

/// The period a page shows, read from its query (`kind`, `period`, `from`, `to`), with the
/// choices the period picker offers.
package struct PeriodChoice: Sendable, Equatable {
    package var period: Period
    /// week, month, quarter or custom (a year reads as custom in the picker).
    package var kind: Period.Kind

    /// The kinds the picker offers.
    package static let kinds: [Period.Kind] = [.week, .month, .quarter, .custom]

    /// Reads the query; without a period, the last whole month (or period of the asked kind) of
    /// the data, see ``defaultChoice(kind:latest:)``. A period that does not parse falls back the same way and says why.
    package static func from(query: [String: String], latest: LocalDate) -> (choice: PeriodChoice, problem: String?) {
        let askedKind = query["kind"].flatMap(Period.Kind.init(rawValue:))
        if let from = query["from"].flatMap({ LocalDate(iso: $0) }), let to = query["to"].flatMap({ LocalDate(iso: $0) }),
           askedKind == .custom || query["period"] == nil || query["period"] == "custom" {
            if from <= to { return (PeriodChoice(period: Period(kind: .custom, first: from, last: to), kind: .custom), nil) }
            return (defaultChoice(kind: .month, latest: latest), "from>to")
        }
        if let raw = query["period"], !raw.isEmpty, raw != "custom" {
            do {
                let p = try Period(parsing: raw)
                return (PeriodChoice(period: p, kind: p.kind == .year ? .custom : p.kind), nil)
            } catch {
                return (defaultChoice(kind: askedKind ?? .month, latest: latest), (error as? PeriodError)?.errorDescription)
            }
        }
        return (defaultChoice(kind: askedKind ?? .month, latest: latest), nil)
    }

    /// The catalogue key of the sentence saying why `shown` replaced the period asked for, in the
    /// words of what ``from(query:latest:)`` fell back to: `from` after `to` → the last whole month;
    /// a period that does not parse → the last whole period of the asked kind (30 days for custom).
    package static func fallbackKey(problem: String, shown: PeriodChoice) -> String {
        problem == "from>to" ? "period.reversed" : "period.invalid." + shown.kind.rawValue
    }

    /// The last whole period of `kind` up to `latest`, the last day with data: the period holding
    /// it when it ends that day, else the one before (a month half over does not compare with a
    /// whole one). A custom choice: the 30 days up to `latest`.
    package static func defaultChoice(kind: Period.Kind, latest: LocalDate) -> PeriodChoice {
        let current = containing(latest, kind: kind)
        let period = kind == .custom || current.last == latest ? current : current.previous
        return PeriodChoice(period: period, kind: kind)
    }

    /// The period of a kind that holds a date.
    package static func containing(_ date: LocalDate, kind: Period.Kind) -> Period {
        switch kind {
        case .week:
            let (y, w) = Period.isoWeek(of: date)
            return Period.isoWeek(year: y, week: w)!
        case .quarter:
            return Period.quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)!
        case .year:
            return Period.year(date.year)!
        case .custom:
            return Period(kind: .custom, first: date.adding(days: -29), last: date)
        case .month:
            return Period.month(year: date.year, month: date.month)!
        }
    }

    /// `count` periods ending with `period`, oldest first.
    package static func history(ending period: Period, count: Int) -> [Period] {
        var out = [period]
        while out.count < count { out.insert(out[0].previous, at: 0) }
        return out
    }
}
