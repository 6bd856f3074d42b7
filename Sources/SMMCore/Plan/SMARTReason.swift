import Foundation

/// The latest value a target is compared with; `stale` is its period when that is not the period
/// just before the plan's.
package struct SMARTBase: Hashable, Sendable {
    package var value: Double
    package var stale: Period?
    package init(value: Double, stale: Period?) { self.value = value; self.stale = stale }
}

/// Why a target is (or may not be) achievable: the figures behind an ``Achievability``.
/// Values are as computed; writers round them (``SMARTCheck/rounded(_:)``).
package enum AchievabilityNote: Hashable, Sendable {
    /// No value in the last `periods` periods of the plan's kind.
    case noHistory(kind: Period.Kind, periods: Int)
    /// The last period's value already lies in [low, high].
    case alreadyWithin(kind: Period.Kind, base: SMARTBase, low: Double, high: Double)
    /// The last period already reached the threshold; `hits` of `withData` periods did.
    case alreadyReached(kind: Period.Kind, base: SMARTBase, up: Bool, threshold: Double, hits: Int, withData: Int, periods: Int)
    /// Too few values for a change from one period to the next.
    case tooFewChanges(kind: Period.Kind, threshold: Double, base: SMARTBase, withData: Int, periods: Int)
    /// The change needed (percent) against the best and the median change seen.
    case change(kind: Period.Kind, need: Double, base: SMARTBase, threshold: Double, up: Bool, best: Double, median: Double, periods: Int)
    /// Values not all positive, and fewer than two of them.
    case tooFewLevels(kind: Period.Kind, threshold: Double, base: SMARTBase, withData: Int, periods: Int)
    /// The level needed against the best (or lowest) and the median level seen.
    case level(kind: Period.Kind, threshold: Double, base: SMARTBase, up: Bool, best: Double, median: Double, periods: Int)
}

/// One SMART finding's reason with its figures; ``text`` is the English sentence the CLI prints.
package enum SMARTReason: Hashable, Sendable {
    // specific
    case noAccounts
    case scope(KPIID, Target, accounts: [String])
    // measurable
    case needsAllAccounts(KPIID)
    case needsPersona
    case noData
    /// Alternatives of each missing input (`posts.reach`), any one of which would do.
    case missingInputs([[String]])
    /// The bundle files the metric reads.
    case reads([String])
    // achievable
    case achievable(Achievability, AchievabilityNote)
    // relevant
    case inTaskWithReason(BusinessTask, String)
    case reason(String)
    case noTaskNoReason
    case belongsToTask(BusinessTask)
    case notInTask(BusinessTask)
    // time-bound
    case trajectoryBeforeStart(by: LocalDate, start: LocalDate)
    case trajectory(by: LocalDate, period: Period)
    case over(Period)
}

/// A note on a plan as a whole.
package enum PlanNote: Hashable, Sendable {
    /// Accounts of the plan the database has not seen.
    case unknownAccounts([String])
    /// Metrics of the task the plan leaves out (some of the task's are in it).
    case taskAlsoSuggests(BusinessTask, [KPIID])
    /// None of the task's metrics is in the plan.
    case noTaskKPI(BusinessTask)
    case rawFollowerGrowth
    case allWeightsZero
    case bonusAboveCap(minScore: Double, cap: Double)
}

// MARK: - English, as the CLI prints it

extension SMARTBase {
    var text: String {
        Target.number(SMARTCheck.rounded(value)) + (stale.map { " (latest data, \($0.label))" } ?? "")
    }
}

