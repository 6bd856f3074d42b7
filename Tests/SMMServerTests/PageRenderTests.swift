import Foundation
import Logging
import SMMCore
import SMMEngine
import SMMStore
import Testing
@testable import SMMServer

/// The small bundle of ../shared/spec/examples in a fresh SQLite file.
enum SmallBundleStore {
    static var examples: URL { Fixtures.examples }

    /// A new database with the small bundle imported; the directory is removed by the caller.
    static func make() throws -> (store: SQLiteStore, dir: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-pages-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir.appendingPathComponent("db.sqlite").path)
        _ = try Importer(store: store).run(bundle: examples.appendingPathComponent("small-bundle").path)
        return (store, dir)
    }
}

@Suite struct PageRenderTests {
    let renderer: PageRenderer
    init() throws { renderer = try PageRenderer() }

    func chrome(_ language: UILanguage, role: String = "owner") -> PageChrome {
        PageChrome(language: language, userName: "Анна", role: role,
                   workspaces: [WorkspaceChoice(slug: "default", name: "Default", selected: true),
                                WorkspaceChoice(slug: "brand-b", name: "Brand B", selected: false)],
                   workspaceSlug: "default", workspaceName: "Default", csrf: "CSRF123", path: "/w/default/dashboard",
                   base: "/w/default")
    }

    @Test("every template parses")
    func templatesParse() throws {
        _ = try Templates.library()
        for name in Templates.all.keys {
            #expect(!renderer.fragment(name, view: [String: String](), language: .ru).isEmpty, "\(name)")
        }
    }

