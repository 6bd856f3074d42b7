import Foundation
import Logging
import SMMCore
import SMMStore

/// Errors of the KPI requests, as sentences.
package enum KPIRequestError: Error, Equatable, LocalizedError {
    case unknownMetric(String)
    case emptyDatabase(String)
    case badPlanFile(path: String, reason: String)

    package var errorDescription: String? {
        switch self {
        case .unknownMetric(let id):
            return "“\(id)” is not a metric id of the KPI catalog; run `smmkpi kpi --list-metrics` to see them (for example er_reach, cpl, followers_end)."
        case .emptyDatabase(let location):
            return "The database \(location) has no data yet; import a bundle first (smmkpi import BUNDLE) or load demo data (smmkpi demo)."
        case .badPlanFile(let path, let reason):
            return "The plan \(path) cannot be read: \(reason)."
        }
    }
}

/// Computes KPI reports from a store (cli.md `kpi`): reads the window the period needs,
/// then hands it to the pure ``KPIEngine``.
package struct KPIService: Sendable {
    package var store: any Store
    /// Debug level: how long each phase of a report took (read, anomalies, engine).
    package var logger: Logger
    package init(store: any Store, logger: Logger = Logger(label: "smmkpi.kpi")) {
        self.store = store; self.logger = logger
    }

    /// Canonical metric ids from user input (trimmed, case-insensitive).
    package static func metrics(_ raw: [String]) throws -> [KPIID] {
        try raw.flatMap { $0.split(separator: ",") }.map { part in
            let id = part.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard let k = KPIID(rawValue: id) else { throw KPIRequestError.unknownMetric(String(part)) }
            return k
        }
    }

    package func report(period: Period, accounts: [String]? = nil, metrics: [KPIID]? = nil,
                        breakdown: Breakdown? = nil, options: KPIOptions = KPIOptions()) async throws -> KPIReport {
        let window = KPIDataset.window(for: period)
        let clock = ContinuousClock()
        let t0 = clock.now
        var dataset = try await store.dataset(window: window)
        guard !dataset.accounts.isEmpty else { throw KPIRequestError.emptyDatabase(store.location) }
        let t1 = clock.now
        // net_follower_growth_clean subtracts the open and confirmed bought-followers estimates
        // (the detector's result is cached in the store until the next import).
        if let anomalies = store as? any Store & AnomalyStore {
            dataset.boughtFollowers = try await AnomalyService(store: anomalies).boughtFollowers(window: window)
        }
        let t2 = clock.now
        let scope: Scope
        if let accounts, !accounts.isEmpty {
            scope = try Scope(accounts: accounts, of: dataset.accounts)
        } else {
            scope = Scope.all(of: dataset.accounts)
        }
        let rows = (comments: dataset.comments.count, posts: dataset.posts.count)
        let report = KPIEngine(dataset: dataset).report(period: period, scope: scope, options: options,
                                                        metrics: metrics, breakdown: breakdown)
        let t3 = clock.now
        logger.debug("""
            kpi \(period.label): read \(rows.comments) comments, \(rows.posts) posts in \
            \((t1 - t0).seconds) s; anomalies \((t2 - t1).seconds) s; engine \((t3 - t2).seconds) s
            """)
        return report
    }

    /// The persona and SLA of a plan file, for `kpi --plan` (its period, accounts and
    /// assignee are not used there: cli.md).
    package static func options(fromPlan path: String) throws -> KPIOptions {
        // The full plan reader, so `kpi --plan` and `score` accept and refuse the same files.
        let plan = try PlanReader.read(path: path)
        return KPIOptions(slaHours: plan.slaHours ?? Plan.defaultSLAHours, persona: plan.persona)
    }
}
