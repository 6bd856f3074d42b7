import Foundation
import Testing
@testable import SMMCore

@Suite struct SentimentClassifierTests {
    static let classifier = SentimentClassifier()

    @Test("the shipped model decodes and is used")
    func modelShips() {
        #expect(Self.classifier.model != nil)
        #expect(Self.classifier.version.hasPrefix("lr-"))
    }

    @Test("the examples of cli.md get the labels cli.md shows")
    func cliExamples() {
        #expect(Self.classifier.classify("Отличный кофе!") == .positive)
        #expect(Self.classifier.classify("👍") == nil)
        #expect(Self.classifier.classify("Waited an hour, cold coffee") == .negative)
    }

    @Test("texts without letters get no label", arguments: ["👍", "🔥🔥🔥", "❤️😍", "!!!", "2024", ":)", ")))", "", "   ", "+7 (999) 123-45-67"])
    func noLetters(_ text: String) {
        #expect(Self.classifier.classify(text) == nil)
        #expect(Self.classifier.classifyByLexicon(text) == nil)
    }

    @Test("emoji and emoticons still count when the text has letters")
    func emojiWithLetters() {
        #expect(Self.classifier.classify("ну вы даёте 😡😡") == .negative)
        #expect(Self.classifier.classifyByLexicon("Спасибо ❤️") == .positive)
    }

    @Test("negation turns the polarity of the word it governs", arguments: [
        ("Не понравилось", Sentiment.negative), ("Не советую эту клинику", .negative), ("Совсем не вкусно", .negative),
        ("Not good", .negative), ("I don't like it", .negative), ("Не плохо", .positive), ("Без проблем", .positive),
        ("Ни разу не пожалела", .positive),
    ])
    func negationLexicon(_ text: String, _ expected: Sentiment) {
        #expect(Self.classifier.classifyByLexicon(text) == expected)
    }

    @Test("the model follows negation on clear cases")
    func negationModel() {
        #expect(Self.classifier.classify("Вкусно") == .positive)
        #expect(Self.classifier.classify("Не вкусно") == .negative)
        #expect(Self.classifier.classify("Не понравилось, суп был холодный") == .negative)
        #expect(Self.classifier.classify("Not good") == .negative)
        #expect(Self.classifier.classify("Не плохо") != .negative)
    }

    @Test("intensifiers make a word stronger, ambivalent ones intensify a positive word")
    func intensifiers() {
        let ex = Self.classifier.extractor
        let plain = ex.extract("вкусно", language: .ru).lexiconCompound
        let strong = ex.extract("очень вкусно", language: .ru).lexiconCompound
        #expect(strong > plain)
        #expect(ex.extract("ужасно вкусно", language: .ru).lexiconCompound > 0)
        #expect(ex.extract("ужасно", language: .ru).lexiconCompound < 0)
    }

    @Test("mixed-language texts use each word's own language")
    func mixedLanguage() {
        #expect(Self.classifier.classify("Кофе super, спасибо!") == .positive)
        #expect(Self.classifier.classify("Delivery опять опоздала, ужас") == .negative)
        #expect(Self.classifier.classifyByLexicon("Great, спасибо большое") == .positive)
    }

    @Test("auto picks Russian when a third of the letters are Cyrillic, else English", arguments: [
        ("Привет", SentimentLanguage.ru), ("Hello", .en), ("Заказал iPhone 15 Pro Max, всё супер", .ru),
        ("Great coffee at Зерно", .en), ("😀", .en), ("Café crème", .en), ("ёлка", .ru),
    ])
    func autoLanguage(_ text: String, _ expected: SentimentLanguage) {
        #expect(SentimentLanguage.detect(text) == expected)
        #expect(LanguageChoice.auto.language(for: text) == expected)
        #expect(LanguageChoice.ru.language(for: text) == .ru)
        #expect(LanguageChoice.en.language(for: text) == .en)
    }

    @Test("the same input always gives the same output; trimming and NFC do not change it")
    func deterministic() {
        let texts = ["Отличный кофе!", "Ждала заказ две недели", "Сколько стоит?", "Love it"]
        for t in texts {
            let a = Self.classifier.classify(t)
            #expect(Self.classifier.classify(t) == a)
            #expect(Self.classifier.classify("  \(t)\n") == a)
        }
        // "й" decomposed (и + combining breve) is the same word as the precomposed one.
        #expect(Self.classifier.classify("Вкусный кофе") == Self.classifier.classify("Вкусны\u{0438}\u{0306} кофе"))
    }

    @Test("an explicit language is used even for a text in the other script")
    func explicitLanguage() {
        #expect(Self.classifier.classify("Отличный кофе!", language: .en) == .positive)
        #expect(Self.classifier.classify("Terrible service", language: .ru) == .negative)
    }
}
