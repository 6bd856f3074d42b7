import Foundation
import Logging
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

/// The reports page: per recent week and month, the weekly or monthly report (`smmkpi report`) in
/// every format in the page's language, and the KPI table as CSV.
package struct ReportsView: Sendable {
    struct Download: Sendable { var label: String; var href: String }
    struct Row: Sendable { var label: String; var downloads: [Download]; var csvHref: String; var dashboardHref: String }
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
            let report: ReportKind = kind == .week ? .weekly : .monthly
            return PeriodChoice.history(ending: PeriodChoice.containing(latest, kind: kind), count: n).reversed().map { p in
                let q = "period=" + PageQuery.encode(p.label)
                let downloads = Self.formats.map { f in
                    ReportsView.Download(label: f.rawValue.uppercased(),
                                         href: "\(base)/reports/download?kind=\(report.rawValue)&\(q)&format=\(f.rawValue)")
                }
                return ReportsView.Row(label: l.period(p), downloads: downloads, csvHref: "\(base)/reports/kpi.csv?\(q)",
                                       dashboardHref: "\(base)/dashboard?\(q)")
            }
        }
        return ReportsView(weeks: rows(.week, 6), months: rows(.month, 6), hasData: true)
    }

    /// The formats offered, the one a director opens first first.
    static let formats: [ReportFileFormat] = [.pdf, .xlsx, .html, .md, .json]

    /// A weekly or monthly report in a format and language (as `smmkpi report` writes it).
    package func download(kind raw: String?, period rawPeriod: String?, format rawFormat: String?, language: UILanguage,
                          logger: Logger) async throws -> (fileName: String, mimeType: String, data: Data) {
        guard let kind = raw.flatMap(ReportKind.init(rawValue:)) else {
            throw ReportsPageError.badKind(raw ?? "")
        }
        guard let format = rawFormat.flatMap(ReportFileFormat.init(rawValue:)) else {
            throw ReportsPageError.badFormat(rawFormat ?? "")
        }
        let period = try Period(parsing: rawPeriod ?? "")
        let request = ReportRequest(kind: kind, period: period, language: language == .ru ? .ru : .en)
        let (model, data) = try await ReportService(store: store, logger: logger).render(request, as: format)
        return (ReportRenderer.fileName(model, format), format.mimeType, data)
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

/// A report download with an unknown kind or format.
package enum ReportsPageError: Error, LocalizedError, Equatable {
    case badKind(String)
    case badFormat(String)
    package var errorDescription: String? {
        switch self {
        case .badKind(let k): return "“\(k)” is not a report kind; ask for weekly or monthly."
        case .badFormat(let f): return "“\(f)” is not a report format; ask for pdf, xlsx, html, md or json."
        }
    }
}
