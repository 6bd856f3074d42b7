import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SMMCore
import SMMEngine
import SMMReports
import SMMStore
import Testing
@testable import SMMServer

@Suite struct SMARTTextTests {
    /// Russian numbers use no-break spaces; `_` in an expectation stands for one.
    func ru(_ s: String) -> String { s.replacingOccurrences(of: "_", with: "\u{00A0}") }

    static let december = Period.month(year: 2024, month: 12)!
    static let base = SMARTBase(value: 120, stale: nil)
    static let staleBase = SMARTBase(value: 3.456, stale: Period.month(year: 2024, month: 10)!)

    /// One sample of every achievability note; ``index(_:)`` names each case, and its switch
    /// fails to compile when a case is added without a sample here.
    static let notes: [AchievabilityNote] = [
        .noHistory(kind: .month, periods: 12),
        .alreadyWithin(kind: .week, base: base, low: 100, high: 150),
        .alreadyReached(kind: .month, base: base, up: true, threshold: 110, hits: 3, withData: 5, periods: 12),
        .tooFewChanges(kind: .quarter, threshold: 140, base: staleBase, withData: 1, periods: 12),
        .change(kind: .month, need: 25, base: base, threshold: 150, up: true, best: 20, median: 10, periods: 12),
        .tooFewLevels(kind: .year, threshold: 5, base: base, withData: 1, periods: 12),
        .level(kind: .month, threshold: -2, base: base, up: false, best: -1.5, median: 0.25, periods: 12),
    ]
    static func index(_ n: AchievabilityNote) -> Int {
        switch n {
        case .noHistory: return 0
        case .alreadyWithin: return 1
        case .alreadyReached: return 2
        case .tooFewChanges: return 3
        case .change: return 4
        case .tooFewLevels: return 5
        case .level: return 6
        }
    }

    static let reasons: [SMARTReason] = [
        .noAccounts,
        .scope(.erReach, .atLeast(3.5), accounts: ["vk", "tg", "ok", "dz", "yt", "rt"]),
        .needsAllAccounts(.erReach),
        .needsPersona,
        .noData,
        .missingInputs([["post_metrics.reach", "posts.reach"], ["account_daily.followers"]]),
        .reads(["posts.csv", "post_metrics.csv"]),
        .achievable(.ambitious, notes[4]),
        .inTaskWithReason(.leads, "главная цель квартала"),
        .reason("главная цель квартала"),
        .noTaskNoReason,
        .belongsToTask(.engagement),
        .notInTask(.ads),
        .trajectoryBeforeStart(by: LocalDate(year: 2024, month: 11, day: 30)!, start: december.first),
        .trajectory(by: LocalDate(year: 2024, month: 12, day: 31)!, period: december),
        .over(december),
    ]
    static func index(_ r: SMARTReason) -> Int {
        switch r {
        case .noAccounts: return 0
        case .scope: return 1
        case .needsAllAccounts: return 2
        case .needsPersona: return 3
        case .noData: return 4
        case .missingInputs: return 5
        case .reads: return 6
        case .achievable: return 7
        case .inTaskWithReason: return 8
        case .reason: return 9
        case .noTaskNoReason: return 10
        case .belongsToTask: return 11
        case .notInTask: return 12
        case .trajectoryBeforeStart: return 13
        case .trajectory: return 14
        case .over: return 15
        }
    }

    static let planNotes: [PlanNote] = [
        .unknownAccounts(["vk_old"]), .taskAlsoSuggests(.leads, [.cpl, .leads]), .noTaskKPI(.awareness),
        .rawFollowerGrowth, .allWeightsZero, .bonusAboveCap(minScore: 120, cap: 110),
    ]
    static func index(_ n: PlanNote) -> Int {
        switch n {
        case .unknownAccounts: return 0
        case .taskAlsoSuggests: return 1
        case .noTaskKPI: return 2
        case .rawFollowerGrowth: return 3
        case .allWeightsZero: return 4
        case .bonusAboveCap: return 5
        }
    }

    /// Words of the English templates that must not be left in a Russian sentence.
    static let english = ["needs", "the ", "over ", "reads", "with data", "account", "reason:", "belongs", "trajectory",
                          "median", "last ", "already", "only ", "enough", "score", "weight", "task "]

    func russianOnly(_ sentence: String, _ what: String) {
        // Identifiers of files, columns and fields (`posts.reach`, `bonus.min_score`) stay as written.
        let s = sentence.replacingOccurrences(of: "[a-z_]+\\.[a-z_]+", with: "", options: .regularExpression)
        #expect(s.range(of: "[а-яё]", options: .regularExpression) != nil, "\(what): \(s)")
        for word in Self.english where word != "reason:" || !s.contains("`reason:`") {
            #expect(!s.contains(word), "\(what) keeps “\(word)”: \(s)")
        }
    }

