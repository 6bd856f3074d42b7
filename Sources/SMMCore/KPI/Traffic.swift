import Foundation

/// Sums over web_sessions rows in P and scope.
struct TrafficTotals {
    /// A row in P that the scope rule keeps, before the social filter (the web_sessions null rule).
    var anyRow = false
    /// Over social rows.
    var sessions: Int64 = 0
    var users = Tally()
    var goals = Tally()
    var pageviews = RatioTally()
    var duration = RatioTally()
    var bounces = RatioTally()
    var conversions = RatioTally()

    init(_ c: KPICalculator) {
        let period = c.period
        c.index.webSessions.forEach(in: c.scope) { row in
            guard period.contains(row.date) else { return }
            anyRow = true
            guard row.source.isSocial else { return }
            sessions += row.sessions
            users.add(row.users)
            goals.add(row.goalCompletions)
            pageviews.add(row.pageviews, row.sessions)
            duration.add(row.durationSeconds, row.sessions)
            bounces.add(row.bounces, row.sessions)
            conversions.add(row.goalCompletions, row.sessions)
        }
    }
}

extension KPICalculator {
    /// Traffic (трафик на сайт из соцсетей): social web_sessions rows in P and scope.
    func traffic(_ id: KPIID) -> Double? {
        guard presence.has(.webSessions) else { return nil }
        let t = shared.memo(\.traffic, networkKey) { TrafficTotals(self) }
        switch id {
        case .socialSessions:
            /// Σ sessions
            return t.anyRow ? Double(t.sessions) : nil
        case .socialUsers:
            /// Σ users
            return t.anyRow && presence.hasValues(.webSessions, column: "users") ? Double(t.users.sum) : nil
        case .pagesPerSession:
            /// Σ pageviews / Σ sessions
            return t.pageviews.value()
        case .avgSessionSeconds:
            /// Σ duration_seconds / Σ sessions
            return t.duration.value()
        case .bounceRate:
            /// Σ bounces / Σ sessions × 100
            return t.bounces.value(scale: 100)
        case .goalCompletions:
            /// Σ goal_completions
            return t.anyRow && presence.hasValues(.webSessions, column: "goal_completions") ? Double(t.goals.sum) : nil
        case .webConversionRate:
            /// Σ goal_completions / Σ sessions × 100 (CR)
            return t.conversions.value(scale: 100)
        default:
            preconditionFailure("\(id) is not a traffic metric")
        }
    }
}
