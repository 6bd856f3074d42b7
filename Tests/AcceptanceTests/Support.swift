import Foundation

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
func smmkpi(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let p = Process()
    p.executableURL = Fixtures.binary
    p.arguments = arguments
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
