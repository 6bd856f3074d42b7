import ArgumentParser
import Foundation
import SMMConnectors
import SMMCore
import SMMEngine
import SMMStore

struct ConnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Connections to platforms (VK, ...): add, list, remove. Credentials are stored encrypted.",
        subcommands: [ConnectAddCommand.self, ConnectListCommand.self, ConnectRemoveCommand.self])
}

/// Where the key that encrypts connection credentials comes from.
struct SecretOptions: ParsableArguments {
    @Option(name: .long, help: "A file holding the 32-byte credentials key in base64 (default: $SMMKPI_SECRET_KEY).")
    var secretKeyFile: String?

    func load() throws -> SecretBox {
        try SecretBox.load(environment: ProcessInfo.processInfo.environment, keyFile: secretKeyFile)
    }
}

struct ConnectAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a connection (the same --name replaces it, keeping where its sync stopped).",
        discussion: "Sources and their parameters:\n" + SourceKind.allCases.map { s in
            "  \(s.rawValue): " + s.parameters.map { "--\($0.name.replacingOccurrences(of: "_", with: "-"))\($0.required ? "" : " (optional)")" }
                .joined(separator: ", ")
        }.joined(separator: "\n"))

    @Argument(help: "The source: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: String

    @Option(name: .long, help: "The connection's name (default: the source).")
    var name: String?

    @Option(name: .long, help: "The access token (stored encrypted, never printed); - reads it from standard input.")
    var token: String?

    @Option(name: .long, help: "VK: community id or screen name.")
    var community: String?

    @Option(name: .long, help: "Telegram/TGStat: the channel (@username or -100… id).")
    var channel: String?

    @Option(name: .long, help: "Telegram: the linked discussion group's chat id, for comments.")
    var chat: String?

    @Option(name: .long, help: "Metrica: the counter id.")
    var counter: String?

    @Option(name: .long, help: "Metrica: the goal whose reaches are goal_completions.")
    var goal: String?

    @Option(name: .long, help: "VK Ads, GA4: client_id of the API access / OAuth client.")
    var clientID: String?

    @Option(name: .long, help: "VK Ads, GA4: client_secret of the API access / OAuth client (stored encrypted).")
    var clientSecret: String?

    @Option(name: .long, help: "VK Ads: an agency's client login.")
    var agencyClient: String?

    @Option(name: .long, help: "amoCRM: the account's subdomain (acme for acme.amocrm.ru).")
    var subdomain: String?

    @Option(name: .long, help: "amoCRM: a custom field read as the source when a lead has no UTM source.")
    var sourceField: String?

    @Option(name: .long, help: "Bitrix24: the incoming webhook's address (stored encrypted: it holds the secret).")
    var webhook: String?

    @Option(name: .long, help: "Odnoklassniki: the group id.")
    var group: String?

    @Option(name: .long, help: "Odnoklassniki: the app's public key.")
    var applicationKey: String?

    @Option(name: .long, help: "Odnoklassniki: the app's secret key (stored encrypted).")
    var applicationSecretKey: String?

    @Option(name: .long, help: "GA4: the property id.")
    var property: String?

    @Option(name: .long, help: "GA4: a refresh token with analytics.readonly (stored encrypted).")
    var refreshToken: String?

    @Option(name: .long, help: "GA4: the OAuth token endpoint (default Google's).")
    var tokenURL: String?

    @Option(name: .long, help: "Yandex Direct: the advertiser's login (agency tokens).")
    var clientLogin: String?

    @Option(name: .long, help: "Yandex Direct: the network code of its ad_spend rows (default other).")
    var network: String?

    @Option(name: .long, help: "Yandex Wordstat: brand phrases, comma-separated.")
    var phrases: String?

    @Option(name: .long, help: "Yandex Wordstat: region ids, comma-separated (213 Moscow, 225 Russia).")
    var regions: String?

    @Option(name: .long, help: "Metrica, amoCRM, GA4: rows per request.")
    var pageSize: Int?

    @Option(name: .long, help: "The account id the rows get (default: derived from the source's id).")
    var accountID: String?

    @Option(name: .long, help: "API base URL (default: the real one).")
    var baseURL: String?

    @Option(name: .long, help: "Time zone for the first sync into an empty database (default UTC).")
    var timezone: String?

    @Option(name: .long, help: "Days re-read before where the last sync stopped (default 7).")
    var lookbackDays: Int?

    @Option(name: .long, help: "Days fetched by the first sync (default 30).")
    var initialDays: Int?

    @OptionGroup var secret: SecretOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.connect")
        let store = try SyncService.connectionStore(try await global.openStore(logger: logger))
        var p: [String: String] = [:]
        let given: [(String, String?)] = [("token", token), ("community", community), ("channel", channel), ("chat", chat),
                                          ("counter", counter), ("goal", goal), ("account_id", accountID),
                                          ("client_id", clientID), ("client_secret", clientSecret),
                                          ("agency_client", agencyClient), ("subdomain", subdomain),
                                          ("source_field", sourceField), ("webhook", webhook), ("group", group),
                                          ("application_key", applicationKey),
                                          ("application_secret_key", applicationSecretKey),
                                          ("property", property), ("refresh_token", refreshToken), ("token_url", tokenURL),
                                          ("client_login", clientLogin), ("network", network),
                                          ("phrases", phrases), ("regions", regions),
                                          ("page_size", pageSize.map(String.init)),
                                          ("base_url", baseURL), ("timezone", timezone),
                                          ("lookback_days", lookbackDays.map(String.init)),
                                          ("initial_days", initialDays.map(String.init))]
        for case let (k, v?) in given { p[k] = v }
        if token == "-" {
            // Keeps the token out of shell history and process lists.
            p["token"] = readLine(strippingNewline: true) ?? ""
        }
        let service = SyncService(store: store, secrets: try secret.load(), logger: logger)
        let (c, replaced) = try await service.addConnection(source: source, name: name, parameters: p)
        print("\(replaced ? "Replaced" : "Added") the \(c.source) connection “\(c.name)” in \(global.db). Run `smmkpi sync --connection \(c.name)` to pull its data.")
    }
}

struct ConnectListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the connections and their last sync.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.connect")
        let store = try SyncService.connectionStore(try await global.openStore(logger: logger))
        let all = try await store.connections()
        if all.isEmpty {
            print("No connections in \(global.db). Add one with `smmkpi connect add vk --token … --community …`.")
            return
        }
        let rows = all.map { c -> [String] in
            let settings = c.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let through = SyncCursor(json: c.cursor).syncedThrough.map(\.description) ?? ""
            return [c.name, c.source, settings, through, c.lastSyncAt ?? "never", c.lastStatus?.rawValue ?? "", c.lastMessage ?? ""]
        }
        print(Terminal.table(["name", "source", "settings", "synced through", "last sync", "status", "message"], rows))
    }
}

struct ConnectRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a connection (the data it imported stays).")

    @Argument(help: "The connection's name.")
    var name: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = makeLogger("smmkpi.connect")
        let store = try SyncService.connectionStore(try await global.openStore(logger: logger))
        guard try await store.removeConnection(named: name) else { throw ConnectionError.noSuchConnection(name) }
        print("Removed the connection “\(name)”; the data it imported stays in \(global.db).")
    }
}
