import Foundation

/// One unit of a text as the classifier sees it.
package struct SentimentToken: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// A run of letters and digits (lower case, "ё" → "е", combining marks dropped, letters
        /// repeated more than twice cut to two, or to one in Cyrillic: "супеееер" → "супер").
        case word(Script)
        /// One emoji (skin tones, variation selectors and joiners dropped).
        case emoji
        /// An ASCII emoticon such as ":)" or ":-(", or a Russian-style bracket smiley ")))".
        case emoticon
        /// "!" or "?".
        case mark
        /// A sentence or clause break: . , ; : and the like. Ends negation scopes and bigrams.
        case pause
    }

    package enum Script: Hashable, Sendable { case cyrillic, latin, other }

    package var kind: Kind
    package var text: String
    /// The word was written in capitals in a text that is not all capitals ("this is AWFUL").
    package var shouted = false
    /// The word had a letter repeated three times or more ("sooo", "ужаааас").
    package var elongated = false
}

/// Splits a text into ``SentimentToken``s. Pure and fast: one pass over the Unicode scalars.
package enum SentimentTokenizer {
    /// ASCII emoticons, longest first, with their canonical spelling.
    static let emoticons: [(String, String)] = [
        (":'-(", ":'("), (":'(", ":'("), (":-))", ":)"), (":-)", ":)"), (":-(", ":("), (":-D", ":D"), (":-P", ":P"),
        (":-p", ":P"), (";-)", ";)"), (":-/", ":/"), (":-|", ":|"), (":))", ":)"), (":((", ":("), (":)", ":)"),
        (":(", ":("), (":D", ":D"), (":P", ":P"), (":p", ":P"), (";)", ";)"), (";D", ";)"), ("=)", ":)"), ("=(", ":("),
        ("=D", ":D"), (":/", ":/"), (":|", ":|"), ("<3", "<3"), (":*", ":*"), (";(", ":("), ("^^", "^^"),
        ("^_^", "^^"), ("-_-", "-_-"), (":-*", ":*"), (":]", ":)"), (":[", ":("), ("xD", ":D"),
        ("XD", ":D"), ("xDD", ":D"), ("XDD", ":D"),
    ].sorted { $0.0.count > $1.0.count }

    /// The tokens of `text` (expected in NFC; URLs, e-mail addresses and @names are skipped).
    package static func tokens(_ text: String) -> [SentimentToken] {
        var out: [SentimentToken] = []
        out.reserveCapacity(24)
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var i = 0
        var word = String.UnicodeScalarView()
        var wordScript = SentimentToken.Script.other
        var upper = 0, lower = 0, elongated = false
        var last: UInt32 = 0, run = 0
        var totalUpper = 0, totalLower = 0
        var opens = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            var t = SentimentToken(kind: .word(wordScript), text: String(word))
            t.shouted = upper >= 2 && lower == 0
            t.elongated = elongated
            out.append(t)
            word = String.UnicodeScalarView()
            wordScript = .other
            upper = 0; lower = 0; elongated = false; last = 0; run = 0
        }

        while i < n {
            let s = scalars[i]
            let v = s.value
            // Skip URLs, e-mail addresses and @names whole.
            if word.isEmpty, v == 0x40 || (v == 0x68 && startsURL(scalars, i)) || (v == 0x77 && startsWWW(scalars, i)) {
                while i < n, !scalars[i].properties.isWhitespace { i += 1 }
                continue
            }
            if v < 0x80 {
                let isUpper = v >= 0x41 && v <= 0x5A, isLower = v >= 0x61 && v <= 0x7A
                if isUpper || isLower || (v >= 0x30 && v <= 0x39) {
                    // "xD" / "XD" as an emoticon only when it stands alone.
                    if word.isEmpty, v == 0x78 || v == 0x58, let e = emoticon(scalars, i), e.length >= 2,
                       i + e.length >= n || !isWordScalar(scalars[i + e.length]) {
                        out.append(SentimentToken(kind: .emoticon, text: e.canonical))
                        i += e.length
                        continue
                    }
                    if isUpper { upper += 1; totalUpper += 1 }
                    if isLower { lower += 1; totalLower += 1 }
                    let c = isUpper ? v + 0x20 : v
                    append(c, script: isUpper || isLower ? .latin : .other)
                    i += 1
                    continue
                }
                if v == 0x27, !word.isEmpty, wordScript == .latin, i + 1 < n, isLatinLetter(scalars[i + 1].value) {
                    i += 1  // "don't" → "dont"
                    continue
                }
                if let e = emoticon(scalars, i) {
                    flushWord()
                    out.append(SentimentToken(kind: .emoticon, text: e.canonical))
                    i += e.length
                    continue
                }
                flushWord()
                switch v {
                case 0x21, 0x3F: out.append(SentimentToken(kind: .mark, text: String(s)))
                case 0x28:
                    opens += 1
                    out.append(SentimentToken(kind: .pause, text: "("))
                case 0x29:
                    if opens > 0 {
                        opens -= 1
                        out.append(SentimentToken(kind: .pause, text: ")"))
                    } else {
                        out.append(SentimentToken(kind: .emoticon, text: ")"))
                    }
                case 0x2E, 0x2C, 0x3B, 0x3A, 0x22: out.append(SentimentToken(kind: .pause, text: String(s)))
                default: break
                }
                i += 1
                continue
            }
            if v >= 0x0400 && v <= 0x04FF {
                var c = v
                if c >= 0x410 && c <= 0x42F { c += 0x20; upper += 1; totalUpper += 1 }
                else if c == 0x401 { c = 0x451; upper += 1; totalUpper += 1 }
                else { lower += 1; totalLower += 1 }
                if c == 0x451 { c = 0x435 }  // ё → е
                append(c, script: .cyrillic)
                i += 1
                continue
            }
            let p = s.properties
            let cat = p.generalCategory
            if cat.isLetter || cat == .decimalNumber {
                var c = v
                if p.isUppercase, let l = p.lowercaseMapping.unicodeScalars.first { c = l.value; upper += 1; totalUpper += 1 }
                else if p.isLowercase { lower += 1; totalLower += 1 }
                let script: SentimentToken.Script = (v >= 0xC0 && v <= 0x24F) ? .latin : .other
                append(c, script: script)
                i += 1
                continue
            }
            if v == 0x2019, !word.isEmpty, wordScript == .latin, i + 1 < n, isLatinLetter(scalars[i + 1].value) {
                i += 1  // "don’t" → "dont"
                continue
            }
            if cat.isMark {
                i += 1  // stress marks and the like: part of the word, dropped
                continue
            }
            flushWord()
            if isEmoji(v, p) {
                out.append(SentimentToken(kind: .emoji, text: String(s)))
            } else if v == 0x2026 || v == 0x2014 || v == 0x2013 || v == 0xAB || v == 0xBB {
                out.append(SentimentToken(kind: .pause, text: "."))
            }
            i += 1
        }
        flushWord()
        if opens > 0 {
            // Unclosed "(" are frowns: "жаль((".
            for _ in 0..<min(opens, 3) { out.append(SentimentToken(kind: .emoticon, text: "(")) }
        }
        // A text written all in capitals shouts nothing in particular.
        if totalLower == 0 {
            for k in out.indices { out[k].shouted = false }
        }
        return out

        func append(_ c: UInt32, script: SentimentToken.Script) {
            if c == last { run += 1 } else { last = c; run = 1 }
            if run >= 3 {
                // Three or more of a letter: two in Latin ("sooo" → "soo"), one in Cyrillic, where
                // doubled letters are common but tripled ones never are ("ужааас" → "ужас").
                if run == 3, script == .cyrillic { word.removeLast() }
                elongated = true
                return
            }
            if script == .cyrillic { wordScript = .cyrillic } else if script == .latin, wordScript == .other { wordScript = .latin }
            word.append(Unicode.Scalar(c)!)
        }
    }

    @inline(__always) static func isLatinLetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isLatinLetter(v) || (v >= 0x30 && v <= 0x39) }
        return s.properties.generalCategory.isLetter
    }

    static func isEmoji(_ v: UInt32, _ p: Unicode.Scalar.Properties) -> Bool {
        if v == 0xFE0F || v == 0x200D || (v >= 0x1F3FB && v <= 0x1F3FF) { return false }
        if v >= 0x1F000 && v <= 0x1FAFF { return true }
        return v >= 0x2100 && p.isEmoji
    }

    static func startsURL(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        let prefix = "http"
        guard i + 7 <= s.count else { return false }
        for (k, c) in prefix.unicodeScalars.enumerated() where s[i + k] != c { return false }
        return s[i + 4] == ":" || (s[i + 4] == "s" && s[i + 5] == ":")
    }

    static func startsWWW(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 4 <= s.count && s[i + 1] == "w" && s[i + 2] == "w" && s[i + 3] == "."
    }

    static func emoticon(_ s: [Unicode.Scalar], _ i: Int) -> (canonical: String, length: Int)? {
        let first = s[i].value
        guard first == 0x3A || first == 0x3B || first == 0x3D || first == 0x3C || first == 0x5E || first == 0x2D
            || first == 0x78 || first == 0x58 else { return nil }
        outer: for (e, canonical) in emoticons {
            let u = e.unicodeScalars
            guard i + u.count <= s.count else { continue }
            var k = i
            for c in u {
                if s[k] != c { continue outer }
                k += 1
            }
            return (canonical, u.count)
        }
        return nil
    }
}
