import Foundation
import SMMBundle
import SMMCore

/// Output of `smmkpi sentiment`.
package enum SentimentOutputFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// Why `smmkpi sentiment` cannot label its input, as sentences.
package enum SentimentCSVError: Error, Equatable, LocalizedError {
    case unreadable(source: String, reason: String)
    case noHeader(source: String)
    case missingColumn(source: String, column: String, header: [String])
    case fieldCount(source: String, line: Int, fields: Int, header: Int)
    case notUTF8(source: String, line: Int)
    case unterminatedQuote(source: String, line: Int)

    package var errorDescription: String? {
        switch self {
        case .unreadable(let s, let r):
            return "\(s) cannot be read: \(r)."
        case .noHeader(let s):
            return "\(s) is empty: it needs a header row with a text column, e.g. “id,text”."
        case .missingColumn(let s, let c, let h):
            let list = h.isEmpty ? "no columns" : h.map { "“\($0)”" }.joined(separator: ", ")
            return "\(s) has no column “\(c)”; its header has \(list). Name the text column with --column."
        case .fieldCount(let s, let line, let n, let h):
            return "\(s), line \(line): the row has \(n) fields but the header has \(h); quote values that contain commas."
        case .notUTF8(let s, let line):
            return "\(s), line \(line): the text is not valid UTF-8; save the file as UTF-8."
        case .unterminatedQuote(let s, let line):
            return "\(s), line \(line): a quoted field opened here is never closed; close the quote (write \"\" for a quote inside a quoted field)."
        }
    }
}

/// `smmkpi sentiment` (cli.md): reads a CSV in the bundle dialect, labels the text column and
/// writes the rows back, in order and unchanged, with a `sentiment` column (CSV) or as JSON
/// objects. Streams: memory does not grow with the input.
package struct SentimentCSVLabeler {
    package var classifier: SentimentClassifier
    package var language: LanguageChoice
    package var column: String
    package var format: SentimentOutputFormat

    package init(classifier: SentimentClassifier, language: LanguageChoice = .auto, column: String = "text",
                 format: SentimentOutputFormat = .csv) {
        self.classifier = classifier; self.language = language; self.column = column; self.format = format
    }

    /// Labels the CSV at `url` (`source` names it in errors), handing output to `write` in chunks.
    /// Returns the number of data rows.
    @discardableResult
    package func run(url: URL, source: String, write: (String) throws -> Void) throws -> Int {
        let reader: CSVReader
        do {
            reader = try CSVReader(url: url)
        } catch let CSVReadError.io(reason) {
            throw SentimentCSVError.unreadable(source: source, reason: reason)
        }
        func next() throws -> Bool {
            do {
                return try reader.next()
            } catch CSVReadError.unterminatedQuote(let line) {
                throw SentimentCSVError.unterminatedQuote(source: source, line: line)
            } catch CSVReadError.io(let reason) {
                throw SentimentCSVError.unreadable(source: source, reason: reason)
            }
        }
        func raw(_ i: Int) throws -> String {
            guard let s = reader.withField(i, { String(validating: $0, as: UTF8.self) }) else {
                throw SentimentCSVError.notUTF8(source: source, line: reader.line)
            }
            return s
        }

        guard try next() else { throw SentimentCSVError.noHeader(source: source) }
        var header: [String] = []
        for i in 0..<reader.fieldCount { header.append(try raw(i)) }
        // A lone empty header cell is an empty first line, not a header.
        if header == [""] { throw SentimentCSVError.noHeader(source: source) }
        let names = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        let wanted = column.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let textIndex = names.firstIndex(of: wanted) else {
            throw SentimentCSVError.missingColumn(source: source, column: column,
                                                  header: header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        let existing = names.firstIndex(of: "sentiment")
        var out = ""
        out.reserveCapacity(1 << 16)
        func flush(_ force: Bool = false) throws {
            if force || out.utf8.count >= 1 << 16 {
                try write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        let keys = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch format {
        case .csv:
            var cells = header
            if existing == nil { cells.append("sentiment") }
            out += cells.map(CSVText.quote).joined(separator: ",") + "\n"
        case .json:
            out += "["
        }

        var rows = 0
        var cells: [String] = []
        while try next() {
            if reader.fieldCount == 1, reader.withField(0, { CellText.trim($0).isEmpty }) { continue }
            guard reader.fieldCount == header.count else {
                throw SentimentCSVError.fieldCount(source: source, line: reader.line, fields: reader.fieldCount,
                                                   header: header.count)
            }
            cells.removeAll(keepingCapacity: true)
            for i in 0..<header.count { cells.append(try raw(i)) }
            let text = reader.withField(textIndex) { CellText.string(CellText.trim($0)) } ?? ""
            let label = classifier.classify(text, language: language)?.rawValue
            switch format {
            case .csv:
                if let existing { cells[existing] = label ?? "" } else { cells.append(label ?? "") }
                out += cells.map(CSVText.quote).joined(separator: ",") + "\n"
            case .json:
                out += rows == 0 ? "\n  {" : ",\n  {"
                for (i, key) in keys.enumerated() where i != existing {
                    out += JSONText.string(key) + ": " + JSONText.string(cells[i]) + ", "
                }
                out += "\"sentiment\": " + (label.map { "\"\($0)\"" } ?? "null") + "}"
            }
            rows += 1
            try flush()
        }
        if format == .json { out += rows == 0 ? "]\n" : "\n]\n" }
        try flush(true)
        return rows
    }
}
