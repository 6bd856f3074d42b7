import Foundation
import Logging
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore

/// The import page: the upload form, and the outcome of an upload (the summary, or the same
/// sentences the CLI prints when a bundle is refused; a refused bundle writes nothing).
package struct ImportView: Sendable {
    struct FileRow: Sendable { var file: String; var rows: String; var imported: String; var replaced: String; var skipped: String }
    var action: String
    var csrf: String
    var hasResult: Bool
    var ok: Bool
    var title: String
    var summary: String
    var files: [FileRow]
    var messages: [String]
    var warnings: [String]
    var dashboardHref: String
}

/// A bundle upload: the bytes and the name the user's file had.
package struct BundleUpload: Sendable {
    package var fileName: String
    package var data: Data
    package init(fileName: String, data: Data) { self.fileName = fileName; self.data = data }
}

package struct ImportPage: Sendable {
    package var store: any Store
    package var logger: Logger
    package init(store: any Store, logger: Logger) { self.store = store; self.logger = logger }

    package func form(base: String, csrf: String) -> ImportView {
        ImportView(action: base + "/import", csrf: csrf, hasResult: false, ok: false, title: "", summary: "", files: [],
                   messages: [], warnings: [], dashboardHref: base + "/dashboard")
    }

    /// Imports an uploaded bundle (all or nothing unless `skipBadRows`) and describes the outcome.
    package func run(_ upload: BundleUpload?, skipBadRows: Bool, base: String, csrf: String, localizer l: Localizer) async -> ImportView {
        var view = form(base: base, csrf: csrf)
        view.hasResult = true
        guard let upload, !upload.data.isEmpty else {
            view.title = l.t("import.failed")
            view.messages = [l.t("import.noFile")]
            return view
        }
        // The file keeps the user's name, so the sentences name what they uploaded.
        let safeName = Self.safeFileName(upload.fileName)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-upload-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent(safeName).path
            try upload.data.write(to: URL(fileURLWithPath: path))
            let (store, logger) = (self.store, self.logger)
            let report = try await Task.detached {
                // The importer is synchronous (one SQLite transaction); it runs off the event loop.
                try Importer(store: store, logger: logger).run(bundle: path, options: ImportOptions(skipBadRows: skipBadRows))
            }.value
            view.ok = true
            view.title = l.t("import.done")
            let period = report.firstDate.flatMap { a in report.lastDate.map { l.date(a) + " – " + l.date($0) } } ?? l.t("common.none")
            view.summary = "\(safeName): \(l.number(Double(report.rowsImported))) \(l.t("import.rowsImported")) · \(l.t("import.period")): \(period) · \(l.t("import.accounts")): \(report.accounts) · \(report.timeZone) · \(report.currency)"
            view.files = report.files.map { f in
                ImportView.FileRow(file: f.file.fileName, rows: l.number(Double(f.rows)), imported: l.number(Double(f.imported)),
                                   replaced: f.replaced > 0 ? l.number(Double(f.replaced)) : "",
                                   skipped: f.refused ? l.t("import.refused") : (f.skipped > 0 ? l.number(Double(f.skipped)) : ""))
            }
            view.warnings = report.warnings.map { "\($0)" } + report.problems.map { "\($0)" }
        } catch {
            logger.info("import refused: \(error)")
            view.ok = false
            view.title = l.t("import.failed")
            // The sentences name the upload by its own name, not the temporary folder it was put in.
            let text = ((error as? BundleError).map { l.bundleError($0) }
                        ?? (error as? any LocalizedError)?.errorDescription ?? String(describing: error))
                .replacingOccurrences(of: dir.path + "/", with: "")
            view.messages = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return view
    }

    /// The base name of an uploaded file, without directories or odd characters; `bundle.zip` when none is left.
    static func safeFileName(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "._- ".unicodeScalars.contains($0) }
            .map(Character.init)).trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty || cleaned.hasPrefix(".") { return "bundle.zip" }
        return cleaned.lowercased().hasSuffix(".zip") ? cleaned : cleaned + ".zip"
    }
}
