import Foundation
import SMMCore
import ZIPFoundation

/// A bundle opened for reading: the CSV files it has and its manifest. A .zip is unpacked
/// entry by entry (streaming) into a private temporary folder that is removed on `close()`.
package final class BundleSource {
    package let path: String
    package let manifest: Manifest
    /// The known bundle files present, in import order.
    package let files: [(file: BundleFile, url: URL)]
    /// Files that are not part of the format (warned about and skipped).
    package let unknownFiles: [String]
    private let temporary: URL?

    package init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw BundleError.notFound(path: path)
        }
        let folder: URL
        if isDir.boolValue {
            folder = url
            temporary = nil
        } else {
            let tmp = FileManager.default.temporaryDirectory
                .appendingPathComponent("smmkpi-bundle-\(UUID().uuidString)", isDirectory: true)
            do {
                try BundleSource.unzip(url, into: tmp)
            } catch {
                try? FileManager.default.removeItem(at: tmp)
                throw error
            }
            folder = tmp
            temporary = tmp
        }
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            var found: [(BundleFile, URL)] = []
            var unknown: [String] = []
            for name in names where !name.hasPrefix(".") {
                if let f = BundleFile(fileName: name) {
                    found.append((f, folder.appendingPathComponent(name)))
                } else if name != "manifest.json" {
                    unknown.append(name)
                }
            }
            guard found.contains(where: { $0.0 == .accounts }) else { throw BundleError.noAccounts(path: path) }
            files = found.sorted { $0.0 < $1.0 }
            unknownFiles = unknown
            let manifestURL = folder.appendingPathComponent("manifest.json")
            if FileManager.default.fileExists(atPath: manifestURL.path) {
                manifest = try Manifest(data: try Data(contentsOf: manifestURL))
            } else {
                manifest = .defaults
            }
        } catch {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
    }

    /// Removes the unpacked copy of a zip.
    package func close() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    deinit { close() }

    /// Unpacks the files of the folder that holds accounts.csv (the zip's root or one folder
    /// level, as zipping a folder makes). Refuses entries whose path leaves the bundle.
    private static func unzip(_ zip: URL, into folder: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read)
        } catch {
            throw BundleError.badZip(path: zip.path, reason: "\(error)")
        }
        var entries: [Entry] = []
        for entry in archive {
            let parts = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            if entry.path.hasPrefix("/") || entry.path.contains("\\") || parts.contains("..") {
                throw BundleError.unsafeZipEntry(entry.path)
            }
            if entry.type == .file { entries.append(entry) }
        }
        guard let accounts = entries.first(where: { $0.path == "accounts.csv" || $0.path.hasSuffix("/accounts.csv") })
        else { throw BundleError.noAccounts(path: zip.path) }
        let prefix = String(accounts.path.dropLast("accounts.csv".count))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for entry in entries where entry.path.hasPrefix(prefix) {
            let name = String(entry.path.dropFirst(prefix.count))
            guard !name.isEmpty, !name.contains("/") else { continue }
            let target = folder.appendingPathComponent(name)
            do {
                _ = try archive.extract(entry, to: target, skipCRC32: false)
            } catch {
                throw BundleError.badZip(path: zip.path, reason: "entry \(entry.path): \(error)")
            }
        }
    }
}
