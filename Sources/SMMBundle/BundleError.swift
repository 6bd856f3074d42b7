import Foundation

/// Problems with a bundle as a whole; each says what is wrong and how to fix it.
package enum BundleError: Error, Equatable, LocalizedError {
    case notFound(path: String)
    case noAccounts(path: String)
    case badManifest(String)
    case unsafeZipEntry(String)
    case badZip(path: String, reason: String)
    case unreadable(file: String, reason: String)

    package var errorDescription: String? {
        switch self {
        case .notFound(let p):
            return "No bundle at \(p): give a folder of CSV files or a .zip of one."
        case .noAccounts(let p):
            return "\(p) has no accounts.csv: every bundle needs accounts.csv (see bundle-format.md)."
        case .badManifest(let reason):
            return "manifest.json cannot be used: \(reason)."
        case .unsafeZipEntry(let name):
            return "The zip entry “\(name)” points outside the bundle folder; nothing was imported. Re-create the zip from the bundle folder."
        case .badZip(let p, let reason):
            return "\(p) is not a readable zip file (\(reason)); nothing was imported."
        case .unreadable(let f, let reason):
            return "\(f) cannot be read: \(reason)."
        }
    }
}

/// One problem found in a row or file of a bundle.
package struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// Physical line where the row starts (1 = header); nil for a file-level problem.
    package var line: Int?
    package var column: String?
    /// The sentence: what is wrong and what is expected.
    package var message: String

    package init(file: String, line: Int?, column: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `posts.csv, line 14, column published_at: “31.10.2025” is not a datetime; …`
    package var description: String {
        var s = file
        if let line { s += ", line \(line)" }
        if let column { s += ", column \(column)" }
        return s + ": " + message
    }
}

/// A warning: the import goes on (unknown columns, replaced rows, dangling references, unknown files).
package struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var message: String
    package init(file: String, message: String) { self.file = file; self.message = message }
    package var description: String { "\(file): \(message)" }
}