    @Test("every finding, achievability note and plan note has a Russian sentence and the CLI's English one")
    func everyCase() {
        #expect(Set(Self.notes.map(Self.index)) == Set(0..<7))
        #expect(Set(Self.reasons.map(Self.index)) == Set(0..<16))
        #expect(Set(Self.planNotes.map(Self.index)) == Set(0..<6))
        let ru = Localizer(.ru), en = Localizer(.en)
        for note in Self.notes {
            let f = SMARTFinding(.achievable, ok: true, .achievable(.realistic, note))
            russianOnly(ru.finding(f), "\(note)")
            #expect(en.finding(f) == f.text)
            #expect(f.text == "realistic: " + note.text)
        }
        for reason in Self.reasons {
            let f = SMARTFinding(.specific, ok: true, reason)
            russianOnly(ru.finding(f), "\(reason)")
            #expect(en.finding(f) == reason.text)
        }
        for note in Self.planNotes {
            russianOnly(ru.note(note), "\(note)")
            #expect(en.note(note) == note.text)
        }
    }

    @Test("Russian findings: numbers by the Localizer, plural forms, period names")
    func russianSentences() {
        let l = Localizer(.ru)
        #expect(l.achievabilityRU(Self.notes[4]) == ru(
            "нужно +25,0_% (120 → 150); лучший рост за месяц из последних 12 — +20,0_%, медиана изменений — +10,0_%"))
        #expect(l.achievabilityRU(Self.notes[2]) == "в прошлом месяце было 120 — уже не ниже 110; цель достигнута в 3 из 5 месяцев с данными за последние 12")
        #expect(l.achievabilityRU(Self.notes[3]) == ru(
            "нужно 140 (в прошлом квартале: 3,46 (последние данные — Октябрь 2024)); данные есть только за 1 квартал из последних 12 — мало, чтобы судить об изменении от квартала к кварталу"))
        #expect(l.achievabilityRU(Self.notes[6]) == ru(
            "нужно \u{2212}2 (в прошлом месяце: 120); самое низкое значение за месяц из последних 12 — \u{2212}1,5, медиана — 0,25"))
        #expect(l.reasonRU(Self.reasons[1]) == "«ER по охвату» (≥ 3,5) по 6 аккаунтам: vk, tg, ok, dz, yt, …")
        #expect(l.reasonRU(.scope(.erReach, .growthPct(10), accounts: ["vk"])) == ru("«ER по охвату» (+10_% к прошлому периоду) по 1 аккаунту: vk"))
        #expect(l.reasonRU(Self.reasons[15]) == "за период «Декабрь 2024» (01.12.2024 – 31.12.2024)")
        #expect(l.noteRU(Self.planNotes[5]) == "порог премии bonus.min_score 120 выше потолка оценки 110: часть премии за оценку никогда не будет выплачена")
    }

    @Test("the plan page of plan-2024-12 on the small bundle shows its findings in Russian, in English as the CLI")
    func planPage() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planFile = SmallBundleStore.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        let stored = try await PlanService(store: store).importPlan(path: planFile).stored
        let check = try await PlanAdvisor(store: store).check(stored.plan)
        let renderer = try PageRenderer()
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let view = try #require(try await PlansPage(store: store).plan(id: stored.id, base: "/w/default", canEdit: true, csrf: "C", localizer: l))
            let chrome = PageChrome(language: language, userName: "Анна", role: "owner", workspaces: [], workspaceSlug: "default",
                                    workspaceName: "Default", csrf: "C", path: "/p", base: "/w/default")
            let html = renderer.page("plan", view: view, title: view.name, current: "plans", chrome: chrome)
            let findings = check.kpis.flatMap(\.findings)
            #expect(!findings.isEmpty)
            for f in findings {
                if language == .en {
                    #expect(html.contains(HTML.escape(f.text)), "\(f.text)")
                } else {
                    #expect(!html.contains(HTML.escape(f.text)), "\(f.text)")
                    #expect(html.contains(HTML.escape(l.finding(f))), "\(l.finding(f))")
                }
            }
            for note in check.planNotes { #expect(html.contains(HTML.escape(l.note(note)))) }
            if language == .ru {
                #expect(html.contains("Достижимость"))
                #expect(!html.contains("needs "))
                #expect(!html.contains("over "))
            }
        }
    }

    @Test("the live SMART check of the plan editor answers in the page's language")
    func liveCheck() async throws {
        let site = try await TestSite()
        try await site.app(pages: try WebPages()).test(.live) { client in
            var b = Browser()
            try await b.login(client, "specialist", "password-specialist")
            let page = try await b.send(client, "/w/alpha/plans/new")
            let token = PageRouteTests.csrf(page.text)
            let switched = try await b.send(client, "/settings/language", .post, headers: PageRouteTests.form,
                                            body: "csrf_token=\(token)&language=ru&back=%2Fw%2Falpha%2Fplans%2Fnew")
            #expect(switched.status == .seeOther)
            let live = try await b.send(client, "/w/alpha/plans/check", .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                                        body: "csrf_token=\(token)&name=X&period=2024-12&kpi.0.metric=er_reach&kpi.0.kind=at_least&kpi.0.value=3.5&kpi.0.weight=1")
            let html = try #require(live.json?["html"] as? String)
            #expect(html.contains("Достижимость"))
            #expect(html.contains("за период «Декабрь 2024»"), "\(html.prefix(600))")
            #expect(!html.contains("over 2024-12"))
            #expect(!html.contains("needs "))
        }
    }
}
