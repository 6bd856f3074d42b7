import Foundation

/// What `smmkpi serve` is told on the command line.
package struct ServerConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// Mark cookies Secure although the server itself speaks plain HTTP (behind a TLS proxy).
    package var secureCookies: Bool
    /// How long a login lasts.
    package var sessionLifetime: TimeInterval
    /// bcrypt cost for new password hashes (tests use a low one).
    package var bcryptCost: UInt8
    /// Failed logins per IP and login within `loginWindow` before 429.
    package var loginAttempts: Int
    package var loginWindow: TimeInterval
    package var serverName: String
    /// The base64 key that seals connection credentials (`SMMKPI_SECRET_KEY`); without it the
    /// settings page lists connections but cannot add one.
    package var secretKey: String?

    package init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                 sessionLifetime: TimeInterval = 14 * 24 * 3600, bcryptCost: UInt8 = 12,
                 loginAttempts: Int = 5, loginWindow: TimeInterval = 300, serverName: String = "smmkpi",
                 secretKey: String? = nil) {
        self.host = host; self.port = port; self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime; self.bcryptCost = bcryptCost
        self.loginAttempts = loginAttempts; self.loginWindow = loginWindow; self.serverName = serverName
        self.secretKey = secretKey
    }
}
