import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMStore

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Pull new data from the connected platforms and import it (all or nothing per connection).",
        discussion: """
            Each connection is fetched from where its last sync stopped (minus --lookback-days, so
            growing counters are refreshed) up to today, written as a bundle and imported like
            `smmkpi import`; its cursor moves only after the import has committed. Re-running adds
            nothing new: rows are updated by their keys.
            """)

    @Option(name: .long, help: "Only the connections of this source (vk, ...).")
    var source: String?

    @Option(name: .long, help: "Only the connection of this name.")
    var connection: String?

    @Option(name: .long, help: "Fetch from this date (YYYY-MM-DD) instead of where the last sync stopped.")
    var from: String?

    @OptionGroup var secret: SecretOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.sync")
        var start: LocalDate?
        if let from {
            guard let d = LocalDate(iso: from) else {
                throw ValidationError("--from “\(from)” is not a date; write it as YYYY-MM-DD, e.g. 2025-10-01.")
            }
            start = d
        }
        let store = try SyncService.connectionStore(try await global.openStore(logger: logger))
        let service = SyncService(store: store, secrets: try secret.load(), logger: logger)
        let outcomes = try await service.syncAll(source: source, name: connection, from: start)
        var failed: [String] = []
        for o in outcomes {
            switch o.status {
            case .ok: print("\(o.name) (\(o.source)): \(o.message)")
            case .partial: print(Terminal.paint("\(o.name) (\(o.source)): \(o.message)", .yellow))
            case .failed: failed.append("\(o.name) (\(o.source)): \(o.message)")
            }
        }
        if !failed.isEmpty { throw SyncFailed(lines: failed) }
    }
}

/// Some connection failed: its sentence, and that its cursor did not move.
struct SyncFailed: Error, LocalizedError {
    var lines: [String]
    var errorDescription: String? {
        (lines + ["Nothing of a failed connection's run was imported; its next sync starts where the last good one stopped."])
            .joined(separator: "\n")
    }
}
