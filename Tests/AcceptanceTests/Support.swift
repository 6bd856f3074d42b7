import Foundation
import SMMStore

/// Where things are, for tests that run the built binary on the shared examples.
enum Fixtures {
    /// The repository root, from this file's path.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// ../shared/spec/examples, or SMMKPI_SPEC_DIR.
    static let examples: URL = {
        if let dir = ProcessInfo.processInfo.environment["SMMKPI_SPEC_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        return repo.deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
    }()

    /// The smmkpi executable: SMMKPI_BIN, else the debug build next to this checkout.
    static let binary: URL = {
        if let bin = ProcessInfo.processInfo.environment["SMMKPI_BIN"] { return URL(fileURLWithPath: bin) }
        return repo.appendingPathComponent(".build/debug/smmkpi")
    }()

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// The result of running the binary.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs smmkpi with arguments; stdout and stderr go through files so large outputs never block.
/// `SMMKPI_TEST_BACKEND=postgres` sends each `--db PATH` to a PostgreSQL database (see ``TestBackend``)
/// unless `rewriteDB` is false; `environment` adds to or overrides the inherited variables.
func smmkpi(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
            rewriteDB: Bool = true) throws -> CommandResult {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let p = Process()
    p.executableURL = Fixtures.binary
    p.arguments = rewriteDB ? try TestBackend.arguments(arguments) : arguments
    if !environment.isEmpty {
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { p.currentDirectoryURL = directory }
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

/// Which database the cases run on: SQLite files, or, with `SMMKPI_TEST_BACKEND=postgres`
/// (scripts/test.d/postgres.check.sh), a fresh PostgreSQL database of the server at
/// `SMMKPI_TEST_POSTGRES_URL` for each `--db` file path: the same commands, the same expected values.
enum TestBackend {
    static let environment = ProcessInfo.processInfo.environment
    static var isPostgres: Bool { environment["SMMKPI_TEST_BACKEND"] == "postgres" }
    private static let created = CreatedDatabases()

    /// The arguments with each `--db PATH` replaced by the PostgreSQL database standing for PATH.
    static func arguments(_ arguments: [String]) throws -> [String] {
        guard isPostgres else { return arguments }
        var out = arguments
        for i in out.indices.dropFirst() where out[i - 1] == "--db" {
            out[i] = try database(for: out[i])
        }
        return out
    }

    /// The URL of the database for a path, created on first use.
    static func database(for path: String) throws -> String {
        guard let url = environment["SMMKPI_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw StoreError.cannotOpen(location: path, reason: "SMMKPI_TEST_BACKEND=postgres needs SMMKPI_TEST_POSTGRES_URL")
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let name = "t_" + String(h, radix: 16)
        let server = try PostgresLocation(url: url)
        if created.insert(name) { try PostgresStore.createDatabase(name, server: server) }
        let base = url.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return base + "/" + name
    }
}

/// Databases made by this test process.
final class CreatedDatabases: @unchecked Sendable {
    // @unchecked: `names` is only touched with `lock` held.
    private let lock = NSLock()
    private var names: Set<String> = []
    /// True when the name is new.
    func insert(_ name: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return names.insert(name).inserted
    }
}
