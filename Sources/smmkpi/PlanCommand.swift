import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMStore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "KPI plans: propose, check, import, export, list, show and delete.",
        subcommands: [PlanNewCommand.self, PlanCheckCommand.self, PlanImportCommand.self, PlanExportCommand.self,
                      PlanListCommand.self, PlanShowCommand.self, PlanDeleteCommand.self])
}

enum PlanListFormat: String, ExpressibleByArgument, CaseIterable { case table, json }
enum PlanShowFormat: String, ExpressibleByArgument, CaseIterable { case table, yaml, json }

struct PlanNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Propose a plan for a business task, with targets from history and their explanation.",
        discussion: """
            Each target is the median of the last --basis periods of the plan's kind, improved by
            --improve % in the metric's better direction; the YAML explains every target in a
            comment above it. Edit it, then `smmkpi plan import FILE`.
            """)

    @Option(name: .long, help: "The business task: \(BusinessTask.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: BusinessTask

    @Option(name: .long, help: "The plan's period: 2025-W05, 2025-11, 2025-Q4, 2025 or a range.")
    var period: String

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @Option(name: .long, help: "Extra metric ids to add to the task's set, comma-separated.")
    var metrics: String?

    @Option(name: .long, help: "The person evaluated (also filters work_log).")
    var assignee: String?

    @Option(name: .long, help: "The plan's name (default: period and task).")
    var name: String?

    @Option(name: .long, help: "Improvement over the median, in % (default 10).")
    var improve: Double = PlanSuggester.defaultImprovement

    @Option(name: .long, help: "How many past periods the median is taken over (default 3).")
    var basis: Int = PlanSuggester.defaultBasis

    @Option(name: .long, help: "Write the YAML to this file instead of standard output.")
    var out: String?

    @Flag(name: .long, help: "Also store the plan in the database.")
    var save = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...24).contains(basis) else { throw ValidationError("--basis takes 1 to 24 periods, e.g. --basis 3.") }
        guard improve.isFinite, improve >= 0, improve <= 1000 else {
            throw ValidationError("--improve takes a % from 0 to 1000, e.g. --improve 10.")
        }
    }

    func run() async throws {
        let p = try Period(parsing: period)
        let extra = try metrics.map { try KPIService.metrics([$0]) } ?? []
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let accountList = accounts.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let accountList {
            try await PlanService(store: store).validate(Plan(period: p, accounts: accountList, kpis: []))
        }
        let suggestion = try await PlanAdvisor(store: store, anomalies: anomalySource(for: store)).suggest(
            task: task, extra: extra, period: p, accounts: accountList, assignee: assignee, name: name,
            improvement: improve, basis: basis)
        let header = ["Proposed by `smmkpi plan new --task \(task.rawValue) --period \(p.label)`; edit, then `smmkpi plan import FILE`."]
            + suggestion.notes
        let yaml = PlanWriter.yaml(suggestion.plan, header: header, comments: suggestion.explanations.map { [$0] })
        if let out {
            do {
                try yaml.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("Cannot write \(out): \(error.localizedDescription)")
            }
            Terminal.err("Wrote the proposed plan to \(out).")
        } else {
            print(yaml, terminator: "")
        }
        if save {
            let (stored, replaced) = try await PlanService(store: store).save(suggestion.plan)
            Terminal.err("\(replaced ? "Replaced" : "Saved") plan \(stored.id) “\(stored.name)”.")
        }
    }
}

struct PlanCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "SMART checks of a plan: specific, measurable, achievable (against the last 12 periods), relevant, time-bound.")

    @Argument(help: "A plan YAML file, or a stored plan's name or id.")
    var plan: String

    @Option(name: .long, help: "table or json.")
    var format: PlanListFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let loaded = try await PlanService(store: store).load(plan)
        let check = try await PlanAdvisor(store: store, anomalies: anomalySource(for: store)).check(loaded.plan)
        switch format {
        case .json: print(try ScoreJSON.encode(PlanCheckJSON(check, plan: loaded.plan)))
        case .table: print(PlanView.check(check, plan: loaded.plan))
        }
    }
}

struct PlanImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a plan YAML in the database (a stored plan of the same name is replaced).")

    @Argument(help: "A plan YAML file.")
    var file: String

    @Option(name: .long, help: "Store it under this name instead of the file's `name`.")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let (stored, replaced) = try await PlanService(store: store).importPlan(path: file, name: name)
        print("\(replaced ? "Replaced" : "Saved") plan \(stored.id) “\(stored.name)” (\(stored.plan.period.label), \(stored.plan.kpis.count) KPIs).")
        let check = try await PlanAdvisor(store: store, anomalies: anomalySource(for: store)).check(stored.plan)
        if check.warningCount > 0 {
            print("")
            print(PlanView.check(check, plan: stored.plan, warningsOnly: true))
        }
    }
}

struct PlanExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a stored plan as YAML.")

    @Argument(help: "A stored plan's name or id.")
    var plan: String

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var out: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        guard let stored = try await PlanService(store: store).stored(plan.trimmingCharacters(in: .whitespaces)) else {
            throw PlanError.notFound(plan)
        }
        let yaml = PlanWriter.yaml(stored.plan)
        if let out {
            do {
                try yaml.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("Cannot write \(out): \(error.localizedDescription)")
            }
            print("Wrote plan \(stored.id) “\(stored.name)” to \(out).")
        } else {
            print(yaml, terminator: "")
        }
    }
}

