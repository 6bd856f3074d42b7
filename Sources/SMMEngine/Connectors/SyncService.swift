import AsyncHTTPClient
import Foundation
import Logging
import SMMConnectors
import SMMCore
import SMMStore

/// Errors of connection management, as sentences.
package enum ConnectionError: Error, Equatable, LocalizedError {
    case noConnectionStore(String)
    case unknownSource(String)
    case missingParameter(source: String, name: String, help: String)
    case unknownParameter(source: String, name: String, known: [String])
    case noSuchConnection(String)
    case nothingToSync(String?)

    package var errorDescription: String? {
        switch self {
        case .noConnectionStore(let l):
            return "The database \(l) cannot hold connections."
        case .unknownSource(let s):
            return "“\(s)” is not a source smmkpi can connect to; the sources are \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))."
        case .missingParameter(let s, let n, let h):
            return "A \(s) connection needs --\(n.replacingOccurrences(of: "_", with: "-")) (\(h))."
        case .unknownParameter(let s, let n, let k):
            return "“\(n)” is not a parameter of a \(s) connection; its parameters are \(k.joined(separator: ", "))."
        case .noSuchConnection(let n):
            return "There is no connection named “\(n)”; `smmkpi connect list` shows them."
        case .nothingToSync(let s):
            if let s { return "There is no \(s) connection to sync; add one with `smmkpi connect add \(s) …`." }
            return "There are no connections to sync; add one with `smmkpi connect add SOURCE …`."
        }
    }
}

/// What one connection's sync did.
package struct SyncOutcome: Sendable {
    package var name: String
    package var source: String
    package var status: SyncStatus
    package var window: ClosedRange<LocalDate>?
    package var rowsImported: Int
    /// The sentence recorded on the connection (rows imported, partial note or the error).
    package var message: String
}

