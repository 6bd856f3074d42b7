import Foundation
import Hummingbird
import Logging
import NIOCore
import SMMCore
import SMMEngine
import SMMStore

/// The HTML pages of the web application (docs/webui.md), plugged into the server through
/// ``PageRoutes``: every workspace page under `/w/{workspace}/…` with the access checks of
/// ``Routes``, `/settings`, the assets, and the login form.
package struct WebPages: PageRoutes {
    let renderer: PageRenderer
    let cache: PageCache

    package init() throws {
        renderer = try PageRenderer()
        cache = PageCache(limit: 256)
    }

    package func loginPage(_ view: LoginView) -> String {
        let language = UILanguage(code: view.language) ?? .default
        let model = LoginModel(lang: language.rawValue, csrf: view.csrfToken, next: view.next, login: view.login,
                               error: view.error)
        return renderer.fragment("login", view: model, language: language)
    }

    package func addRoutes(to router: Router<AppRequestContext>, routes: Routes, services: AppServices) {
        router.get("/assets/app.css") { _, _ in Self.asset(Stylesheet.css, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Self.asset(Script.js, type: "text/javascript; charset=utf-8") }
        router.get("/") { request, context -> Response in
            guard let user = context.identity?.user else { return .redirect(to: "/login", type: .found) }
            let ws = try await services.home.accessibleWorkspaces(userID: user.id)
            guard let first = ws.first(where: { $0.workspace.slug == Workspace.defaultSlug }) ?? ws.first else {
                return .redirect(to: "/settings", type: .found)
            }
            return .redirect(to: "/w/\(first.workspace.slug)/dashboard", type: .found)
        }
        let w = router.group("w/:workspace").add(middleware: LoginRedirect())
        WorkspacePageRoutes(pages: self, services: services).add(to: w, routes: routes)
        ConnectionSettings(services: services).add(to: w, routes: routes)
        let s = router.group().add(middleware: LoginRedirect(prefixes: ["/settings", "/workspaces"]))
        SettingsRoutes(pages: self, services: services).add(to: s, routes: routes)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON response `{"html": …}` (the import upload and the live SMART check).
    static func jsonHTML(_ fragment: String, ok: Bool, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: ["html": fragment, "ok": ok], options: [])
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The layout's data for a request inside a workspace.
    func chrome(_ request: Request, _ context: AppRequestContext, services: AppServices, flash: [Flash] = []) async throws -> PageChrome {
        let user = try context.requireUser()
        let current = context.workspace
        let all = try await services.home.accessibleWorkspaces(userID: user.id)
        let slug = current?.slug ?? all.first?.workspace.slug ?? Workspace.defaultSlug
        let role = context.role ?? all.first(where: { $0.workspace.slug == slug })?.role ?? .client
        let language = UILanguage(code: context.language) ?? .default
        var flash = flash
        if let key = request.uri.queryParameters["done"].map(String.init), Self.flashKeys.contains(key) {
            flash.append(Flash(.ok, Localizer(language).t(key)))
        }
        return PageChrome(
            language: language, userName: user.name.isEmpty ? user.login : user.name, role: role.rawValue,
            workspaces: all.map { WorkspaceChoice(slug: $0.workspace.slug, name: $0.workspace.name, selected: $0.workspace.slug == slug) },
            workspaceSlug: slug, workspaceName: current?.name ?? all.first(where: { $0.workspace.slug == slug })?.workspace.name ?? slug,
            csrf: context.csrfToken ?? "", path: Self.pathAndQuery(request), base: "/w/" + slug, flash: flash)
    }

    static let flashKeys: Set<String> = ["plans.saved", "plans.deleted", "anomalies.verdictSaved", "comments.saved", "settings.saved"]

    static func pathAndQuery(_ request: Request) -> String {
        let q = request.uri.query.map { "?" + $0 } ?? ""
        return request.uri.path + q
    }

    /// A local path to return to (never another site).
    static func safeBack(_ raw: String?, fallback: String) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\"), !raw.contains("\r"), !raw.contains("\n")
        else { return fallback }
        return raw
    }

    /// `back` with `done=key` added (a one-time notice on the page redirected to).
    static func withDone(_ back: String, _ key: String) -> String {
        var base = back
        if let r = base.range(of: "done=") {
            // Drop an earlier notice.
            let start = base[..<r.lowerBound]
            let rest = base[r.upperBound...].drop { $0 != "&" }
            base = String(start) + String(rest.dropFirst())
            while base.hasSuffix("&") || base.hasSuffix("?") { base.removeLast() }
        }
        return base + (base.contains("?") ? "&" : "?") + "done=" + key
    }

    /// Query parameters as a dictionary (the last value of a name wins).
    static func query(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { out[String(k)] = String(v) }
        return out
    }

    /// The fields of a url-encoded or multipart form.
    static func form(_ request: inout Request, context: AppRequestContext) async throws -> (fields: [String: String], files: [String: BundleUpload]) {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            var fields: [String: String] = [:], files: [String: BundleUpload] = [:]
            for part in FormFields.multipart(body, contentType: type) {
                if let name = part.filename { files[part.name] = BundleUpload(fileName: name, data: Data(part.data)) }
                else { fields[part.name] = String(decoding: part.data, as: UTF8.self) }
            }
            return (fields, files)
        }
        return (FormFields.urlEncoded(body), [:])
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("application/json") ?? false
    }
}

struct LoginModel {
    var lang: String
    var csrf: String
    var next: String
    var login: String
    var error: String?
}

/// Sends a browser without a session to the login form (and back here after it); API clients
/// and logged-in users pass through to the access checks of ``Routes``.
struct LoginRedirect: RouterMiddleware {
    typealias Context = AppRequestContext
    var prefixes: [String] = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.identity == nil, request.method == .get,
           prefixes.isEmpty || prefixes.contains(where: { request.uri.path.hasPrefix($0) }) {
            let back = WebPages.pathAndQuery(request)
            return .redirect(to: "/login?next=" + PageQuery.encode(back), type: .found)
        }
        return try await next(request, context)
    }
}

/// Rendered page bodies by workspace, data version, language and address: a dashboard is
/// computed once per import or verdict, not per request.
final class PageCache: @unchecked Sendable {
    // Safe: every access to `entries` and `order` holds `lock`.
    private let lock = NSLock()
    private var entries: [String: Any] = [:]
    private var order: [String] = []
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func value<T: Sendable>(_ key: String, as: T.Type = T.self, compute: () async throws -> T) async rethrows -> T {
        if let hit = lock.withLock({ entries[key] as? T }) { return hit }
        let value = try await compute()
        lock.withLock {
            if entries[key] == nil { order.append(key) }
            entries[key] = value
            while order.count > limit { entries[order.removeFirst()] = nil }
        }
        return value
    }
}
