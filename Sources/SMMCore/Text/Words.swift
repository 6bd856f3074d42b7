import Foundation

/// Word and letter rules of kpi-catalog.md "Words" and "Sentiment".
package enum Words {
    /// A word is a maximal run of L*, M* and Nd characters that holds at least one letter.
    package static func count(in text: String) -> Int {
        var count = 0, inRun = false, runHasLetter = false
        for scalar in text.unicodeScalars {
            let (isLetter, isWordChar) = classify(scalar)
            if isWordChar {
                inRun = true
                if isLetter { runHasLetter = true }
            } else if inRun {
                if runHasLetter { count += 1 }
                inRun = false
                runHasLetter = false
            }
        }
        if inRun, runHasLetter { count += 1 }
        return count
    }

    /// The text holds at least one letter (Unicode category L*): it can be classified.
    package static func hasLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { classify($0).letter }
    }

    /// (letter: L*, word: L*, M* or Nd). ASCII and the basic Cyrillic letters are answered
    /// without the Unicode tables, which cost more than everything else in an import.
    @inline(__always)
    static func classify(_ u: Unicode.Scalar) -> (letter: Bool, word: Bool) {
        let v = u.value
        if v < 0x80 {
            let lower = v | 0x20
            if lower >= 0x61 && lower <= 0x7A { return (true, true) }
            return (false, v >= 0x30 && v <= 0x39)
        }
        if (v >= 0x0410 && v <= 0x044F) || v == 0x0401 || v == 0x0451 { return (true, true) }
        let c = u.properties.generalCategory
        let letter = c.isLetter
        return (letter, letter || c.isMark || c == .decimalNumber)
    }
}

extension Unicode.GeneralCategory {
    var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    var isMark: Bool {
        switch self {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
