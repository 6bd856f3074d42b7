import Foundation
import Logging
import PostgresNIO

/// Driver errors as ``StoreError`` sentences; the driver's own text goes to the log only.
enum PostgresErrors {
    static func storeError(_ error: any Error, operation: String, location: PostgresLocation, logger: Logger) -> any Error {
        if error is StoreError || error is LabelError { return error }
        // Errors of the caller (a rejected import, a cancelled task) pass through unchanged.
        guard let e = error as? PSQLError else { return error }
        let mapped = sentence(e, operation: operation, location: location)
        // The driver's own report goes to the log: at error level when the sentence is all the
        // user gets of an unexpected failure, lower when the sentence says it all (so the command
        // line shows one sentence).
        if case .failed = mapped {
            logger.error("\(operation): \(String(reflecting: error))")
        } else {
            logger.notice("\(operation): \(String(reflecting: error))")
        }
        return mapped
    }

    private static func sentence(_ e: PSQLError, operation: String, location: PostgresLocation) -> StoreError {
        let state = e.serverInfo?[.sqlState]
        switch state {
        case "28P01", "28000":
            return StoreError.authenticationFailed(location: location.description, user: location.user)
        case "3D000":
            return StoreError.databaseMissing(location: "\(location.host):\(location.port)", database: location.database)
        default: break
        }
        switch e.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .poolClosed:
            if e.code == .connectionError || state == nil {
                return StoreError.unreachable(location: "\(location.host):\(location.port)")
            }
        case .authMechanismRequiresPassword:
            return StoreError.authenticationFailed(location: location.description, user: location.user)
        default: break
        }
        let message = e.serverInfo?[.message] ?? e.code.description
        return StoreError.failed(operation: operation, reason: message)
    }
}
