import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SMMCore
import SMMEngine
import SMMServer
import SMMStore
import Testing

/// The HTML pages on a real server on loopback, with the spec's small bundle in `alpha`.
@Suite struct PageRouteTests {
    /// The form token a rendered page carries.
    static func csrf(_ html: String) -> String {
        guard let r = html.range(of: "name=\"csrf_token\" value=\"") else { return "" }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]

    @Test("a browser without a session is sent to the login form and back")
    func loginRedirect() async throws {
        let site = try await TestSite()
        try await site.app(pages: try WebPages()).test(.live) { client in
            var b = Browser()
            let r = try await b.send(client, "/w/alpha/dashboard?period=2024-11", headers: [.accept: "text/html"])
            #expect(r.status == .found)
            #expect(r.headers[.location] == "/login?next=/w/alpha/dashboard%3Fperiod%3D2024-11")
            let login = try await b.send(client, "/login", headers: [.acceptLanguage: "en-US,en;q=0.9"])
            #expect(login.text.contains("Log in to smmkpi"))
            var other = Browser()
            let ru = try await other.send(client, "/login", headers: [.acceptLanguage: "ru,en;q=0.5"])
            #expect(ru.text.contains("Вход в smmkpi"))
            #expect(try await b.send(client, "/assets/app.css").status == .ok)
        }
    }

    @Test("every page answers each role as its rights say; another workspace is not found")
    func matrix() async throws {
        let site = try await TestSite()
        let pages: [(String, Role)] = [("dashboard?period=2024-11", .client), ("plans", .client), ("plans/new", .specialist),
                                       ("anomalies?period=2024-Q4", .specialist), ("comments?period=2024-11", .specialist),
                                       ("import", .specialist), ("reports", .client), ("reports/kpi.csv?period=2024-11", .client),
                                       ("reports/kpi.json?period=2024-11", .client), ("reports/download?kind=monthly&period=2024-11&format=json", .client)]
        try await site.app(pages: try WebPages()).test(.live) { client in
            for role in Role.allCases {
                var b = Browser()
                try await b.login(client, role.rawValue, "password-\(role.rawValue)")
                for (page, min) in pages {
                    let r = try await b.send(client, "/w/alpha/" + page, headers: [.accept: "text/html"])
                    #expect(r.status == (role >= min ? .ok : .forbidden), "\(role) GET \(page): \(r.status)")
                    // beta is empty: an owner gets its pages, and a download says there is no data yet.
                    let other = try await b.send(client, "/w/beta/" + page, headers: [.accept: "text/html"])
                    let download = page.hasPrefix("reports/kpi.") || page.hasPrefix("reports/download")
                    #expect(other.status == (role == .owner ? (download ? .badRequest : .ok) : .notFound), "\(role) GET beta/\(page): \(other.status)")
                    if role == .owner && page.hasPrefix("reports/kpi.") { #expect(other.text.contains("has no data yet")) }
                }
                #expect(try await b.send(client, "/settings").status == .ok)
            }
        }
    }

    @Test("reports download in their formats and the page's language; an unknown format is refused")
    func reports() async throws {
        let site = try await TestSite()
        try await site.app(pages: try WebPages()).test(.live) { client in
            var b = Browser()
            try await b.login(client, "client", "password-client")
            let page = try await b.send(client, "/w/alpha/reports")
            #expect(page.text.contains("/w/alpha/reports/download?kind=weekly&amp;period=2024-W52&amp;format=pdf"))
            let xlsx = try await b.send(client, "/w/alpha/reports/download?kind=monthly&period=2024-11&format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentDisposition] == "attachment; filename=\"smmkpi-monthly-2024-11-en.xlsx\"")
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            let md = try await b.send(client, "/w/alpha/reports/download?kind=weekly&period=2024-W50&format=md")
            #expect(md.status == .ok)
            #expect(md.text.contains("2024-W50") || md.text.contains("Week 50"))
            let bad = try await b.send(client, "/w/alpha/reports/download?kind=monthly&period=2024-11&format=docx", headers: [.accept: "text/html"])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("is not a report format"))
        }
    }

