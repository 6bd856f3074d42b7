import Foundation
import Logging

/// Errors of the PDF step, as sentences.
package enum PDFError: Error, Equatable, LocalizedError {
    case chromiumMissing
    case chromiumFailed(status: Int32, detail: String)
    case timedOut(seconds: Int)

    package var errorDescription: String? {
        switch self {
        case .chromiumMissing:
            return "PDF reports are printed by headless Chromium, which was not found (looked for SMMKPI_CHROMIUM, chromium, chromium-browser and google-chrome on PATH); install it with `apt-get install chromium`, or choose --format html."
        case .chromiumFailed(let status, let detail):
            return "Chromium could not print the report to PDF (exit status \(status)): \(detail)."
        case .timedOut(let seconds):
            return "Chromium did not finish printing the report within \(seconds) seconds; it was stopped, and no PDF was written."
        }
    }
}

/// Prints the HTML report to PDF with headless Chromium (`--print-to-pdf`).
package struct PDFRenderer: Sendable {
    /// The Chromium executable.
    package var executable: String
    package var timeoutSeconds: Int
    package var logger: Logger

    package init(executable: String, timeoutSeconds: Int = 90, logger: Logger = Logger(label: "smmkpi.pdf")) {
        self.executable = executable; self.timeoutSeconds = timeoutSeconds; self.logger = logger
    }

    /// Finds Chromium: `SMMKPI_CHROMIUM`, else chromium, chromium-browser or google-chrome on PATH.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                               logger: Logger = Logger(label: "smmkpi.pdf")) throws -> PDFRenderer {
        let fm = FileManager.default
        if let explicit = environment["SMMKPI_CHROMIUM"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else { throw PDFError.chromiumMissing }
            return PDFRenderer(executable: explicit, logger: logger)
        }
        let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in dirs {
                let path = dir + "/" + name
                if fm.isExecutableFile(atPath: path) { return PDFRenderer(executable: path, logger: logger) }
            }
        }
        throw PDFError.chromiumMissing
    }

    /// The PDF of an HTML page.
    package func pdf(html: String) async throws -> Data {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("smmkpi-pdf-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html"), out = dir.appendingPathComponent("report.pdf")
        let errors = dir.appendingPathComponent("chromium.log")
        try Data(html.utf8).write(to: page)
        _ = fm.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--no-pdf-header-footer",
            "--user-data-dir=" + dir.appendingPathComponent("profile").path,
            "--print-to-pdf=" + out.path, page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: PDFError.chromiumFailed(status: -1, detail: "\(error)"))
            }
            let deadline = DispatchTime.now() + .seconds(timeoutSeconds)
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                // Stops only the Chromium this call started, by its own process id.
                if process.isRunning, process.processIdentifier == pid { process.terminate() }
            }
        }
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard let data = try? Data(contentsOf: out), data.starts(with: Array("%PDF".utf8)) else {
            if status == 15 || status == 143 { throw PDFError.timedOut(seconds: timeoutSeconds) }
            let detail = log.split(separator: "\n").last { $0.contains("ERROR") || $0.contains("rror") }
                .map(String.init) ?? "it wrote no PDF"
            logger.error("chromium failed: \(log)")
            throw PDFError.chromiumFailed(status: status, detail: detail)
        }
        logger.debug("chromium printed \(data.count) bytes")
        return data
    }
}
