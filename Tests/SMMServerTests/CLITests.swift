import Foundation
import Logging
import SMMServer
import SMMStore
import Testing

@Suite("smmkpi user, workspace and --workspace")
struct CLITests {
    @Test("workspace add/list, import into a workspace, user add/passwd/list with --password-stdin, tokens")
    func commands() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("home.sqlite").path
        let env = ["SMMKPI_BCRYPT_COST": "4"]

        let add = try runSMMKPI(["workspace", "add", "acme", "--name", "Acme Coffee", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("home.workspaces/acme.sqlite").path))
        let twice = try runSMMKPI(["workspace", "add", "acme", "--db", db])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("A workspace “acme” exists already"))
        let bad = try runSMMKPI(["workspace", "add", "Bad Slug", "--db", db])
        #expect(bad.stderr.contains("is not a workspace slug"))

        // Data goes where --workspace (or SMMKPI_WORKSPACE) says; unknown workspaces are refused.
        let imp = try runSMMKPI(["import", Fixtures.smallBundle.path, "--workspace", "acme", "--db", db, "--quiet"])
        #expect(imp.status == 0, "\(imp.stderr)")
        let kpiAcme = try runSMMKPI(["kpi", "--period", "2024-11", "--format", "json", "--db", db], env: ["SMMKPI_WORKSPACE": "acme"])
        #expect(kpiAcme.status == 0, "\(kpiAcme.stderr)")
        let kpiDefault = try runSMMKPI(["kpi", "--period", "2024-11", "--db", db])
        #expect(kpiDefault.status != 0)
        #expect(kpiDefault.stderr.contains("has no data yet"))
        let unknown = try runSMMKPI(["kpi", "--period", "2024-11", "--workspace", "nope", "--db", db])
        #expect(unknown.stderr.contains("There is no workspace “nope”"))
        let list = try runSMMKPI(["workspace", "list", "--db", db])
        #expect(list.stdout.contains("acme") && list.stdout.contains("2024-") && list.stdout.contains("default"))

        let user = try runSMMKPI(["user", "add", "anna", "--role", "director", "--workspace", "acme", "--password-stdin", "--db", db],
                                 stdin: "anna-password\n", env: env)
        #expect(user.status == 0, "\(user.stderr)")
        let short = try runSMMKPI(["user", "add", "bob", "--password-stdin", "--db", db], stdin: "short\n", env: env)
        #expect(short.stderr.contains("too short"))
        let noTTY = try runSMMKPI(["user", "add", "bob", "--db", db], env: env)
        #expect(noTTY.stderr.contains("--password-stdin"))
        let users = try runSMMKPI(["user", "list", "--db", db])
        #expect(users.stdout.contains("anna") && users.stdout.contains("acme: director"))

        let dbs = try StoreLocation.sqlite(path: db).open(logger: Logger(label: "t"))
        let anna = try #require(try await dbs.home.user(login: "anna"))
        #expect(Secrets.verifyPassword("anna-password", hash: anna.passwordHash))
        let pw = try runSMMKPI(["user", "passwd", "anna", "--password-stdin", "--db", db], stdin: "new-password\n", env: env)
        #expect(pw.status == 0, "\(pw.stderr)")
        #expect(Secrets.verifyPassword("new-password", hash: try #require(try await dbs.home.user(login: "anna")).passwordHash))

        let tok = try runSMMKPI(["user", "token", "add", "anna", "--scope", "write", "--db", db])
        #expect(tok.status == 0, "\(tok.stderr)")
        let secret = tok.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await dbs.home.useToken(hash: Secrets.hash(secret))?.scopes == [.read, .write])
        let tl = try runSMMKPI(["user", "token", "list", "anna", "--db", db])
        #expect(tl.stdout.contains("read,write") && !tl.stdout.contains(secret))
        let rv = try runSMMKPI(["user", "token", "revoke", "anna", "1", "--db", db])
        #expect(rv.status == 0, "\(rv.stderr)")
        #expect(try await dbs.home.useToken(hash: Secrets.hash(secret)) == nil)
    }
}
