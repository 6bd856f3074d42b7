import Foundation

/// Finds customer questions in comments ("сколько стоит?", "where can I buy"), so that
/// unanswered ones can be listed (`smmkpi comments --unanswered-questions`).
///
/// A text is a question when it has at least one word and
/// - a "?" follows a word, or
/// - a sentence starts with an interrogative word: "сколько", "где", "когда", "почему", "какой"…,
///   "как" before an infinitive ("как заказать"), "how", "where", "what" (not "what a"), or, as
///   the text's first word, an English auxiliary ("do you ship", "is it vegan"), or
/// - it asks for information in so many words: "подскажите", "скажите", "уточните",
///   "интересует", the particle "ли" ("есть ли доставка"), "how much", "where can", "is there".
///
/// A text that names someone (`@name`) talks to that person ("отметил друга @ivan, сходим?"):
/// for it a "?" alone is not enough, it needs one of the interrogative words or requests.
package enum QuestionDetector {
    static let russianStarters: Set<String> = [
        "сколько", "где", "когда", "почему", "зачем", "откуда", "куда", "какой", "какая", "какое", "какие", "каких",
        "каким", "какую", "какого", "какова", "каков", "чей", "чья", "чье",
    ]
    static let russianRequests: Set<String> = [
        "подскажите", "подскажи", "скажите", "подскажете", "уточните", "интересует", "объясните", "посоветуйте",
        "расскажите", "сориентируйте", "ли",
    ]
    static let englishWh: Set<String> = ["how", "where", "when", "what", "why", "who", "which", "whats", "wheres", "hows"]
    static let englishAuxiliaries: Set<String> = [
        "can", "could", "do", "does", "did", "is", "are", "will", "would", "should", "any", "anyone", "anybody",
    ]
    static let englishPairs: Set<String> = [
        "how much", "how many", "how long", "how do", "how can", "where can", "where do", "where is", "is there",
        "are there", "do you", "can i", "can you", "could you", "wondering if", "any chance", "please tell",
    ]

    /// Whether `text` is a question by the rules above.
    package static func isQuestion(_ text: String) -> Bool {
        isQuestion(SentimentTokenizer.tokens(text), markCounts: !addressesSomeone(text))
    }

    /// The text holds an @name (an "@" at the start or after white space, before a letter or digit).
    static func addressesSomeone(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        var at = false
        for s in text.unicodeScalars {
            if at, s.properties.generalCategory.isLetter || (s.value >= 0x30 && s.value <= 0x39) || s == "_" { return true }
            at = s == "@" && previous.properties.isWhitespace
            previous = s
        }
        return false
    }

    /// The rules over tokens; `markCounts` false: a "?" alone does not make a question.
    package static func isQuestion(_ tokens: [SentimentToken], markCounts: Bool = true) -> Bool {
        var sawWord = false, sentenceStart = true
        var prev: String?
        for (k, t) in tokens.enumerated() {
            switch t.kind {
            case .word(let script):
                let w = t.text
                let next = k + 1 < tokens.count ? tokens[k + 1].text : ""
                if sentenceStart {
                    if script == .cyrillic {
                        if russianStarters.contains(w) { return true }
                        if w == "как", next.hasSuffix("ть") || next.hasSuffix("ться") { return true }
                    } else if script == .latin {
                        if englishWh.contains(w), !(w == "what" && (next == "a" || next == "an")) { return true }
                        if !sawWord, englishAuxiliaries.contains(w) { return true }
                    }
                }
                if script == .cyrillic, russianRequests.contains(w) { return true }
                if let p = prev, englishPairs.contains(p + " " + w) { return true }
                sawWord = true
                sentenceStart = false
                prev = w
            case .mark:
                if t.text == "?", sawWord, markCounts { return true }
                sentenceStart = true
                prev = nil
            case .pause:
                if t.text == "." { sentenceStart = true }
                prev = nil
            case .emoji, .emoticon:
                continue
            }
        }
        return false
    }
}