    @Test("the dashboard of 2024-11 shows the KPIs of cases.json in Russian and English")
    func dashboard() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nb = "\u{00A0}"
        // expected/kpi-2024-11.json: er_reach 3.3173…, followers_end 40836, revenue 123539.79, cpl 1736.09 (RUB).
        let expected: [UILanguage: [String]] = [
            .ru: ["3,3\(nb)%", "40\(nb)836", "123\(nb)540\(nb)₽", "1\(nb)736,09\(nb)₽", "ER по охвату", "Ноябрь 2024", "Октябрь 2024"],
            .en: ["3.3%", "40,836", "₽123,540", "₽1,736.09", "ER by reach", "November 2024", "October 2024"],
        ]
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let view = try await DashboardPage(store: store).build(query: ["period": "2024-11"], base: "/w/default", localizer: l)
            let html = renderer.page("dashboard", view: view, title: l.t("dashboard.title"), current: "dashboard",
                                     chrome: chrome(language))
            for text in expected[language]! { #expect(html.contains(text), "\(language): \(text) missing") }
            #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
            #expect(html.contains("data-kpi=\"er_reach\""))
            #expect(html.contains("role=\"img\""))
            #expect(html.contains("name=\"csrf_token\" value=\"CSRF123\""))
            #expect(!html.contains("{{"), "an unrendered tag is left")
            #expect(!html.contains("kpi.er_reach"), "a catalogue key shows instead of its text")
            #expect(html.contains(l.t("dashboard.topPosts")))
        }
    }

    @Test("a change is coloured by the metric's better direction")
    func deltaTone() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let view = try await DashboardPage(store: store).build(query: ["period": "2024-12"], base: "/w/default", localizer: Localizer(.en))
        let cards = view.areas.flatMap(\.cards)
        let report = try await KPIService(store: store).report(period: try Period(parsing: "2024-12"))
        for card in cards where card.hasDelta {
            let id = try #require(KPIID(rawValue: card.id))
            #expect(card.tone == ChangeTone.of(id, changePct: report[id]?.changePct)?.rawValue)
        }
        #expect(cards.contains { $0.tone == "better" })
        #expect(cards.contains { $0.tone == "worse" })
    }

    @Test("the scorecard of plan-2024-12 shows its score and bonus in both languages")
    func plan() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planFile = SmallBundleStore.examples.appendingPathComponent("expected/plan-2024-12.yaml").path
        let stored = try await PlanService(store: store).importPlan(path: planFile).stored
        let nb = "\u{00A0}"
        // expected/scorecard-2024-12.json: score 90.10…, bonus total 31154.04.
        let expected: [UILanguage: [String]] = [.ru: ["90,1", "31\(nb)154\(nb)₽", "Декабрь 2024"], .en: ["90.1", "₽31,154", "December 2024"]]
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let view = try #require(try await PlansPage(store: store).plan(id: stored.id, base: "/w/default", canEdit: true, csrf: "C", localizer: l))
            let html = renderer.page("plan", view: view, title: view.name, current: "plans", chrome: chrome(language))
            for text in expected[language]! { #expect(html.contains(text), "\(language): \(text) missing") }
            #expect(html.contains("plan-trend-title"))
            #expect(!html.contains("{{"))
            let list = try await PlansPage(store: store).list(base: "/w/default", canEdit: true, localizer: l)
            let listHTML = renderer.page("plans", view: list, title: "", current: "plans", chrome: chrome(language))
            #expect(listHTML.contains(stored.name))
            #expect(listHTML.contains(expected[language]![0]))
        }
    }

    @Test("the editor reads a form into a plan and names each wrong field")
    func editor() async throws {
        let l = Localizer(.en)
        var fields = ["name": "Q", "period": "2024-12", "kpi.0.metric": "er_reach", "kpi.0.kind": "at_least",
                      "kpi.0.value": "3,5", "kpi.0.weight": "2", "bonus_base": "10 000"]
        let plan = try PlanForm(fields: fields).plan(base: nil, localizer: l).get()
        #expect(plan.kpis == [PlanKPI(metric: .erReach, target: .atLeast(3.5), weight: 2)])
        #expect(plan.bonus?.base == 10000)
        fields["kpi.1.metric"] = "cpl"; fields["kpi.1.value"] = "abc"; fields["kpi.1.weight"] = "1"; fields["period"] = "2024-13"
        guard case .failure(let errors) = PlanForm(fields: fields).plan(base: nil, localizer: l) else {
            Issue.record("a bad form was read"); return
        }
        #expect(errors.messages.count == 2)
        #expect(errors.messages.contains { $0.contains("Row 2") && $0.contains("Cost per lead") })
        #expect(errors.messages.contains { $0.contains("2024-13") })
        // A form round-trips through a stored plan.
        #expect(PlanForm(plan: plan).plan(base: nil, localizer: l) == .success(plan))
    }

    @Test("the editor saves a valid plan and shows the SMART checks")
    func editorSaves() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fields = ["name": "December", "period": "2024-12", "kpi.0.metric": "er_reach", "kpi.0.kind": "at_least",
                      "kpi.0.value": "3.5", "kpi.0.weight": "1"]
        let (saved, view) = try await PlansPage(store: store).submit(fields: fields, storedID: nil, save: true, base: "/w/default",
                                                                     csrf: "C", localizer: Localizer(.ru))
        let id = try #require(saved)
        #expect(try await PlanService(store: store).stored(String(id))?.plan.period == (try Period(parsing: "2024-12")))
        #expect(view.hasChecks)
        let html = renderer.page("plan-editor", view: view, title: view.title, current: "plans", chrome: chrome(.ru))
        #expect(html.contains("Проверка SMART"))
        #expect(html.contains("Достижимость"))
        // An unknown account is refused with the CLI's sentence and nothing is saved.
        var bad = fields; bad["name"] = "Other"; bad["accounts"] = "nobody"
        let (none, refused) = try await PlansPage(store: store).submit(fields: bad, storedID: nil, save: true, base: "/w/default",
                                                                       csrf: "C", localizer: Localizer(.en))
        #expect(none == nil)
        #expect(refused.errors.contains { $0.contains("nobody") })
        #expect(try await PlanService(store: store).list().count == 1)
    }

    @Test("anomalies, comments, import, reports and settings render in both languages")
    func otherPages() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let c = chrome(language, role: "director")
            let anomalies = try await AnomaliesPage(store: store).build(query: ["period": "2024-Q4"], base: "/w/default", path: "/p",
                                                                        canReview: true, csrf: "C", localizer: l)
            var html = renderer.page("anomalies", view: anomalies, title: "", current: "anomalies", chrome: c)
            #expect(html.contains(l.t("anomalies.title")))
            #expect(!html.contains("{{"))
            let comments = try await CommentsPage(store: store).build(query: ["period": "2024-11"], base: "/w/default", path: "/p",
                                                                      canCorrect: true, csrf: "C", localizer: l)
            #expect(comments.hasRows)
            html = renderer.page("comments", view: comments, title: "", current: "comments", chrome: c)
            #expect(html.contains(l.t("sentiment.positive")))
            let unanswered = try await CommentsPage(store: store).build(query: ["period": "2024-11", "filter": "unanswered"], base: "/w/default",
                                                                        path: "/p", canCorrect: true, csrf: "C", localizer: l)
            #expect(unanswered.rows.allSatisfy { $0.question })
            let mentions = try await CommentsPage(store: store).build(query: ["period": "2024-11", "show": "mentions"], base: "/w/default",
                                                                      path: "/p", canCorrect: true, csrf: "C", localizer: l)
            #expect(mentions.rows.allSatisfy { $0.kind == "mention" })
            html = renderer.page("import", view: ImportPage(store: store, logger: Logger(label: "t")).form(base: "/w/default", csrf: "C"),
                                 title: "", current: "import", chrome: c, script: true)
            #expect(html.contains("enctype=\"multipart/form-data\""))
            #expect(html.contains("/assets/app.js"))
            let reports = try await ReportsPage(store: store).build(base: "/w/default", localizer: l)
            html = renderer.page("reports", view: reports, title: "", current: "reports", chrome: c)
            #expect(html.contains("kpi.csv?period=2024-12"))
            let settings = SettingsView(csrf: "C", language: language, tokens: [], newToken: nil, canManage: true,
                                        users: [SettingsView.UserRow(login: "anna", name: "Анна", roles: "owner", created: "")],
                                        workspaces: [], currentWorkspace: "default", back: "/settings", localizer: l)
            html = renderer.page("settings", view: settings, title: "", current: "settings", chrome: c)
            #expect(html.contains("anna"))
            #expect(html.contains(l.t("settings.addUser")))
        }
    }

    @Test("a period that cannot be read: the dashboard, anomalies and comments say once what they show instead")
    func periodFallbackNotice() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
        for language in UILanguage.allCases {
            let l = Localizer(language)
            let c = chrome(language)
            let month = l.t("period.invalid.month"), quarter = l.t("period.invalid.quarter")
            let dashboard = try await DashboardPage(store: store).build(query: ["period": "2024-13"], base: "/w/default", localizer: l)
            var html = renderer.page("dashboard", view: dashboard, title: "", current: "dashboard", chrome: c)
            #expect(count(month, in: html) == 1, "\(language) dashboard")
            let anomalies = try await AnomaliesPage(store: store).build(query: ["kind": "quarter", "period": "2024-Q9"], base: "/w/default",
                                                                        path: "/p", canReview: true, csrf: "C", localizer: l)
            html = renderer.page("anomalies", view: anomalies, title: "", current: "anomalies", chrome: c)
            #expect(count(quarter, in: html) == 1, "\(language) anomalies")
            let comments = try await CommentsPage(store: store).build(query: ["period": "nonsense"], base: "/w/default", path: "/p",
                                                                      canCorrect: true, csrf: "C", localizer: l)
            html = renderer.page("comments", view: comments, title: "", current: "comments", chrome: c)
            #expect(count(month, in: html) == 1, "\(language) comments")
            let fine = try await DashboardPage(store: store).build(query: ["period": "2024-11"], base: "/w/default", localizer: l)
            html = renderer.page("dashboard", view: fine, title: "", current: "dashboard", chrome: c)
            #expect(!html.contains("role=\"alert\""))
        }
    }

    @Test("a client sees no editing buttons")
    func clientReadOnly() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let l = Localizer(.en)
        let list = try await PlansPage(store: store).list(base: "/w/default", canEdit: false, localizer: l)
        let html = renderer.page("plans", view: list, title: "", current: "plans", chrome: chrome(.en, role: "client"))
        #expect(!html.contains(l.t("plans.new")))
        #expect(!html.contains("/w/default/import"))
        #expect(!html.contains("/w/default/anomalies"))
    }

    @Test("a bad zip is refused with the CLI's sentence and nothing is written")
    func badZip() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try await store.rowCounts()
        let page = ImportPage(store: store, logger: Logger(label: "t"))
        let view = await page.run(BundleUpload(fileName: "../../evil name.zip", data: Data("not a zip".utf8)), skipBadRows: false,
                                  base: "/w/default", csrf: "C", localizer: Localizer(.en))
        #expect(!view.ok)
        #expect(view.messages.contains { $0.contains("evil name.zip") })
        #expect(try await store.rowCounts() == before)
        let html = renderer.fragment("import-result", view: view, language: .en)
        #expect(html.contains("import-error"))
        let empty = await page.run(nil, skipBadRows: false, base: "/w/default", csrf: "C", localizer: Localizer(.ru))
        #expect(empty.messages == [Localizer(.ru).t("import.noFile")])
    }

    @Test("the reports CSV lists every metric with its localized name")
    func reportCSV() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await ReportsPage(store: store).report(period: "2024-11")
        let csv = ReportsPage.csv(r, localizer: Localizer(.ru))
        #expect(csv.split(separator: "\n").count == KPIID.allCases.count + 1)
        #expect(csv.contains("er_reach,ER по охвату,Вовлечённость,%,3.31737"))
        let json = String(decoding: try ReportsPage.json(r), as: UTF8.self)
        #expect(json.contains("\"er_reach\""))
    }
}
