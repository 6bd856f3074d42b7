import Foundation
import SMMCore

/// A connection as a connector sees it: its settings and its decrypted credentials.
package struct ConnectionConfig: Sendable, Equatable {
    package var name: String
    package var source: SourceKind
    package var settings: [String: String]
    package var credentials: [String: String]

    package init(name: String, source: SourceKind, settings: [String: String], credentials: [String: String]) {
        self.name = name; self.source = source; self.settings = settings; self.credentials = credentials
    }

    /// The API base URL: the `base_url` setting, else the real one.
    package var baseURL: String {
        let s = settings["base_url"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return s.isEmpty ? source.defaultBaseURL : s
    }

    /// A required setting or credential.
    package func require(_ name: String) throws -> String {
        let v = (credentials[name] ?? settings[name])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !v.isEmpty else {
            throw ConnectorError.badParameter(source: source, name: name,
                                              detail: "is missing; add it with `smmkpi connect add \(source.rawValue) --\(name) …`")
        }
        return v
    }

    /// An optional setting; empty is absent.
    package func optional(_ name: String) -> String? {
        let v = settings[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return v.isEmpty ? nil : v
    }

    /// A whole-number setting with a default.
    package func integer(_ name: String, default value: Int) throws -> Int {
        guard let s = settings[name]?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return value }
        guard let n = Int(s), n >= 0 else {
            throw ConnectorError.badParameter(source: source, name: name, detail: "“\(s)” is not a whole number of days")
        }
        return n
    }
}

/// Shares of an audience breakdown: count / total, rounded to 4 decimals (audience.share is 0–1).
package enum ShareMath {
    package static func share(_ count: Int64, of total: Int64) -> Decimal {
        guard total > 0 else { return 0 }
        var exact = Decimal(count) / Decimal(total)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 4, .plain)
        return rounded
    }
}
