import Foundation
import Hummingbird
import SMMStore

/// `/settings` (language, API tokens; users and workspaces for owners), the language switch of
/// every page and the workspace switcher.
struct SettingsRoutes: Sendable {
    let pages: WebPages
    let services: AppServices

    func add(to g: RouterGroup<AppRequestContext>, routes: Routes) {
        let services = self.services
        let pages = self.pages
        routes.user(g, .get, "workspaces/switch", base: "/") { request, _, user in
            let slug = request.uri.queryParameters["to"].map(String.init) ?? ""
            let ws = try await services.home.accessibleWorkspaces(userID: user.id)
            guard ws.contains(where: { $0.workspace.slug == slug }) else {
                throw APIError.notFound("There is no workspace “\(slug)” you may open; ask an owner for access.")
            }
            return .redirect(to: "/w/\(slug)/dashboard", type: .normal)
        }
        routes.user(g, .post, "settings/language", base: "/", access: Access(nil, write: true)) { request, context, user in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            guard let language = UILanguage(code: fields["language"]) else {
                throw APIError.badRequest("“\(fields["language"] ?? "")” is not a language of smmkpi; choose ru or en.")
            }
            try await services.home.setLanguage(userID: user.id, language: language.rawValue)
            return .redirect(to: WebPages.safeBack(fields["back"], fallback: "/"), type: .normal)
        }
        routes.user(g, .get, "settings", base: "/") { request, context, user in
            try await pages.settings(request, context, services: services, user: user, newToken: nil)
        }
        routes.user(g, .post, "settings/tokens", base: "/", access: Access(nil, write: true)) { request, context, user in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw APIError.badRequest("Give the token a name, e.g. “reports script”.") }
            let token = Secrets.newAPIToken()
            var scopes: Set<TokenScope> = [.read]
            if fields["scope_write"] == "1" { scopes.insert(.write) }
            _ = try await services.home.createToken(userID: user.id, name: name, tokenHash: Secrets.hash(token), scopes: scopes)
            return try await pages.settings(request, context, services: services, user: user, newToken: token)
        }
        routes.user(g, .post, "settings/tokens/:token/revoke", base: "/", access: Access(nil, write: true)) { _, context, user in
            guard let id = context.parameters.get("token", as: Int64.self),
                  try await services.home.revokeToken(id: id, userID: user.id) else {
                throw APIError.notFound("You have no such live API token.")
            }
            return .redirect(to: "/settings?done=settings.saved", type: .normal)
        }
        routes.user(g, .post, "settings/users", base: "/", access: .ownerWrite) { request, context, _ in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            let login = (fields["login"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = fields["password"] ?? ""
            guard !login.isEmpty else { throw APIError.badRequest("Give the new user a login.") }
            if let problem = Secrets.passwordProblem(password) { throw APIError.badRequest(problem) }
            guard let role = Role(rawValue: fields["role"] ?? "") else {
                throw APIError.badRequest("“\(fields["role"] ?? "")” is not a role; choose owner, director, specialist or client.")
            }
            guard let ws = try await services.home.workspace(slug: fields["workspace"] ?? "") else {
                throw APIError.badRequest("There is no workspace “\(fields["workspace"] ?? "")”.")
            }
            let user = try await services.home.createUser(login: login, name: fields["name"] ?? login,
                                                          passwordHash: Secrets.hashPassword(password, cost: services.configuration.bcryptCost),
                                                          language: context.language)
            try await services.home.setMembership(userID: user.id, workspaceID: ws.id, role: role)
            return .redirect(to: "/settings?done=settings.saved", type: .normal)
        }
        routes.user(g, .post, "settings/workspaces", base: "/", access: .ownerWrite) { request, context, _ in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            _ = try await services.home.createWorkspace(slug: (fields["slug"] ?? "").trimmingCharacters(in: .whitespaces),
                                                        name: (fields["name"] ?? "").trimmingCharacters(in: .whitespaces))
            return .redirect(to: "/settings?done=settings.saved", type: .normal)
        }
    }
}

extension WebPages {
    /// The settings page of a user.
    func settings(_ request: Request, _ context: AppRequestContext, services: AppServices, user: User, newToken: String?) async throws -> Response {
        let chrome = try await self.chrome(request, context, services: services)
        let l = chrome.localizer
        let accessible = try await services.home.accessibleWorkspaces(userID: user.id)
        let isOwner = accessible.contains { $0.role == .owner }
        let tokens = try await services.home.tokens(userID: user.id).map {
            SettingsView.TokenRow(id: $0.id, name: $0.name, scopes: $0.scopes.map(\.rawValue).sorted().joined(separator: ", "),
                                  created: $0.createdAt, lastUsed: $0.lastUsedAt ?? l.t("common.none"), revoked: $0.revokedAt != nil)
        }
        var users: [SettingsView.UserRow] = []
        if isOwner {
            for u in try await services.home.users() {
                let roles = try await services.home.memberships(userID: u.id)
                    .map { "\($0.workspace.slug): \(l.t("role." + $0.role.rawValue))" }.joined(separator: ", ")
                users.append(SettingsView.UserRow(login: u.login, name: u.name, roles: roles, created: u.createdAt))
            }
        }
        let workspaces = accessible.map {
            SettingsView.WorkspaceRow(slug: $0.workspace.slug, name: $0.workspace.name, role: l.t("role." + $0.role.rawValue),
                                      created: $0.workspace.createdAt, href: "/w/\($0.workspace.slug)/dashboard")
        }
        var view = SettingsView(csrf: chrome.csrf, language: chrome.language, tokens: tokens, newToken: newToken, canManage: isOwner,
                                users: users, workspaces: workspaces, currentWorkspace: chrome.workspaceSlug, back: "/settings", localizer: l)
        view.connections = try await ConnectionSettings.sections(services: services, accessible: accessible, localizer: l)
        view.hasConnections = !view.connections.isEmpty
        return WebPages.html(renderer.page("settings", view: view, title: l.t("settings.title"), current: "settings", chrome: chrome))
    }
}
