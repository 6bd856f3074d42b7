import Foundation

/// A language the sentiment classifier knows.
package enum SentimentLanguage: String, CaseIterable, Sendable, Codable, Hashable {
    case ru, en

    /// The language of a text by the script of its letters (cli.md `sentiment`, `--lang auto`):
    /// Russian when at least a third of its letters are Cyrillic, otherwise English. So a Russian
    /// comment that names a brand in Latin letters ("Заказал iPhone, всё супер") stays Russian.
    package static func detect(_ text: String) -> SentimentLanguage {
        var cyrillic = 0, other = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x0400 && v <= 0x052F {
                cyrillic += 1
            } else if v < 0x80 {
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { other += 1 }
            } else if s.properties.generalCategory.isLetter {
                other += 1
            }
        }
        return cyrillic > 0 && cyrillic * 3 >= cyrillic + other ? .ru : .en
    }
}

/// What `--lang` asks for: one language for every text, or each text's own (``SentimentLanguage/detect(_:)``).
package enum LanguageChoice: String, CaseIterable, Sendable, Codable, Hashable {
    case ru, en, auto

    /// The language to classify `text` in.
    package func language(for text: String) -> SentimentLanguage {
        switch self {
        case .ru: return .ru
        case .en: return .en
        case .auto: return SentimentLanguage.detect(text)
        }
    }
}
