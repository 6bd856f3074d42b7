import Foundation
import SMMCore
import SMMStore

/// Labels comments, mentions and reviews as they are imported (kpi-catalog.md "Sentiment"):
/// a row with text that holds a letter and no given `sentiment` gets the classifier's label;
/// any other row loses a model label it may have had. The brand's own comments are not
/// classified: no sentiment share counts them, and they are a large part of big bundles.
/// The classifier is built on first use, so imports without such rows never load the model;
/// removals are skipped while no model label of the kind is stored (a first import).
final class ImportLabeler {
    private let sink: (any SentimentImportSink)?
    private var built: SentimentClassifier?
    private let make: () -> SentimentClassifier
    /// Per kind: model labels may be stored, so a row without one must remove any.
    private var mayHaveLabels: [LabeledKind: Bool] = [:]

    init(sink: any ImportSink, classifier: SentimentClassifier?) {
        self.sink = sink as? any SentimentImportSink
        built = classifier
        make = { SentimentClassifier() }
    }

    private var classifier: SentimentClassifier {
        if let built { return built }
        let c = make()
        built = c
        return c
    }

    /// Stores the model label of one imported row (in the import's transaction).
    func record(_ kind: LabeledKind, id: String, text: String?, given: Sentiment?, hasLetter: Bool,
                fromBrand: Bool = false) throws {
        guard let sink else { return }
        var label: Sentiment?
        if given == nil, hasLetter, !fromBrand, let text { label = classifier.classify(text, language: .auto) }
        if label == nil {
            let may: Bool
            if let known = mayHaveLabels[kind] {
                may = known
            } else {
                may = try sink.hasModelLabels(kind)
                mayHaveLabels[kind] = may
            }
            guard may else { return }
        } else {
            mayHaveLabels[kind] = true
        }
        try sink.setModelLabel(kind, id: id, label: label, model: label == nil ? "" : classifier.version)
    }
}
