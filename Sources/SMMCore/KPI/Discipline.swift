import Foundation

/// Plan items in P: content_plan rows of scope accounts with due_at in P.
struct PlanTotals {
    var count: Int64 = 0
    /// The post exists and was published on or before the last day of P.
    var completed: Int64 = 0
    /// The post exists, was published at or before due_at, and approved is not false.
    var onTime: Int64 = 0

    init(_ c: KPICalculator) {
        for account in c.scopeAccounts {
            for fact in c.index.planItems[account] ?? [] where c.period.contains(fact.item.dueDate) {
                count += 1
                if let date = fact.postLocalDate, date <= c.period.last { completed += 1 }
                if let published = fact.postPublishedAt, published <= fact.item.dueAt, fact.item.approved != false {
                    onTime += 1
                }
            }
        }
    }
}

extension KPICalculator {
    /// Discipline and labour (контент-план, трудозатраты).
    func discipline(_ id: KPIID) -> Double? {
        switch id {
        case .planItems:
            /// plan items in P
            return presence.has(.contentPlan) ? Double(planTotals.count) : nil
        case .planCompletionRate:
            /// items whose post exists and was published on or before the last day of P / plan_items × 100
            guard presence.has(.contentPlan), presence.has(.posts) else { return nil }
            return ratio(planTotals.completed, planTotals.count, scale: 100)
        case .planOnTimeRate:
            /// items whose post exists, was published at or before due_at, and approved is not false
            /// / plan_items × 100
            guard presence.has(.contentPlan), presence.has(.posts) else { return nil }
            return ratio(planTotals.onTime, planTotals.count, scale: 100)
        case .hoursSpent:
            /// Σ hours of work_log rows in P (in a plan, only the rows whose person equals the plan's
            /// assignee after trimming); never scoped by account
            return hoursSum.double
        case .postsPerHour:
            /// posts_published / hours_spent
            guard let hours = hoursSum, hours != 0, let posts = value(.postsPublished) else { return nil }
            return ratio(Decimal(Int64(posts)), hours)
        default:
            preconditionFailure("\(id) is not a discipline metric")
        }
    }

    /// hours_spent, exact: work_log is not scoped by account, so one value per period.
    var hoursSum: Decimal? {
        guard presence.has(.workLog) else { return nil }
        let key = NetworkKey(Scope(accountIDs: [], networks: [], isAllAccounts: true), period)
        return shared.memo(\.hours, key) {
            let assignee = options.trimmedAssignee
            var total = Decimal(0)
            for row in index.workLog where period.contains(row.date) {
                if let assignee, row.person.trimmingCharacters(in: .whitespacesAndNewlines) != assignee { continue }
                total += row.hours
            }
            return total
        }
    }
}
