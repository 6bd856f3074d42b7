import Foundation
import Hummingbird
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// Who am I, my workspaces and API tokens; the owners' users and workspaces.
enum AccountRoutes {
    struct WorkspaceJSON: Encodable {
        var slug: String, name: String, role: String
    }
    struct MeJSON: Encodable {
        var login: String, name: String, language: String, workspaces: [WorkspaceJSON]
    }
    struct TokenJSON: Encodable {
        var id: Int64, name: String, scopes: [String], created_at: String, last_used_at: String?, revoked_at: String?
        /// Only in the answer that creates it: shown once.
        var token: String?
        init(_ t: APIToken, secret: String? = nil) {
            id = t.id; name = t.name; scopes = TokenScope.allCases.filter(t.scopes.contains).map(\.rawValue)
            created_at = t.createdAt; last_used_at = t.lastUsedAt; revoked_at = t.revokedAt; token = secret
        }
    }
    struct NewToken: Decodable { var name: String; var scopes: [String]? }
    struct NewWorkspace: Decodable { var slug: String; var name: String? }
    struct NewUser: Decodable {
        var login: String; var name: String?; var password: String; var language: String?
        var workspace: String?; var role: String?
    }
    struct UserJSON: Encodable {
        var id: Int64, login: String, name: String, language: String, created_at: String, workspaces: [WorkspaceJSON]
    }
    struct SettingsJSON: Encodable {
        var slug: String, name: String, role: String, timezone: String?, currency: String?, first_date: String?, last_date: String?
        var accounts: [AccountJSON]
    }
    struct AccountJSON: Encodable { var account_id: String, network: String, name: String }

    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        let services = routes.services
        routes.user(group, .get, "me", base: base) { _, _, user in
            let ws = try await services.home.accessibleWorkspaces(userID: user.id)
            return try Response.json(encoding: MeJSON(login: user.login, name: user.name, language: user.language,
                                                       workspaces: ws.map { WorkspaceJSON(slug: $0.workspace.slug, name: $0.workspace.name, role: $0.role.rawValue) }))
        }
        routes.user(group, .get, "me/tokens", base: base) { _, _, user in
            try Response.json(encoding: try await services.home.tokens(userID: user.id).map { TokenJSON($0) })
        }
        routes.user(group, .post, "me/tokens", base: base, access: Access(nil, write: true)) { request, context, user in
            var request = request
            let body = try await request.decodeJSON(NewToken.self, context: context, what: "token ({\"name\": \"ci\", \"scopes\": [\"read\"]})")
            let scopes = try parseScopes(body.scopes ?? ["read"])
            let secret = Secrets.newAPIToken()
            let token = try await services.home.createToken(userID: user.id, name: body.name, tokenHash: Secrets.hash(secret), scopes: scopes)
            return try Response.json(encoding: TokenJSON(token, secret: secret), status: .created)
        }
        routes.user(group, .delete, "me/tokens/:token", base: base, access: Access(nil, write: true)) { _, context, user in
            guard let id = context.parameters.get("token").flatMap(Int64.init),
                  try await services.home.revokeToken(id: id, userID: user.id) else {
                throw APIError.notFound("You have no live API token with this id; list them at GET /api/v1/me/tokens.")
            }
            return .noContent
        }
        routes.user(group, .get, "workspaces", base: base) { _, _, user in
            let ws = try await services.home.accessibleWorkspaces(userID: user.id)
            return try Response.json(encoding: ws.map { WorkspaceJSON(slug: $0.workspace.slug, name: $0.workspace.name, role: $0.role.rawValue) })
        }
        routes.user(group, .post, "workspaces", base: base, access: .ownerWrite) { request, context, _ in
            var request = request
            let body = try await request.decodeJSON(NewWorkspace.self, context: context, what: "workspace ({\"slug\": \"acme\", \"name\": \"Acme\"})")
            do {
                let w = try await services.home.createWorkspace(slug: body.slug, name: body.name ?? body.slug)
                return try Response.json(encoding: WorkspaceJSON(slug: w.slug, name: w.name, role: Role.owner.rawValue), status: .created)
            } catch HomeError.workspaceExists(let s) {
                throw APIError(.conflict, "exists", HomeError.workspaceExists(s).errorDescription!)
            }
        }
        routes.user(group, .get, "users", base: base, access: Access(.owner)) { _, _, _ in
            var out: [UserJSON] = []
            for u in try await services.home.users() {
                let ms = try await services.home.memberships(userID: u.id)
                out.append(UserJSON(id: u.id, login: u.login, name: u.name, language: u.language, created_at: u.createdAt,
                                    workspaces: ms.map { WorkspaceJSON(slug: $0.workspace.slug, name: $0.workspace.name, role: $0.role.rawValue) }))
            }
            return try Response.json(encoding: out)
        }
        routes.user(group, .post, "users", base: base, access: .ownerWrite) { request, context, _ in
            var request = request
            let body = try await request.decodeJSON(NewUser.self, context: context,
                                                    what: "user ({\"login\", \"password\", \"workspace\", \"role\"})")
            if let why = Secrets.passwordProblem(body.password) { throw APIError.badRequest(why) }
            let language = body.language ?? "ru"
            guard Language.supported.contains(language) else { throw APIError.badRequest("language is ru or en.") }
            let role = try body.role.map { (r: String) throws -> Role in
                guard let v = Role(rawValue: r) else { throw APIError.badRequest("“\(r)” is not a role: owner, director, specialist or client.") }
                return v
            } ?? .client
            let ws = try await services.databases.workspace(slug: body.workspace ?? Workspace.defaultSlug, create: false)
            let hash = Secrets.hashPassword(body.password, cost: services.configuration.bcryptCost)
            let user: User
            do {
                user = try await services.home.createUser(login: body.login, name: body.name ?? body.login, passwordHash: hash, language: language)
            } catch HomeError.userExists(let l) {
                throw APIError(.conflict, "exists", HomeError.userExists(l).errorDescription!)
            }
            try await services.home.setMembership(userID: user.id, workspaceID: ws.id, role: role)
            return try Response.json(encoding: UserJSON(id: user.id, login: user.login, name: user.name, language: user.language,
                                                        created_at: user.createdAt,
                                                        workspaces: [WorkspaceJSON(slug: ws.slug, name: ws.name, role: role.rawValue)]),
                                     status: .created)
        }
        routes.workspace(group, .get, "workspaces/:workspace", base: base, access: Access(.client)) { _, context, ws in
            let settings = try await ws.store.settings()
            let range = try await ws.store.dataRange()
            let accounts = try await ws.store.accounts()
            return try Response.json(encoding: SettingsJSON(
                slug: ws.workspace.slug, name: ws.workspace.name, role: context.role?.rawValue ?? "",
                timezone: settings?.timeZone, currency: settings?.currency,
                first_date: range?.lowerBound.description, last_date: range?.upperBound.description,
                accounts: accounts.map { AccountJSON(account_id: $0.id, network: $0.network.rawValue, name: $0.name) }))
        }
    }

    static func parseScopes(_ raw: [String]) throws -> Set<TokenScope> {
        var out = Set<TokenScope>()
        for s in raw {
            guard let v = TokenScope(rawValue: s) else { throw APIError.badRequest("“\(s)” is not a scope: use read or write.") }
            out.insert(v)
        }
        // Writing implies reading.
        if out.contains(.write) { out.insert(.read) }
        guard !out.isEmpty else { throw APIError.badRequest("Give at least one scope: read or write.") }
        return out
    }
}
