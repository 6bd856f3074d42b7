import Foundation
import Logging

/// The formats a report is written in.
package enum ReportFileFormat: String, Sendable, Codable, CaseIterable {
    case html, md, xlsx, json, pdf

    package var fileExtension: String { rawValue }

    package var mimeType: String {
        switch self {
        case .html: return "text/html; charset=utf-8"
        case .md: return "text/markdown; charset=utf-8"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .json: return "application/json"
        case .pdf: return "application/pdf"
        }
    }
}

/// Renders a model in a format.
package struct ReportRenderer: Sendable {
    package var logger: Logger
    /// Finds Chromium for PDF; replaced in tests.
    package var chromium: @Sendable () throws -> PDFRenderer

    package init(logger: Logger = Logger(label: "smmkpi.reports"),
                 chromium: (@Sendable () throws -> PDFRenderer)? = nil) {
        self.logger = logger
        self.chromium = chromium ?? { try PDFRenderer.locate(logger: logger) }
    }

    package func render(_ model: ReportModel, as format: ReportFileFormat) async throws -> Data {
        switch format {
        case .html: return Data(HTMLReport.render(model).utf8)
        case .md: return Data(MarkdownReport.render(model).utf8)
        case .json: return Data(try JSONReport.render(model).utf8)
        case .xlsx: return try XLSXReport.render(model)
        case .pdf: return try await chromium().pdf(html: HTMLReport.render(model))
        }
    }

    /// A file name for the report: `smmkpi-weekly-2024-W47-ru.pdf`.
    package static func fileName(_ model: ReportModel, _ format: ReportFileFormat) -> String {
        "smmkpi-\(model.kind.rawValue)-\(model.period.label)-\(model.language.rawValue).\(format.fileExtension)"
    }
}
