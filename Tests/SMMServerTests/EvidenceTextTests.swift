import Foundation
import Logging
import SMMCore
import SMMEngine
import SMMReports
import SMMStore
import Testing
@testable import SMMServer

@Suite struct RussianPluralTests {
    @Test("one, few and many as CLDR says for ru; fractions take few")
    func forms() {
        let cases: [(Double, String)] = [
            (0, "подписчиков"), (1, "подписчик"), (2, "подписчика"), (4, "подписчика"), (5, "подписчиков"),
            (11, "подписчиков"), (12, "подписчиков"), (14, "подписчиков"), (21, "подписчик"), (22, "подписчика"),
            (25, "подписчиков"), (101, "подписчик"), (111, "подписчиков"), (112, "подписчиков"), (1_002, "подписчика"),
            (-1, "подписчик"), (1.5, "подписчика"), (.nan, "подписчиков"),
        ]
        for (n, word) in cases {
            #expect(RussianPlural.word(n, "подписчик", "подписчика", "подписчиков") == word, "\(n)")
        }
    }
}

@Suite struct EvidenceTextTests {
    /// Russian numbers use no-break spaces; `_` in an expectation stands for one.
    func ru(_ s: String) -> String { s.replacingOccurrences(of: "_", with: "\u{00A0}") }

    static let day = LocalDate(year: 2024, month: 11, day: 12)!

    static func anomaly(_ kind: AnomalyKind, days: Int = 0, text: String, _ numbers: [(String, Double)]) -> Anomaly {
        Anomaly(id: "x", kind: kind, accountID: "vk", from: day, to: day.adding(days: days), estimate: 1, score: 0.9,
                evidence: Evidence(text: text, numbers: numbers.map { EvidenceNumber($0.0, $0.1) }))
    }

    static let bought = anomaly(.boughtFollowers, days: 1, text: "+412 joins on 12–13 Nov, 12× the usual (about 35 a day); …", [
        ("joined", 412), ("expected_joined", 70), ("joined_ratio", 11.8), ("baseline_joined_per_day", 35),
        ("baseline_sigma", 6), ("explained_joins", 21), ("unexplained_share", 0.9), ("reach_ratio", 1.1),
        ("ad_spend", 5_000), ("max_post_reach_ratio", 3.24), ("mention_reach", 0), ("participation", 0),
        ("left_after", 121), ("left_after_share", 0.294), ("left_after_days", 3), ("er_per_follower_change", -0.15),
    ])
    static let likes = anomaly(.botEngagement, text: "1 240 likes on a reach of 5 000 (24.8 %) …", [
        ("likes", 1_240), ("reach", 5_000), ("likes_per_reach", 0.248), ("usual_likes_per_reach", 0.031),
        ("likes_ratio", 8), ("z", 6), ("expected_likes", 155), ("comments_ratio", 1.2), ("reposts_ratio", 1), ("norm_posts", 30),
    ])
    static let comments = anomaly(.botComments, text: "86 comments in 12 min from 9 authors; 45 % repeat each other (“Класс”, “Супер, спасибо”); about 4 comments expected for its reach", [
        ("comments", 90), ("burst_comments", 86), ("burst_minutes", 12), ("authors", 9), ("author_share", 0.105),
        ("repeat_share", 0.45), ("median_words", 1), ("expected_comments", 4.2),
    ])

