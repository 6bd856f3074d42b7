import Foundation
import SMMBundle
import Testing

/// manifest.json (bundle-format.md "manifest.json").
@Suite struct ManifestTests {
    private func manifest(_ json: String) throws -> Manifest { try Manifest(data: Data(json.utf8)) }

    @Test("a full manifest gives its time zone and currency")
    func full() throws {
        let m = try manifest(#"{ "format": "smm-bundle", "version": 1, "timezone": "Europe/Moscow", "currency": "RUB" }"#)
        #expect(m == Manifest(timeZone: "Europe/Moscow", currency: "RUB", present: true))
    }

    @Test("missing fields take the defaults UTC and RUB")
    func defaults() throws {
        #expect(try manifest("{}") == Manifest(timeZone: "UTC", currency: "RUB", present: true))
        #expect(try manifest(#"{"currency": "USD"}"#) == Manifest(timeZone: "UTC", currency: "USD", present: true))
        #expect(Manifest.defaults == Manifest(timeZone: "UTC", currency: "RUB", present: false))
    }

    @Test("a manifest that cannot be used is refused with the reason", arguments: [
        ("not json at all", "not valid JSON"),
        ("{\"timezone\": \"Europe/Moscow\"", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (#"{"format": "other"}"#, "\"format\" must be \"smm-bundle\""),
        (#"{"version": 2}"#, "\"version\" must be 1"),
        (#"{"version": "1"}"#, "\"version\" must be 1"),
        (#"{"timezone": "Mars/Olympus"}"#, "IANA time zone"),
        (#"{"timezone": 3}"#, "IANA time zone"),
        (#"{"currency": "rub"}"#, "ISO 4217"),
        (#"{"currency": "RUBL"}"#, "ISO 4217"),
    ])
    func refused(json: String, reason: String) throws {
        let error = try #require(throws: BundleError.self) { try manifest(json) }
        guard case .badManifest(let why) = error else {
            Issue.record("expected badManifest, got \(error)")
            return
        }
        #expect(why.contains(reason))
        #expect(error.localizedDescription.hasPrefix("manifest.json cannot be used: "))
    }
}
