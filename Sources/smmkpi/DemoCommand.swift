import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a realistic demo bundle: import it into the database and show its KPIs, or write it out.")

    @Option(name: .long, help: "Number of social accounts (several networks, different sizes).")
    var accounts = 6

    @Option(name: .long, help: "Days of history, ending yesterday.")
    var days = 365

    @Option(name: .long, help: "Random seed: the same seed gives the same data.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Write the bundle to this folder instead of importing it.")
    var out: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard accounts >= 1, accounts <= 100_000 else { throw ValidationError("--accounts must be between 1 and 100000.") }
        guard days >= 7, days <= 3650 else { throw ValidationError("--days must be between 7 and 3650.") }
    }

    func run() async throws {
        let generator = DemoGenerator(accounts: accounts, days: days, seed: seed)
        let line = ProgressLine(enabled: !global.quiet)
        if let out {
            let summary = try generator.write(to: URL(fileURLWithPath: out)) { file, rows in
                line.update(file: file, rows: rows, done: false)
            }
            line.clear()
            let rows = summary.rows.sorted { $0.key < $1.key }.map { [$0.key.fileName, Terminal.grouped($0.value)] }
            print(Terminal.table(["file", "rows"], rows, rightAligned: [1]))
            print("\nDemo bundle written to \(out): \(Terminal.grouped(summary.totalRows)) rows, \(summary.firstDate) – \(summary.lastDate).")
            return
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let summary = try generator.write(to: tmp) { file, rows in line.update(file: file, rows: rows, done: false) }
        line.clear()
        let logger = makeLogger("smmkpi.demo")
        let store = try await global.openStore(logger: logger)
        let report = try Importer(store: store, logger: logger) { p in
            line.update(file: p.file.fileName, rows: p.rows, done: p.done)
        }.run(bundle: tmp.path)
        print(ImportSummaryView.render(report, database: global.db).replacingOccurrences(of: tmp.path, with: "demo data"))
        // The last whole month of the demo data.
        let last = summary.lastDate
        let (y, m, d) = last.components
        let month = d == LocalDate.daysIn(year: y, month: m) ? Period.month(year: y, month: m)! : Period.month(year: y, month: m).map { $0.previous }!
        let kpis = try await KPIService(store: store).report(period: month)
        print("")
        print(KPIView.table(kpis, order: nil))
        print("\nNext: smmkpi kpi --period \(month.label) --by network --db \(global.db)")
    }
}
