import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SMMStore

/// Names of the cookies the server sets.
package enum CookieName {
    /// The session: a random token; the home keeps only its hash.
    package static let session = "smmkpi_session"
    /// The login form's double-submit token (before a session exists).
    package static let loginCSRF = "smmkpi_login_csrf"
}

/// Finds who is calling: a bearer token (Authorization header) or a session cookie; sets
/// `context.identity` and `context.language`. Rejects only a bad bearer token; anonymous
/// requests go on (routes that need a user say 401 or send the browser to /login).
package struct AuthMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let services: AppServices

    package init(services: AppServices) { self.services = services }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let home = services.home
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw APIError(.unauthorized, "bad_authorization", "The Authorization header must be “Bearer <token>”.")
            }
            let raw = parts[1].trimmingCharacters(in: .whitespaces)
            guard let token = try await home.useToken(hash: Secrets.hash(raw)),
                  let user = try await home.user(id: token.userID) else {
                throw APIError(.unauthorized, "bad_token",
                               "The API token is unknown or revoked: create a new one with `smmkpi user token add LOGIN`.")
            }
            context.identity = Identity(user: user, via: .token(id: token.id, scopes: token.scopes))
        } else if let cookie = request.cookies[CookieName.session]?.value, !cookie.isEmpty {
            let hash = Secrets.hash(cookie)
            if let session = try await home.session(tokenHash: hash, now: Date()),
               let user = try await home.user(id: session.userID) {
                context.identity = Identity(user: user, via: .session(tokenHash: hash, csrfToken: session.csrfToken))
            }
        }
        context.language = context.identity?.user.language ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        return try await next(request, context)
    }
}

/// Every state-changing request of a browser session must carry the session's CSRF token: in the
/// `X-CSRF-Token` header, or the `csrf_token` field of a url-encoded or multipart form.
/// Bearer-token requests need none (a browser never sends them by itself).
package struct CSRFMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !([.get, .head, .options] as [HTTPRequest.Method]).contains(request.method), let expected = context.csrfToken else {
            return try await next(request, context)
        }
        var request = request
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] {
            guard Secrets.equal(header, expected) else { throw APIError.csrf }
            return try await next(request, context)
        }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let type = request.headers[.contentType] ?? ""
        let given = FormFields.field("csrf_token", body: body, contentType: type)
        guard let given, Secrets.equal(given, expected) else { throw APIError.csrf }
        return try await next(request, context)
    }
}

/// The interface languages and the choice before login.
package enum Language {
    package static let supported = ["ru", "en"]

    /// The supported language the Accept-Language header prefers most; `ru` when none.
    package static func preferred(acceptLanguage: String?) -> String {
        guard let header = acceptLanguage else { return "ru" }
        var best: (lang: String, q: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased() else { continue }
            let lang = String(tag.prefix { $0 != "-" })
            guard supported.contains(lang) else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > (best?.q ?? 0) { best = (lang, q) }
        }
        return best?.lang ?? "ru"
    }
}
