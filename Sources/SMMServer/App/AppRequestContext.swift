import Foundation
import Hummingbird
import Logging
import NIOCore
import SMMStore

/// Who is calling: a browser with a session cookie, or an API client with a bearer token.
package struct Identity: Sendable, Equatable {
    package enum Via: Sendable, Equatable {
        /// A session cookie; `csrfToken` must come back with every form POST.
        case session(tokenHash: String, csrfToken: String)
        /// A bearer token with its scopes.
        case token(id: Int64, scopes: Set<TokenScope>)
    }

    package var user: User
    package var via: Via

    /// The form token of a browser session (nil for API tokens).
    package var csrfToken: String? {
        if case .session(_, let t) = via { return t }
        return nil
    }

    /// Whether the caller may change data: sessions always (their role decides), tokens with `write`.
    package var mayWrite: Bool {
        switch via {
        case .session: return true
        case .token(_, let scopes): return scopes.contains(.write)
        }
    }
}

/// The request context of every route (docs/web-server.md): the authenticated user, the selected
/// workspace with the user's role in it, the page language.
package struct AppRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The peer's IP address (rate limiting, logs); "unknown" when the channel has none.
    package let remoteIP: String
    /// Set by the authentication middleware when a session or token is valid.
    package var identity: Identity?
    /// Set by the workspace middleware on routes under `{workspace}`: the workspace and the role
    /// the user has in it (already checked: the user may open it).
    package var workspace: Workspace?
    package var role: Role?
    /// `ru` or `en`: the user's language, before login the best of Accept-Language (ru default).
    package var language: String = "ru"

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Uploads (bundle .zip files) may be large.
    package var maxUploadSize: Int { 512 * 1024 * 1024 }

    /// The authenticated user, or 401.
    package func requireUser() throws -> User {
        guard let identity else { throw APIError.unauthenticated }
        return identity.user
    }

    /// The CSRF token of the session (nil for bearer tokens and anonymous requests).
    package var csrfToken: String? { identity?.csrfToken }
}
