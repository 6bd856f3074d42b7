import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

extension Breakdown: ExpressibleByArgument {}
extension BusinessTask: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "KPIs of the catalog for a period, with the previous period beside them.")

    @Option(name: .long, help: "2025-W05, 2024-11, 2024-Q4, 2024 or 2024-11-03..2024-11-17.")
    var period: String?

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @Option(name: .long, help: "Comma-separated metric ids (default: all).")
    var metrics: String?

    @Option(name: .long, help: "Business task whose KPI set to show: \(BusinessTask.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: BusinessTask?

    @Option(name: .long, help: "Break down by account, network, format, topic, campaign or partner.")
    var by: Breakdown?

    @Option(name: .long, help: "A plan YAML whose persona (audience_match) and sla_hours to use.")
    var plan: String?

    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "List the metric ids with unit, better direction and group, then exit.")
    var listMetrics = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if listMetrics {
            let rows = KPIID.allCases.map { [$0.rawValue, $0.area.rawValue, $0.unit.rawValue, $0.better.rawValue, $0.group.rawValue, $0.kind.rawValue] }
            print(Terminal.table(["metric", "area", "unit", "better", "group", "kind"], rows))
            return
        }
        guard let period else { throw ValidationError("Give --period, e.g. --period 2024-11 (a week 2025-W05, a quarter 2024-Q4, a year 2024 or a range 2024-11-03..2024-11-17).") }
        let p = try Period(parsing: period)
        var ids: [KPIID]? = try metrics.map { try KPIService.metrics([$0]) }
        if let task { ids = (ids ?? []) + task.kpis }
        let options = try plan.map(KPIService.options(fromPlan:)) ?? KPIOptions()
        let logger = makeLogger("smmkpi.kpi")
        let store = try await global.openStore(logger: logger)
        let accountList = accounts.map { $0.split(separator: ",").map(String.init) }
        let report = try await KPIService(store: store, logger: logger).report(period: p, accounts: accountList, metrics: ids,
                                                               breakdown: by, options: options)
        switch format {
        case .json: print(try KPIJSON.encode(report))
        case .csv: print(KPIView.csv(report), terminator: "")
        case .table: print(KPIView.table(report, order: ids))
        }
    }
}

/// Human-readable KPI output.
enum KPIView {
    static func number(_ v: Double?, _ unit: KPIUnit, currency: String) -> String {
        guard let v else { return Terminal.paint("no data", .dim) }
        switch unit {
        case .count: return v == v.rounded() ? Terminal.grouped(Int(v)) : String(format: "%.2f", v)
        case .percent: return String(format: "%.2f %%", v)
        case .money: return String(format: "%.2f", v) + " " + currency
        case .ratio: return String(format: "%.2f", v)
        case .seconds: return String(format: "%.0f s", v)
        case .minutes: return String(format: "%.1f min", v)
        case .hours: return String(format: "%.1f h", v)
        }
    }

    static func change(_ r: KPIResult) -> String {
        guard let abs = r.changeAbs, abs != 0 else { return r.changeAbs == 0 ? Terminal.paint("=", .dim) : "" }
        let arrow = abs > 0 ? "▲" : "▼"
        let pct = r.changePct.map { String(format: " %+.1f %%", $0) } ?? ""
        let text = arrow + pct
        switch r.better {
        case .up: return Terminal.paint(text, abs > 0 ? .green : .red)
        case .down: return Terminal.paint(text, abs < 0 ? .green : .red)
        case .neither: return text
        }
    }

    static func table(_ report: KPIReport, order: [KPIID]?) -> String {
        var out = [Terminal.paint("KPIs \(report.period.label) (\(report.period.first) – \(report.period.last)) vs \(report.previous.label)", .bold),
                   "Accounts: \(report.scopeAccounts.joined(separator: ", "))", ""]
        var rows: [[String]] = []
        for area in KPIArea.allCases {
            let metrics = report.metrics.filter { $0.id.area == area }
            guard !metrics.isEmpty else { continue }
            rows.append([Terminal.paint(area.rawValue.capitalized, .cyan), "", "", ""])
            for m in metrics {
                rows.append(["  " + m.id.rawValue, number(m.value, m.unit, currency: report.currency),
                             number(m.previous, m.unit, currency: report.currency), change(m)])
            }
        }
        out.append(Terminal.table(["metric", "value", "previous", "change"], rows, rightAligned: [1, 2]))
        if let groups = report.groups {
            for g in groups {
                out.append("")
                out.append(Terminal.paint("Group: \(g.key ?? "(none)")", .bold))
                let rows = g.metrics.map { m in
                    ["  " + m.id.rawValue, number(m.value, m.unit, currency: report.currency),
                     number(m.previous, m.unit, currency: report.currency), change(m)]
                }
                out.append(Terminal.table(["metric", "value", "previous", "change"], rows, rightAligned: [1, 2]))
            }
        }
        return out.joined(separator: "\n")
    }

    static func csv(_ report: KPIReport) -> String {
        func cell(_ v: Double?) -> String { v.map { "\($0)" } ?? "" }
        var lines = ["group,metric,value,previous,change_abs,change_pct,unit,better,kpi_group"]
        func add(_ key: String, _ ms: [KPIResult]) {
            for m in ms {
                lines.append([CSVText.quote(key), m.id.rawValue, cell(m.value), cell(m.previous), cell(m.changeAbs),
                              cell(m.changePct), m.unit.rawValue, m.better.rawValue, m.group.rawValue].joined(separator: ","))
            }
        }
        add("", report.metrics)
        for g in report.groups ?? [] { add(g.key ?? "", g.metrics) }
        return lines.joined(separator: "\n") + "\n"
    }
}
