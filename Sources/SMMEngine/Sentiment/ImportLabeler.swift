import Dispatch
import Foundation
import SMMCore
import SMMStore

/// Labels comments, mentions and reviews as they are imported (kpi-catalog.md "Sentiment"):
/// a row with text that holds a letter and no given `sentiment` gets the classifier's label;
/// any other row loses a model label it may have had. The brand's own comments are not
/// classified: no sentiment share counts them, and they are a large part of big bundles.
///
/// Speed: texts are classified in batches on a second thread while the import goes on reading
/// and writing rows (the import itself is one thread), and the labels are written when the next
/// batch is handed over or the file ends, in the import's transaction; at most two batches are
/// held. The classifier is built on first use, so imports without such rows never load it;
/// removals are skipped while no model label of the kind is stored (a first import).
final class ImportLabeler {
    /// A row to label (text) or whose stale label to remove (nil), applied in import order.
    typealias Item = (kind: LabeledKind, id: String, text: String?)

    private let sink: (any SentimentImportSink)?
    private var built: SentimentClassifier?
    /// Per kind: model labels may be stored, so a row without one must remove any.
    private var mayHaveLabels: [LabeledKind: Bool] = [:]
    private var pending: [Item] = []
    private var inFlight: (items: [Item], result: LabelBatch, group: DispatchGroup)?
    static let batchSize = 4096

    init(sink: any ImportSink, classifier: SentimentClassifier?) {
        self.sink = sink as? any SentimentImportSink
        built = classifier
    }

    private var classifier: SentimentClassifier {
        if let built { return built }
        let c = SentimentClassifier()
        built = c
        return c
    }

    /// Queues the model label of one imported row, or removes a stale one.
    func record(_ kind: LabeledKind, id: String, text: String?, given: Sentiment?, hasLetter: Bool,
                fromBrand: Bool = false) throws {
        guard let sink else { return }
        if given == nil, hasLetter, !fromBrand, let text {
            mayHaveLabels[kind] = true
            pending.append((kind, id, text))
        } else {
            let may: Bool
            if let known = mayHaveLabels[kind] {
                may = known
            } else {
                may = try sink.hasModelLabels(kind)
                mayHaveLabels[kind] = may
            }
            guard may else { return }
            // Queued too, so that a later row with the same key wins over an earlier one.
            pending.append((kind, id, nil))
        }
        if pending.count >= Self.batchSize { try handOver() }
    }

    /// Writes every queued label; call before the file's rows are final (end of each file).
    func finish() throws {
        try handOver()
        try collect()
    }

    /// Starts classifying the pending batch on another thread, after writing the previous one.
    private func handOver() throws {
        try collect()
        guard !pending.isEmpty else { return }
        let items = pending, result = LabelBatch(count: items.count)
        let c: SentimentClassifier? = items.contains { $0.text != nil } ? classifier : nil
        pending = []
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            for (i, item) in items.enumerated() {
                if let text = item.text, let c { result.labels[i] = c.classify(text, language: .auto) }
            }
            group.leave()
        }
        inFlight = (items, result, group)
    }

    /// Waits for the batch in flight and writes its labels.
    private func collect() throws {
        guard let (items, result, group) = inFlight, let sink else { return }
        inFlight = nil
        group.wait()
        let version = built?.version ?? ""
        for (i, item) in items.enumerated() {
            try sink.setModelLabel(item.kind, id: item.id, label: result.labels[i], model: version)
        }
    }
}

/// The labels of one batch, filled by the classifying thread.
final class LabelBatch: @unchecked Sendable {
    // @unchecked: the worker writes `labels` before leaving the batch's DispatchGroup, and the
    // import thread reads them only after waiting on that group; no access overlaps.
    var labels: [Sentiment?]
    init(count: Int) { labels = Array(repeating: nil, count: count) }
}
