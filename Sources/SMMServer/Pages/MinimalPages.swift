import Foundation
import SMMReports
import Hummingbird
import Logging
import SMMStore

/// A plain login form and a start page listing the user's workspaces: enough to log in and use
/// the JSON API until the full pages are plugged in.
package struct MinimalPages: PageRoutes {
    package init() {}

    package func addRoutes(to router: Router<AppRequestContext>, routes: Routes, services: AppServices) {
        router.get("/") { request, context -> Response in
            guard let user = context.identity?.user else { return .redirect(to: "/login", type: .found) }
            let ws = try await services.home.accessibleWorkspaces(userID: user.id)
            let items = ws.map { "<li>\(HTML.escape($0.workspace.name)) (\(HTML.escape($0.workspace.slug))) — \($0.role.rawValue)"
                + " · <a href=\"/api/v1/workspaces/\(HTML.escape($0.workspace.slug))\">API</a></li>" }.joined()
            let csrf = HTML.escape(context.csrfToken ?? "")
            let ru = context.language == "ru"
            let html = Self.page(lang: context.language, title: "smmkpi", body: """
                <h1>smmkpi</h1><p>\(ru ? "Вы вошли как" : "Logged in as") \(HTML.escape(user.login))</p><ul>\(items)</ul>
                <form method="post" action="/logout"><input type="hidden" name="csrf_token" value="\(csrf)">
                <button type="submit">\(ru ? "Выйти" : "Log out")</button></form>
                """)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    package func loginPage(_ v: LoginView) -> String {
        let ru = v.language == "ru"
        let error = v.error.map { "<p role=\"alert\" class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return Self.page(lang: v.language, title: ru ? "Вход — smmkpi" : "Log in — smmkpi", body: """
            <h1>\(ru ? "Вход" : "Log in")</h1>\(error)
            <form method="post" action="/login">
            <input type="hidden" name="csrf_token" value="\(HTML.escape(v.csrfToken))">
            <input type="hidden" name="next" value="\(HTML.escape(v.next))">
            <p><label for="login">\(ru ? "Логин" : "Login")</label><br>
            <input id="login" name="login" autocomplete="username" required value="\(HTML.escape(v.login))"></p>
            <p><label for="password">\(ru ? "Пароль" : "Password")</label><br>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(ru ? "Войти" : "Log in")</button></p>
            </form>
            """)
    }

    static func page(lang: String, title: String, body: String) -> String {
        "<!doctype html><html lang=\"\(lang)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(HTML.escape(title))</title></head><body><main>\(body)</main></body></html>"
    }
}