extension AchievabilityNote {
    package var text: String {
        let n = Target.number, r = SMARTCheck.rounded, pct = SMARTCheck.pct
        switch self {
        case let .noHistory(kind, periods):
            return "no data in the last \(periods) \(SMARTCheck.word(kind))s to compare with"
        case let .alreadyWithin(kind, base, low, high):
            return "the last \(SMARTCheck.word(kind)) was \(base.text), already within \(n(low))…\(n(high))"
        case let .alreadyReached(kind, base, up, x, hits, withData, periods):
            let w = SMARTCheck.word(kind)
            let how = withData == 1 ? "the only \(w) with data in the last \(periods)"
                : "\(hits) of the \(withData) \(w)s with data in the last \(periods) reached it"
            return "the last \(w) was \(base.text), already \(up ? "at or above" : "at or below") \(n(r(x))); \(how)"
        case let .tooFewChanges(kind, x, base, withData, periods):
            let w = SMARTCheck.word(kind)
            return "needs \(n(r(x))) (last \(w): \(base.text)); only \(withData) \(w)\(withData == 1 ? "" : "s") with data in the last \(periods), not enough to judge the change from one \(w) to the next"
        case let .change(kind, need, base, x, up, best, median, periods):
            return "needs \(pct(need)) (\(base.text) → \(n(r(x)))); the best \(SMARTCheck.word(kind)) of the last \(periods) \(up ? "grew" : "fell") \(pct(best)), the median change was \(pct(median))"
        case let .tooFewLevels(kind, x, base, withData, periods):
            let w = SMARTCheck.word(kind)
            return "needs \(n(r(x))) (last \(w): \(base.text)); only \(withData) \(w) with data in the last \(periods), not enough to compare"
        case let .level(kind, x, base, up, best, median, periods):
            let w = SMARTCheck.word(kind)
            return "needs \(n(r(x))) (last \(w): \(base.text)); the \(up ? "best" : "lowest") \(w) of the last \(periods) was \(n(r(best))), the median \(n(r(median)))"
        }
    }
}

extension SMARTReason {
    package var text: String {
        switch self {
        case .noAccounts:
            return "the scope has no accounts: import data (smmkpi import) first"
        case let .scope(metric, target, accounts):
            let shown = accounts.prefix(5).joined(separator: ", ") + (accounts.count > 5 ? ", …" : "")
            return "\(metric.rawValue) (\(metric.unit.rawValue), \(target.summary)) over \(accounts.count) account\(accounts.count == 1 ? "" : "s"): \(shown)"
        case .needsAllAccounts(let metric):
            return "\(metric.rawValue) only has data when the plan covers every account; with some accounts it is always null"
        case .needsPersona:
            return "audience_match needs a `persona` in the plan"
        case .noData:
            return "the database has no data yet: nothing can be measured"
        case .missingInputs(let missing):
            return "needs \(missing.map { $0.joined(separator: " or ") }.joined(separator: "; ")), which the imported data does not have"
        case .reads(let files):
            return "reads " + files.joined(separator: ", ")
        case let .achievable(verdict, note):
            return "\(verdict.rawValue): \(note.text)"
        case let .inTaskWithReason(task, reason):
            return "in the \(task.rawValue) set; reason: \(reason)"
        case .reason(let reason):
            return "reason: \(reason)"
        case .noTaskNoReason:
            return "the plan names no `task` and the KPI gives no `reason`: relevance cannot be checked"
        case .belongsToTask(let task):
            return "belongs to the task \(task.rawValue)"
        case .notInTask(let task):
            return "not in the \(task.rawValue) set (\(task.kpis.map(\.rawValue).joined(separator: ", "))); add `reason:` saying why it belongs, or drop it"
        case let .trajectoryBeforeStart(by, start):
            return "the trajectory date \(by) is before the period starts (\(start))"
        case let .trajectory(by, period):
            return "a trajectory to \(by), evaluated over \(period.label)"
        case .over(let period):
            return "over \(period.label) (\(period.first) – \(period.last))"
        }
    }
}

extension PlanNote {
    package var text: String {
        switch self {
        case .unknownAccounts(let ids):
            return "accounts \(ids.joined(separator: ", ")) are not in the database; the plan cannot be saved or scored until they are imported"
        case let .taskAlsoSuggests(task, missing):
            return "the task \(task.rawValue) also suggests \(missing.map(\.rawValue).joined(separator: ", ")), which the plan leaves out"
        case .noTaskKPI(let task):
            return "no KPI of the task \(task.rawValue) is in the plan (its set: \(task.kpis.map(\.rawValue).joined(separator: ", ")))"
        case .rawFollowerGrowth:
            return "net_follower_growth counts bought followers too; net_follower_growth_clean subtracts the detector's estimate"
        case .allWeightsZero:
            return "every weight is 0: the score will always be null"
        case let .bonusAboveCap(minScore, cap):
            return "bonus.min_score \(Target.number(minScore)) is above the cap \(Target.number(cap)): the score part is never paid"
        }
    }
}
