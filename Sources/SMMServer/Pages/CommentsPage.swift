import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

/// Comments and mentions with their sentiment, filters, corrections and unanswered questions.
package struct CommentsView: Sendable {
    struct Tab: Sendable { var label: String; var href: String; var current: Bool; var count: String }
    struct Row: Sendable {
        var kind: String
        var id: String
        var date: String
        var source: String
        var author: String
        var text: String
        var url: String
        var hasURL: Bool
        var sentiment: String
        var sentimentLabel: String
        var corrected: Bool
        var question: Bool
        var options: [Option]
    }
    typealias Option = SelectOption
    var picker: PeriodPickerView
    var periodTitle: String
    var views: [Tab]
    var filters: [Tab]
    var rows: [Row]
    var hasRows: Bool
    var shown: String
    var summarySVG: String
    var canCorrect: Bool
    var csrf: String
    var labelAction: String
    var back: String
}

package struct CommentsPage: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    static let limit = 200

    package func build(query: [String: String], base: String, path: String, canCorrect: Bool, csrf: String,
                       localizer l: Localizer) async throws -> CommentsView {
        let accounts = try await store.accounts()
        let latest = try await store.dataRange()?.upperBound ?? LocalDate(dayNumber: Int32(Date().timeIntervalSince1970 / 86400))
        let (choice, problem) = PeriodChoice.from(query: query, latest: latest)
        let scopeValue = query["scope"] ?? ""
        let show = query["show"] == "mentions" ? "mentions" : "comments"
        let filter = ["positive", "neutral", "negative", "unanswered"].contains(query["filter"] ?? "") ? query["filter"]! : "all"
        let picker = PeriodPickerView(action: base + "/comments", choice: choice, latest: latest,
                                      scopes: show == "comments" ? ScopeChoice.options(accounts: accounts, localizer: l) : [],
                                      selectedScope: scopeValue, extra: [("show", show), ("filter", filter)], problem: problem,
                                      localizer: l)
        let periodQuery = PageQuery.period(choice, scope: scopeValue)
        func href(show s: String, filter f: String) -> String { "\(base)/comments?\(periodQuery)&show=\(s)&filter=\(f)" }
        var view = CommentsView(
            picker: picker, periodTitle: l.period(choice.period),
            views: [CommentsView.Tab(label: l.t("comments.comments"), href: href(show: "comments", filter: "all"), current: show == "comments", count: ""),
                    CommentsView.Tab(label: l.t("comments.mentions"), href: href(show: "mentions", filter: "all"), current: show == "mentions", count: "")],
            filters: [], rows: [], hasRows: false, shown: "", summarySVG: "", canCorrect: canCorrect, csrf: csrf,
            labelAction: base + "/comments/label", back: path)
        guard !accounts.isEmpty else { return view }

        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var all: [CommentsView.Row] = []
        var counts: [String: Int] = [:]
        if show == "comments" {
            let service = SentimentService(store: store)
            let listed = try await service.comments(CommentQuery(period: choice.period, accounts: ScopeChoice.accounts(for: scopeValue, of: accounts)))
            for c in listed {
                let s = c.listing.labels.label?.rawValue ?? "none"
                counts[s, default: 0] += 1
                let unansweredQuestion = c.isQuestion && !c.listing.hasBrandReply
                if unansweredQuestion { counts["unanswered", default: 0] += 1 }
                if filter == "unanswered" ? !unansweredQuestion : (filter != "all" && s != filter) { continue }
                all.append(row(kind: "comment", id: c.listing.comment.id, date: c.listing.comment.localDate,
                               source: names[c.listing.accountID] ?? c.listing.accountID, author: c.listing.comment.authorID,
                               text: c.listing.comment.text, url: nil, labels: c.listing.labels, question: unansweredQuestion, localizer: l))
            }
            all.reverse()  // newest first
        } else {
            let dataset = try await store.dataset(window: choice.period.first...choice.period.last.adding(days: 1))
            let labels = store as? any LabelStore
            for m in dataset.mentions.sorted(by: { $0.row.publishedAt > $1.row.publishedAt }) where choice.period.contains(m.row.localDate) {
                let s = m.sentiment?.rawValue ?? "none"
                counts[s, default: 0] += 1
                if filter != "all" && filter != "unanswered" && s != filter { continue }
                if filter == "unanswered" { continue }
                let stored = try await labels?.labeledText(.mention, id: m.row.id)
                let labeled = stored ?? LabeledText(kind: .mention, id: m.row.id, text: m.row.text, given: m.sentiment)
                all.append(row(kind: "mention", id: m.row.id, date: m.row.localDate,
                               source: m.row.network.map { l.t("network." + $0.rawValue) } ?? l.t("common.none"),
                               author: m.row.author, text: m.row.text, url: m.row.url, labels: labeled, question: false, localizer: l))
            }
        }
        let filterNames = show == "comments" ? ["all", "positive", "neutral", "negative", "unanswered"] : ["all", "positive", "neutral", "negative"]
        let total = counts.filter { $0.key != "unanswered" }.values.reduce(0, +)
        view.filters = filterNames.map { f in
            CommentsView.Tab(label: l.t("comments." + f), href: href(show: show, filter: f), current: f == filter,
                             count: l.number(Double(f == "all" ? total : counts[f] ?? 0)))
        }
        view.rows = Array(all.prefix(Self.limit))
        view.hasRows = !view.rows.isEmpty
        view.shown = l.t("comments.shown") + ": " + l.number(Double(view.rows.count)) + " / " + l.number(Double(all.count))
        let bars = ["positive", "neutral", "negative"].map { s in
            ChartBar(label: l.t("sentiment." + s), value: Double(counts[s] ?? 0), display: l.number(Double(counts[s] ?? 0)), tone: s)
        }
        view.summarySVG = SVGChart.bars(total == 0 ? [] : bars, title: l.t("comments.sentiment"),
                                        description: total == 0 ? l.t("chart.empty") : l.t("comments.sentiment"), id: "sentiment", width: 360)
        return view
    }

    func row(kind: String, id: String, date: LocalDate, source: String, author: String?, text: String?, url: String?,
             labels: LabeledText, question: Bool, localizer l: Localizer) -> CommentsView.Row {
        let s = labels.label?.rawValue ?? "none"
        return CommentsView.Row(
            kind: kind, id: id, date: l.date(date), source: source, author: author ?? l.t("common.none"),
            text: text ?? "", url: url ?? "", hasURL: url != nil, sentiment: s, sentimentLabel: l.t("sentiment." + s),
            corrected: labels.user != nil, question: question,
            options: Sentiment.allCases.map { CommentsView.Option(value: $0.rawValue, label: l.t("sentiment." + $0.rawValue), selected: $0 == labels.label) })
    }

    /// Records a user's correction of a comment's or mention's sentiment.
    package func correct(kind: String, id: String, label: String) async throws {
        guard let k = LabeledKind(rawValue: kind), k != .review else { throw CommentsPageError.badKind(kind) }
        let s = label.isEmpty || label == "none" ? nil : Sentiment(rawValue: label)
        guard s != nil || label.isEmpty || label == "none" else { throw CommentsPageError.badLabel(label) }
        _ = try await SentimentService(store: store).label(k, id: id, as: s)
    }
}

/// A correction form that names something else than a comment or mention, or an unknown label.
package enum CommentsPageError: Error, LocalizedError, Equatable {
    case badKind(String)
    case badLabel(String)
    package var errorDescription: String? {
        switch self {
        case .badKind(let k): return "“\(k)” is not a comment or mention; correct a comment or a mention."
        case .badLabel(let s): return "“\(s)” is not a sentiment; use positive, neutral or negative."
        }
    }
}
