import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SMMCore
import SMMEngine
import SMMServer
import SMMStore
import Testing

/// Shared fixtures and the built binary.
enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/spec/examples` (or `SMMKPI_SPEC_DIR`).
    static let examples: URL = {
        if let dir = ProcessInfo.processInfo.environment["SMMKPI_SPEC_DIR"], !dir.isEmpty {
            let url = URL(fileURLWithPath: dir)
            let nested = url.appendingPathComponent("examples")
            return FileManager.default.fileExists(atPath: nested.appendingPathComponent("small-bundle").path) ? nested : url
        }
        return repo.deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
    }()

    static var smallBundle: URL { examples.appendingPathComponent("small-bundle") }
    static var planYAML: URL { examples.appendingPathComponent("expected/plan-2024-12.yaml") }

    /// The smmkpi executable next to the test bundle, or `.build/debug/smmkpi`.
    static var binary: URL? {
        if let bin = ProcessInfo.processInfo.environment["SMMKPI_BIN"], !bin.isEmpty { return URL(fileURLWithPath: bin) }
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
            candidates.append(dir.appendingPathComponent("smmkpi"))
        }
        candidates.append(repo.appendingPathComponent(".build/debug/smmkpi"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A temporary home database with workspaces `default`, `alpha` and `beta`, users of every role
/// in `alpha` (`owner`, `director`, `specialist`, `client`; password `password-<login>`), and the
/// spec's small bundle imported into `alpha` (and `default`).
final class TestSite: @unchecked Sendable {
    let dir: URL
    let databases: Databases
    let configuration: ServerConfiguration
    let logger: Logger
    var users: [Role: User] = [:]

    init(configuration: ServerConfiguration = ServerConfiguration(port: 0, bcryptCost: 4), importSmall: Bool = true) async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-server-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        self.logger = logger
        self.configuration = configuration
        databases = try TestBackend.location(home: dir.appendingPathComponent("home.sqlite").path).open(logger: logger)
        let alpha = try await databases.home.createWorkspace(slug: "alpha", name: "Alpha")
        _ = try await databases.home.createWorkspace(slug: "beta", name: "Beta")
        for role in Role.allCases {
            let u = try await databases.home.createUser(login: role.rawValue, name: role.rawValue,
                                                        passwordHash: Secrets.hashPassword("password-\(role.rawValue)", cost: 4),
                                                        language: "en")
            try await databases.home.setMembership(userID: u.id, workspaceID: alpha.id, role: role)
            users[role] = u
        }
        if importSmall {
            for slug in ["alpha", "default"] {
                let ws = try await databases.workspace(slug: slug, create: false)
                _ = try Importer(store: try databases.store(for: ws), logger: logger).run(bundle: Fixtures.smallBundle.path)
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    func app(pages: any PageRoutes = MinimalPages()) -> some ApplicationProtocol {
        buildApplication(configuration: configuration, databases: databases, logger: logger, pages: pages)
    }

    /// The services the app is built on (for route lists and direct setup).
    func services() -> AppServices {
        AppServices(databases: databases, configuration: configuration, logger: logger)
    }

    /// A bearer token of `role`'s user with these scopes.
    func token(_ role: Role, scopes: Set<TokenScope>) async throws -> String {
        let secret = Secrets.newAPIToken()
        _ = try await databases.home.createToken(userID: users[role]!.id, name: "test", tokenHash: Secrets.hash(secret), scopes: scopes)
        return secret
    }
}

/// A browser: keeps cookies between requests.
struct Browser {
    var cookies: [String: String] = [:]

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func absorb(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let first = line.split(separator: ";", maxSplits: 1)[0]
            let kv = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(kv[0]), value = kv.count > 1 ? String(kv[1]) : ""
            if value.isEmpty || line.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    /// Sends a request with the cookies and keeps the ones it sets.
    @discardableResult
    mutating func send(_ client: some TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method = .get,
                       headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
        var h = headers
        if !cookies.isEmpty { h[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: h, body: body.map { ByteBuffer(string: $0) })
        absorb(response)
        return response
    }

    /// GET /login for the form token, then POST the form.
    @discardableResult
    mutating func login(_ client: some TestClientProtocol, _ login: String, _ password: String, next: String = "/") async throws -> TestResponse {
        try await send(client, "/login")
        let csrf = cookies["smmkpi_login_csrf"] ?? ""
        return try await send(client, "/login", .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: "login=\(form(login))&password=\(form(password))&csrf_token=\(form(csrf))&next=\(form(next))")
    }

    func form(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] }
    var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
}

/// Writes a .zip (stored, no compression) of the files in `folder` — enough for bundle uploads.
enum ZipWriter {
    static func zip(folder: URL) throws -> [UInt8] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return zip(try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) })
    }

    static func zip(_ files: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32, _ a: inout [UInt8]) { for i in 0..<4 { a.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
        for (name, data) in files {
            let n = Array(name.utf8), crc = crc32(data), offset = UInt32(out.count)
            le32(0x04034b50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out); le16(n.count, &out); le16(0, &out)
            out += n; out += data
            le32(0x02014b50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(n.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central += n
        }
        let cdOffset = UInt32(out.count)
        out += central
        le32(0x06054b50, &out); le16(0, &out); le16(0, &out); le16(files.count, &out); le16(files.count, &out)
        le32(UInt32(central.count), &out); le32(cdOffset, &out); le16(0, &out)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c >> 1) ^ (0xEDB8_8320 & (0 &- (c & 1))) }
        }
        return ~c
    }
}

/// Runs the smmkpi binary.
func runSMMKPI(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    guard let bin = Fixtures.binary else {
        Issue.record("The smmkpi binary is not built: run `swift build --build-tests` first.")
        return (-1, "", "")
    }
    let p = Process()
    p.executableURL = bin
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out; p.standardError = err; p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Which database the site runs on: a SQLite home file, or, with `SMMKPI_TEST_BACKEND=postgres`
/// (scripts/test.d/postgres.check.sh runs this suite again so), a fresh PostgreSQL database of the
/// server at `SMMKPI_TEST_POSTGRES_URL` per site: the home in its public schema, each workspace in
/// `ws_<slug>`, as `--db postgres://…` keeps them. The check script drops the `t_*` databases.
enum TestBackend {
    static let environment = ProcessInfo.processInfo.environment
    static var isPostgres: Bool { environment["SMMKPI_TEST_BACKEND"] == "postgres" }

    static func location(home path: String) throws -> StoreLocation {
        guard isPostgres else { return .sqlite(path: path) }
        guard let url = environment["SMMKPI_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw StoreError.cannotOpen(location: path, reason: "SMMKPI_TEST_BACKEND=postgres needs SMMKPI_TEST_POSTGRES_URL")
        }
        let name = "t_web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let server = try PostgresLocation(url: url)
        try PostgresStore.createDatabase(name, server: server)
        return .postgres(url: url.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/" + name)
    }
}