struct PlanListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The stored plans.")

    @Option(name: .long, help: "table or json.")
    var format: PlanListFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let plans = try await PlanService(store: store).list()
        switch format {
        case .json:
            print(try ScoreJSON.encode(plans.map(PlanSummaryJSON.init)))
        case .table:
            guard !plans.isEmpty else {
                print("No stored plans yet; propose one with `smmkpi plan new --task leads --period 2025-11`, then `smmkpi plan import FILE`.")
                return
            }
            let rows = plans.map { s in
                [String(s.id), s.name, s.plan.period.label, s.plan.assignee ?? "", s.plan.task?.rawValue ?? "",
                 s.plan.accounts?.joined(separator: ", ") ?? "all", String(s.plan.kpis.count), s.updatedAt]
            }
            print(Terminal.table(["id", "name", "period", "assignee", "task", "accounts", "kpis", "updated"], rows,
                                 rightAligned: [0, 6]))
        }
    }
}

struct PlanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One plan: its settings and KPIs.")

    @Argument(help: "A plan YAML file, or a stored plan's name or id.")
    var plan: String

    @Option(name: .long, help: "table, yaml or json.")
    var format: PlanShowFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let loaded = try await PlanService(store: store).load(plan)
        switch format {
        case .yaml: print(PlanWriter.yaml(loaded.plan), terminator: "")
        case .json: print(try ScoreJSON.encode(PlanJSON(loaded.plan, id: loaded.id)))
        case .table: print(PlanView.show(loaded))
        }
    }
}

struct PlanDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a stored plan.")

    @Argument(help: "A stored plan's name or id.")
    var plan: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.plan"))
        let removed = try await PlanService(store: store).delete(plan)
        print("Deleted plan \(removed.id) “\(removed.name)”.")
    }
}

// MARK: - Views

enum PlanView {
    static func show(_ loaded: LoadedPlan) -> String {
        let p = loaded.plan
        var out = [Terminal.paint("Plan\(loaded.id.map { " \($0)" } ?? ""): \(p.name ?? "(unnamed)")", .bold)]
        if let path = loaded.path { out.append("File \(path)") }
        out.append("Period \(p.period.label) (\(p.period.first) – \(p.period.last)) · assignee \(p.assignee ?? "—") · task \(p.task?.rawValue ?? "—")")
        out.append("Accounts \(p.accounts?.joined(separator: ", ") ?? "all") · SLA \(p.slaHours.map { "\($0)" } ?? "24") h · at risk from \(Target.number(p.atRiskBelow)) % · cap \(Target.number(p.cap)) % · missing data: \(p.missingData.rawValue)")
        if let persona = p.persona {
            let dims = AudienceDimension.allCases.compactMap { d in
                persona.targets[d].map { b in "\(d.rawValue) " + b.keys.sorted(by: codePointLess).map { "\($0) \(b[$0]!)" }.joined(separator: ", ") }
            }
            out.append("Persona: " + dims.joined(separator: "; "))
        }
        if let b = p.bonus {
            out.append("Bonus: base \(Target.number(b.base)) at 100 points, from score \(Target.number(b.minScore)); plus \(Target.number(b.salesPercent)) % of revenue")
        } else {
            out.append("Bonus: none")
        }
        out.append("")
        let rows = p.kpis.map { k in
            [k.metric.rawValue, k.metric.group.rawValue, k.metric.kind.rawValue, k.target.summary, Target.number(k.weight),
             k.reason ?? ""]
        }
        out.append(Terminal.table(["metric", "group", "kind", "target", "weight", "reason"], rows, rightAligned: [4]))
        return out.joined(separator: "\n")
    }

    static func check(_ check: PlanCheck, plan: Plan, warningsOnly: Bool = false) -> String {
        var out = [Terminal.paint("SMART checks: \(plan.name ?? "(unnamed plan)") (\(plan.period.label))", .bold)]
        out.append(check.warningCount == 0 ? Terminal.paint("No warnings.", .green)
                   : Terminal.paint("\(check.warningCount) warning\(check.warningCount == 1 ? "" : "s") (the checks warn; they do not block saving).", .yellow))
        for note in check.notes { out.append(Terminal.paint("⚠ ", .yellow) + note) }
        for k in check.kpis {
            let shown = warningsOnly ? k.warnings : k.findings
            guard !shown.isEmpty else { continue }
            out.append("")
            let verdict: String
            switch k.achievability {
            case .realistic: verdict = Terminal.paint("realistic", .green)
            case .ambitious: verdict = Terminal.paint("ambitious", .yellow)
            case .unrealistic: verdict = Terminal.paint("unrealistic", .red)
            case .unknown: verdict = Terminal.paint("unknown", .dim)
            }
            out.append(Terminal.paint(k.kpi.metric.rawValue, .bold) + " \(k.kpi.target.summary), weight \(Target.number(k.kpi.weight)) — \(verdict)")
            for f in shown {
                let mark = f.ok ? Terminal.paint("✓", .green) : Terminal.paint("⚠", .yellow)
                out.append("  \(mark) \(f.criterion.rawValue.replacingOccurrences(of: "_", with: "-")): \(f.text)")
            }
        }
        return out.joined(separator: "\n")
    }
}

