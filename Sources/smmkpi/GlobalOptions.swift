import ArgumentParser
import Foundation
import Logging
import SMMStore

/// Options every data command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The home database: a SQLite file path (created on first use) or postgres://user:password@host:port/database; default $SMMKPI_DB, else smmkpi.sqlite.")
    var dbOption: String?

    @Option(name: .long, help: "The workspace whose data to use (default $SMMKPI_WORKSPACE or default).")
    var workspace: String?

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    /// The home database's location as given.
    var location: StoreLocation { StoreLocation.resolve(option: dbOption) }

    /// The database as shown to users.
    var db: String { location.description }

    /// The selected workspace's slug.
    var workspaceSlug: String {
        workspace ?? ProcessInfo.processInfo.environment["SMMKPI_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? Workspace.defaultSlug
    }

    /// Opens the home database (control tables and the default workspace's data).
    func openDatabases(logger: Logger) throws -> Databases {
        try location.open(logger: logger)
    }

    /// Opens the data store of the selected workspace (`default` is created with the home;
    /// others with `smmkpi workspace add`).
    func openStore(logger: Logger) async throws -> any Store {
        let dbs = try openDatabases(logger: logger)
        return try dbs.store(for: try await dbs.workspace(slug: workspaceSlug, create: false))
    }
}

/// Logs go to standard error, warnings and up unless SMMKPI_LOG_LEVEL says otherwise.
func makeLogger(_ label: String) -> Logger {
    var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
    let level = ProcessInfo.processInfo.environment["SMMKPI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
    logger.logLevel = level ?? .error
    return logger
}
