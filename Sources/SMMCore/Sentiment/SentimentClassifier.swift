import Foundation

/// The product's sentiment classifier (cli.md `sentiment`, kpi-catalog.md "Sentiment"):
/// positive, neutral or negative for a short text in Russian or English, offline and
/// deterministic. Built once (it decodes the model compiled into the binary, a few
/// milliseconds), then safe to share between threads: it holds only immutable values.
package final class SentimentClassifier: Sendable {
    package let extractor: SentimentFeatureExtractor
    package let model: SentimentModel?
    /// Identifies the model whose labels are stored (``SentimentWeightsData/version``).
    package let version: String

    /// The model and lexicon that ship with the product.
    package convenience init() {
        self.init(lexicon: SentimentLexiconData.text, model: SentimentWeightsData.bytes(), version: SentimentWeightsData.version)
    }

    /// A classifier from a lexicon text and a model's bytes (nil: the lexicon alone decides).
    package init(lexicon: String, model bytes: [UInt8]?, version: String) {
        let model = bytes.flatMap(SentimentModel.init(bytes:))
        self.model = model
        self.version = model == nil ? "lexicon" : version
        let lex = SentimentLexicon(parsing: lexicon)
        if let model {
            extractor = SentimentFeatureExtractor(lexicon: lex, buckets: model.buckets, bigrams: model.bigrams,
                                                  charGrams: model.charGrams)
        } else {
            extractor = SentimentFeatureExtractor(lexicon: lex)
        }
    }

    /// The label of `text`, nil when it holds no letter (only emoji, punctuation, digits) or is
    /// empty. The text is trimmed and normalised to NFC first.
    package func classify(_ text: String, language: LanguageChoice = .auto) -> Sentiment? {
        guard let (t, lang) = prepare(text, language) else { return nil }
        let f = extractor.extract(t, language: lang)
        guard let model else { return Self.label(lexicon: f.lexiconCompound) }
        let (a, b, c) = model.scores(f)
        if a > b && a >= c { return .negative }
        if c > b && c > a { return .positive }
        return .neutral
    }

    /// The label the lexicon and rules alone give (the lexicon-only baseline of docs/sentiment.md).
    package func classifyByLexicon(_ text: String, language: LanguageChoice = .auto) -> Sentiment? {
        guard let (t, lang) = prepare(text, language) else { return nil }
        return Self.label(lexicon: extractor.extract(t, language: lang).lexiconCompound)
    }

    /// The features of a text in a given language, for training (scripts/sentiment).
    package func features(_ text: String, language: SentimentLanguage) -> SentimentFeatures {
        extractor.extract(SentimentText.normalized(text), language: language)
    }

    /// VADER's thresholds on the compound score.
    static func label(lexicon compound: Float) -> Sentiment {
        compound >= 0.05 ? .positive : compound <= -0.05 ? .negative : .neutral
    }

    private func prepare(_ text: String, _ language: LanguageChoice) -> (String, SentimentLanguage)? {
        let t = SentimentText.normalized(text)
        guard SentimentText.hasLetter(t) else { return nil }
        return (t, language.language(for: t))
    }
}

/// Text preparation shared by classification and training.
package enum SentimentText {
    /// Without white space at either end (Foundation's trimming only when there is any).
    static func trimmed(_ text: String) -> String {
        let u = text.unicodeScalars
        guard let first = u.first, let last = u.last else { return text }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// ``Words/hasLetter(_:)`` with a fast path for ASCII and Cyrillic letters.
    package static func hasLetter(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { return true }
                continue
            }
            if (v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451 { return true }
            if s.properties.generalCategory.isLetter { return true }
        }
        return false
    }

    /// Trimmed of white space and in NFC (the fast path skips scripts without decompositions,
    /// the same ranges as the bundle reader's).
    package static func normalized(_ text: String) -> String {
        let t = trimmed(text)
        for u in t.unicodeScalars {
            let v = u.value
            let safe = v < 0x0300 || (v >= 0x0400 && v <= 0x04FF) || (v >= 0x2010 && v <= 0x205E)
                || (v >= 0x20A0 && v <= 0x20CF) || (v >= 0x2100 && v <= 0x2125) || (v >= 0x2190 && v <= 0x2BFF)
                || (v >= 0x1F000 && v <= 0x1FAFF) || v == 0xFE0F || v == 0x200D
            if !safe { return t.precomposedStringWithCanonicalMapping }
        }
        return t
    }
}
