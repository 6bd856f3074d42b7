import Foundation
import Logging
import PostgresNIO

/// Driver errors as ``StoreError`` sentences; the driver's own text goes to the log only.
enum PostgresErrors {
    static func storeError(_ error: any Error, operation: String, location: PostgresLocation, logger: Logger) -> any Error {
        if error is StoreError || error is LabelError { return error }
        if error is PSQLError { logger.error("\(operation): \(String(reflecting: error))") }
        // Errors of the caller (a rejected import, a cancelled task) pass through unchanged.
        guard let e = error as? PSQLError else { return error }
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
