import Foundation
import SMMCore
import SMMStore

/// Errors of the sentiment requests, as sentences.
package enum SentimentRequestError: Error, Equatable, LocalizedError {
    case noLabels(String)

    package var errorDescription: String? {
        switch self {
        case .noLabels(let location):
            return "The database \(location) cannot keep sentiment labels (this store does not support them yet)."
        }
    }
}

/// A comment listed by `smmkpi comments`, with what the listing computed.
package struct CommentRow: Sendable, Equatable {
    package var listing: CommentListing
    /// ``QuestionDetector`` found a question in the text.
    package var isQuestion: Bool
    /// At least 4 words (kpi-catalog.md "Words"): a meaningful comment.
    package var isMeaningful: Bool
}

/// What `smmkpi comments` asks for.
package struct CommentQuery: Sendable {
    package var period: Period
    /// Scope accounts; nil or empty: all.
    package var accounts: [String]?
    /// Only customer questions (not from the brand) that no `from_brand` comment answers.
    package var unansweredQuestions = false
    /// Only comments whose label that counts is this one.
    package var sentiment: Sentiment?
    /// Leave out the brand's own comments.
    package var excludeBrand = true
    package init(period: Period, accounts: [String]? = nil, unansweredQuestions: Bool = false, sentiment: Sentiment? = nil,
                 excludeBrand: Bool = true) {
        self.period = period; self.accounts = accounts; self.unansweredQuestions = unansweredQuestions
        self.sentiment = sentiment; self.excludeBrand = excludeBrand
    }
}

/// The sentiment operations both front ends call: re-classification, user corrections and
/// their export, and the comment listings (unanswered questions).
package struct SentimentService: Sendable {
    package var store: any Store
    package var classifier: SentimentClassifier

    package init(store: any Store, classifier: SentimentClassifier = SentimentClassifier()) {
        self.store = store; self.classifier = classifier
    }

    private var labels: any LabelStore {
        get throws {
            guard let l = store as? any LabelStore else { throw SentimentRequestError.noLabels(store.location) }
            return l
        }
    }

    /// `smmkpi reclassify`: labels again every text that has no given label, with this model.
    package func reclassify() async throws -> ReclassifySummary {
        let c = classifier
        return try await labels.reclassify(model: c.version) { c.classify($0, language: .auto) }
    }

    /// `smmkpi label KIND ID LABEL`: the user's correction (nil removes it).
    package func label(_ kind: LabeledKind, id: String, as label: Sentiment?, at: Date = Date()) async throws -> LabeledText {
        try await labels.setCorrection(kind, id: id, label: label, at: at)
    }

    /// Every correction.
    package func corrections() async throws -> [LabeledText] {
        try await labels.corrections()
    }

    /// The corrections as CSV, ready to be training material: kind, id, label, text, and what
    /// the bundle and the model said.
    package static func correctionsCSV(_ rows: [LabeledText]) -> String {
        var out = "kind,id,label,text,given,model,corrected_at\n"
        for r in rows {
            let cells = [r.kind.rawValue, r.id, r.user?.rawValue ?? "", r.text ?? "", r.given?.rawValue ?? "",
                         r.model?.rawValue ?? "", r.correctedAt ?? ""]
            out += cells.map(CSVText.quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The comments of a period (`smmkpi comments`), filtered as the query asks, oldest first.
    package func comments(_ q: CommentQuery) async throws -> [CommentRow] {
        let all = try await labels.comments(window: q.period.first...q.period.last)
        var scope: Set<String>?
        if let a = q.accounts, !a.isEmpty {
            let known = try await store.accounts()
            scope = try Scope(accounts: a, of: known).accountIDs
        }
        var out: [CommentRow] = []
        for l in all {
            if let scope, !scope.contains(l.accountID) { continue }
            let fromBrand = l.comment.fromBrand == true
            if fromBrand, q.excludeBrand || q.unansweredQuestions { continue }
            if let s = q.sentiment, l.labels.label != s { continue }
            let text = l.comment.text ?? ""
            let question = !fromBrand && QuestionDetector.isQuestion(SentimentText.normalized(text))
            if q.unansweredQuestions, !question || l.hasBrandReply { continue }
            out.append(CommentRow(listing: l, isQuestion: question, isMeaningful: Words.count(in: text) >= 4))
        }
        return out
    }
}
