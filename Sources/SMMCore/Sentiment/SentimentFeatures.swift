import Foundation

/// The features of one text: sparse (index, value) pairs, indices possibly repeated (they add up).
package struct SentimentFeatures: Sendable {
    package var indices: [Int32] = []
    package var values: [Float] = []
    /// The lexicon's verdict alone: word, phrase, emoji and emoticon polarities after negation,
    /// intensifiers and "but" (VADER's rules), squashed to −1 … +1.
    package var lexiconCompound: Float = 0
    /// Number of words (letter runs).
    package var words = 0
}

/// Words that change the polarity of what follows them (rules, not data: they are short and fixed).
enum SentimentRules {
    static let negators: Set<String> = [
        "не", "нет", "ни", "никогда", "ничуть", "нисколько", "никак", "без", "нету", "неа",
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "dont", "doesnt",
        "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt",
        "aint", "hasnt", "havent", "hadnt", "mustnt", "neednt", "nope",
    ]
    /// After a negator these cancel it: "не только", "not only", "no doubt".
    static let negationCancellers: Set<String> = ["только", "лишь", "only", "just", "doubt"]
    /// Multipliers of the next polar word.
    static let intensifiers: [String: Float] = [
        "очень": 1.5, "оч": 1.5, "сильно": 1.4, "крайне": 1.6, "невероятно": 1.6, "чрезвычайно": 1.6,
        "слишком": 1.3, "самый": 1.4, "самая": 1.4, "самое": 1.4, "самые": 1.4, "самого": 1.4, "самой": 1.4,
        "реально": 1.3, "вообще": 1.3, "совсем": 1.4, "абсолютно": 1.5, "совершенно": 1.5, "максимально": 1.4,
        "весьма": 1.3, "такой": 1.2, "такая": 1.2, "такое": 1.2, "так": 1.2, "настолько": 1.3, "полностью": 1.3,
        "просто": 1.2, "прям": 1.3, "прямо": 1.2, "нереально": 1.6, "капец": 1.4, "ну": 1.1, "еще": 1.1, "всегда": 1.1,
        "немного": 0.6, "немножко": 0.6, "слегка": 0.6, "чуть": 0.6, "чуточку": 0.6, "довольно": 0.8,
        "относительно": 0.7, "почти": 0.7, "малость": 0.6, "вроде": 0.7, "местами": 0.7, "кое": 0.8,
        "very": 1.5, "really": 1.4, "so": 1.3, "extremely": 1.6, "totally": 1.5, "absolutely": 1.5,
        "completely": 1.5, "incredibly": 1.6, "super": 1.5, "too": 1.3, "most": 1.3, "such": 1.3, "highly": 1.5,
        "truly": 1.4, "utterly": 1.6, "soo": 1.5, "sooo": 1.6, "damn": 1.3, "freaking": 1.4, "fucking": 1.5,
        "way": 1.2, "pretty": 1.1, "quite": 1.1, "deeply": 1.4, "especially": 1.3, "exceptionally": 1.5,
        "slightly": 0.6, "somewhat": 0.6, "kinda": 0.7, "sorta": 0.7, "barely": 0.5, "little": 0.7, "bit": 0.7,
        "almost": 0.7, "partly": 0.6, "marginally": 0.6, "fairly": 0.8,
    ]
    /// Negative words that intensify a positive word right after them: "ужасно вкусно", "insanely good".
    static let ambivalent: Set<String> = [
        "ужасно", "страшно", "жутко", "безумно", "дико", "бешено", "обалденно", "офигенно", "чертовски", "адски",
        "зверски", "нереально", "insanely", "crazy", "ridiculously", "stupidly", "terribly", "awfully", "wicked",
        "sick", "sickly", "hella",
    ]
    /// "but": what follows counts more than what came before.
    static let contrasts: Set<String> = ["но", "однако", "зато", "but", "however", "although", "though", "yet"]

    /// What a word does to its neighbours; one lookup per word.
    enum Role { case negator, contrast, ambivalent, intensifier(Float) }
    static let roles: [String: Role] = {
        var r: [String: Role] = [:]
        for (w, f) in intensifiers { r[w] = .intensifier(f) }
        for w in ambivalent { r[w] = .ambivalent }
        for w in contrasts { r[w] = .contrast }
        for w in negators { r[w] = .negator }
        return r
    }()
}

