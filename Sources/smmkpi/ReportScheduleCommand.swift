import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

struct ReportScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Report schedules: add, list, remove. `smmkpi serve` runs them; so does `smmkpi report run-due`.",
        subcommands: [ReportScheduleAddCommand.self, ReportScheduleListCommand.self, ReportScheduleRemoveCommand.self])

    static func scheduleStore(_ global: GlobalOptions, _ label: String) async throws -> any Store & ScheduleStore {
        let store = try await global.openStore(logger: makeLogger(label))
        guard let s = store as? any Store & ScheduleStore else {
            throw ValidationError("The database \(store.location) cannot keep report schedules.")
        }
        return s
    }
}

struct ReportScheduleAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Deliver a report on a schedule, in the workspace's time zone.",
        discussion: """
            Weekly schedules fire on a weekday (--at "Mon 09:00") and send the previous ISO week;
            monthly schedules fire on a day of the month (--at "1 09:00") and send the previous
            month. Telegram needs SMMKPI_TELEGRAM_BOT_TOKEN, webhooks SMMKPI_WEBHOOK_SECRET, in
            the environment of the process that delivers.
            """)

    @Option(name: .long, help: "weekly or monthly.")
    var kind: ReportKind

    @Option(name: .long, help: "\"Mon 09:00\" (weekly) or \"1 09:00\" (monthly, day 1–28).")
    var at: String

    @Option(name: .long, help: "telegram:CHAT_ID or webhook:URL.")
    var to: String

    @Option(name: .long, help: "html, md, xlsx, json or pdf (the file sent to Telegram; webhooks get the JSON).")
    var format: ReportFileFormat = .pdf

    @Option(name: .long, help: "ru or en.")
    var lang: ReportLanguage = .ru

    @Option(name: .long, help: "A stored plan's name or id (its KPIs, scored monthly).")
    var plan: String?

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let time = try ScheduleTime(kind: kind, parsing: at)
        let target = try DeliveryTarget(parsing: to)
        let store = try await ReportScheduleCommand.scheduleStore(global, "smmkpi.report")
        if let plan { _ = try await PlanService(store: store).load(plan) }
        let saved = try await store.addSchedule(ReportScheduleRecord(
            id: 0, kind: kind.rawValue, at: time.text, target: target.description, format: format.rawValue,
            language: lang.rawValue, plan: plan, accounts: accounts.map { $0.split(separator: ",").map(String.init) },
            createdAt: Date()))
        print("Added schedule \(saved.id): \(kind.rawValue) report, \(time.text), \(format.rawValue) in \(lang.rawValue) to \(target).")
    }
}

struct ReportScheduleListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The schedules and their last deliveries.")

    @Option(name: .long, help: "table or json.")
    var format: PlanListFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await ReportScheduleCommand.scheduleStore(global, "smmkpi.report")
        let schedules = try await store.schedules()
        let deliveries = try await store.deliveries()
        let last = Dictionary(deliveries.map { ($0.scheduleID, $0) }, uniquingKeysWith: { a, _ in a })
        switch format {
        case .json:
            let items = schedules.map { s -> [String: Any] in
                var d: [String: Any] = ["id": s.id, "kind": s.kind, "at": s.at, "to": s.target, "format": s.format,
                                        "lang": s.language, "plan": s.plan ?? NSNull(), "accounts": s.accounts ?? NSNull()]
                if let l = last[s.id] {
                    d["last_delivery"] = ["period": l.period, "state": l.state.rawValue, "attempts": l.attempts, "error": (l.error as Any?) ?? NSNull()] as [String: Any]
                }
                return d
            }
            let data = try JSONSerialization.data(withJSONObject: ["schedules": items], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            if schedules.isEmpty { print("No report schedules; add one with `smmkpi report schedule add`."); return }
            let rows = schedules.map { s in
                [String(s.id), s.kind, s.at, s.target, s.format, s.language, s.plan ?? "",
                 last[s.id].map { "\($0.period) \($0.state.rawValue)" } ?? ""]
            }
            print(Terminal.table(["id", "kind", "at", "to", "format", "lang", "plan", "last delivery"], rows))
        }
    }
}

struct ReportScheduleRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a schedule (its delivery log stays).")

    @Argument(help: "The schedule's id (smmkpi report schedule list).")
    var id: Int64

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await ReportScheduleCommand.scheduleStore(global, "smmkpi.report")
        guard try await store.removeSchedule(id: id) else { throw ScheduleError.unknownSchedule(id) }
        print("Removed schedule \(id).")
    }
}

struct ReportRunDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-due",
        abstract: "Deliver every due scheduled report once, then exit (for cron; `serve` does this by itself).")

    @Option(name: .long, help: "Act as if it were this instant (ISO 8601, e.g. 2024-11-25T09:05:00+03:00).")
    var now: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var instant = Date()
        if let now {
            let f = ISO8601DateFormatter()
            guard let d = f.date(from: now.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--now “\(now)” is not an ISO 8601 instant; write it like 2024-11-25T09:05:00+03:00.")
            }
            instant = d
        }
        let logger = makeLogger("smmkpi.scheduler")
        let store = try await ReportScheduleCommand.scheduleStore(global, "smmkpi.scheduler")
        let fixed = instant
        let scheduler = ReportScheduler(
            workspaces: { [ScheduledWorkspace(slug: "default", store: store)] },
            delivery: ReportDelivery(configuration: DeliveryConfiguration(environment: ProcessInfo.processInfo.environment), logger: logger),
            now: { fixed }, logger: logger)
        let results = await scheduler.runDue()
        if results.isEmpty { print("Nothing was due."); return }
        for r in results {
            print("schedule \(r.scheduleID) \(r.period): \(r.state.rawValue) after \(r.attempts) attempt(s)" + (r.error.map { ": \($0)" } ?? ""))
        }
        if results.contains(where: { $0.state != .sent }) { throw ExitCode(2) }
    }
}
