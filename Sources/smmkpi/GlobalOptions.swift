import ArgumentParser
import Foundation
import Logging
import SMMStore

/// Options every data command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database: a SQLite file path (created on first use).")
    var db: String = "smmkpi.sqlite"

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    /// Opens the store the location names.
    func openStore(logger: Logger) throws -> any Store {
        if db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") {
            throw StoreError.unsupportedLocation(db)
        }
        return try SQLiteStore(path: db, logger: logger)
    }
}

/// Logs go to standard error, warnings and up unless SMMKPI_LOG_LEVEL says otherwise.
func makeLogger(_ label: String) -> Logger {
    var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
    let level = ProcessInfo.processInfo.environment["SMMKPI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
    logger.logLevel = level ?? .error
    return logger
}