/// Turns a text into ``SentimentFeatures``: hashed word stems (negated stems apart), stem
/// bigrams and character n-grams, plus a few dense features per language (lexicon sums,
/// emoji, emoticons, "!", "?", length).
package struct SentimentFeatureExtractor: Sendable {
    /// Indices below this are dense features: 32 for Russian texts, then 32 for English ones.
    package static let denseCount = 64
    package static let denseBlock = 32

    package var lexicon: SentimentLexicon
    /// Size of the feature space, dense features included.
    package var buckets: Int
    package var bigrams: Bool
    /// Character n-grams of each word (with ^ and $ at its ends), nil for none.
    package var charGrams: ClosedRange<Int>?

    package init(lexicon: SentimentLexicon, buckets: Int = 1 << 18, bigrams: Bool = true, charGrams: ClosedRange<Int>? = 3...5) {
        self.lexicon = lexicon; self.buckets = buckets; self.bigrams = bigrams; self.charGrams = charGrams
    }

    @inline(__always) static func fnv(_ tag: UInt64) -> UInt64 {
        (0xcbf2_9ce4_8422_2325 ^ tag) &* 0x100_0000_01b3
    }

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x100_0000_01b3
    }

    @inline(__always) func index(_ h: UInt64) -> Int32 {
        // A final avalanche so that the low bits depend on every input.
        var x = h
        x ^= x >> 33; x = x &* 0xff51_afd7_ed55_8ccd; x ^= x >> 33
        return Int32(Self.denseCount + Int(x % UInt64(buckets - Self.denseCount)))
    }

    @inline(__always) func hash(_ tag: UInt64, _ s: String) -> Int32 {
        var h = Self.fnv(tag)
        for u in s.unicodeScalars { h = Self.mix(h, u.value) }
        return index(h)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    package func extract(_ text: String, language: SentimentLanguage) -> SentimentFeatures {
        let tokens = SentimentTokenizer.tokens(text)
        var out = SentimentFeatures()
        var wordIdx: [Int32] = [], bigramIdx: [Int32] = [], gramIdx: [Int32] = [], otherIdx: [Int32] = []
        wordIdx.reserveCapacity(tokens.count)

        var prevStem: String?, prevHash: UInt64 = 0
        var negLeft = 0, mult: Float = 1
        var before: Float = 0, after: Float = 0, contrast = false
        var posSum: Float = 0, negSum: Float = 0, posCount = 0, negCount = 0, maxS: Float = 0, minS: Float = 0
        var emojiPos = 0, emojiNeg = 0, emoPos = 0, emoNeg = 0, parenPos = 0, parenNeg = 0
        var exclaim = 0, question = 0, negUsed = false, shouted = false, elongated = false, hits = 0
        var scalars: [UInt32] = []
        scalars.reserveCapacity(32)

        func add(_ s: Float) {
            if contrast { after += s } else { before += s }
            if s > 0 { posSum += s; posCount += 1 } else if s < 0 { negSum -= s; negCount += 1 }
            maxS = max(maxS, s); minS = min(minS, s)
        }

        for (k, t) in tokens.enumerated() {
            switch t.kind {
            case .pause:
                negLeft = 0; prevStem = nil; prevHash = 0; mult = 1
            case .mark:
                if t.text == "!" { exclaim += 1 } else { question += 1 }
                negLeft = 0; prevStem = nil; prevHash = 0; mult = 1
                otherIdx.append(hash(1, t.text))
            case .emoji:
                otherIdx.append(hash(2, t.text))
                if let s = lexicon.emoji[t.text] {
                    if s > 0 { emojiPos += 1 } else if s < 0 { emojiNeg += 1 }
                    add(s)
                }
            case .emoticon:
                otherIdx.append(hash(3, t.text))
                let s: Float
                switch t.text {
                case ")": parenPos += 1; s = 1.5
                case "(": parenNeg += 1; s = -1.5
                default: s = lexicon.emoticons[t.text] ?? 0
                }
                if s > 0 { emoPos += 1 } else if s < 0 { emoNeg += 1 }
                add(s)
            case .word(let script):
                let w = t.text
                if script == .other, w.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
                    otherIdx.append(hash(4, "0"))
                    prevStem = nil; prevHash = 0
                    continue
                }
                out.words += 1
                let stem: String
                switch script {
                case .cyrillic: stem = RussianStemmer.stem(w, buffer: &scalars)
                case .latin: stem = EnglishStemmer.stem(w)
                case .other: stem = w
                }
                if t.shouted { shouted = true }
                if t.elongated { elongated = true }
                var stemHash = Self.fnv(5)
                for u in stem.unicodeScalars { stemHash = Self.mix(stemHash, u.value) }
                if bigrams, prevStem != nil {
                    bigramIdx.append(index(Self.mix(Self.mix(Self.fnv(6), UInt32(truncatingIfNeeded: prevHash)),
                                                    UInt32(truncatingIfNeeded: prevHash >> 32)) ^ stemHash &* 31))
                }
                if let g = charGrams { grams(w, g, &scalars, &gramIdx) }
                let role = SentimentRules.roles[w]
                defer { prevHash = stemHash }

                if case .negator = role {
                    // "не только" / "not only" is no negation.
                    if k + 1 < tokens.count, SentimentRules.negationCancellers.contains(tokens[k + 1].text) {
                        wordIdx.append(index(stemHash))
                    } else {
                        negLeft = script == .cyrillic ? (w == "без" ? 1 : 2) : 3
                        negUsed = true
                        wordIdx.append(index(stemHash))
                    }
                    prevStem = stem
                    continue
                }
                if case .contrast = role {
                    contrast = true
                    negLeft = 0; mult = 1
                    wordIdx.append(index(stemHash))
                    prevStem = stem
                    continue
                }
                var score: Float?
                // A phrase's score already holds its first word's negation ("не советую", "без проблем").
                var phrase = false
                if let p = prevStem, lexicon.phraseStarts.contains(p), let s = lexicon.phrases[p + " " + stem] {
                    score = s
                    phrase = true
                }
                if score == nil {
                    switch script {
                    case .cyrillic: score = lexicon.russian[stem]
                    case .latin: score = lexicon.english(w, stem: stem)
                    case .other: score = nil
                    }
                }
                if case .ambivalent = role, nextIsPositive(tokens, after: k) {
                    mult *= 1.5
                    wordIdx.append(index(stemHash))
                    prevStem = stem
                    continue
                }
                if score == nil, case .intensifier(let f) = role {
                    mult *= f
                    wordIdx.append(index(stemHash))
                    prevStem = stem
                    continue
                }
                let negated = negLeft > 0
                wordIdx.append(negated ? hash(7, stem) : index(stemHash))
                let flips = negated && !phrase
                if var s = score {
                    hits += 1
                    s *= mult
                    if t.shouted { s *= 1.3 }
                    if t.elongated { s *= 1.2 }
                    if flips { s *= -0.7 }
                    add(s)
                }
                if negLeft > 0 { negLeft -= 1 }
                mult = 1
                prevStem = stem
            }
        }

        // Sparse groups, each scaled to unit length.
        func put(_ idx: [Int32], weight: Float = 1) {
            guard !idx.isEmpty else { return }
            let v = weight / Float(idx.count).squareRoot()
            for i in idx { out.indices.append(i); out.values.append(v) }
        }
        out.indices.reserveCapacity(wordIdx.count + bigramIdx.count + gramIdx.count + otherIdx.count + 24)
        put(wordIdx)
        put(bigramIdx)
        put(gramIdx)
        for i in otherIdx { out.indices.append(i); out.values.append(0.5) }

        let total = contrast ? before * 0.5 + after * 1.5 : before
        let compound = total / (total * total + 15).squareRoot()
        out.lexiconCompound = compound
        let base = Int32(language == .ru ? 0 : Self.denseBlock)
        func dense(_ i: Int32, _ v: Float) {
            if v != 0 { out.indices.append(base + i); out.values.append(v) }
        }
        let words = Float(out.words)
        dense(0, 1)
        dense(1, log1p(posSum))
        dense(2, log1p(negSum))
        dense(3, compound)
        dense(4, posCount > 0 ? 1 : 0)
        dense(5, negCount > 0 ? 1 : 0)
        dense(6, maxS / 4)
        dense(7, minS / 4)
        dense(8, Float(min(emojiPos, 3)) / 3)
        dense(9, Float(min(emojiNeg, 3)) / 3)
        dense(10, Float(min(emoPos, 3)) / 3)
        dense(11, Float(min(emoNeg, 3)) / 3)
        dense(12, Float(min(exclaim, 3)) / 3)
        dense(13, question > 0 ? 1 : 0)
        dense(14, QuestionDetector.isQuestion(tokens) ? 1 : 0)
        dense(15, negUsed ? 1 : 0)
        dense(16, log1p(words) / 3)
        dense(17, out.words <= 3 ? 1 : 0)
        dense(18, shouted ? 1 : 0)
        dense(19, elongated ? 1 : 0)
        dense(20, contrast ? 1 : 0)
        dense(21, words > 0 ? Float(hits) / words : 0)
        dense(22, Float(min(parenPos, 3)) / 3)
        dense(23, Float(min(parenNeg, 3)) / 3)
        dense(24, (posSum - negSum) / max(1, words).squareRoot() / 4)
        return out
    }

    /// The next word (within two tokens) has a positive polarity: "ужасно вкусно".
    private func nextIsPositive(_ tokens: [SentimentToken], after k: Int) -> Bool {
        var j = k + 1
        while j < tokens.count, j <= k + 2 {
            if case .word(let script) = tokens[j].kind {
                let w = tokens[j].text
                let s: Float? = script == .cyrillic ? lexicon.russian[RussianStemmer.stem(w)]
                    : lexicon.english(w, stem: EnglishStemmer.stem(w))
                if let s { return s > 0 }
            } else {
                return false
            }
            j += 1
        }
        return false
    }

    private func grams(_ w: String, _ range: ClosedRange<Int>, _ buf: inout [UInt32], _ out: inout [Int32]) {
        buf.removeAll(keepingCapacity: true)
        buf.append(0x5E)
        for u in w.unicodeScalars { buf.append(u.value) }
        buf.append(0x24)
        let n = buf.count
        for len in range where len <= n {
            for start in 0...(n - len) {
                var h = Self.fnv(8 + UInt64(len))
                for i in start..<(start + len) { h = Self.mix(h, buf[i]) }
                out.append(index(h))
            }
        }
    }
}
