import Foundation
import Hummingbird
import Logging
import SMMStore

/// What the login form shows.
package struct LoginView: Sendable {
    /// The form's CSRF token (double-submitted with a cookie).
    package var csrfToken: String
    /// Where to go after logging in (a local path).
    package var next: String
    /// The login typed before (kept on failure).
    package var login: String
    /// The sentence to show after a failure (wrong password, too many attempts), nil otherwise.
    package var error: String?
    /// `ru` or `en`.
    package var language: String
}

/// The HTML pages plug in here (docs/web-server.md). The server owns `/login` (GET and POST),
/// `/logout`, `/healthz`, `/metrics`, `/openapi.json` and `/api/v1/…`; a `PageRoutes` adds every
/// other route, usually under `/w/{workspace}/…` through ``Routes/workspace(_:_:_:base:access:_:)``
/// so the same access checks apply, and renders the login form.
package protocol PageRoutes: Sendable {
    /// Adds the page routes (`/`, `/w/:workspace/...`, static assets).
    func addRoutes(to router: Router<AppRequestContext>, routes: Routes, services: AppServices)
    /// The login page's HTML.
    func loginPage(_ view: LoginView) -> String
}
