import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

enum AnomalyFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `smmkpi anomalies`: suspected cheating with evidence, and the directors' verdicts.
struct AnomaliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Suspected cheating: bought followers, bot likes and bot comments, with evidence.",
        discussion: "Without a subcommand, lists the anomalies. See docs/detection.md for the signals and thresholds.",
        subcommands: [AnomaliesListCommand.self, AnomalyVerdictCommand<Confirm>.self, AnomalyVerdictCommand<Dismiss>.self],
        defaultSubcommand: AnomaliesListCommand.self)
}

struct AnomaliesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Lists the anomalies that touch a period (all without --period).")

    @Option(name: .long, help: "2025-W05, 2024-11, 2024-Q4, 2024 or 2024-11-03..2024-11-17.")
    var period: String?

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @Option(name: .long, help: "table or json.")
    var format: AnomalyFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let p = try period.map { try Period(parsing: $0) }
        let store = try await global.openStore(logger: makeLogger("smmkpi.anomalies"))
        let list = accounts.map { $0.split(separator: ",").map(String.init) }
        let listing = try await AnomalyService(anyStore: store).list(period: p, accounts: list)
        switch format {
        case .json: print(AnomalyJSON.json(listing).text())
        case .table: print(AnomalyView.table(listing.anomalies, header: AnomalyView.title(listing)))
        }
    }
}

/// A verdict subcommand: `confirm` or `dismiss`.
protocol VerdictKind {
    static var name: String { get }
    static var status: AnomalyStatus { get }
    static var abstract: String { get }
}
enum Confirm: VerdictKind {
    static let name = "confirm", status = AnomalyStatus.confirmed
    static let abstract = "Confirms an anomaly: it stays, with its numbers, even if no longer detected."
}
enum Dismiss: VerdictKind {
    static let name = "dismiss", status = AnomalyStatus.dismissed
    static let abstract = "Dismisses an anomaly: it subtracts nothing and does not come back."
}

struct AnomalyVerdictCommand<Kind: VerdictKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.name, abstract: Kind.abstract)
    }

    @Argument(help: "The anomaly's id, e.g. bf:vk_main:2024-11-11 or be:vk_main-118.")
    var id: String

    @Option(name: .long, help: "A note kept with the verdict.")
    var note: String?

    @Option(name: .long, help: "table or json.")
    var format: AnomalyFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.anomalies"))
        let now = Instant(nanoseconds: Int64((Date().timeIntervalSince1970 * 1e9).rounded()))
        let anomaly = try await AnomalyService(anyStore: store).review(id: id, status: Kind.status, note: note, at: now)
        switch format {
        case .json: print(anomaly.json.text())
        case .table: print(AnomalyView.table([anomaly], header: nil))
        }
    }
}

/// Human-readable anomaly output: one line per anomaly.
enum AnomalyView {

    static func title(_ l: AnomalyListing) -> String {
        let when = l.period.map { "\($0.label) (\($0.first) – \($0.last))" } ?? "all dates"
        return Terminal.paint("Anomalies, \(when)", .bold) + "\nAccounts: \(l.scopeAccounts.joined(separator: ", "))\n"
    }

    static func table(_ anomalies: [Anomaly], header: String?) -> String {
        var out = header.map { [$0] } ?? []
        guard !anomalies.isEmpty else {
            out.append(Terminal.paint("No anomalies.", .dim))
            return out.joined(separator: "\n")
        }
        let rows = anomalies.map { a -> [String] in
            let when = a.kind == .boughtFollowers
                ? (a.from == a.to ? "\(a.from)" : "\(a.from)..\(a.to)") : "\(a.postID ?? "") (\(a.date))"
            let severity: String
            switch a.severity {
            case .high: severity = Terminal.paint("high", .red)
            case .medium: severity = Terminal.paint("medium", .yellow)
            case .low: severity = "low"
            }
            let status = a.status == .open ? "open" : Terminal.paint(a.status.rawValue, a.status == .confirmed ? .bold : .dim)
            var evidence = a.evidence.text
            if let note = a.verdict?.note { evidence += " [note: \(note)]" }
            return [a.id, a.kind.rawValue, a.accountID, when, Terminal.grouped(Int(a.estimate)), severity,
                    String(format: "%.2f", a.score), status, evidence]
        }
        out.append(Terminal.table(["id", "kind", "account", "dates or post", "estimate", "severity", "score", "status",
                                   "evidence"], rows, rightAligned: [4, 6]))
        return out.joined(separator: "\n")
    }
}
