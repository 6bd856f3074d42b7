import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the database back out as a bundle folder.")

    @Option(name: .long, help: "The folder to write the bundle into (created when needed).")
    var out: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.export")
        let store = try await global.openStore(logger: logger)
        let counts = try await Exporter(store: store).run(to: out)
        let rows = counts.sorted { $0.key < $1.key }.map { [$0.key.fileName, Terminal.grouped($0.value)] }
        print(Terminal.table(["file", "rows"], rows, rightAligned: [1]))
        print("\nExported to \(out)")
    }
}
