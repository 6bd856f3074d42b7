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
    package let loginLimiter: LoginRateLimiter
    package let logger: Logger

    package init(databases: Databases, configuration: ServerConfiguration, logger: Logger) {
        self.databases = databases
        self.configuration = configuration
        self.kpiCache = KPICache()
        self.loginLimiter = LoginRateLimiter(limit: configuration.loginAttempts, window: configuration.loginWindow)
        self.logger = logger
    }

    package var home: any HomeStore { databases.home }

    /// The engine services over one workspace's data store. Only routes under `{workspace}`
    /// should call this, with the workspace the workspace middleware checked (`context.workspace`).
    package func workspace(_ workspace: Workspace) throws -> WorkspaceServices {
        WorkspaceServices(workspace: workspace, store: try databases.store(for: workspace), kpiCache: kpiCache, logger: logger)
    }
}

/// The engine's services bound to one workspace's data store (docs/web-server.md).
package struct WorkspaceServices: Sendable {
    package let workspace: Workspace
    package let store: any Store
    let kpiCache: KPICache
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
        if let hit = kpiCache.get(key) { return hit }
        let report = try await kpi.report(period: request.period, accounts: request.accounts, metrics: request.metrics,
                                          breakdown: request.breakdown)
        let entry = CachedKPI(report: report, json: try KPIJSON.data(report))
        kpiCache.put(key, entry)
        return entry
    }

    /// Changes with every import and every verdict on an anomaly.
    package func dataVersion() async throws -> String {
        guard let a = store as? any Store & AnomalyStore else { return "unversioned-\(UUID())" }
        let verdicts = try await a.verdictedAnomalies()
        var h = Hasher()
        for v in verdicts { h.combine(v.id); h.combine(v.status.rawValue); h.combine(v.verdict?.at.nanoseconds) }
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
}

/// Computed KPI reports by workspace, request and data version; at most `capacity` entries.
package final class KPICache: @unchecked Sendable {
    // Safe: every access to `entries` holds `lock`.
    struct Key: Hashable { var workspace: String; var request: KPIRequest; var version: String }
    private let lock = NSLock()
    private var entries: [Key: CachedKPI] = [:]
    private let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    func get(_ key: Key) -> CachedKPI? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func put(_ key: Key, _ value: CachedKPI) {
        lock.lock()
        defer { lock.unlock() }
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
