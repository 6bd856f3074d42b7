import Foundation

/// manifest.json of a bundle (bundle-format.md "manifest.json").
package struct Manifest: Sendable, Equatable {
    package var timeZone: String
    package var currency: String
    /// Whether the bundle had a manifest (an absent manifest means the defaults).
    package var present: Bool

    package static let defaults = Manifest(timeZone: "UTC", currency: "RUB", present: false)

    package init(timeZone: String, currency: String, present: Bool) {
        self.timeZone = timeZone; self.currency = currency; self.present = present
    }

    /// Reads and checks a manifest; throws ``BundleError`` naming the problem.
    package init(data: Data) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BundleError.badManifest("it is not valid JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw BundleError.badManifest("it must be a JSON object such as {\"timezone\": \"Europe/Moscow\", \"currency\": \"RUB\"}")
        }
        if let format = dict["format"], (format as? String) != "smm-bundle" {
            throw BundleError.badManifest("\"format\" must be \"smm-bundle\"")
        }
        if let version = dict["version"] {
            guard let v = version as? Int, v == 1 else {
                throw BundleError.badManifest("\"version\" must be 1 (this smmkpi reads bundle format version 1)")
            }
        }
        var tz = "UTC", currency = "RUB"
        if let value = dict["timezone"] {
            guard let name = value as? String, TimeZone(identifier: name) != nil else {
                throw BundleError.badManifest("\"timezone\" must be an IANA time zone name such as \"Europe/Moscow\"")
            }
            tz = name
        }
        if let value = dict["currency"] {
            guard let code = value as? String, code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw BundleError.badManifest("\"currency\" must be an ISO 4217 code such as \"RUB\"")
            }
            currency = code
        }
        self.init(timeZone: tz, currency: currency, present: true)
    }
}
