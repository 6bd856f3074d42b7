import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMStore

extension LabeledKind: ExpressibleByArgument {}

/// `smmkpi label comment|mention|review ID LABEL`, plus listing, export and removal of corrections.
struct LabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Correct the sentiment of a comment, mention or review; list or export the corrections.",
        discussion: """
            A correction overrides the model and the bundle's label, counts in the KPIs at once, \
            and survives re-imports and smmkpi reclassify.
              smmkpi label comment c17 negative
              smmkpi label clear comment c17
              smmkpi label export --out corrections.csv
            """,
        subcommands: [Set.self, Clear.self, List.self, Export.self],
        defaultSubcommand: Set.self)

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the label of one row (the default: `smmkpi label comment ID LABEL`).")

        @Argument(help: "comment, mention or review.")
        var kind: LabeledKind

        @Argument(help: "The row's id (comment_id, mention_id or review_id).")
        var id: String

        @Argument(help: "positive, neutral or negative.")
        var label: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            guard let s = Sentiment(rawValue: label.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("“\(label)” is not a label; write positive, neutral or negative.")
            }
            let store = try await global.openStore(logger: makeLogger("smmkpi.label"))
            let row = try await SentimentService(store: store).label(kind, id: id.trimmingCharacters(in: .whitespaces), as: s)
            print(LabelView.describe(row))
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear", abstract: "Remove the correction of one row: the bundle's or the model's label counts again.")

        @Argument(help: "comment, mention or review.")
        var kind: LabeledKind

        @Argument(help: "The row's id.")
        var id: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await global.openStore(logger: makeLogger("smmkpi.label"))
            let row = try await SentimentService(store: store).label(kind, id: id.trimmingCharacters(in: .whitespaces), as: nil)
            print(LabelView.describe(row))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the corrections.")

        @Option(name: .long, help: "table, json or csv.")
        var format: OutputFormat = .table

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await global.openStore(logger: makeLogger("smmkpi.label"))
            let rows = try await SentimentService(store: store).corrections()
            switch format {
            case .csv: print(SentimentService.correctionsCSV(rows), terminator: "")
            case .json: print(LabelView.json(rows))
            case .table:
                print(Terminal.table(["kind", "id", "label", "given", "model", "corrected at", "text"], rows.map {
                    [$0.kind.rawValue, $0.id, $0.user?.rawValue ?? "", $0.given?.rawValue ?? "", $0.model?.rawValue ?? "",
                     $0.correctedAt ?? "", CommentsView.short($0.text ?? "", 60)]
                }))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the corrections as CSV (kind, id, label, text, given, model, corrected_at): training material.")

        @Option(name: .long, help: "The CSV file to write (default: standard output).")
        var out: String?

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await global.openStore(logger: makeLogger("smmkpi.label"))
            let rows = try await SentimentService(store: store).corrections()
            let csv = SentimentService.correctionsCSV(rows)
            if let out {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: out))
                print("Wrote \(rows.count) correction\(rows.count == 1 ? "" : "s") to \(out)")
            } else {
                print(csv, terminator: "")
            }
        }
    }
}

enum LabelView {
    static func describe(_ r: LabeledText) -> String {
        let label = r.label?.rawValue ?? "unclassified"
        let source: String
        switch r.source {
        case .user: source = "your correction"
        case .given: source = "given in the bundle"
        case .model: source = "the model's label"
        case nil: source = "no text with letters"
        }
        return "\(r.kind.rawValue) \(r.id): \(label) (\(source))"
    }

    static func json(_ rows: [LabeledText]) -> String {
        let items = rows.map { r in
            "  {\"kind\": \(JSONText.string(r.kind.rawValue)), \"id\": \(JSONText.string(r.id)), "
                + "\"label\": \(r.user.map { JSONText.string($0.rawValue) } ?? "null"), "
                + "\"text\": \(r.text.map(JSONText.string) ?? "null"), "
                + "\"given\": \(r.given.map { JSONText.string($0.rawValue) } ?? "null"), "
                + "\"model\": \(r.model.map { JSONText.string($0.rawValue) } ?? "null"), "
                + "\"corrected_at\": \(r.correctedAt.map(JSONText.string) ?? "null")}"
        }
        return items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
    }
}
