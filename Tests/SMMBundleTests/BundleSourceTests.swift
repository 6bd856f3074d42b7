import Foundation
import SMMBundle
import SMMCore
import Testing

/// Opening a bundle folder (zips are covered by the import tests, which build real archives).
@Suite struct BundleSourceTests {
    @Test("known files are listed in import order; others are set aside; the manifest is read")
    func folder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("posts.csv", "post_id,account_id,published_at,format\n")
        try scratch.write("accounts.csv", "account_id,network,name\n")
        try scratch.write("comments.csv", "comment_id,post_id,created_at\n")
        try scratch.write("notes.txt", "hello")
        try scratch.write("post.csv", "x")
        try scratch.write(".DS_Store", "x")
        try scratch.write("manifest.json", #"{"timezone": "Asia/Tokyo", "currency": "JPY"}"#)
        let source = try BundleSource(path: scratch.url.path)
        defer { source.close() }
        #expect(source.files.map(\.file) == [.accounts, .posts, .comments])
        #expect(source.unknownFiles == ["notes.txt", "post.csv"])
        #expect(source.manifest == Manifest(timeZone: "Asia/Tokyo", currency: "JPY", present: true))
    }

    @Test("without a manifest the defaults apply")
    func noManifest() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("accounts.csv", "account_id,network,name\n")
        let source = try BundleSource(path: scratch.url.path)
        #expect(source.manifest == .defaults)
    }

    @Test("a folder without accounts.csv is refused")
    func noAccounts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("posts.csv", "post_id\n")
        #expect(throws: BundleError.noAccounts(path: scratch.url.path)) { try BundleSource(path: scratch.url.path) }
    }

    @Test("a path that does not exist is refused with a sentence")
    func notFound() {
        let path = "/nonexistent/smmkpi-\(UUID().uuidString)"
        let error = #expect(throws: BundleError.self) { try BundleSource(path: path) }
        #expect(error == .notFound(path: path))
        #expect(error?.localizedDescription.contains("folder of CSV files or a .zip") == true)
    }

    @Test("a file that is not a zip is refused as unreadable")
    func notAZip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("bundle.zip", "this is not a zip archive")
        let error = #expect(throws: BundleError.self) { try BundleSource(path: file.path) }
        guard case .badZip = error else {
            Issue.record("expected badZip, got \(String(describing: error))")
            return
        }
    }

    @Test("a manifest that is not JSON refuses the bundle")
    func badManifest() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("accounts.csv", "account_id,network,name\n")
        try scratch.write("manifest.json", "timezone: Europe/Moscow")
        #expect(throws: BundleError.badManifest("it is not valid JSON")) { try BundleSource(path: scratch.url.path) }
    }
}
