import Foundation

/// Computes the metrics of kpi-catalog.md over a ``KPIDataset``: pure, synchronous, no I/O.
///
/// Build it once per dataset (it indexes the rows), then ask for any number of reports.
package struct KPIEngine: Sendable {
    let index: KPIIndex

    package init(dataset: KPIDataset) { index = KPIIndex(dataset) }

    /// The default scope of this dataset: every account.
    package var allAccounts: Scope { Scope.all(of: index.accounts) }

    /// Every requested metric (default: all, sorted by id) for `period` and its previous period,
    /// with breakdown groups when `breakdown` is given (kpi-catalog.md "Breakdowns").
    package func report(period: Period, scope: Scope, options: KPIOptions = KPIOptions(),
                        metrics requested: [KPIID]? = nil, breakdown: Breakdown? = nil) -> KPIReport {
        let ids = Array(Set(requested ?? KPIID.allCases)).sorted()
        let shared = KPISharedTotals()
        let previous = period.previous
        let current = KPICalculator(index: index, options: options, scope: scope, period: period, shared: shared)
        let before = KPICalculator(index: index, options: options, scope: scope, period: previous, shared: shared)
        let metrics = ids.map { KPIResult(id: $0, value: current.value($0), previous: before.value($0)) }

        var groups: [KPIGroup]?
        if let breakdown {
            if breakdown.isPostDimension {
                groups = postGroups(breakdown, ids: ids, current: current, before: before, options: options,
                                    shared: shared)
            } else {
                let whole = Dictionary(uniqueKeysWithValues: metrics.map { ($0.id, $0) })
                groups = scopeGroups(breakdown, ids: ids, scope: scope, period: period, options: options,
                                     shared: shared, whole: whole)
            }
        }
        return KPIReport(period: period, previous: previous, scopeAccounts: scope.sortedAccountIDs,
                         currency: index.currency, metrics: metrics, groups: groups)
    }

    /// One metric over one period (no previous period, no breakdown).
    package func value(_ id: KPIID, period: Period, scope: Scope, options: KPIOptions = KPIOptions()) -> Double? {
        KPICalculator(index: index, options: options, scope: scope, period: period, shared: KPISharedTotals())
            .value(id)
    }

    /// `--by account` / `--by network`: each group is a scope of its own, even without data;
    /// labour metrics show the whole scope's values (work_log has no account).
    private func scopeGroups(_ breakdown: Breakdown, ids: [KPIID], scope: Scope, period: Period,
                             options: KPIOptions, shared: KPISharedTotals, whole: [KPIID: KPIResult]) -> [KPIGroup] {
        let all = Set(index.accounts.map(\.id))
        var scopes: [(key: String, scope: Scope)] = []
        switch breakdown {
        case .account:
            for id in scope.accountIDs {
                guard let account = index.accountByID[id] else { continue }
                scopes.append((id, Scope(accountIDs: [id], networks: [account.network], isAllAccounts: all == [id])))
            }
        case .network:
            for network in scope.networks {
                let ids = scope.accountIDs.filter { index.accountByID[$0]?.network == network }
                scopes.append((network.rawValue,
                               Scope(accountIDs: ids, networks: [network], isAllAccounts: all.isSubset(of: ids))))
            }
        default:
            preconditionFailure("\(breakdown) is a post dimension")
        }
        scopes.sort { codePointLess($0.key, $1.key) }
        return scopes.map { key, groupScope in
            let current = KPICalculator(index: index, options: options, scope: groupScope, period: period,
                                        shared: shared)
            let before = KPICalculator(index: index, options: options, scope: groupScope, period: period.previous,
                                       shared: shared)
            let metrics = ids.map { id in
                if id.group == .labour, let w = whole[id] { return w }
                return KPIResult(id: id, value: current.value(id), previous: before.value(id))
            }
            return KPIGroup(key: key, metrics: metrics)
        }
    }

    /// `--by format|topic|campaign|partner`: the scope's posts published in P or the previous
    /// period, grouped by that column (the null key last); only the post metrics.
    private func postGroups(_ breakdown: Breakdown, ids: [KPIID], current: KPICalculator, before: KPICalculator,
                            options: KPIOptions, shared: KPISharedTotals) -> [KPIGroup] {
        let shown = Set(Breakdown.postMetrics)
        let groupIDs = ids.filter(shown.contains)
        let now = Dictionary(grouping: current.postsInPeriod, by: breakdown.postKey)
        let then = Dictionary(grouping: before.postsInPeriod, by: breakdown.postKey)
        let keys = Set(now.keys).union(then.keys).sorted { a, b in
            switch (a, b) {
            case let (a?, b?): return codePointLess(a, b)
            case (.some, nil): return true
            default: return false
            }
        }
        return keys.map { key in
            let c = KPICalculator(index: index, options: options, scope: current.scope, period: current.period,
                                  shared: shared, posts: now[key] ?? [])
            let b = KPICalculator(index: index, options: options, scope: before.scope, period: before.period,
                                  shared: shared, posts: then[key] ?? [])
            return KPIGroup(key: key, metrics: groupIDs.map { KPIResult(id: $0, value: c.value($0), previous: b.value($0)) })
        }
    }
}
