import Foundation
import SMMCore
import SMMEngine
import SMMStore

/// The reports page: per recent week and month, the KPI table to download as CSV (in the
/// page's language) and as JSON (the shape of `smmkpi kpi --format json`).
package struct ReportsView: Sendable {
    struct Row: Sendable { var label: String; var csvHref: String; var jsonHref: String; var dashboardHref: String }
    var weeks: [Row]
    var months: [Row]
    var hasData: Bool
}

package struct ReportsPage: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    package func build(base: String, localizer l: Localizer) async throws -> ReportsView {
        guard let latest = try await store.dataRange()?.upperBound else { return ReportsView(weeks: [], months: [], hasData: false) }
        func rows(_ kind: Period.Kind, _ n: Int) -> [ReportsView.Row] {
            PeriodChoice.history(ending: PeriodChoice.containing(latest, kind: kind), count: n).reversed().map { p in
                let q = "period=" + PageQuery.encode(p.label)
                return ReportsView.Row(label: l.period(p), csvHref: "\(base)/reports/kpi.csv?\(q)",
                                       jsonHref: "\(base)/reports/kpi.json?\(q)", dashboardHref: "\(base)/dashboard?\(q)")
            }
        }
        return ReportsView(weeks: rows(.week, 6), months: rows(.month, 6), hasData: true)
    }

    /// The KPI report of a period for downloads.
    package func report(period raw: String?) async throws -> KPIReport {
        let latest = try await store.dataRange()?.upperBound ?? LocalDate(dayNumber: Int32(Date().timeIntervalSince1970 / 86400))
        let period = try raw.map { try Period(parsing: $0) } ?? PeriodChoice.containing(latest, kind: .month)
        return try await KPIService(store: store).report(period: period)
    }

    /// The KPI table as CSV with localized names and the raw values (a spreadsheet formats them).
    package static func csv(_ r: KPIReport, localizer l: Localizer) -> String {
        var out = [[l.t("reports.csvId"), l.t("plans.metric"), l.t("reports.csvArea"), l.t("reports.csvUnit"), r.period.label,
                    r.previous.label, l.t("reports.csvChange")].map(CSVText.quote).joined(separator: ",")]
        func num(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "" }
        for m in r.metrics {
            let unit = m.unit == .money ? r.currency : m.unit.rawValue
            out.append([m.id.rawValue, l.name(m.id), l.name(m.id.area), unit, num(m.value), num(m.previous), num(m.changePct)]
                .map(CSVText.quote).joined(separator: ","))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The KPI report as JSON (the shape of `smmkpi kpi --format json`).
    package static func json(_ r: KPIReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(r)
    }
}
