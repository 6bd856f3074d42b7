import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SMMServer
import SMMStore
import Testing

@Suite("Login, sessions, CSRF, rate limits, API tokens")
struct AuthTests {
    @Test("Login sets an HttpOnly SameSite=Lax session cookie, the start page shows the user, logout ends it")
    func loginLogout() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app().test(.live) { client in
            var b = Browser()
            let anon = try await b.send(client, "/")
            #expect(anon.status == .found)
            #expect(anon.headers[.location] == "/login")
            let form = try await b.send(client, "/login", headers: [.acceptLanguage: "en-US,en;q=0.9,ru;q=0.5"])
            #expect(form.text.contains("<label for=\"password\">Password</label>"))
            let ru = try await b.send(client, "/login", headers: [.acceptLanguage: "de, ru;q=0.5"])
            #expect(ru.text.contains("Пароль"), "Russian when the browser prefers no language we have")

            let r = try await b.login(client, "director", "password-director", next: "/api/v1/me")
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/api/v1/me")
            let cookie = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("smmkpi_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let me = try await b.send(client, "/api/v1/me")
            #expect(me.status == .ok)
            #expect(me.json?["login"] as? String == "director")
            let home = try await b.send(client, "/")
            #expect(home.text.contains("director"))

            let csrf = try #require(try await site.databases.home.session(tokenHash: Secrets.hash(b.cookies["smmkpi_session"]!), now: Date())?.csrfToken)
            let sessionCookie = b.cookies["smmkpi_session"]!
            let out = try await b.send(client, "/logout", .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                       body: "csrf_token=\(csrf)")
            #expect(out.status == .seeOther)
            #expect(b.cookies["smmkpi_session"] == nil)
            // The old cookie is dead on the server too.
            let replay = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: "smmkpi_session=\(sessionCookie)"])
            #expect(replay.status == .unauthorized)
            #expect(replay.errorCode == "unauthenticated")
        }
    }

    @Test("Secure cookies with --secure-cookies; an open redirect in next is refused")
    func secureCookies() async throws {
        let site = try await TestSite(configuration: ServerConfiguration(port: 0, secureCookies: true, bcryptCost: 4), importSmall: false)
        try await site.app().test(.live) { client in
            var b = Browser()
            let r = try await b.login(client, "client", "password-client", next: "//evil.example/")
            #expect(r.headers[.location] == "/")
            #expect(r.headers[values: .setCookie].first { $0.hasPrefix("smmkpi_session=") }?.contains("Secure") == true)
        }
    }

    @Test("Wrong passwords: 401 with a sentence; the 6th try within 5 minutes is 429 even with the right password")
    func rateLimit() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app().test(.live) { client in
            var b = Browser()
            for _ in 0..<5 {
                let r = try await b.login(client, "owner", "wrong-password")
                #expect(r.status == .unauthorized)
                #expect(r.text.contains("Неверный логин или пароль."), "Russian before login when the browser names no language")
            }
            let limited = try await b.login(client, "owner", "password-owner")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.text.contains("Слишком много неудачных попыток входа. Попробуйте снова через 5 мин."))
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(b.cookies["smmkpi_session"] == nil)
            // Another login from the same address is not affected.
            #expect(try await b.login(client, "director", "password-director").status == .seeOther)
        }
    }

    @Test("The login form needs its CSRF cookie")
    func loginCSRF() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app().test(.live) { client in
            let r = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: "login=owner&password=password-owner&csrf_token=x"))
            #expect(r.status == .forbidden)
            #expect(r.headers[values: .setCookie].contains { $0.hasPrefix("smmkpi_session=") } == false)
        }
    }

    @Test("A session's POST without its CSRF token is refused; with the header or the form field it passes")
    func csrf() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app().test(.live) { client in
            var b = Browser()
            try await b.login(client, "owner", "password-owner")
            let csrf = try #require(try await site.databases.home.session(tokenHash: Secrets.hash(b.cookies["smmkpi_session"]!), now: Date())?.csrfToken)
            let body = #"{"name": "ci", "scopes": ["read"]}"#
            let none = try await b.send(client, "/api/v1/me/tokens", .post, headers: [.contentType: "application/json"], body: body)
            #expect(none.status == .forbidden)
            #expect(none.errorCode == "csrf")
            let wrong = try await b.send(client, "/api/v1/me/tokens", .post,
                                         headers: [.contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: "nope"], body: body)
            #expect(wrong.errorCode == "csrf")
            let ok = try await b.send(client, "/api/v1/me/tokens", .post,
                                      headers: [.contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf], body: body)
            #expect(ok.status == .created)
            #expect((ok.json?["token"] as? String)?.hasPrefix("smk_") == true)
            let logout = try await b.send(client, "/logout", .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: "x=1")
            #expect(logout.status == .forbidden, "logout is a form POST like any other")
            let form = try await b.send(client, "/logout", .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                        body: "csrf_token=\(csrf)")
            #expect(form.status == .seeOther)
        }
    }

    @Test("Bearer tokens: read scope reads but may not write; write scope writes; revoked or malformed tokens are 401")
    func bearer() async throws {
        let site = try await TestSite()
        let read = try await site.token(.director, scopes: [.read])
        let write = try await site.token(.director, scopes: [.read, .write])
        try await site.app().test(.live) { client in
            let kpi = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi?period=2024-11", method: .get,
                                               headers: [.authorization: "Bearer \(read)"])
            #expect(kpi.status == .ok)
            let yaml = try String(contentsOf: Fixtures.planYAML, encoding: .utf8)
            let denied = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .post,
                                                  headers: [.authorization: "Bearer \(read)", .contentType: "application/yaml"],
                                                  body: ByteBuffer(string: yaml))
            #expect(denied.status == .forbidden)
            #expect((denied.json?["error"] as? [String: Any])?["message"] as? String
                    == "This API token may only read: create one with the write scope (`smmkpi user token add LOGIN --scope write`).")
            let saved = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .post,
                                                 headers: [.authorization: "Bearer \(write)", .contentType: "application/yaml"],
                                                 body: ByteBuffer(string: yaml))
            #expect(saved.status == .created, "\(saved.text)")
            let bad = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer smk_nope"])
            #expect(bad.status == .unauthorized)
            #expect(bad.errorCode == "bad_token")
            let basic = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Basic eDp5"])
            #expect(basic.errorCode == "bad_authorization")
            let tokens = try await site.databases.home.tokens(userID: site.users[.director]!.id)
            _ = try await site.databases.home.revokeToken(id: tokens[0].id, userID: site.users[.director]!.id)
            let revoked = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(read)"])
            #expect(revoked.status == .unauthorized)
        }
    }
}
