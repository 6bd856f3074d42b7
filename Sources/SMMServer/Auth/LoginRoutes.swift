import Foundation
import Hummingbird
import Logging
import SMMStore

/// `/login` and `/logout`: sessions in HttpOnly, SameSite=Lax cookies (Secure over TLS or with
/// `--secure-cookies`), a double-submit CSRF token on the login form, failed logins limited per
/// IP address and login.
enum LoginRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices, pages: any PageRoutes) {
        router.get("/login") { request, context -> Response in
            if context.identity != nil { return .redirect(to: safeNext(request.query("next")), type: .found) }
            return form(request, context: context, services: services, pages: pages, login: "", error: nil, status: .ok)
        }
        router.post("/login") { request, context -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 65_536)
            let fields = FormFields.urlEncoded(body)
            let login = (fields["login"] ?? "").trimmingCharacters(in: .whitespaces)
            let ru = context.language == "ru"
            guard let formCookie = request.cookies[CookieName.loginCSRF]?.value, let given = fields["csrf_token"],
                  Secrets.equal(formCookie, given) else {
                let msg = ru ? "Форма устарела: попробуйте войти ещё раз." : "The form has expired: please log in again."
                return form(request, context: context, services: services, pages: pages, login: login, error: msg, status: .forbidden)
            }
            if let wait = services.loginLimiter.retryAfter(ip: context.remoteIP, login: login) {
                let minutes = max(1, (wait + 59) / 60)
                let msg = ru ? "Слишком много неудачных попыток входа. Попробуйте снова через \(minutes) мин."
                    : "Too many failed logins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
                var r = form(request, context: context, services: services, pages: pages, login: login, error: msg, status: .tooManyRequests)
                r.headers[.retryAfter] = String(wait)
                return r
            }
            let password = fields["password"] ?? ""
            guard let user = try await services.home.user(login: login),
                  Secrets.verifyPassword(password, hash: user.passwordHash) else {
                services.loginLimiter.fail(ip: context.remoteIP, login: login)
                context.logger.notice("login failed", metadata: ["login": .string(login), "ip": .string(context.remoteIP)])
                let msg = ru ? "Неверный логин или пароль." : "Wrong login or password."
                return form(request, context: context, services: services, pages: pages, login: login, error: msg, status: .unauthorized)
            }
            services.loginLimiter.succeed(ip: context.remoteIP, login: login)
            let token = Secrets.randomToken()
            let now = Date()
            try await services.home.createSession(Session(tokenHash: Secrets.hash(token), userID: user.id, csrfToken: Secrets.randomToken(),
                                                          createdAt: now, expiresAt: now.addingTimeInterval(services.configuration.sessionLifetime)))
            _ = try? await services.home.deleteExpiredSessions(now: now)
            context.logger.info("login", metadata: ["login": .string(user.login), "ip": .string(context.remoteIP)])
            var response = Response.redirect(to: safeNext(fields["next"]), type: .normal)
            response.setCookie(cookie(CookieName.session, token, request: request, services: services,
                                      maxAge: Int(services.configuration.sessionLifetime)))
            response.setCookie(cookie(CookieName.loginCSRF, "", request: request, services: services, maxAge: 0))
            return response
        }
        router.post("/logout") { request, context -> Response in
            if case .session(let hash, _)? = context.identity?.via {
                try await services.home.deleteSession(tokenHash: hash)
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(cookie(CookieName.session, "", request: request, services: services, maxAge: 0))
            return response
        }
    }

    /// The login form with a fresh double-submit token.
    static func form(_ request: Request, context: AppRequestContext, services: AppServices, pages: any PageRoutes,
                     login: String, error: String?, status: HTTPResponse.Status) -> Response {
        let csrf = Secrets.randomToken()
        let html = pages.loginPage(LoginView(csrfToken: csrf, next: safeNext(request.query("next")),
                                             login: login, error: error, language: context.language))
        var r = Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                         body: .init(byteBuffer: ByteBuffer(string: html)))
        r.setCookie(cookie(CookieName.loginCSRF, csrf, request: request, services: services, maxAge: 3600))
        return r
    }

    /// A local path to go to after login (never another site).
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\"), !raw.contains("\r"), !raw.contains("\n") else { return "/" }
        return raw
    }

    static func cookie(_ name: String, _ value: String, request: Request, services: AppServices, maxAge: Int) -> Cookie {
        let secure = services.configuration.secureCookies || request.uri.scheme == .https
        return Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
