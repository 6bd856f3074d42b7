import Foundation

/// Errors of the connectors, as sentences naming the source, what failed and the fix.
/// Tokens never appear in them.
package enum ConnectorError: Error, Equatable, LocalizedError {
    /// The token is invalid, expired or revoked (connectors.md "fatal": re-authorise).
    case tokenExpired(source: SourceKind, detail: String)
    /// The token works but lacks a right (a scope, admin rights on the community, ...).
    case noAccess(source: SourceKind, detail: String)
    /// The request itself was refused (a bad setting such as an unknown community).
    case rejected(source: SourceKind, method: String, detail: String)
    /// Transient failures went on after every retry.
    case retriesExhausted(source: SourceKind, method: String, attempts: Int, detail: String)
    /// The answer is not the documented shape (not JSON, a missing key).
    case malformed(source: SourceKind, method: String, detail: String)
    /// A connection parameter is missing or unusable.
    case badParameter(source: SourceKind, name: String, detail: String)

    package var errorDescription: String? {
        switch self {
        case .tokenExpired(let s, let d):
            return "the \(s.displayName) token has expired or is invalid (\(d)): create a new one at \(s.tokenURL) and store it with `smmkpi connect add \(s.rawValue) --name NAME \(s.secretOption) NEW ...` (same name replaces the connection)."
        case .noAccess(let s, let d):
            return "the \(s.displayName) token has no access to this data (\(d)): \(s.rightsHint)"
        case .rejected(let s, let m, let d):
            return "\(s.displayName) refused \(m) (\(d)); check the connection's settings (`smmkpi connect list`)."
        case .retriesExhausted(let s, let m, let n, let d):
            return "\(s.displayName) kept failing on \(m) after \(n) attempts (last: \(d)); nothing of this run was imported, run `smmkpi sync` again later."
        case .malformed(let s, let m, let d):
            return "\(s.displayName) answered \(m) with something that is not the documented shape (\(d)); nothing of this run was imported."
        case .badParameter(let s, let n, let d):
            return "The \(s.displayName) connection's \(n) \(d)."
        }
    }
}

/// A daily or monthly quota ran out: the run stops this source and keeps what it fetched
/// (connectors.md §0.2 "quota"). Thrown by ``APIClient`` and caught by the connector.
package struct QuotaReached: Error, Equatable {
    package var detail: String
    package init(_ detail: String) { self.detail = detail }
}
