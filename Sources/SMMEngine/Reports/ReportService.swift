import Foundation
import Logging
import SMMCore
import SMMReports
import SMMStore

/// Errors of report requests, as sentences.
package enum ReportRequestError: Error, Equatable, LocalizedError {
    case periodKind(kind: ReportKind, period: String)

    package var errorDescription: String? {
        switch self {
        case .periodKind(.weekly, let p):
            return "A weekly report covers an ISO week, and “\(p)” is not one; give --period like 2024-W47."
        case .periodKind(.monthly, let p):
            return "A monthly report covers a month, and “\(p)” is not one; give --period like 2024-11."
        case .periodKind(_, let p):
            return "“\(p)” is not a period this report covers."
        }
    }
}

/// What a report is asked for.
package struct ReportRequest: Sendable {
    package var kind: ReportKind
    package var period: Period
    /// Scope accounts; nil or empty: all (a plan's accounts win when a plan is given).
    package var accounts: [String]?
    /// The plan whose KPIs are the task's KPIs, scored in the monthly review.
    package var plan: Plan?
    /// The business task whose KPI set to show when there is no plan.
    package var task: BusinessTask?
    package var language: ReportLanguage
    /// When the report is made (its "generated" line; the scorecard's today).
    package var now: Date

    package init(kind: ReportKind, period: Period, accounts: [String]? = nil, plan: Plan? = nil, task: BusinessTask? = nil,
                 language: ReportLanguage, now: Date = Date()) {
        self.kind = kind; self.period = period; self.accounts = accounts; self.plan = plan; self.task = task
        self.language = language; self.now = now
    }
}

/// Builds report models from a store: KPIs of the period and the periods before it, the plan's
/// scorecard, open anomalies, unanswered questions, the content plan and rule-based findings.
/// Wiring only: the numbers come from ``KPIEngine``, ``ScoringService``, ``AnomalyService`` and
/// ``SentimentService``.
package struct ReportService: Sendable {
    package var store: any Store
    package var logger: Logger

    package init(store: any Store, logger: Logger = Logger(label: "smmkpi.reports")) {
        self.store = store; self.logger = logger
    }

    /// The headline KPIs without a plan or task: one or two per area, what a director reads first.
    package static let headline: [KPIID] = [
        .reachTotal, .erReach, .netFollowerGrowthClean, .followersEnd, .postsPublished, .leads, .cpl, .revenue,
        .roi, .responseSLARate, .commentNegativeShare, .planCompletionRate,
    ]

    /// Weeks (weekly) or months (monthly) in the trend charts, the report's period included.
    package static func trendLength(_ kind: ReportKind) -> Int { kind == .weekly ? 8 : 6 }

    /// The period a report of `kind` made on `today` covers: the last one that has ended
    /// (weekly: the previous ISO week; monthly: the previous month).
    package static func periodJustEnded(_ kind: ReportKind, today: LocalDate) -> Period {
        switch kind {
        case .weekly:
            let w = Period.isoWeek(of: today)
            return Period.isoWeek(year: w.year, week: w.week)!.previous
        case .monthly:
            return Period.month(year: today.year, month: today.month)!.previous
        }
    }

    package func model(_ request: ReportRequest) async throws -> ReportModel {
        let p = request.period
        switch (request.kind, p.kind) {
        case (.weekly, .week), (.monthly, .month): break
        default: throw ReportRequestError.periodKind(kind: request.kind, period: p.label)
        }
        var trend = [p]
        while trend.count < Self.trendLength(request.kind) { trend.insert(trend[0].previous, at: 0) }
        let nextWeek = Period(kind: .custom, first: p.last.adding(days: 1), last: p.last.adding(days: 7))
        let window = trend[0].previous.first...max(p.last.adding(days: 1), nextWeek.last)
        var dataset = try await store.dataset(window: window)
        guard !dataset.accounts.isEmpty else { throw KPIRequestError.emptyDatabase(store.location) }
        var openAnomalies: [Anomaly] = []
        if let anomalyStore = store as? any Store & AnomalyStore {
            let service = AnomalyService(store: anomalyStore, logger: logger)
            dataset.boughtFollowers = try await service.boughtFollowers(window: window)
            openAnomalies = try await service.all().filter { a in
                a.status == .open && a.from <= p.last && a.to >= p.first
            }
        }
        let ids = request.plan?.accounts ?? request.accounts
        let scope = try (ids?.isEmpty == false) ? Scope(accounts: ids!, of: dataset.accounts) : Scope.all(of: dataset.accounts)
        openAnomalies = openAnomalies.filter { scope.contains(account: $0.accountID) }
        let options = request.plan?.kpiOptions ?? KPIOptions()
        let engine = KPIEngine(dataset: dataset)
        let full = engine.report(period: p, scope: scope, options: options)
        let settings = try await store.settings()

        var scorecard: Scorecard?
        if request.kind == .monthly, let plan = request.plan {
            let scoring = ScoringService(store: store, anomalies: anomalySource(for: store), now: { request.now })
            scorecard = try await scoring.scorecard(plan.over(p))
        }
        var questions: [CommentRow] = []
        if store is any LabelStore {
            questions = try await SentimentService(store: store).comments(
                CommentQuery(period: p, accounts: scope.sortedAccountIDs, unansweredQuestions: true))
        }
        // Charts start where the data starts: periods before the first imported day would show as
        // zeros that never happened.
        if let first = try await store.dataRange()?.lowerBound {
            while trend.count > 1, trend[0].last < first { trend.removeFirst() }
        }
        let input = ReportInput(
            request: request, scope: scope, dataset: dataset, engine: engine, full: full, trend: trend,
            nextWeek: nextWeek, options: options, scorecard: scorecard, anomalies: openAnomalies, questions: questions,
            timeZone: settings?.timeZone ?? "UTC")
        return ReportBuilder(input: input).build()
    }
}

/// Everything a report is assembled from.
struct ReportInput {
    var request: ReportRequest
    var scope: Scope
    var dataset: KPIDataset
    var engine: KPIEngine
    var full: KPIReport
    var trend: [Period]
    var nextWeek: Period
    var options: KPIOptions
    var scorecard: Scorecard?
    var anomalies: [Anomaly]
    var questions: [CommentRow]
    var timeZone: String
}

extension ReportService {
    /// The report in a format, with its model (for the file name and the JSON of webhooks).
    package func render(_ request: ReportRequest, as format: ReportFileFormat,
                        renderer: ReportRenderer? = nil) async throws -> (model: ReportModel, data: Data) {
        let model = try await model(request)
        let r = renderer ?? ReportRenderer(logger: logger)
        return (model, try await r.render(model, as: format))
    }

    /// Today in the store's time zone (UTC before the first import).
    package func today(now: Date) async throws -> LocalDate {
        let zone = try await store.settings().flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
        let instant = Instant(nanoseconds: Int64((now.timeIntervalSince1970 * 1_000_000_000).rounded()))
        return ZoneClock(timeZone: zone).localDate(of: instant)
    }
}
