import Foundation

/// Why a plan cannot be read, saved or found, as a sentence that names the place and the fix.
package enum PlanError: Error, Equatable, LocalizedError {
    /// A problem inside a plan's YAML: the source (file name), the line when known, the field
    /// (`kpis #2 (cpl).target`) and what is wrong, with the allowed values.
    case invalid(source: String, line: Int?, field: String?, problem: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// Neither a plan file nor a stored plan of that name or id.
    case notFound(String)
    /// The database cannot store plans.
    case noPlanStore(String)
    /// The plan names an account the database does not have.
    case unknownAccount(String, known: [String])

    package var errorDescription: String? {
        switch self {
        case .invalid(let source, let line, let field, let problem):
            var place = source
            if let line { place += ", line \(line)" }
            if let field { place += ", \(field)" }
            return "\(place): \(problem)"
        case .unreadable(let path, let reason):
            return "The plan \(path) cannot be read: \(reason)."
        case .notFound(let reference):
            return "“\(reference)” is neither a plan file nor a stored plan; give a YAML file path, or a name or id from `smmkpi plan list`."
        case .noPlanStore(let location):
            return "The database \(location) cannot store plans; use a SQLite database (--db FILE)."
        case .unknownAccount(let id, let known):
            let list = known.isEmpty ? "the database has no accounts yet; import a bundle first" : "known accounts: " + known.joined(separator: ", ")
            return "accounts: “\(id)” is not an account of the database (\(list)); nothing was saved."
        }
    }
}
