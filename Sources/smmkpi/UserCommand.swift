import ArgumentParser
import Foundation
import SMMServer
import SMMStore

extension Role: ExpressibleByArgument {}
extension TokenScope: ExpressibleByArgument {}

/// `smmkpi user add|passwd|list|token`: the people who log in to `smmkpi serve`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Users of the web application: add, change a password, list; API tokens.",
        subcommands: [UserAddCommand.self, UserPasswdCommand.self, UserListCommand.self, TokenCommand.self])
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Adds a user with a role in the workspace (--workspace, default: default).")

    @Argument(help: "The login (no spaces).")
    var login: String

    @Option(name: .long, help: "owner, director, specialist or client.")
    var role: Role = .director

    @Option(name: .long, help: "The user's name as shown (default: the login).")
    var name: String?

    @Option(name: .long, help: "Interface language: ru or en.")
    var language = "ru"

    @Flag(name: .long, help: "Read the password from the first line of standard input instead of a prompt.")
    var passwordStdin = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard Language.supported.contains(language) else { throw ValidationError("--language takes ru or en.") }
    }

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        let ws = try await dbs.workspace(slug: global.workspaceSlug, create: false)
        if try await dbs.home.user(login: login) != nil { throw HomeError.userExists(login) }
        let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
        if let why = Secrets.passwordProblem(password) { throw ValidationError(why) }
        let user = try await dbs.home.createUser(login: login, name: name ?? login,
                                                 passwordHash: Secrets.hashPassword(password, cost: bcryptCost()), language: language)
        try await dbs.home.setMembership(userID: user.id, workspaceID: ws.id, role: role)
        print("Added user \(user.login) as \(role.rawValue) of workspace \(ws.slug).")
    }
}

/// bcrypt cost: 12, or SMMKPI_BCRYPT_COST (4–31; tests use a low one).
func bcryptCost() -> UInt8 {
    ProcessInfo.processInfo.environment["SMMKPI_BCRYPT_COST"].flatMap(UInt8.init).flatMap { (4...31).contains($0) ? $0 : nil } ?? 12
}

struct UserPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Sets a user's password (and logs the user out everywhere).")

    @Argument(help: "The login.")
    var login: String

    @Flag(name: .long, help: "Read the password from the first line of standard input instead of a prompt.")
    var passwordStdin = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        guard let user = try await dbs.home.user(login: login) else { throw HomeError.noUser(login) }
        let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
        if let why = Secrets.passwordProblem(password) { throw ValidationError(why) }
        try await dbs.home.setPassword(userID: user.id, passwordHash: Secrets.hashPassword(password, cost: bcryptCost()))
        print("Changed the password of \(user.login); their sessions have ended.")
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists the users with their roles.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        var rows: [[String]] = []
        for u in try await dbs.home.users() {
            let roles = try await dbs.home.memberships(userID: u.id).map { "\($0.workspace.slug): \($0.role.rawValue)" }
            rows.append([u.login, u.name, u.language, roles.joined(separator: ", "), u.createdAt])
        }
        if rows.isEmpty {
            print("No users yet: add one with `smmkpi user add LOGIN --role owner`.")
            return
        }
        print(Terminal.table(["login", "name", "language", "roles", "created"], rows))
    }
}

/// `smmkpi user token add|list|revoke`: bearer tokens for the JSON API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens (Authorization: Bearer …) of a user.",
        subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Creates a token and prints it once.")

    @Argument(help: "The login.")
    var login: String

    @Option(name: .long, help: "A name to recognise the token by.")
    var name = "cli"

    @Option(name: .long, help: "read or write (write includes read); repeat for several.")
    var scope: [TokenScope] = [.read]

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        guard let user = try await dbs.home.user(login: login) else { throw HomeError.noUser(login) }
        var scopes = Set(scope)
        if scopes.contains(.write) { scopes.insert(.read) }
        let secret = Secrets.newAPIToken()
        let token = try await dbs.home.createToken(userID: user.id, name: name, tokenHash: Secrets.hash(secret), scopes: scopes)
        Terminal.err("Token \(token.id) “\(name)” of \(user.login) (\(TokenScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ", "))); it is shown only now:")
        print(secret)
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Lists a user's tokens (not their secrets).")

    @Argument(help: "The login.")
    var login: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        guard let user = try await dbs.home.user(login: login) else { throw HomeError.noUser(login) }
        let rows = try await dbs.home.tokens(userID: user.id).map {
            [String($0.id), $0.name, TokenScope.allCases.filter($0.scopes.contains).map(\.rawValue).joined(separator: ","),
             $0.createdAt, $0.lastUsedAt ?? "", $0.revokedAt.map { "revoked \($0)" } ?? "live"]
        }
        print(rows.isEmpty ? "\(user.login) has no API tokens." : Terminal.table(["id", "name", "scopes", "created", "last used", "state"], rows))
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revokes a token by its id.")

    @Argument(help: "The login.")
    var login: String

    @Argument(help: "The token's id (smmkpi user token list LOGIN).")
    var id: Int64

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let dbs = try global.openDatabases(logger: makeLogger("smmkpi.user"))
        guard let user = try await dbs.home.user(login: login) else { throw HomeError.noUser(login) }
        guard try await dbs.home.revokeToken(id: id, userID: user.id) else {
            throw ValidationError("\(user.login) has no live token \(id); list them with `smmkpi user token list \(user.login)`.")
        }
        print("Revoked token \(id) of \(user.login).")
    }
}
