import Foundation
import Hummingbird
import Logging
import NIOCore
import SMMCore
import SMMEngine
import SMMStore

/// `POST …/imports`: a bundle .zip as the body (`application/zip`) or as the `bundle` field of a
/// multipart form. All or nothing: a refused bundle writes nothing (one transaction), and the
/// answer lists the problems with the CLI's sentences.
enum ImportRoutes {
    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        routes.workspace(group, .post, "imports", base: base, access: Access(.specialist, write: true)) { request, context, ws in
            var request = request
            let (bytes, name) = try await upload(&request, context: context)
            let report = try await run(bytes, name: name, ws: ws, logger: context.logger)
            return try Response.json(encoding: ImportJSON(report), status: .created)
        }
    }

    /// The uploaded zip and the name to show for it.
    static func upload(_ request: inout Request, context: AppRequestContext) async throws -> ([UInt8], String) {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let type = (request.headers[.contentType] ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            guard let part = FormFields.multipart(body, contentType: request.headers[.contentType] ?? "")
                .first(where: { $0.name == "bundle" && $0.filename != nil }) else {
                throw APIError.badRequest("The form has no file in its “bundle” field: choose a bundle .zip to upload.")
            }
            return (part.data, safeName(part.filename ?? "bundle.zip"))
        }
        return (Array(body.readableBytesView), safeName(request.query("name") ?? "bundle.zip"))
    }

    static func safeName(_ s: String) -> String {
        let base = s.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "bundle.zip"
        return base.isEmpty ? "bundle.zip" : String(base.prefix(120))
    }

    /// Writes the zip to a temporary file and imports it on a thread of its own (an import is one
    /// long synchronous transaction).
    static func run(_ bytes: [UInt8], name: String, ws: WorkspaceServices, logger: Logger) async throws -> ImportReport {
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw APIError.badRequest("\(name) is not a .zip file: upload a bundle folder zipped (bundle-format.md).")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name.hasSuffix(".zip") ? name : name + ".zip")
        try Data(bytes).write(to: file)
        let path = file.path
        do {
            var report = try await withCheckedThrowingContinuation { (c: CheckedContinuation<ImportReport, any Error>) in
                Thread.detachNewThread {
                    c.resume(with: Result { try ws.importer().run(bundle: path) })
                }
            }
            report.bundle = name
            return report
        } catch let rejected as ImportRejected {
            let problems = rejected.report.problems.map { "\($0)".replacingOccurrences(of: path, with: name) }
                + (rejected.report.problemCount > rejected.report.problems.count
                    ? ["… and \(rejected.report.problemCount - rejected.report.problems.count) more."] : [])
            throw APIError(.unprocessableContent, "import_rejected",
                           "\(name) was not imported: \(rejected.report.problemCount) problem\(rejected.report.problemCount == 1 ? "" : "s") found, nothing was written. Fix the rows and upload it again.",
                           problems: problems)
        } catch let error as any LocalizedError where !(error is StoreError) {
            let text = (error.errorDescription ?? "\(error)").replacingOccurrences(of: path, with: name)
                .replacingOccurrences(of: dir.path, with: name)
            throw APIError(.unprocessableContent, "import_rejected", text)
        }
    }

    struct ImportJSON: Encodable {
        struct File: Encodable { var file: String, rows: Int, imported: Int, replaced: Int }
        var bundle: String, timezone: String, currency: String, files: [File]
        var first_date: String?, last_date: String?, accounts: Int, rows_imported: Int, warnings: [String]
        init(_ r: ImportReport) {
            bundle = r.bundle; timezone = r.timeZone; currency = r.currency
            files = r.files.map { File(file: $0.file.fileName, rows: $0.rows, imported: $0.imported, replaced: $0.replaced) }
            first_date = r.firstDate?.description; last_date = r.lastDate?.description; accounts = r.accounts
            rows_imported = r.rowsImported; warnings = r.warnings.map { "\($0)" }
        }
    }
}
