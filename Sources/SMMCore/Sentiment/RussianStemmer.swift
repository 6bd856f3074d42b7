import Foundation

/// The Snowball Russian stemmer (M. Porter's published algorithm, written anew here): removes
/// inflectional endings so that "хороший", "хорошая" and "хорошо" all become "хорош". Input
/// is a lower-case word with "ё" already replaced by "е".
package enum RussianStemmer {
    /// The stem of `word`; words without a vowel are returned as they are.
    package static func stem(_ word: String) -> String {
        var buffer: [UInt32] = []
        return stem(word, buffer: &buffer)
    }

    /// The stem, reusing `buffer` for the word's scalars (no allocation per word in a loop).
    package static func stem(_ word: String, buffer w: inout [UInt32]) -> String {
        w.removeAll(keepingCapacity: true)
        for u in word.unicodeScalars { w.append(u.value) }
        let n = stemLength(&w)
        if n == w.count { return word }
        return String(String.UnicodeScalarView(word.unicodeScalars.prefix(n)))
    }

    static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F: return true  // а е и о у ы э ю я
        default: return false
        }
    }

    /// Endings as scalar arrays, longest first within each group.
    private static func list(_ words: [String]) -> [[UInt32]] {
        words.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
    }

    private static let gerund1 = list(["в", "вши", "вшись"])
    private static let gerund2 = list(["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"])
    private static let adjective = list(["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым",
                                         "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"])
    private static let participle1 = list(["ем", "нн", "вш", "ющ", "щ"])
    private static let participle2 = list(["ивш", "ывш", "ующ"])
    private static let reflexive = list(["ся", "сь"])
    private static let verb1 = list(["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны",
                                     "ть", "ешь", "нно"])
    private static let verb2 = list(["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл",
                                     "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены",
                                     "ить", "ыть", "ишь", "ую", "ю"])
    private static let noun = list(["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией",
                                    "ей", "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях",
                                    "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"])
    private static let superlative = list(["ейше", "ейш"])
    private static let derivational = list(["ость", "ост"])

    /// Length of the longest ending of `endings` that `w[..<end]` ends with inside `[region, end)`;
    /// with `afterAOrYa`, the ending must follow "а" or "я" (also inside the region).
    private static func match(_ w: [UInt32], _ end: Int, _ region: Int, _ endings: [[UInt32]], afterAOrYa: Bool = false) -> Int {
        outer: for e in endings {
            let start = end - e.count
            guard start >= region else { continue }
            for (i, c) in e.enumerated() where w[start + i] != c { continue outer }
            if afterAOrYa {
                guard start - 1 >= region, w[start - 1] == 0x430 || w[start - 1] == 0x44F else { continue }
            }
            return e.count
        }
        return 0
    }

    /// The stem's length: RV, R2 and the four steps of the algorithm.
    static func stemLength(_ w: inout [UInt32]) -> Int {
        let count = w.count
        var rv = count
        for i in 0..<count where isVowel(w[i]) { rv = i + 1; break }
        guard rv < count else { return count }
        // R1: after the first non-vowel following a vowel; R2: the same inside R1.
        func region(from start: Int) -> Int {
            var i = start
            while i < count, !isVowel(w[i]) { i += 1 }
            while i < count, isVowel(w[i]) { i += 1 }
            return min(i + 1, count)
        }
        let r1 = region(from: 0)
        let r2 = region(from: r1)
        var end = count

        // Step 1.
        var m = match(w, end, rv, gerund1, afterAOrYa: true)
        if m == 0 { m = match(w, end, rv, gerund2) }
        if m > 0 {
            end -= m
        } else {
            end -= match(w, end, rv, reflexive)
            let adj = match(w, end, rv, adjective)
            if adj > 0 {
                end -= adj
                var p = match(w, end, rv, participle1, afterAOrYa: true)
                if p == 0 { p = match(w, end, rv, participle2) }
                end -= p
            } else {
                var v = match(w, end, rv, verb1, afterAOrYa: true)
                if v == 0 { v = match(w, end, rv, verb2) }
                if v > 0 {
                    end -= v
                } else {
                    end -= match(w, end, rv, noun)
                }
            }
        }
        // Step 2: a final "и".
        if end > rv, w[end - 1] == 0x438 { end -= 1 }
        // Step 3: "ост", "ость" in R2.
        end -= match(w, end, r2, derivational)
        // Step 4: "нн" → "н"; superlative then "нн" → "н"; or a final "ь".
        let nn: [[UInt32]] = [[0x43D, 0x43D]]
        if match(w, end, rv, nn) > 0 {
            end -= 1
        } else {
            let s = match(w, end, rv, superlative)
            if s > 0 {
                end -= s
                if match(w, end, rv, nn) > 0 { end -= 1 }
            } else if end > rv, w[end - 1] == 0x44C {
                end -= 1
            }
        }
        return end
    }
}
