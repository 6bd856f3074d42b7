import ArgumentParser
import Foundation
import SMMBundle
import SMMCore
import SMMEngine

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a bundle folder or .zip into the database (all or nothing).")

    @Argument(help: "A bundle folder or a .zip of one.")
    var bundle: String

    @Flag(name: .long, help: "Import the good rows and report the bad ones instead of rejecting the bundle.")
    var skipBadRows = false

    @Option(name: .long, help: "With --skip-bad-rows: write the bad rows (file, line, column, reason) to this CSV.")
    var rejects: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.import")
        let store = try await global.openStore(logger: logger)
        let line = ProgressLine(enabled: !global.quiet)
        let importer = Importer(store: store, logger: logger) { p in
            line.update(file: p.file.fileName, rows: p.rows, done: p.done)
        }
        let report: ImportReport
        do {
            report = try importer.run(bundle: bundle, options: ImportOptions(skipBadRows: skipBadRows, rejectsPath: rejects))
        } catch {
            line.clear()
            throw error
        }
        print(ImportSummaryView.render(report, database: global.db))
    }
}

/// The one-screen summary after an import.
enum ImportSummaryView {
    static func render(_ r: ImportReport, database: String) -> String {
        var rows: [[String]] = []
        for f in r.files {
            rows.append([f.file.fileName, Terminal.grouped(f.rows), Terminal.grouped(f.imported),
                         f.replaced > 0 ? Terminal.grouped(f.replaced) : "",
                         f.refused ? Terminal.paint("refused", .red) : (f.skipped > 0 ? Terminal.paint(Terminal.grouped(f.skipped), .yellow) : "")])
        }
        var out = [Terminal.paint("Imported \(r.bundle) into \(database)", .bold), ""]
        out.append(Terminal.table(["file", "rows", "imported", "replaced", "skipped"], rows, rightAligned: [1, 2, 3, 4]))
        out.append("")
        let period = r.firstDate.flatMap { a in r.lastDate.map { "\(a) – \($0)" } } ?? "no dated rows"
        out.append("Period covered: \(period)   Accounts: \(r.accounts)   Time zone: \(r.timeZone)   Currency: \(r.currency)")
        let rate = r.seconds > 0 ? Int(Double(r.rowsRead) / r.seconds) : 0
        out.append("\(Terminal.grouped(r.rowsImported)) rows imported in \(String(format: "%.1f", r.seconds)) s (\(Terminal.grouped(rate)) rows/s)")
        if !r.warnings.isEmpty {
            out.append("")
            out.append(Terminal.paint("Warnings", .yellow))
            out += r.warnings.map { "  \($0)" }
        }
        if r.problemCount > 0 {
            out.append("")
            out.append(Terminal.paint("Skipped \(r.problemCount) problem\(r.problemCount == 1 ? "" : "s")", .yellow))
            out += r.problems.map { "  \($0)" }
            if r.problemCount > r.problems.count { out.append("  … and \(r.problemCount - r.problems.count) more") }
        }
        return out.joined(separator: "\n")
    }
}
