import Foundation
import SMMCore

/// The JSON of `smmkpi anomalies --format json` and of `/api/v1/.../anomalies`.
package enum AnomalyJSON {
    /// cli.md `anomalies --format json`.
    package static func json(_ l: AnomalyListing) -> JSONValue {
        let period: JSONValue = l.period.map { p in
            .object([("kind", .string(p.kind.rawValue)), ("label", .string(p.label)),
                     ("from", .string(p.first.description)), ("to", .string(p.last.description))])
        } ?? .null
        return .object([("period", period), ("scope", .object([("accounts", .array(l.scopeAccounts.map(JSONValue.string)))])),
                        ("anomalies", .array(l.anomalies.map(\.json)))])
    }
}
