import Foundation

/// Polarity of words, phrases, emoji and emoticons, on VADER's scale (−4 … +4).
///
/// Built from ``SentimentLexiconData`` (see docs/sentiment.md for the sources): Russian words
/// are matched by their Snowball stem (``RussianStemmer``), English words as written (then
/// without a plural or -ed/-ing ending), phrases of two words by their stems.
package struct SentimentLexicon: Sendable {
    package var russian: [String: Float] = [:]
    package var english: [String: Float] = [:]
    /// "stem stem" for two-word phrases of either language.
    package var phrases: [String: Float] = [:]
    /// First stems of ``phrases``: most words start none, and need no phrase key built.
    package private(set) var phraseStarts: Set<String> = []
    package var emoji: [String: Float] = [:]
    package var emoticons: [String: Float] = [:]

    package init() {}

    /// Parses lines `kind<TAB>entry<TAB>score` (kind: ru, en, emoji, emoticon); `#` starts a comment.
    package init(parsing text: String) {
        var sums: [String: (Float, Int)] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 3, let score = Float(parts[2]) else { continue }
            let kind = parts[0], entry = String(parts[1])
            switch kind {
            case "ru":
                let words = SentimentTokenizer.tokens(entry).filter { if case .word = $0.kind { return true }; return false }
                guard !words.isEmpty else { continue }
                let key = words.map { RussianStemmer.stem($0.text) }.joined(separator: " ")
                let table = words.count == 1 ? "r|" : "p|"
                let old = sums[table + key] ?? (0, 0)
                sums[table + key] = (old.0 + score, old.1 + 1)
            case "en":
                let words = SentimentTokenizer.tokens(entry).filter { if case .word = $0.kind { return true }; return false }
                if words.count == 1 {
                    english[words[0].text] = score
                } else if words.count == 2 {
                    phrases[words.map { EnglishStemmer.stem($0.text) }.joined(separator: " ")] = score
                }
            case "emoji": emoji[entry] = score
            case "emoticon": emoticons[entry] = score
            default: continue
            }
        }
        for (k, v) in sums {
            let value = v.0 / Float(v.1)
            if k.hasPrefix("r|") { russian[String(k.dropFirst(2))] = value } else { phrases[String(k.dropFirst(2))] = value }
        }
        phraseStarts = Set(phrases.keys.map { String($0.prefix { $0 != " " }) })
    }

    /// The polarity of an English word: as written, then its light stem, then with doubled letters undoubled.
    package func english(_ word: String, stem: String) -> Float? {
        if let s = english[word] { return s }
        if let s = english[stem] { return s }
        return nil
    }
}

/// A light English stemmer for features: plural -s, -ies, -ed, -ing, -ly.
package enum EnglishStemmer {
    package static func stem(_ w: String) -> String {
        let n = w.utf8.count
        if n > 5, w.hasSuffix("ing") { return String(w.dropLast(3)) }
        if n > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if n > 4, w.hasSuffix("ed") { return String(w.dropLast(2)) }
        if n > 5, w.hasSuffix("ly") { return String(w.dropLast(2)) }
        if n > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }
}
