import Foundation
import SMMBundle
import SMMCore

/// What one file of an import did.
package struct FileImportSummary: Sendable, Equatable {
    package var file: BundleFile
    /// Data rows read (blank lines not counted).
    package var rows: Int = 0
    /// Rows written.
    package var imported: Int = 0
    /// Rows that replaced an earlier row of the same file with the same key.
    package var replaced: Int = 0
    /// Bad rows skipped (only with --skip-bad-rows).
    package var skipped: Int = 0
    /// The file was refused as a whole (missing required column).
    package var refused: Bool = false
}

/// The outcome of an import: per-file counts, the problems (first 50 kept), warnings.
package struct ImportReport: Sendable {
    package static let problemLimit = 50

    package var bundle: String
    package var timeZone: String = "UTC"
    package var currency: String = "RUB"
    package var files: [FileImportSummary] = []
    package var problems: [ImportProblem] = []
    package var problemCount = 0
    package var warnings: [ImportWarning] = []
    package var firstDate: LocalDate?
    package var lastDate: LocalDate?
    package var accounts: Int = 0
    package var seconds: Double = 0

    package init(bundle: String) { self.bundle = bundle }

    package var rowsRead: Int { files.reduce(0) { $0 + $1.rows } }
    package var rowsImported: Int { files.reduce(0) { $0 + $1.imported } }

    mutating func add(_ p: ImportProblem) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(p) }
    }

    mutating func cover(_ d: LocalDate) {
        if firstDate.map({ d < $0 }) ?? true { firstDate = d }
        if lastDate.map({ d > $0 }) ?? true { lastDate = d }
    }
}

/// An import that wrote nothing because of bad rows or files.
package struct ImportRejected: Error, LocalizedError {
    package var report: ImportReport

    package var errorDescription: String? {
        var lines = ["\(report.bundle) was not imported: \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s") found, nothing was written."]
        lines += report.problems.map { "  \($0)" }
        if report.problemCount > report.problems.count {
            lines.append("  … and \(report.problemCount - report.problems.count) more.")
        }
        lines.append("Fix the rows and import again, or use --skip-bad-rows to import the good rows (with --rejects FILE to keep the bad ones).")
        return lines.joined(separator: "\n")
    }
}
