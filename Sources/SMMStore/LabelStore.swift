import Foundation
import SMMCore

/// The rows that carry a sentiment: comments, mentions and reviews.
package enum LabeledKind: String, CaseIterable, Sendable, Codable, Hashable {
    case comment, mention, review

    /// The bundle file (and table) of this kind.
    package var file: BundleFile {
        switch self {
        case .comment: return .comments
        case .mention: return .mentions
        case .review: return .reviews
        }
    }

    /// Table and id column of this kind.
    var table: (name: String, id: String) {
        switch self {
        case .comment: return ("comments", "comment_id")
        case .mention: return ("mentions", "mention_id")
        case .review: return ("reviews", "review_id")
        }
    }
}

/// Where the label that counts comes from, highest first (kpi-catalog.md "Sentiment"):
/// a user's correction, the bundle's `sentiment`, the product's classifier.
package enum LabelSource: String, CaseIterable, Sendable, Codable, Hashable {
    case user, given, model
}

/// A comment, mention or review with each of its labels.
package struct LabeledText: Sendable, Equatable {
    package var kind: LabeledKind
    package var id: String
    package var text: String?
    /// The bundle's `sentiment` (latest import).
    package var given: Sentiment?
    /// The classifier's label: only rows with a letter in their text and no given label have one.
    package var model: Sentiment?
    /// The user's correction and when it was made (ISO 8601, UTC).
    package var user: Sentiment?
    package var correctedAt: String?

    package init(kind: LabeledKind, id: String, text: String? = nil, given: Sentiment? = nil, model: Sentiment? = nil,
                 user: Sentiment? = nil, correctedAt: String? = nil) {
        self.kind = kind; self.id = id; self.text = text; self.given = given; self.model = model
        self.user = user; self.correctedAt = correctedAt
    }

    /// The label that counts: correction, else given, else model; nil when unclassified.
    package var label: Sentiment? { user ?? given ?? model }
    package var source: LabelSource? { user != nil ? .user : given != nil ? .given : model != nil ? .model : nil }
}

/// A comment as `smmkpi comments` lists it: the row, its post's account, whether the brand
/// answered it, and its labels.
package struct CommentListing: Sendable, Equatable {
    package var comment: Comment
    package var accountID: String
    package var hasBrandReply: Bool
    package var labels: LabeledText
    package init(comment: Comment, accountID: String, hasBrandReply: Bool, labels: LabeledText) {
        self.comment = comment; self.accountID = accountID; self.hasBrandReply = hasBrandReply; self.labels = labels
    }
}

/// What a re-classification did.
package struct ReclassifySummary: Sendable, Equatable {
    /// Rows the classifier labelled (text with a letter, no given label).
    package var classified = 0
    /// Of those, rows whose model label changed (or that had none).
    package var changed = 0
    /// Rows whose bundle label was kept.
    package var given = 0
    /// Rows left unclassified: no text, or a text without letters.
    package var unclassified = 0
    /// User corrections in force (never touched).
    package var corrected = 0
    package init() {}
}

/// Errors of labelling, as sentences.
package enum LabelError: Error, Equatable, LocalizedError {
    case unknownRow(kind: LabeledKind, id: String)

    package var errorDescription: String? {
        switch self {
        case .unknownRow(let kind, let id):
            return "There is no \(kind.rawValue) with id “\(id)” in the database; check the id (it is the \(kind.table.id) of \(kind.file.fileName)) or import the bundle that has it."
        }
    }
}

/// Sentiment labels in a store: the classifier's labels, user corrections, and the reads that
/// list them. User corrections live apart from the imported rows, so re-imports and
/// re-classifications never touch them.
package protocol LabelStore: Sendable {
    /// Re-labels, in one transaction, every comment, mention and review that has a letter in its
    /// text and no given label (except the brand's own comments, which no sentiment KPI counts),
    /// with `classify`; removes model labels of rows that no longer need one. Given labels and
    /// corrections are never changed.
    func reclassify(model: String, _ classify: (String) -> Sentiment?) async throws -> ReclassifySummary
    /// Records (or, with nil, removes) the user's label of a row; throws ``LabelError/unknownRow``.
    func setCorrection(_ kind: LabeledKind, id: String, label: Sentiment?, at: Date) async throws -> LabeledText
    /// Every user correction, by kind and id, with the row's text and other labels.
    func corrections() async throws -> [LabeledText]
    /// One row's labels, nil when there is no such row.
    func labeledText(_ kind: LabeledKind, id: String) async throws -> LabeledText?
    /// Comments created in the window on posts of the database, oldest first.
    func comments(window: ClosedRange<LocalDate>) async throws -> [CommentListing]
}

/// Receives the classifier's labels during an import, in the import's transaction.
package protocol SentimentImportSink: AnyObject {
    /// Stores the model label of a row (nil removes it: the row has a given label or no letters).
    func setModelLabel(_ kind: LabeledKind, id: String, label: Sentiment?, model: String) throws
    /// Whether any model label of this kind is stored (when none is, there is nothing to remove).
    func hasModelLabels(_ kind: LabeledKind) throws -> Bool
}
