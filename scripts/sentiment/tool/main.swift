// sentiment-tool: the developer's side of the sentiment classifier (scripts/sentiment/).
// Reads one text per line on standard input. Not part of the product.
//
//   sentiment-tool features --lang ru|en [--buckets N] [--no-bigrams] [--grams 3-5|none]
//       one line per text: "index:value index:value ..." (what train.py learns from)
//   sentiment-tool classify [--lang ru|en|auto] [--lexicon-only]
//       one label per text (empty: no letters)
//   sentiment-tool bench [--repeat N]
//       texts per second on one core, classifying the input N times
//   sentiment-tool stem            the Snowball stem of each word
//   sentiment-tool question        1 when the text is a question, else 0
import Foundation
import SMMCore

func readLines() -> [String] {
    var lines: [String] = []
    while let l = readLine(strippingNewline: true) { lines.append(l) }
    return lines
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// Buffered standard output.
final class Output {
    var buffer = ""
    func emit(_ s: String) {
        buffer += s
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }
    func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
let output = Output()
@MainActor func emit(_ s: String) { output.emit(s) }

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else {
    FileHandle.standardError.write(Data("usage: sentiment-tool features|classify|bench|stem|question [options]\n".utf8))
    exit(2)
}
switch command {
case "features":
    let lang = SentimentLanguage(rawValue: option("--lang", args) ?? "ru") ?? .ru
    let buckets = Int(option("--buckets", args) ?? "") ?? (1 << 18)
    var grams: ClosedRange<Int>? = 3...5
    if let g = option("--grams", args) {
        let parts = g.split(separator: "-").compactMap { Int($0) }
        grams = parts.count == 2 ? parts[0]...parts[1] : nil
    }
    let lexicon = SentimentLexicon(parsing: SentimentLexiconData.text)
    let ex = SentimentFeatureExtractor(lexicon: lexicon, buckets: buckets, bigrams: !args.contains("--no-bigrams"), charGrams: grams)
    for line in readLines() {
        let f = ex.extract(SentimentText.normalized(line), language: lang)
        var parts: [String] = []
        parts.reserveCapacity(f.indices.count)
        for k in 0..<f.indices.count { parts.append("\(f.indices[k]):\(f.values[k])") }
        emit(parts.joined(separator: " "))
    }
case "classify":
    let lang = LanguageChoice(rawValue: option("--lang", args) ?? "auto") ?? .auto
    let c = SentimentClassifier()
    let lexiconOnly = args.contains("--lexicon-only")
    for line in readLines() {
        let s = lexiconOnly ? c.classifyByLexicon(line, language: lang) : c.classify(line, language: lang)
        emit(s?.rawValue ?? "")
    }
case "bench":
    let repeats = Int(option("--repeat", args) ?? "") ?? 5
    let lines = readLines()
    let t0 = Date()
    let c = SentimentClassifier()
    let load = Date().timeIntervalSince(t0)
    var counts = [0, 0, 0, 0]
    let t1 = Date()
    let c1 = clock()
    for _ in 0..<repeats {
        for l in lines {
            switch c.classify(l) {
            case .negative: counts[0] += 1
            case .neutral: counts[1] += 1
            case .positive: counts[2] += 1
            case nil: counts[3] += 1
            }
        }
    }
    let secs = Date().timeIntervalSince(t1)
    let cpu = Double(clock() - c1) / Double(CLOCKS_PER_SEC)
    let n = lines.count * repeats
    emit("texts: \(n); wall \(String(format: "%.2f", secs)) s, \(Int(Double(n) / secs)) texts/s; "
        + "CPU \(String(format: "%.2f", cpu)) s, \(Int(Double(n) / cpu)) texts per CPU-second; "
        + "model load \(String(format: "%.0f", load * 1000)) ms; labels neg/neu/pos/none \(counts)")
case "stem":
    for line in readLines() {
        emit(line.split(separator: " ").map { RussianStemmer.stem(String($0)) }.joined(separator: " "))
    }
case "question":
    for line in readLines() { emit(QuestionDetector.isQuestion(SentimentText.normalized(line)) ? "1" : "0") }
default:
    FileHandle.standardError.write(Data("unknown command \(command)\n".utf8))
    exit(2)
}
output.flush()