    @Test("the dashboard speaks the user's language; the switch changes it")
    func language() async throws {
        let site = try await TestSite()
        try await site.app(pages: try WebPages()).test(.live) { client in
            var b = Browser()
            try await b.login(client, "director", "password-director")
            var page = try await b.send(client, "/w/alpha/dashboard?period=2024-11")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("40,836"))
            let token = Self.csrf(page.text)
            #expect(!token.isEmpty)
            let switched = try await b.send(client, "/settings/language", .post, headers: Self.form,
                                            body: "csrf_token=\(token)&language=ru&back=%2Fw%2Falpha%2Fdashboard%3Fperiod%3D2024-11")
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/w/alpha/dashboard?period=2024-11")
            page = try await b.send(client, "/w/alpha/dashboard?period=2024-11")
            #expect(page.text.contains("<html lang=\"ru\">"))
            #expect(page.text.contains("40\u{00A0}836"))
            // A form without its token is refused.
            let forged = try await b.send(client, "/settings/language", .post, headers: Self.form, body: "language=en")
            #expect(forged.status == .forbidden)
        }
    }

    @Test("a director confirms an anomaly; a specialist may not")
    func verdict() async throws {
        let site = try await TestSite()
        // The demo data has a bought-followers run; it goes into a workspace of its own.
        let ws = try await site.databases.home.createWorkspace(slug: "gamma", name: "Gamma")
        for role in [Role.director, .specialist] {
            try await site.databases.home.setMembership(userID: site.users[role]!.id, workspaceID: ws.id, role: role)
        }
        let store = try site.databases.store(for: ws)
        let demo = site.dir.appendingPathComponent("demo-bundle")
        _ = try DemoGenerator(accounts: 6, days: 365, seed: 42).write(to: demo)
        _ = try Importer(store: store, logger: site.logger).run(bundle: demo.path)
        let anomalies = try await AnomalyService(anyStore: store).all()
        let id = try #require(anomalies.first { $0.status == .open }?.id)
        try await site.app(pages: try WebPages()).test(.live) { client in
            var s = Browser()
            try await s.login(client, "specialist", "password-specialist")
            let sp = try await s.send(client, "/w/gamma/anomalies?kind=custom&from=2000-01-01&to=2030-01-01")
            #expect(!sp.text.contains("value=\"confirmed\""), "a specialist sees no verdict buttons")
            let refused = try await s.send(client, "/w/gamma/anomalies/review", .post, headers: Self.form,
                                            body: "csrf_token=\(Self.csrf(sp.text))&id=\(s.form(id))&verdict=confirmed")
            #expect(refused.status == .forbidden)

            var d = Browser()
            try await d.login(client, "director", "password-director")
            let page = try await d.send(client, "/w/gamma/anomalies?kind=custom&from=2000-01-01&to=2030-01-01")
            #expect(page.text.contains("data-anomaly=\"\(id)\""))
            let back = "/w/gamma/anomalies?kind=custom&from=2000-01-01&to=2030-01-01"
            let r = try await d.send(client, "/w/gamma/anomalies/review", .post, headers: Self.form,
                                     body: "csrf_token=\(Self.csrf(page.text))&id=\(d.form(id))&verdict=confirmed&note=seen&back=\(d.form(back))")
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == back + "&done=anomalies.verdictSaved")
            let after = try await d.send(client, r.headers[.location]!)
            #expect(after.text.contains("Verdict saved."))
            #expect(try await AnomalyService(anyStore: store).all().first { $0.id == id }?.status == .confirmed)
        }
    }

    @Test("a bad zip upload is refused with the CLI's sentence and writes nothing; a plan form saves")
    func importAndPlan() async throws {
        let site = try await TestSite()
        let ws = try await site.databases.workspace(slug: "alpha", create: false)
        let store = try site.databases.store(for: ws)
        let before = try await store.rowCounts()
        try await site.app(pages: try WebPages()).test(.live) { client in
            var b = Browser()
            try await b.login(client, "specialist", "password-specialist")
            let page = try await b.send(client, "/w/alpha/import")
            let token = Self.csrf(page.text)
            let boundary = "----smmkpi-test"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(token)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"broken.zip\"\r\nContent-Type: application/zip\r\n\r\nnot a zip\r\n"
                + "--\(boundary)--\r\n"
            let r = try await b.send(client, "/w/alpha/import", .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .accept: "application/json"], body: body)
            #expect(r.status == .unprocessableContent)
            let html = try #require(r.json?["html"] as? String)
            #expect(html.contains("broken.zip is not a readable zip file"))
            #expect(try await store.rowCounts() == before)

            let plan = "csrf_token=\(token)&name=Web+plan&period=2024-12&kpi.0.metric=er_reach&kpi.0.kind=at_least&kpi.0.value=3%2C5&kpi.0.weight=1&action=save"
            let saved = try await b.send(client, "/w/alpha/plans/new", .post, headers: Self.form, body: plan)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location.hasPrefix("/w/alpha/plans/"))
            let shown = try await b.send(client, location)
            #expect(shown.text.contains("Web plan"))
            #expect(shown.text.contains("Plan saved."))
            let bad = try await b.send(client, "/w/alpha/plans/new", .post, headers: Self.form,
                                       body: "csrf_token=\(token)&name=&period=2024-13&action=save")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Give the plan a name."))
            let live = try await b.send(client, "/w/alpha/plans/check", .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                                        body: "csrf_token=\(token)&name=X&period=2024-12&kpi.0.metric=er_reach&kpi.0.kind=at_least&kpi.0.value=3.5&kpi.0.weight=1")
            #expect((live.json?["html"] as? String)?.contains("Achievable") == true)
        }
    }
}
