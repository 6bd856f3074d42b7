import ArgumentParser
import Foundation
import SMMCore
import SMMStore

/// `smmkpi db`: schema versions, row counts, and copying a database between SQLite and PostgreSQL.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Migrate a database, show its schema version and row counts, copy it (SQLite ↔ PostgreSQL).",
        subcommands: [Migrate.self, Status.self, Copy.self])

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the database's schema to this smmkpi's version (creating it when needed).")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await admin(global.location, "smmkpi.db")
            let applied = try await store.appliedMigrations()
            print("\(store.location): schema version \(applied.last ?? "none") (\(applied.count) migrations: \(applied.joined(separator: ", ")))")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the schema version and the rows of every table.")

        @Option(name: .long, help: "table or json.")
        var format: StatusFormat = .table

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await admin(global.location, "smmkpi.db")
            let applied = try await store.appliedMigrations()
            let counts = try await store.tableCounts()
            let names = try await store.tables().map(\.name)
            switch format {
            case .json:
                let tables = names.map { "\"\($0)\": \(counts[$0] ?? 0)" }.joined(separator: ", ")
                let migrations = applied.map { "\"\($0)\"" }.joined(separator: ", ")
                print("{\"database\": \(JSONText.string(store.location)), \"schema_version\": \(JSONText.string(applied.last ?? "")), "
                      + "\"migrations\": [\(migrations)], \"tables\": {\(tables)}}")
            case .table:
                print("Database: \(store.location)")
                print("Schema version: \(applied.last ?? "none") (migrations: \(applied.joined(separator: ", ")))\n")
                let rows = names.map { [$0, Terminal.grouped(counts[$0] ?? 0)] }
                print(Terminal.table(["table", "rows"], rows, rightAligned: [1]))
            }
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole database (every workspace, users and their data) from one place to another.",
            discussion: """
                Copies the home (users, password hashes, workspaces, memberships, sessions, API tokens)
                and every workspace's data: bundle data, plans, anomaly verdicts, labels, report
                schedules and their delivery log, connections (credentials stay sealed with the same
                SMMKPI_SECRET_KEY). SQLite keeps workspace <slug> in <stem>.workspaces/<slug>.sqlite,
                PostgreSQL in schema ws_<slug>. Each store is copied in one transaction.
                """)

        @Option(name: .long, help: "The database to read: a SQLite file or postgres://…")
        var from: String

        @Option(name: .long, help: "The database to write: a SQLite file or postgres://… (created and migrated when needed).")
        var to: String

        @Flag(name: .long, help: "Replace the data of a target that is not empty.")
        var force = false

        func validate() throws {
            if from == to { throw ValidationError("--from and --to name the same database; give two different ones.") }
        }

        func run() async throws {
            let logger = makeLogger("smmkpi.db")
            let source = try StoreLocation(from).open(logger: logger)
            let target = try StoreLocation(to).open(logger: logger)
            let progress: StoreCopy.Progress? = Terminal.stderrIsTTY ? { slug, table, rows in
                FileHandle.standardError.write(Data("copied \(slug)/\(table): \(Terminal.grouped(rows)) row\(rows == 1 ? "" : "s")\n".utf8))
            } : nil
            let summary = try await StoreCopy.copyAll(from: source, to: target, force: force, progress: progress)
            var lines: [[String]] = []
            for (slug, rows) in summary.workspaces {
                for table in (StoreTables.all + StoreTables.home).map(\.name) where (rows[table] ?? 0) > 0 {
                    lines.append([slug, table, Terminal.grouped(rows[table] ?? 0)])
                }
            }
            print(Terminal.table(["workspace", "table", "rows"], lines, rightAligned: [2]))
            let n = summary.workspaces.count
            print("\nCopied \(Terminal.grouped(summary.total)) rows of \(n) workspace\(n == 1 ? "" : "s") from \(source.location.description) to \(target.location.description).")
        }
    }

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }
}

/// Opens the home database of a location (creating and migrating it when needed) and returns the
/// data store of its `default` workspace, which holds the home's control tables too.
private func admin(_ location: StoreLocation, _ label: String) async throws -> any StoreAdmin {
    let databases = try location.open(logger: makeLogger(label))
    let store = try databases.store(for: try await databases.workspace(slug: Workspace.defaultSlug, create: false))
    guard let admin = store as? any StoreAdmin else { throw StoreError.unsupportedLocation(location.description) }
    return admin
}
