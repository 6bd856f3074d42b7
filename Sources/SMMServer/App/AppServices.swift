import Foundation
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// What every route reaches: the home and workspace stores, the KPI cache, the login limiter and
/// the configuration. One per running application; no globals.
package struct AppServices: Sendable {
    package let databases: Databases
    package let configuration: ServerConfiguration
    package let kpiCache: KPICache
    /// Data versions read within the last second, by workspace (a busy dashboard asks once a second).
    package let versions: VersionMemo
    package let loginLimiter: LoginRateLimiter
    package let logger: Logger

    package init(databases: Databases, configuration: ServerConfiguration, logger: Logger) {
        self.databases = databases
        self.configuration = configuration
        self.kpiCache = KPICache()
        self.versions = VersionMemo(lifetime: 1)
        self.loginLimiter = LoginRateLimiter(limit: configuration.loginAttempts, window: configuration.loginWindow)
        self.logger = logger
    }

    package var home: any HomeStore { databases.home }

    /// The engine services over one workspace's data store. Only routes under `{workspace}`
    /// should call this, with the workspace the workspace middleware checked (`context.workspace`).
    package func workspace(_ workspace: Workspace) throws -> WorkspaceServices {
        WorkspaceServices(workspace: workspace, store: try databases.store(for: workspace), kpiCache: kpiCache,
                          versions: versions, logger: logger)
    }
}

/// The engine's services bound to one workspace's data store (docs/web-server.md).
package struct WorkspaceServices: Sendable {
    package let workspace: Workspace
    package let store: any Store
    let kpiCache: KPICache
    let versions: VersionMemo
    let logger: Logger

    package var kpi: KPIService { KPIService(store: store) }
    package var plans: PlanService { PlanService(store: store) }
    package var scoring: ScoringService { ScoringService(store: store, anomalies: anomalySource(for: store)) }
    package var advisor: PlanAdvisor { PlanAdvisor(store: store, anomalies: anomalySource(for: store)) }
    package func anomalies() throws -> AnomalyService { try AnomalyService(anyStore: store, logger: logger) }
    package var sentiment: SentimentService { SentimentService(store: store) }
    /// An importer into this workspace (all-or-nothing: one transaction).
    package func importer(progress: (@Sendable (ImportProgress) -> Void)? = nil) -> Importer {
        Importer(store: store, logger: logger, progress: progress)
    }

    /// The KPI report, computed once per workspace, request and data version (imports and
    /// anomaly verdicts change the version).
    package func kpiReport(_ request: KPIRequest) async throws -> CachedKPI {
        let version = try await dataVersion()
        let key = KPICache.Key(workspace: workspace.slug, request: request, version: version)
        let kpi = self.kpi
        return try await kpiCache.value(for: key) {
            let report = try await kpi.report(period: request.period, accounts: request.accounts, metrics: request.metrics,
                                              breakdown: request.breakdown)
            return CachedKPI(report: report, json: try KPIJSON.data(report))
        }
    }

    /// Changes with every import and every verdict on an anomaly; read at most once a second per
    /// workspace (the server's own imports, verdicts and labels forget it at once).
    package func dataVersion() async throws -> String {
        if let v = versions.get(workspace.slug) { return v }
        let v = try await readDataVersion()
        versions.put(workspace.slug, v)
        return v
    }

    /// Call after a change to the workspace's data made by this server.
    package func dataChanged() { versions.forget(workspace.slug) }

    private func readDataVersion() async throws -> String {
        guard let a = store as? any Store & AnomalyStore else { return "unversioned-\(UUID())" }
        let verdicts = try await a.verdictedAnomalies()
        var h = Hasher()
        for v in verdicts { h.combine(v.id); h.combine(v.status.rawValue); h.combine(v.verdict?.at.nanoseconds) }
        // Sentiment corrections change the sentiment KPIs.
        if let labels = store as? any LabelStore {
            for c in try await labels.corrections() { h.combine(c.id); h.combine(c.user); h.combine(c.correctedAt) }
        }
        return try await a.dataVersion() + "|v\(verdicts.count)-\(h.finalize())"
    }
}

/// What the KPI routes and pages ask for.
package struct KPIRequest: Hashable, Sendable {
    package var period: Period
    /// Scope accounts (nil: all).
    package var accounts: [String]?
    package var metrics: [KPIID]?
    package var breakdown: Breakdown?
    package init(period: Period, accounts: [String]? = nil, metrics: [KPIID]? = nil, breakdown: Breakdown? = nil) {
        self.period = period; self.accounts = accounts; self.metrics = metrics; self.breakdown = breakdown
    }
}

/// A computed KPI report with its JSON (what `smmkpi kpi --format json` prints).
package struct CachedKPI: Sendable {
    package var report: KPIReport
    package var json: Data
    package init(report: KPIReport, json: Data) { self.report = report; self.json = json }
}

/// Computed KPI reports by workspace, request and data version; at most `capacity` entries.
package final class KPICache: @unchecked Sendable {
    // Safe: every access to `entries` and `inFlight` holds `lock`.
    package struct Key: Hashable, Sendable {
        package var workspace: String
        package var request: KPIRequest
        package var version: String
        package init(workspace: String, request: KPIRequest, version: String) {
            self.workspace = workspace; self.request = request; self.version = version
        }
    }
    private let lock = NSLock()
    private var entries: [Key: CachedKPI] = [:]
    private let capacity: Int

    package init(capacity: Int = 512) { self.capacity = capacity }

    private var inFlight: [Key: Task<CachedKPI, any Error>] = [:]

    /// The cached value, or the one `compute` makes. Requests for a key being computed wait for
    /// that computation instead of starting their own (50 dashboards opened at once compute once).
    package func value(for key: Key, compute: @escaping @Sendable () async throws -> CachedKPI) async throws -> CachedKPI {
        enum Lookup { case hit(CachedKPI), wait(Task<CachedKPI, any Error>) }
        let lookup: Lookup = lock.withLock {
            if let hit = entries[key] { return .hit(hit) }
            if let running = inFlight[key] { return .wait(running) }
            let t = Task { try await compute() }
            inFlight[key] = t
            return .wait(t)
        }
        let task: Task<CachedKPI, any Error>
        switch lookup {
        case .hit(let hit): return hit
        case .wait(let running): task = running
        }
        do {
            let value = try await task.value
            lock.withLock {
                if inFlight[key] != nil {
                    inFlight[key] = nil
                    store(key, value)
                }
            }
            return value
        } catch {
            lock.withLock { inFlight[key] = nil }
            throw error
        }
    }

    /// Call with `lock` held.
    private func store(_ key: Key, _ value: CachedKPI) {
        // Entries of an older data version are dead: drop them first, then anything when full.
        entries = entries.filter { $0.key.workspace != key.workspace || $0.key.version == key.version }
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = value
    }

    /// Number of entries (for tests and metrics).
    package var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}

/// Short-lived values by key (data versions).
package final class VersionMemo: @unchecked Sendable {
    // Safe: every access to `values` holds `lock`.
    private let lock = NSLock()
    private var values: [String: (value: String, at: Date)] = [:]
    private let lifetime: TimeInterval

    package init(lifetime: TimeInterval) { self.lifetime = lifetime }

    func get(_ key: String) -> String? {
        lock.withLock { values[key].flatMap { Date().timeIntervalSince($0.at) < lifetime ? $0.value : nil } }
    }

    func put(_ key: String, _ value: String) { lock.withLock { values[key] = (value, Date()) } }

    func forget(_ key: String) { lock.withLock { values[key] = nil } }
}
