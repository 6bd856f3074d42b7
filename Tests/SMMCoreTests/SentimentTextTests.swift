import Foundation
import Testing
@testable import SMMCore

@Suite struct SentimentTextTests {
    func words(_ s: String) -> [String] {
        SentimentTokenizer.tokens(s).compactMap { if case .word = $0.kind { return $0.text }; return nil }
    }

    func kinds(_ s: String) -> [SentimentToken.Kind] { SentimentTokenizer.tokens(s).map(\.kind) }

    @Test("tokens are lower case, ё is е, stress marks are dropped, URLs and @names are skipped")
    func tokens() {
        #expect(words("Всё ОТЛИЧНО, @ivan https://x.ru/a?b=1 www.site.ru ко\u{301}фе") == ["все", "отлично", "кофе"])
        #expect(words("don't DON’T") == ["dont", "dont"])
    }

    @Test("letters repeated three times are cut: one in Cyrillic, two in Latin")
    func elongation() {
        let t = SentimentTokenizer.tokens("Супееер класссно sooo goooood")
        #expect(t.map(\.text) == ["супер", "класно", "soo", "good"])
        #expect(t.allSatisfy { $0.elongated })
        #expect(words("класс") == ["класс"])
    }

    @Test("unbalanced brackets are Russian smileys; ASCII emoticons are found")
    func emoticons() {
        let e = SentimentTokenizer.tokens("Спасибо))) жаль(( :-) :D <3 (см. выше)").filter { $0.kind == .emoticon }.map(\.text)
        #expect(e == [")", ")", ")", ":)", ":D", "<3", "(", "("])
    }

    @Test("emoji are tokens; skin tones and variation selectors are not")
    func emoji() {
        let e = SentimentTokenizer.tokens("Класс 👍🏽❤️").filter { $0.kind == .emoji }.map(\.text)
        #expect(e == ["👍", "❤"])
    }

    @Test("a word in capitals is shouted unless the whole text is in capitals")
    func shouting() {
        #expect(SentimentTokenizer.tokens("this is AWFUL").last?.shouted == true)
        #expect(SentimentTokenizer.tokens("THIS IS AWFUL").last?.shouted == false)
    }

    @Test("Snowball Russian stems", arguments: [
        ("хороший", "хорош"), ("хорошая", "хорош"), ("хорошо", "хорош"), ("понравилось", "понрав"),
        ("понравиться", "понрав"), ("красивейший", "красив"), ("обслуживание", "обслуживан"), ("доставка", "доставк"),
        ("сломался", "слома"), ("кот", "кот"), ("вкусно", "вкусн"), ("вкусный", "вкусн"),
    ])
    func stems(_ word: String, _ stem: String) {
        #expect(RussianStemmer.stem(word) == stem)
    }

    @Test("questions are found", arguments: [
        "Сколько стоит доставка?", "сколько стоит", "Где вы находитесь", "Как заказать торт", "Есть ли доставка в Химки",
        "Подскажите время работы", "Цена?", "where can I buy this", "Do you ship to Germany", "How much is it",
        "Отличный кофе! А когда откроетесь на Ленина?", "Is it vegan", "@olga сколько стоит?", "mail@shop.ru доставка есть?",
    ])
    func questions(_ text: String) {
        #expect(QuestionDetector.isQuestion(text))
    }

    @Test("statements are not questions", arguments: [
        "Отличный кофе!", "Как же вкусно!", "Что за прелесть", "What a great day", "Спасибо за ответ",
        "Всё понравилось, придём ещё", "👍", "???", "Love it", "Интересно", "Отметил друга @ivan_petrov, сходим?",
        "@lisa wanna go?",
    ])
    func notQuestions(_ text: String) {
        #expect(!QuestionDetector.isQuestion(text))
    }

    @Test("the lexicon matches Russian entries by stem and English ones as written")
    func lexicon() {
        let lex = SentimentLexicon(parsing: "ru\tотличный\t3\nen\tgood\t1.9\nru\tтак себе\t-2\nemoji\t👍\t2\n# c\nbad line\n")
        #expect(lex.russian["отличн"] == 3)
        #expect(lex.english("good", stem: "good") == 1.9)
        #expect(lex.english("goods", stem: EnglishStemmer.stem("goods")) == 1.9)
        #expect(lex.phrases["так себ"] == -2)
        #expect(lex.emoji["👍"] == 2)
    }

    @Test("a model's bytes that are not a model are refused; the lexicon alone then decides")
    func badModel() {
        #expect(SentimentModel(bytes: Array("nonsense".utf8)) == nil)
        let c = SentimentClassifier(lexicon: "ru\tотличный\t3\n", model: [1, 2, 3], version: "x")
        #expect(c.model == nil)
        #expect(c.version == "lexicon")
        #expect(c.classify("Отличный") == .positive)
        #expect(c.classify("Стол") == .neutral)
    }
}
