import Foundation
import SMMEngine
import SMMStore

/// The spec's examples and temporary databases for the plan tests.
enum PlanFixtures {
    /// ../shared/spec/examples, or SMMKPI_SPEC_DIR.
    static var examples: URL {
        if let dir = ProcessInfo.processInfo.environment["SMMKPI_SPEC_DIR"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
    }

    static var examplePlan: URL { examples.appendingPathComponent("expected/plan-2024-12.yaml") }

    /// A fresh folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new SQLite database in `dir`, with the example bundle imported when `imported`.
    static func store(in dir: URL, imported: Bool = true) throws -> TestStore {
        let store = try TestBackend.store(sqlitePath: dir.appendingPathComponent("t.sqlite").path)
        if imported {
            _ = try Importer(store: store).run(bundle: examples.appendingPathComponent("small-bundle").path)
        }
        return store
    }
}
