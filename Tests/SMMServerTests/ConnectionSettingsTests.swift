import Foundation
import Hummingbird
import HummingbirdTesting
import SMMEngine
import SMMServer
import SMMStore
import Testing

/// The settings page's "Connections" section on a real server on loopback (issue 11).
@Suite struct ConnectionSettingsTests {
    static let key = Data(repeating: 7, count: 32).base64EncodedString()
    static let vkToken = "vk1.a.SECRET-token-never-shown-42"
    static let form = PageRouteTests.form

    static func connections(_ site: TestSite, _ slug: String = "alpha") async throws -> [StoredConnection] {
        let ws = try await site.databases.workspace(slug: slug, create: false)
        return try await SyncService.connectionStore(try site.databases.store(for: ws)).connections()
    }

    @Test("a director adds a VK connection through the form, sees it listed without its token, and removes it")
    func addListRemove() async throws {
        let site = try await TestSite(configuration: ServerConfiguration(port: 0, bcryptCost: 4, secretKey: Self.key), importSmall: false)
        try await site.app(pages: try WebPages()).test(.live) { client in
            var d = Browser()
            try await d.login(client, "director", "password-director")
            let page = try await d.send(client, "/settings")
            #expect(page.text.contains("Connections — Alpha"))
            #expect(page.text.contains("action=\"/w/alpha/settings/connections\""))
            #expect(!page.text.contains("<fieldset disabled>"), "the form is enabled with a key")
            let csrf = PageRouteTests.csrf(page.text)

            let noToken = try await d.send(client, "/w/alpha/settings/connections", .post, headers: Self.form,
                                           body: "source=vk&name=main&p.token=\(d.form(Self.vkToken))&p.community=acme")
            #expect(noToken.status != .seeOther, "a form without its CSRF token is refused")
            #expect(try await Self.connections(site).isEmpty)

            let missing = try await d.send(client, "/w/alpha/settings/connections", .post, headers: Self.form,
                                           body: "csrf_token=\(csrf)&source=vk&name=main&p.token=x")
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("needs --community"), "the engine's sentence: \(missing.text.prefix(300))")

            let added = try await d.send(client, "/w/alpha/settings/connections", .post, headers: Self.form,
                                         body: "csrf_token=\(csrf)&source=vk&name=main&p.token=\(d.form(Self.vkToken))&p.community=acme&p.counter=")
            #expect(added.status == .seeOther)
            let stored = try await Self.connections(site)
            #expect(stored.map(\.name) == ["main"])
            #expect(stored.first?.source == "vk")
            #expect(stored.first?.settings == ["community": "acme"], "the token is a credential, not a setting")
            #expect(String(decoding: stored.first?.sealedCredentials ?? Data(), as: UTF8.self).contains(Self.vkToken) == false)

            let listed = try await d.send(client, "/settings")
            #expect(listed.text.contains("<strong>main</strong>"))
            #expect(listed.text.contains("never"))
            #expect(!listed.text.contains(Self.vkToken), "the page never shows a token")
            #expect(!listed.text.contains("SECRET-token"))

            let removed = try await d.send(client, "/w/alpha/settings/connections/remove", .post, headers: Self.form,
                                           body: "csrf_token=\(csrf)&name=main")
            #expect(removed.status == .seeOther)
            #expect(try await Self.connections(site).isEmpty)
            let again = try await d.send(client, "/w/alpha/settings/connections/remove", .post, headers: Self.form,
                                         body: "csrf_token=\(csrf)&name=main")
            #expect(again.status == .notFound)
        }
    }

    @Test("a client sees no connections and may not add or remove one; another workspace is not found")
    func clientRefused() async throws {
        let site = try await TestSite(configuration: ServerConfiguration(port: 0, bcryptCost: 4, secretKey: Self.key), importSmall: false)
        try await site.app(pages: try WebPages()).test(.live) { client in
            var c = Browser()
            try await c.login(client, "client", "password-client")
            let page = try await c.send(client, "/settings")
            #expect(page.status == .ok)
            #expect(!page.text.contains("settings/connections"))
            #expect(!page.text.contains("Connections"))
            let csrf = PageRouteTests.csrf(page.text)
            let body = "csrf_token=\(csrf)&source=vk&name=main&p.token=t&p.community=acme"
            let refused = try await c.send(client, "/w/alpha/settings/connections", .post, headers: Self.form, body: body)
            #expect(refused.status == .forbidden)
            let other = try await c.send(client, "/w/beta/settings/connections", .post, headers: Self.form, body: body)
            #expect(other.status == .notFound)
            let remove = try await c.send(client, "/w/alpha/settings/connections/remove", .post, headers: Self.form,
                                          body: "csrf_token=\(csrf)&name=main")
            #expect(remove.status == .forbidden)
            #expect(try await Self.connections(site).isEmpty)
        }
    }

    @Test("without SMMKPI_SECRET_KEY the form is disabled and says how to set the key, in both languages")
    func noKey() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app(pages: try WebPages()).test(.live) { client in
            var d = Browser()
            try await d.login(client, "director", "password-director")
            let page = try await d.send(client, "/settings")
            #expect(page.text.contains("<fieldset disabled>"))
            #expect(page.text.contains("start smmkpi serve with SMMKPI_SECRET_KEY set to 32 random bytes in base64"))
            let csrf = PageRouteTests.csrf(page.text)
            let r = try await d.send(client, "/w/alpha/settings/connections", .post, headers: Self.form,
                                     body: "csrf_token=\(csrf)&source=vk&name=main&p.token=t&p.community=acme")
            #expect(r.status == .badRequest)
            #expect(try await Self.connections(site).isEmpty)
            try await d.send(client, "/settings/language", .post, headers: Self.form, body: "csrf_token=\(csrf)&language=ru&back=%2Fsettings")
            let ru = try await d.send(client, "/settings")
            #expect(ru.text.contains("Чтобы добавлять подключения, запустите smmkpi serve с переменной SMMKPI_SECRET_KEY"))
        }
    }
}
