import Foundation
import SMMCore
import SMMStore

/// Labels comments, mentions and reviews as they are imported (kpi-catalog.md "Sentiment"):
/// a row with text that holds a letter and no given `sentiment` gets the classifier's label;
/// any other row loses a model label it may have had. The classifier is built on first use,
/// so imports without such files never load the model.
final class ImportLabeler {
    private let sink: (any SentimentImportSink)?
    private var built: SentimentClassifier?
    private let make: () -> SentimentClassifier

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
    func record(_ kind: LabeledKind, id: String, text: String?, given: Sentiment?, hasLetter: Bool) throws {
        guard let sink else { return }
        var label: Sentiment?
        if given == nil, hasLetter, let text { label = classifier.classify(text, language: .auto) }
        try sink.setModelLabel(kind, id: id, label: label, model: label == nil ? "" : classifier.version)
    }
}