    @Test("bought followers in Russian: plurals, genitive after «около», money and dates by the Localizer")
    func boughtFollowers() {
        let l = Localizer(.ru)
        #expect(l.evidence(Self.bought, currency: "RUB") == ru(
            "+412 подписчиков за 12–13 ноября — в 12 раз больше обычного (около 35 в день); охват без изменений, "
            + "реклама на 5_000_₽, пост с охватом в 3,2 раза выше обычного, всё это объясняет около 21 подписчика; "
            + "в течение 3 дней после — 121 отписка сверх обычного (29_% от оценки); "
            + "вовлечённость на подписчика после этого \u{2212}15,0_%"))
        // No reach figures, no ads, no post above its usual, one follower, a run over two months.
        var a = Self.anomaly(.boughtFollowers, days: 3, text: "", [("joined", 1), ("joined_ratio", 22), ("baseline_joined_per_day", 0)])
        a.from = LocalDate(year: 2024, month: 11, day: 29)!
        a.to = a.from.adding(days: 3)
        #expect(l.evidence(a, currency: "RUB") == "+1 подписчик за 29 ноября – 2 декабря — в 22 раза больше обычного (около 0 в день); "
            + "данных об охвате нет, рекламы не было, ни один пост не превысил обычный охват")
    }

    @Test("bot likes and bot comments in Russian")
    func postKinds() {
        let l = Localizer(.ru)
        #expect(l.evidence(Self.likes, currency: "RUB") == ru(
            "1_240 лайков при охвате 5_000 (25_%), обычно у аккаунта 3,1_%; в 8,0 раза больше обычного; комментарии и репосты — как обычно"))
        var loud = Self.likes
        loud.evidence.numbers = loud.evidence.numbers.filter { $0.name != "reposts_ratio" } + [EvidenceNumber("likes", 1)]
        loud.evidence.numbers.removeAll { $0.name == "comments_ratio" }
        loud.evidence.numbers.insert(EvidenceNumber("comments_ratio", 2.5), at: 0)
        #expect(l.evidence(loud, currency: "RUB").hasSuffix("комментариев в 2,5 раза больше обычного, репостов — в 1,0 раза"))
        #expect(l.evidence(Self.comments, currency: "RUB") == ru(
            "86 комментариев за 12 минут от 9 авторов; 45_% повторяют друг друга («Класс», «Супер, спасибо»); "
            + "для такого охвата ожидалось около 4 комментариев"))
        var one = Self.comments
        one.evidence = Evidence(text: "21 comments in 1 min from 1 authors; about 1 comments expected for its reach", numbers: [
            EvidenceNumber("burst_comments", 21), EvidenceNumber("burst_minutes", 1), EvidenceNumber("authors", 1),
            EvidenceNumber("repeat_share", 0), EvidenceNumber("expected_comments", 1),
        ])
        #expect(l.evidence(one, currency: "RUB") == "21 комментарий за 1 минуту от 1 автора; для такого охвата ожидалось около 1 комментария")
    }

    @Test("every kind has a Russian sentence and the English one; figures missing: the stored sentence")
    func everyKind() {
        let samples: [AnomalyKind: Anomaly] = [.boughtFollowers: Self.bought, .botEngagement: Self.likes, .botComments: Self.comments]
        for kind in AnomalyKind.allCases {
            let a = try! #require(samples[kind], "no sample for \(kind)")
            let russian = Localizer(.ru).evidence(a, currency: "RUB")
            #expect(russian != a.evidence.text)
            #expect(russian.range(of: "[A-Za-z]", options: .regularExpression) == nil, "\(kind): \(russian)")
            #expect(Localizer(.en).evidence(a, currency: "RUB") == a.evidence.text)
            var old = a
            old.evidence.numbers = []
            #expect(Localizer(.ru).evidence(old, currency: "RUB") == a.evidence.text)
        }
    }

    @Test("the anomalies page of the demo data says the evidence in Russian, and in English as the CLI does")
    func page() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-evidence-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("db.sqlite").path)
        let demo = dir.appendingPathComponent("demo-bundle")
        _ = try DemoGenerator(accounts: 6, days: 365, seed: 42).write(to: demo)
        _ = try Importer(store: store).run(bundle: demo.path)
        let stored = try await AnomalyService(anyStore: store).all()
        #expect(stored.contains { $0.kind == .boughtFollowers }, "the demo data plants a bought-followers run")
        let renderer = try PageRenderer()
        let chrome = PageChrome(language: .ru, userName: "Анна", role: "director", workspaces: [], workspaceSlug: "default",
                                workspaceName: "Default", csrf: "C", path: "/p", base: "/w/default")
        let query = ["kind": "custom", "from": "2000-01-01", "to": "2030-01-01"]
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let view = try await AnomaliesPage(store: store).build(query: query, base: "/w/default", path: "/p", canReview: true,
                                                                   csrf: "C", localizer: l)
            #expect(view.rows.count == stored.count)
            var c = chrome
            c.language = language
            let html = renderer.page("anomalies", view: view, title: "", current: "anomalies", chrome: c)
            for a in stored {
                let row = try #require(view.rows.first { $0.id == a.id })
                if language == .en {
                    #expect(row.evidence == a.evidence.text)
                    #expect(html.contains(HTML.escape(a.evidence.text)))
                } else {
                    #expect(row.evidence.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil
                            || a.kind == .botComments, "\(a.id): \(row.evidence)")
                    #expect(!html.contains(HTML.escape(a.evidence.text)))
                    #expect(html.contains(HTML.escape(row.evidence)))
                }
            }
            if language == .ru {
                #expect(html.contains("подписчик"))
                #expect(html.contains("больше обычного"))
                #expect(!html.contains("joins on"))
                #expect(!html.contains("the usual"))
            }
        }
    }
}
