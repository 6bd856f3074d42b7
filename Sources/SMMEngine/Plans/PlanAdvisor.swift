import Foundation
import SMMCore
import SMMStore

/// Proposes plans from history and checks them (`smmkpi plan new`, `smmkpi plan check`).
package struct PlanAdvisor: Sendable {
    package var store: any Store
    /// Supplies the bought-followers estimates net_follower_growth_clean subtracts.
    package var anomalies: any AnomalySource
    package init(store: any Store, anomalies: any AnomalySource = NoAnomalies()) {
        self.store = store; self.anomalies = anomalies
    }

    /// Each metric's values over the `count` periods of `period`'s kind just before it, oldest
    /// first; null for a period that starts before the first date with data.
    package func history(of metrics: [KPIID], before period: Period, count: Int, accounts: [String]?,
                         options: KPIOptions) async throws -> [KPIID: [HistoryPoint]] {
        guard count > 0, !metrics.isEmpty else { return [:] }
        var periods: [Period] = [period.previous]
        while periods.count < count { periods.insert(periods[0].previous, at: 0) }
        let window = periods[0].first...period.first
        var dataset = try await store.dataset(window: window)
        dataset.boughtFollowers = try await anomalies.boughtFollowers(window: window)
        guard !dataset.accounts.isEmpty else { return [:] }
        let scope: Scope
        if let accounts {
            do {
                scope = try Scope(accounts: accounts, of: dataset.accounts)
            } catch {
                if case .unknownAccount(let id, let known) = error { throw PlanError.unknownAccount(id, known: known) }
                throw error
            }
        } else {
            scope = Scope.all(of: dataset.accounts)
        }
        let engine = KPIEngine(dataset: dataset)
        // A period that starts before the data does is absence, not history (counts would read 0).
        let dataStart = try await store.dataRange()?.lowerBound
        var out: [KPIID: [HistoryPoint]] = [:]
        for p in periods {
            let covered = dataStart.map { p.first >= $0 } ?? false
            let values = Dictionary(uniqueKeysWithValues: metrics.map {
                ($0, covered ? engine.value($0, period: p, scope: scope, options: options) : nil)
            })
            for id in metrics { out[id, default: []].append(HistoryPoint(period: p, value: values[id] ?? nil)) }
        }
        return out
    }

    /// A plan for `task` over `period`: the task's KPIs (and `extra`), targets from the median of
    /// the last `basis` periods improved by `improvement` %, weights by hard/soft.
    package func suggest(task: BusinessTask?, extra: [KPIID] = [], period: Period, accounts: [String]? = nil,
                         assignee: String? = nil, name: String? = nil,
                         improvement: Double = PlanSuggester.defaultImprovement,
                         basis: Int = PlanSuggester.defaultBasis) async throws -> PlanSuggestion {
        let known = try await store.accounts().map(\.id)
        guard !known.isEmpty else { throw KPIRequestError.emptyDatabase(store.location) }
        let allAccounts = accounts.map { Set(known).isSubset(of: Set($0)) } ?? true
        let metrics = PlanSuggester.metrics(for: task, extra: extra, allAccounts: allAccounts).metrics
        let options = KPIOptions(assignee: assignee)
        let history = try await history(of: metrics, before: period, count: basis, accounts: accounts, options: options)
        return PlanSuggester.suggest(task: task, extra: extra, period: period, name: name, assignee: assignee,
                                     accounts: accounts, allAccounts: allAccounts, history: history,
                                     improvement: improvement)
    }

    /// The SMART checks of a plan against the database: its accounts, what it has imported and
    /// the last 12 periods of each metric.
    package func check(_ plan: Plan) async throws -> PlanCheck {
        let accounts = try await store.accounts()
        let scopeAccounts: [String]
        if let ids = plan.accounts {
            let known = Set(accounts.map(\.id))
            scopeAccounts = ids.filter(known.contains).sorted(by: codePointLess)
        } else {
            scopeAccounts = accounts.map(\.id).sorted(by: codePointLess)
        }
        var history: [KPIID: [HistoryPoint]] = [:]
        var presence: Presence?
        if !accounts.isEmpty, !scopeAccounts.isEmpty {
            presence = try await store.presence()
            let metrics = Array(Set(plan.kpis.map(\.metric))).sorted()
            history = try await self.history(of: metrics, before: plan.period, count: SMARTCheck.historyLength,
                                             accounts: plan.accounts == nil ? nil : scopeAccounts,
                                             options: plan.kpiOptions)
        }
        let allAccounts = Set(accounts.map(\.id)).isSubset(of: Set(scopeAccounts))
        var check = SMARTCheck.check(plan: plan, scopeAccounts: scopeAccounts, allAccounts: allAccounts,
                                     presence: presence, history: history)
        let unknown = (plan.accounts ?? []).filter { id in !accounts.contains { $0.id == id } }
        if !unknown.isEmpty {
            check.planNotes.insert(.unknownAccounts(unknown), at: 0)
        }
        return check
    }
}
