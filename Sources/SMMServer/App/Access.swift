import Foundation
import Hummingbird
import Logging
import SMMStore

/// Who may call a route: any logged-in user (`minRole` nil, no workspace), or a member of the
/// route's `{workspace}` with at least `minRole`; `write` routes also need a session or a token
/// with the `write` scope.
package struct Access: Sendable, Hashable {
    package var minRole: Role?
    package var write: Bool
    package init(_ minRole: Role?, write: Bool = false) { self.minRole = minRole; self.write = write }

    /// Any logged-in user, reading.
    package static let user = Access(nil)
    /// Owners only (users and workspaces), writing.
    package static let ownerWrite = Access(.owner, write: true)
}

/// A route as registered: what the OpenAPI test and the authorization matrix enumerate.
package struct RouteEntry: Sendable, Hashable {
    package var method: HTTPRequest.Method
    /// As registered, with `{name}` parameters (e.g. `/api/v1/workspaces/{workspace}/kpi`).
    package var path: String
    package var access: Access
}

/// Route registration with the access check built in (docs/web-server.md "Adding routes").
package final class Routes: @unchecked Sendable {
    // Safe: `entries` is only appended during registration, before the server runs.
    package private(set) var entries: [RouteEntry] = []
    let services: AppServices

    init(services: AppServices) { self.services = services }

    /// A route that needs a logged-in user (no workspace): 401 without one; `access.minRole` owner
    /// means the user must be an owner of some workspace (the installation's owners).
    package func user(_ group: RouterGroup<AppRequestContext>, _ method: HTTPRequest.Method, _ path: String, base: String,
                      access: Access = .user,
                      _ handler: @escaping @Sendable (Request, AppRequestContext, User) async throws -> Response) {
        entries.append(RouteEntry(method: method, path: Self.openAPIPath(base + path), access: access))
        let services = self.services
        group.on(RouterPath(path), method: method) { request, context in
            let user = try context.requireUser()
            try Self.checkWrite(access, context)
            if access.minRole == .owner {
                let ms = try await services.home.memberships(userID: user.id)
                guard ms.contains(where: { $0.role == .owner }) else {
                    throw APIError.forbidden("Only an owner may do this; ask an owner of this smmkpi.")
                }
            }
            return try await handler(request, context, user)
        }
    }

    /// A route under `{workspace}`: 401 without a user, 404 when the user may not open the
    /// workspace (or it does not exist), 403 when the role is below `access.minRole` or a
    /// read-only token tries to write.
    package func workspace(_ group: RouterGroup<AppRequestContext>, _ method: HTTPRequest.Method, _ path: String, base: String,
                           access: Access,
                           _ handler: @escaping @Sendable (Request, AppRequestContext, WorkspaceServices) async throws -> Response) {
        entries.append(RouteEntry(method: method, path: Self.openAPIPath(base + path), access: access))
        let services = self.services
        group.on(RouterPath(path), method: method) { request, context in
            var context = context
            let ws = try await Self.enter(&context, services: services, access: access)
            return try await handler(request, context, ws)
        }
    }

    /// Resolves `{workspace}` for the user and checks `access`; sets `context.workspace` and `.role`.
    package static func enter(_ context: inout AppRequestContext, services: AppServices, access: Access) async throws -> WorkspaceServices {
        let user = try context.requireUser()
        let slug = context.parameters.get("workspace") ?? Workspace.defaultSlug
        guard let ws = try await services.home.workspace(slug: slug),
              let role = try await services.home.role(userID: user.id, in: ws) else {
            throw APIError(.notFound, "no_workspace", "There is no workspace “\(slug)” you may open; ask an owner for access.")
        }
        context.workspace = ws
        context.role = role
        if let min = access.minRole, role < min {
            throw APIError.forbidden("Your role in “\(ws.slug)” is \(role.rawValue); this needs \(min.rawValue) or higher.")
        }
        try checkWrite(access, context)
        return try services.workspace(ws)
    }

    static func checkWrite(_ access: Access, _ context: AppRequestContext) throws {
        if access.write, let identity = context.identity, !identity.mayWrite {
            throw APIError.forbidden("This API token may only read: create one with the write scope (`smmkpi user token add LOGIN --scope write`).")
        }
    }

    /// `:name` → `{name}` (the OpenAPI form).
    static func openAPIPath(_ p: String) -> String {
        p.split(separator: "/", omittingEmptySubsequences: false).map { s in
            s.hasPrefix(":") ? "{\(s.dropFirst())}" : String(s)
        }.joined(separator: "/")
    }
}
