import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMStore

extension Sentiment: ExpressibleByArgument {}

/// `smmkpi comments --period P [--unanswered-questions]`: the comments of a period with their
/// label and where it comes from; customer questions the brand has not answered.
struct CommentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "List the comments of a period with their sentiment; find unanswered customer questions.",
        discussion: """
            A question is found by the rules of docs/sentiment.md ("сколько стоит?", "where can I \
            buy"); it is unanswered when no from_brand comment has it as parent_id.
            """)

    @Option(name: .long, help: "2025-W05, 2024-11, 2024-Q4, 2024 or 2024-11-03..2024-11-17.")
    var period: String

    @Option(name: .long, help: "Comma-separated account ids (default: all accounts).")
    var accounts: String?

    @Flag(name: .long, help: "Only customer questions that no from_brand comment answers.")
    var unansweredQuestions = false

    @Option(name: .long, help: "Only comments with this label: positive, neutral or negative.")
    var sentiment: Sentiment?

    @Flag(name: .long, help: "Include the brand's own comments.")
    var includeBrand = false

    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let p = try Period(parsing: period)
        let store = try await global.openStore(logger: makeLogger("smmkpi.comments"))
        let query = CommentQuery(period: p, accounts: accounts.map { $0.split(separator: ",").map(String.init) },
                                 unansweredQuestions: unansweredQuestions, sentiment: sentiment, excludeBrand: !includeBrand)
        let rows = try await SentimentService(store: store).comments(query)
        switch format {
        case .json: print(CommentsJSON.json(rows, period: p))
        case .csv: print(CommentsView.csv(rows), terminator: "")
        case .table:
            print(CommentsView.table(rows))
            let what = unansweredQuestions ? "unanswered question" : "comment"
            print("\n\(Terminal.grouped(rows.count)) \(what)\(rows.count == 1 ? "" : "s") in \(p.label)")
        }
    }
}

enum CommentsView {
    static let columns = ["comment_id", "account_id", "post_id", "created_at", "author_id", "text", "sentiment",
                          "source", "question", "answered", "meaningful"]

    static func cells(_ r: CommentRow) -> [String] {
        let c = r.listing.comment
        return [c.id, r.listing.accountID, c.postID, c.createdAt.iso8601, c.authorID ?? "", c.text ?? "",
                r.listing.labels.label?.rawValue ?? "", r.listing.labels.source?.rawValue ?? "",
                r.isQuestion ? "true" : "false", r.listing.hasBrandReply ? "true" : "false", r.isMeaningful ? "true" : "false"]
    }

    static func short(_ s: String, _ n: Int) -> String {
        let one = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count > n ? String(one.prefix(n - 1)) + "…" : one
    }

    static func table(_ rows: [CommentRow]) -> String {
        Terminal.table(["comment", "account", "created at", "sentiment", "source", "?", "text"], rows.map { r in
            let c = r.listing.comment
            let label = r.listing.labels.label?.rawValue ?? "—"
            let painted: String
            switch r.listing.labels.label {
            case .positive: painted = Terminal.paint(label, .green)
            case .negative: painted = Terminal.paint(label, .red)
            default: painted = label
            }
            return [c.id, r.listing.accountID, c.createdAt.iso8601, painted, r.listing.labels.source?.rawValue ?? "",
                    r.isQuestion ? (r.listing.hasBrandReply ? "answered" : "open") : "", short(c.text ?? "", 70)]
        })
    }

    static func csv(_ rows: [CommentRow]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in rows { out += cells(r).map(CSVText.quote).joined(separator: ",") + "\n" }
        return out
    }

}
