import Foundation

/// Counts failed logins per IP address and login; after `limit` failures within `window` the pair
/// is refused (429) until the oldest failure leaves the window. In memory: a restart forgets.
package final class LoginRateLimiter: @unchecked Sendable {
    // Safe: every access to `failures` holds `lock`.
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    package init(limit: Int, window: TimeInterval) { self.limit = limit; self.window = window }

    private static func key(ip: String, login: String) -> String { ip + "\u{0}" + login.lowercased() }

    /// Seconds until the pair may try again; nil when it may try now.
    package func retryAfter(ip: String, login: String, now: Date = Date()) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        let k = Self.key(ip: ip, login: login)
        let recent = (failures[k] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[k] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Records a failed attempt.
    package func fail(ip: String, login: String, now: Date = Date()) {
        lock.lock()
        defer { lock.unlock() }
        let k = Self.key(ip: ip, login: login)
        var recent = (failures[k] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        failures[k] = recent
        // Keep memory bounded under a spray of made-up logins.
        if failures.count > 100_000 {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
        }
    }

    /// A successful login clears the pair's failures.
    package func succeed(ip: String, login: String) {
        lock.lock()
        defer { lock.unlock() }
        failures[Self.key(ip: ip, login: login)] = nil
    }
}
