import ArgumentParser
import Foundation
import Logging
import SMMConnectors
import SMMCore
import SMMEngine
import SMMServer
import SMMStore

/// `smmkpi serve`: the web application and JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web application and the JSON API (Ctrl-C stops it gracefully).",
        discussion: """
            `smmkpi serve --demo` fills a fresh database (in a temporary folder unless --db is given) \
            with demo data and a plan, and prints the demo login once. Add users with `smmkpi user add`.
            """)

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Flag(name: .long, help: "Mark cookies Secure (the server is behind a TLS proxy).")
    var secureCookies = false

    @Flag(name: .long, help: "Serve demo data with a demo owner login (printed once).")
    var demo = false

    @Option(name: .long, help: "With --demo: number of social accounts.")
    var demoAccounts = 6

    @Option(name: .long, help: "With --demo: days of history.")
    var demoDays = 365

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port takes 1 to 65535, e.g. --port 8080.") }
        guard (1...100_000).contains(demoAccounts) else { throw ValidationError("--demo-accounts must be between 1 and 100000.") }
        guard (7...3650).contains(demoDays) else { throw ValidationError("--demo-days must be between 7 and 3650.") }
    }

    func run() async throws {
        var logger = Logger(label: "smmkpi.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = ProcessInfo.processInfo.environment["SMMKPI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        var location = global.location
        var demoDir: URL?
        if demo && global.dbOption == nil && ProcessInfo.processInfo.environment["SMMKPI_DB"] == nil {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-serve-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            demoDir = dir
            location = .sqlite(path: dir.appendingPathComponent("smmkpi.sqlite").path)
        }
        defer { if let demoDir { try? FileManager.default.removeItem(at: demoDir) } }
        let databases = try location.open(logger: logger)
        if demo {
            Terminal.err("Preparing the demo data (\(demoAccounts) accounts, \(demoDays) days)…")
            let d = try await DemoSite.prepare(databases: databases, accounts: demoAccounts, days: demoDays,
                                               password: ProcessInfo.processInfo.environment["SMMKPI_DEMO_PASSWORD"],
                                               bcryptCost: bcryptCost(), logger: logger)
            // Written at once, not buffered: scripts read the token while the server runs.
            FileHandle.standardOutput.write(Data("""
                Demo ready at http://\(host):\(port)/ (database \(location.description)).
                  login:     \(d.login)
                  password:  \(d.password)
                  API token: \(d.token)
                  try:       curl -H 'Authorization: Bearer \(d.token)' 'http://\(host):\(port)/api/v1/workspaces/default/kpi?period=\(d.month.label)'

                """.utf8))
        } else if try await databases.home.users().isEmpty {
            Terminal.err("No users yet: add an owner with `smmkpi user add LOGIN --role owner --db \(location.description)`.")
        }
        let key = ProcessInfo.processInfo.environment["SMMKPI_SECRET_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let config = ServerConfiguration(host: host, port: port, secureCookies: secureCookies, bcryptCost: bcryptCost(),
                                         secretKey: key)
        try await runServer(configuration: config, databases: databases, logger: logger, pages: try WebPages(),
                            extraServices: backgroundServices(databases: databases, logger: logger))
    }

    /// Services that run beside the web server and stop with it (graceful shutdown): scheduled
    /// reports of every workspace, and the connectors' periodic sync when a secret key is set.
    func backgroundServices(databases: Databases, logger: Logger) -> [any BackgroundService] {
        let environment = ProcessInfo.processInfo.environment
        var services: [any BackgroundService] = [
            ReportScheduler(
                workspaces: { try await databases.scheduleStores().map { ScheduledWorkspace(slug: $0.slug, store: $0.store) } },
                delivery: ReportDelivery(configuration: DeliveryConfiguration(environment: environment), logger: logger),
                logger: logger)
        ]
        do {
            let secrets = try SecretBox.load(environment: environment, keyFile: nil)
            services.append(SyncScheduler(secrets: secrets, logger: logger) { try await databases.allWorkspaceStores() })
        } catch {
            // Without the key no stored credential can be read; the web app still runs.
            logger.notice("Connector syncs are off: \(error.localizedDescription)")
        }
        return services
    }
}
