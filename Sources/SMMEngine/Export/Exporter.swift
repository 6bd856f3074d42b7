import Foundation
import SMMBundle
import SMMCore
import SMMStore

/// Writes a database back out as a bundle (cli.md `export`): exactly the files and columns
/// that are present, so import → export → import gives the same KPIs.
package struct Exporter {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    /// Returns rows written per file.
    package func run(to directory: String) async throws -> [BundleFile: Int] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let settings = try await store.settings() else {
            throw BundleError.unreadable(file: store.location, reason: "the database is empty; import a bundle first")
        }
        let presence = try await store.presence()
        let manifest: [String: Any] = ["format": "smm-bundle", "version": 1, "timezone": settings.timeZone,
                                       "currency": settings.currency]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: directory).appendingPathComponent("manifest.json"))
        var counts: [BundleFile: Int] = [:]
        for file in BundleFile.allCases {
            let seen = presence.columns[file] ?? []
            // A file is written when any import brought it (header-only files included), so that
            // the presence of its columns survives the round trip.
            guard file == .accounts || !seen.isEmpty else { continue }
            let columns = file.columns.filter { seen.contains($0.name) || $0.required }.map(\.name)
            let writer = try CSVWriter(path: URL(fileURLWithPath: directory).appendingPathComponent(file.fileName).path)
            try writer.write(columns)
            var n = 0
            try store.exportRows(file, columns: columns) { cells in
                try writer.write(cells)
                n += 1
            }
            try writer.close()
            counts[file] = n
        }
        return counts
    }
}