/// Runs connectors and imports their rows (issue 11): load a connection, fetch a window from
/// its cursor, write the rows as a bundle in a temporary folder, import it all-or-nothing with
/// the bundle ``Importer``, and only then store the new cursor. A failed run leaves the cursor
/// as it was; the upsert keys make the next run's overlap add nothing.
package struct SyncService: Sendable {
    package var store: any Store & ConnectionStore
    package var secrets: SecretBox
    package var http: HTTPClient
    package var policy: RetryPolicy
    package var logger: Logger
    /// The clock; tests fix it.
    package var now: @Sendable () -> Date

    package init(store: any Store & ConnectionStore, secrets: SecretBox, http: HTTPClient = .shared,
                 policy: RetryPolicy = RetryPolicy(), logger: Logger = Logger(label: "smmkpi.sync"),
                 now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.secrets = secrets; self.http = http; self.policy = policy; self.logger = logger
        self.now = now
    }

    /// The connection store behind a store, or a sentence why there is none.
    package static func connectionStore(_ store: any Store) throws -> any Store & ConnectionStore {
        guard let s = store as? any Store & ConnectionStore else { throw ConnectionError.noConnectionStore(store.location) }
        return s
    }

    // MARK: - Connections

    /// Adds (or, by the same name, replaces) a connection. `parameters` are the source's
    /// parameters and common settings by name; credentials are sealed before they are stored.
    package func addConnection(source raw: String, name: String?, parameters: [String: String]) async throws
        -> (connection: StoredConnection, replaced: Bool) {
        guard let source = SourceKind(rawValue: raw.lowercased()) else { throw ConnectionError.unknownSource(raw) }
        let known = source.parameters + SourceKind.commonSettings + [ConnectorParameter("account_id", help: ""),
                                                                   ConnectorParameter("timezone", help: ""),
                                                                   ConnectorParameter("currency", help: "")]
        var credentials: [String: String] = [:], settings: [String: String] = [:]
        for (key, value) in parameters {
            guard let p = known.first(where: { $0.name == key }) else {
                throw ConnectionError.unknownParameter(source: source.rawValue, name: key, known: known.map(\.name))
            }
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if p.secret { credentials[key] = v } else { settings[key] = v }
        }
        for p in source.parameters where p.required && (parameters[p.name] ?? "").isEmpty {
            throw ConnectionError.missingParameter(source: source.rawValue, name: p.name, help: p.help)
        }
        let connectionName = name ?? source.rawValue
        let sealed = try secrets.seal(credentials)
        var stored = StoredConnection(source: source.rawValue, name: connectionName, sealedCredentials: sealed,
                                      settings: settings)
        let (id, replaced) = try await store.saveConnection(stored)
        stored.id = id
        logger.info("connection \(connectionName) (\(source.rawValue)) saved")
        return (stored, replaced)
    }

    // MARK: - Sync

    /// Syncs every connection (or those of one source, or one by name), one after another.
    /// A failing connection does not stop the others; its outcome says why.
    package func syncAll(source: String? = nil, name: String? = nil, from: LocalDate? = nil) async throws -> [SyncOutcome] {
        var list = try await store.connections()
        if let source {
            guard SourceKind(rawValue: source.lowercased()) != nil else { throw ConnectionError.unknownSource(source) }
            list = list.filter { $0.source == source.lowercased() }
        }
        if let name {
            list = list.filter { $0.name == name }
            if list.isEmpty { throw ConnectionError.noSuchConnection(name) }
        }
        if list.isEmpty { throw ConnectionError.nothingToSync(source) }
        var out: [SyncOutcome] = []
        for c in list { out.append(await sync(c, from: from)) }
        return out
    }

    /// One connection's sync; never throws: a failure is recorded on the connection and returned.
    package func sync(_ connection: StoredConnection, from: LocalDate? = nil) async -> SyncOutcome {
        var outcome = SyncOutcome(name: connection.name, source: connection.source, status: .failed, window: nil,
                                  rowsImported: 0, message: "")
        do {
            let cursor: String
            (outcome, cursor) = try await run(connection, from: from)
            try await store.recordSync(connectionID: connection.id, cursor: cursor,
                                       status: outcome.status, message: outcome.message, at: Self.timestamp(now()))
        } catch {
            outcome.status = .failed
            outcome.message = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
            logger.error("sync of \(connection.name) failed: \(outcome.message)")
            try? await store.recordSync(connectionID: connection.id, cursor: nil, status: .failed,
                                        message: outcome.message, at: Self.timestamp(now()))
        }
        return outcome
    }

    /// Fetches, imports, and returns the outcome with the cursor to store (the import has committed).
    private func run(_ connection: StoredConnection, from: LocalDate?) async throws -> (SyncOutcome, String) {
        guard let source = SourceKind(rawValue: connection.source) else {
            throw ConnectionError.unknownSource(connection.source)
        }
        let config = ConnectionConfig(name: connection.name, source: source, settings: connection.settings,
                                      credentials: try secrets.open(connection.sealedCredentials))
        let stored = try await store.settings()
        let tzName = stored?.timeZone ?? config.settings["timezone"] ?? "UTC"
        guard let tz = TimeZone(identifier: tzName) else {
            throw ConnectorError.badParameter(source: source, name: "timezone", detail: "“\(tzName)” is not an IANA time zone")
        }
        let currency = stored?.currency ?? config.settings["currency"] ?? "RUB"
        let nowInstant = Instant(seconds: Int64(now().timeIntervalSince1970.rounded(.down)))
        let today = ZoneClock(timeZone: tz).localDate(of: nowInstant)
        let cursor = SyncCursor(json: connection.cursor)
        let lookback = try config.integer("lookback_days", default: 7)
        let initial = max(try config.integer("initial_days", default: 30), 1)
        var start = from ?? cursor.syncedThrough.map { $0.adding(days: 1 - max(lookback, 1)) }
            ?? today.adding(days: 1 - initial)
        if start > today { start = today }
        let window = start...today

        let connector = try source.makeConnector(config: config, client: APIClient(http: http, source: source, policy: policy))
        logger.info("sync \(connection.name): \(window.lowerBound) … \(window.upperBound)")
        let result = try await connector.fetch(FetchRequest(window: window, cursor: cursor, timeZone: tz, now: nowInstant),
                                               logger: logger)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ConnectorBundleWriter.write(result.rows, to: dir, timeZone: tzName, currency: currency)
        let report = try Importer(store: store, logger: logger).run(bundle: dir.path)
        let rows = report.rowsImported
        var message = "\(rows) row\(rows == 1 ? "" : "s") imported for \(window.lowerBound) … \(window.upperBound)"
        if let partial = result.partial { message += "; partial: \(partial), the rest comes with the next sync" }
        return (SyncOutcome(name: connection.name, source: connection.source, status: result.partial == nil ? .ok : .partial,
                            window: window, rowsImported: rows, message: message), result.cursor.json)
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
