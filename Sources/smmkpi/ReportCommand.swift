import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMReports

extension ReportKind: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension ReportFileFormat: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Weekly snapshots and monthly reviews in HTML, Markdown, XLSX, JSON or PDF; schedules and delivery.",
        subcommands: [ReportGenerateCommand.self, ReportScheduleCommand.self, ReportRunDueCommand.self],
        defaultSubcommand: ReportGenerateCommand.self)
}

struct ReportGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a report (the default: `smmkpi report --kind weekly ...`).",
        discussion: """
            weekly: the task's KPIs with change vs the previous week, 8-week charts, what moved most
            and why, open anomalies, unanswered questions, the content plan of next week.
            monthly: all of that plus the scorecard and bonus (with --plan), 6-month trends,
            breakdowns, top and bottom posts, content-plan compliance, costs and ROI, and findings.
            PDF is printed by headless Chromium (apt-get install chromium).
            """)

    @Option(name: .long, help: "weekly or monthly.")
    var kind: ReportKind

    @Option(name: .long, help: "The week (2024-W47) or month (2024-11); default: the one that ended last.")
    var period: String?

    @Option(name: .long, help: "A plan YAML file or stored plan: its KPIs are the report's, scored monthly.")
    var plan: String?

    @Option(name: .long, help: "Without a plan, the business task whose KPI set to show: \(BusinessTask.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: BusinessTask?

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @Option(name: .long, help: "ru or en.")
    var lang: ReportLanguage = .ru

    @Option(name: .long, help: "html, md, xlsx, json or pdf.")
    var format: ReportFileFormat = .html

    @Option(name: .long, help: "The file to write (default: smmkpi-KIND-PERIOD-LANG.FORMAT here; - for standard output).")
    var out: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.report")
        let store = try await global.openStore(logger: logger)
        let service = ReportService(store: store, logger: logger)
        let now = Date()
        let p: Period
        if let period {
            p = try Period(parsing: period)
        } else {
            p = ReportService.periodJustEnded(kind, today: try await service.today(now: now))
        }
        var loadedPlan: Plan?
        if let plan {
            let loaded = try await PlanService(store: store).load(plan)
            try await PlanService(store: store).validate(loaded.plan)
            loadedPlan = loaded.plan
        }
        let request = ReportRequest(kind: kind, period: p, accounts: accounts.map { $0.split(separator: ",").map(String.init) },
                                    plan: loadedPlan, task: task, language: lang, now: now)
        let (model, data) = try await service.render(request, as: format)
        let target = out ?? ReportRenderer.fileName(model, format)
        if target == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        try ReportFiles.write(data, to: target)
        if !global.quiet {
            FileHandle.standardError.write(Data("Wrote \(target) (\(data.count) bytes): \(model.title), \(model.period.label).\n".utf8))
        }
    }
}

enum ReportFiles {
    /// Writes atomically (a temporary file renamed into place): never a half-written report.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw ValidationError("The report could not be written to \(path): \(error.localizedDescription); check that the folder exists and is writable.")
        }
    }
}
