import Crypto
import Foundation
import HummingbirdBcrypt

/// Random tokens (session cookies, CSRF, API tokens), their stored hashes, and password hashing.
package enum Secrets {
    /// 32 random bytes, base64url without padding.
    package static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &g) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// An API token as shown once to its owner: `smk_` + random.
    package static func newAPIToken() -> String { "smk_" + randomToken() }

    /// SHA-256 hex of a token: what the home stores (a stolen database holds no usable tokens).
    package static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A bcrypt hash of the password.
    package static func hashPassword(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether the password matches the bcrypt hash.
    package static func verifyPassword(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Compares two secrets in time independent of where they differ.
    package static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// Nil when the password is acceptable, else the sentence why not.
    package static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 { return "The password is too short: use at least 8 characters." }
        if password.utf8.count > 72 { return "The password is too long: bcrypt uses at most 72 bytes; use a shorter one." }
        return nil
    }
}
