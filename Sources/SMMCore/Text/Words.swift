import Foundation

/// Word and letter rules of kpi-catalog.md "Words" and "Sentiment".
package enum Words {
    /// A word is a maximal run of L*, M* and Nd characters that holds at least one letter.
    package static func count(in text: String) -> Int {
        var count = 0, inRun = false, runHasLetter = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            let isLetter = p.generalCategory.isLetter
            let isWordChar = isLetter || p.generalCategory.isMark || p.generalCategory == .decimalNumber
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
        text.unicodeScalars.contains { $0.properties.generalCategory.isLetter }
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
