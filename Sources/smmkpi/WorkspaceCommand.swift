import ArgumentParser
import Foundation
import SMMStore

/// `smmkpi workspace add|list`: clients or brands, each with its own data.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace",
        abstract: "Workspaces: one client or brand each, with its own data (select one with --workspace).",
        subcommands: [WorkspaceAddCommand.self, WorkspaceListCommand.self])
}

struct WorkspaceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Creates a workspace.")

    @Argument(help: "The slug: lower-case Latin letters, digits and dashes (e.g. acme-coffee).")
    var slug: String

    @Option(name: .long, help: "The name as shown (default: the slug).")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.workspace"))
        let ws = try await dbs.home.createWorkspace(slug: slug, name: name ?? slug)
        _ = try dbs.store(for: ws)
        let place = global.location.workspacePath(slug: ws.slug) ?? global.db
        print("Created workspace \(ws.slug) (data in \(place)). Import into it with `smmkpi import BUNDLE --workspace \(ws.slug)`.")
    }
}

struct WorkspaceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists the workspaces.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.workspace"))
        var rows: [[String]] = []
        for ws in try await dbs.home.workspaces() {
            let store = try dbs.store(for: ws)
            let range = try await store.dataRange().map { "\($0.lowerBound) – \($0.upperBound)" } ?? "no data"
            let members = try await dbs.home.members(workspaceID: ws.id).count
            rows.append([ws.slug, ws.name, range, String(members), ws.createdAt])
        }
        print(Terminal.table(["slug", "name", "data", "members", "created"], rows))
    }
}
