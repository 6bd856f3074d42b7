import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

extension LanguageChoice: ExpressibleByArgument {}
extension SentimentOutputFormat: ExpressibleByArgument {}

struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Label texts positive, neutral or negative, offline.",
        discussion: """
            Reads a CSV (FILE, or standard input when FILE is - or absent) with a header row and \
            writes it back with a sentiment column appended (or replaced), or as JSON. A text \
            without letters gets no label. The model ships with smmkpi: no network, same input, \
            same output. Method and measured quality: docs/sentiment.md.
            """)

    @Argument(help: "The CSV file; - or nothing for standard input.")
    var file: String?

    @Option(name: .long, help: "ru, en, or auto (each row by the script of its letters: Cyrillic → ru, otherwise en).")
    var lang: LanguageChoice = .auto

    @Option(name: .long, help: "The column that holds the text.")
    var column: String = "text"

    @Option(name: .long, help: "csv or json.")
    var format: SentimentOutputFormat = .csv

    func run() throws {
        let path = file ?? "-"
        let url = URL(fileURLWithPath: path == "-" ? "/dev/stdin" : path)
        let source = path == "-" ? "standard input" : path
        if path != "-", !FileManager.default.fileExists(atPath: path) {
            throw SentimentCSVError.unreadable(source: path, reason: "there is no such file")
        }
        let labeler = SentimentCSVLabeler(classifier: SentimentClassifier(), language: lang, column: column, format: format)
        try labeler.run(url: url, source: source) { chunk in
            FileHandle.standardOutput.write(Data(chunk.utf8))
        }
    }
}
