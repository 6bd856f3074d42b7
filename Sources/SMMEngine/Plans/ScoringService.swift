import Foundation
import SMMCore
import SMMStore

/// Evaluates plans on a store (`smmkpi score`): reads the window the periods need, computes
/// each KPI with the pure ``KPIEngine`` and hands the observations to ``Scoring``.
package struct ScoringService: Sendable {
    package var store: any Store
    package var anomalies: any AnomalySource
    /// The current instant; fixed in tests.
    package var now: @Sendable () -> Date

    package init(store: any Store, anomalies: any AnomalySource = NoAnomalies(),
                 now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.anomalies = anomalies; self.now = now
    }

    /// Today's date in the bundle's time zone (UTC before the first import).
    package func today() async throws -> LocalDate {
        let zone = try await store.settings().flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
        let instant = Instant(nanoseconds: Int64((now().timeIntervalSince1970 * 1_000_000_000).rounded()))
        return ZoneClock(timeZone: zone).localDate(of: instant)
    }

    /// The plan's scorecard as of `asOf` (default: today in the bundle's time zone).
    package func scorecard(_ plan: Plan, asOf: LocalDate? = nil) async throws -> Scorecard {
        try await history(plan, periods: 1, asOf: asOf)[0]
    }

    /// The plan evaluated on its period and the `periods − 1` periods of the same kind before it,
    /// oldest first (`score --history N`).
    package func history(_ plan: Plan, periods count: Int, asOf: LocalDate? = nil) async throws -> [Scorecard] {
        var periods = [plan.period]
        while periods.count < max(1, count) { periods.insert(periods[0].previous, at: 0) }
        let window = periods[0].previous.first...plan.period.last.adding(days: 1)
        var dataset = try await store.dataset(window: window)
        dataset.boughtFollowers = try await anomalies.boughtFollowers(window: window)
        guard !dataset.accounts.isEmpty else { throw KPIRequestError.emptyDatabase(store.location) }
        let scope: Scope
        if let ids = plan.accounts {
            do {
                scope = try Scope(accounts: ids, of: dataset.accounts)
            } catch {
                if case .unknownAccount(let id, let known) = error { throw PlanError.unknownAccount(id, known: known) }
                throw error
            }
        } else {
            scope = Scope.all(of: dataset.accounts)
        }
        let engine = KPIEngine(dataset: dataset)
        var today = asOf ?? LocalDate(dayNumber: 0)
        if asOf == nil { today = try await self.today() }
        let dataEnd = try await store.dataRange()?.upperBound
        var cards: [Scorecard] = []
        for p in periods {
            let anomalies = try await self.anomalies.suspectAnomalies(period: p, accounts: scope.accountIDs)
            cards.append(card(plan.over(p), engine: engine, scope: scope, currency: dataset.currency, today: today,
                              dataEnd: dataEnd, anomalies: anomalies))
        }
        return cards
    }

    /// One period's scorecard. A period in progress is measured from its first day to today and
    /// forecast to its end; a period that has not started yet has no data.
    func card(_ plan: Plan, engine: KPIEngine, scope: Scope, currency: String, today: LocalDate, dataEnd: LocalDate?,
              anomalies: [SuspectAnomaly]) -> Scorecard {
        let p = plan.period
        let options = plan.kpiOptions
        let ids = Array(Set(plan.kpis.map(\.metric) + [.revenue, .netFollowerGrowth]))
        let whole = engine.report(period: p, scope: scope, options: options, metrics: ids)
        let inProgress = p.contains(today)
        let notStarted = today < p.first

        var soFar: [KPIID: Double?] = [:]
        if inProgress {
            let elapsed = Period(kind: .custom, first: p.first, last: today)
            for id in ids { soFar[id] = engine.value(id, period: elapsed, scope: scope, options: options) }
        }
        func actual(_ id: KPIID) -> Double? {
            if notStarted { return nil }
            return inProgress ? soFar[id] ?? nil : whole[id]?.value
        }
        var observedDays = 0
        if inProgress, let dataEnd, dataEnd >= p.first {
            observedDays = p.first.days(to: min(today, dataEnd)) + 1
        }
        let observations = plan.kpis.map { kpi -> KPIObservation in
            var o = KPIObservation(actual: actual(kpi.metric), previous: whole[kpi.metric]?.previous)
            if inProgress {
                o.forecast = Forecast.value(kpi.metric, observedDays: observedDays, totalDays: p.dayCount,
                                            soFar: { actual($0) }, whole: { whole[$0]?.value })
            }
            return o
        }
        return Scoring.scorecard(plan: plan, observations: observations, revenue: actual(.revenue),
                                 inProgress: inProgress, asOf: today, scopeAccounts: scope.sortedAccountIDs,
                                 currency: currency, anomalies: anomalies)
    }
}
