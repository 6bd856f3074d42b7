import Foundation
import Logging
import ServiceLifecycle
import SMMCore
import SMMReports
import SMMStore

/// A workspace whose schedules the scheduler runs.
package struct ScheduledWorkspace: Sendable {
    package var slug: String
    package var store: any Store & ScheduleStore
    package init(slug: String, store: any Store & ScheduleStore) { self.slug = slug; self.store = store }
}

/// What one pass did for one schedule.
package struct DeliveryResult: Sendable, Equatable {
    package var workspace: String
    package var scheduleID: Int64
    package var period: String
    package var state: DeliveryState
    package var attempts: Int
    package var error: String?
}

/// Runs due report schedules: every `interval` it lists the workspaces, and for each schedule whose
/// latest firing time (in the workspace's time zone) has passed, delivers the report of the period
/// that ended last, once.
///
/// Never twice: a delivery is keyed `schedule-<id>:<period>` and claimed in the store before
/// anything is sent. The state is `sending` exactly while an HTTP request is in flight; a process
/// that finds a delivery `sending` (its predecessor stopped mid-request) cannot know whether it
/// arrived, so it marks it `interrupted` and does not send it again (at most once). A delivery left
/// `pending` (stopped before the first request or while waiting to retry after a 429/5xx, which
/// the receiver did not take) is resumed.
///
/// Several servers may share one database (PostgreSQL): the claim is atomic, each attempt starts
/// with a conditional `pending → sending` update that only one of them wins, and a `sending`
/// younger than the request timeout (plus ``inFlightMargin``) is taken for another server's
/// request in flight and left alone until it is older.
package struct ReportScheduler: Service {
    /// Seconds added to the request timeout before a `sending` delivery counts as interrupted.
    package static let inFlightMargin: Double = 30

    package var workspaces: @Sendable () async throws -> [ScheduledWorkspace]
    package var delivery: ReportDelivery
    package var renderer: ReportRenderer
    package var now: @Sendable () -> Date
    package var sleep: @Sendable (Duration) async throws -> Void
    package var interval: Duration
    package var logger: Logger

    package init(workspaces: @escaping @Sendable () async throws -> [ScheduledWorkspace], delivery: ReportDelivery,
                 renderer: ReportRenderer? = nil, now: @escaping @Sendable () -> Date = { Date() },
                 sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                 interval: Duration = .seconds(30), logger: Logger = Logger(label: "smmkpi.scheduler")) {
        self.workspaces = workspaces; self.delivery = delivery; self.renderer = renderer ?? ReportRenderer(logger: logger)
        self.now = now; self.sleep = sleep; self.interval = interval; self.logger = logger
    }

    package func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    _ = await self.runDue()
                    try await self.sleep(self.interval)
                }
            }
        } catch is CancellationError {
            // Graceful shutdown cancels the wait between passes: a normal end, not a failure of `serve`.
        }
    }

    /// One pass over every workspace and schedule.
    package func runDue() async -> [DeliveryResult] {
        let list: [ScheduledWorkspace]
        do {
            list = try await workspaces()
        } catch {
            logger.error("could not list the workspaces: \(error)")
            return []
        }
        var results: [DeliveryResult] = []
        for ws in list {
            do {
                results += try await runDue(ws)
            } catch {
                logger.error("workspace \(ws.slug): \(error.localizedDescription)")
            }
        }
        return results
    }

    func runDue(_ ws: ScheduledWorkspace) async throws -> [DeliveryResult] {
        let zone = try await ws.store.settings().flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
        var results: [DeliveryResult] = []
        for schedule in try await ws.store.schedules() {
            guard let kind = ReportKind(rawValue: schedule.kind), let time = try? ScheduleTime(kind: kind, parsing: schedule.at) else {
                logger.error("workspace \(ws.slug): schedule \(schedule.id) has an unreadable time “\(schedule.at)”")
                continue
            }
            let fired = time.lastOccurrence(atOrBefore: now(), in: zone)
            // A schedule delivers from its first firing after it was added, never a backlog.
            guard fired.instant >= schedule.createdAt else { continue }
            let period = time.period(firedOn: fired.date)
            if let r = try await deliver(schedule, period: period, in: ws) { results.append(r) }
        }
        return results
    }

    package static func key(scheduleID: Int64, period: Period) -> String { "schedule-\(scheduleID):\(period.label)" }

    /// Delivers one schedule's report for `period` unless it was delivered (or attempted) before.
    func deliver(_ schedule: ReportScheduleRecord, period: Period, in ws: ScheduledWorkspace) async throws -> DeliveryResult? {
        let store = ws.store
        let key = Self.key(scheduleID: schedule.id, period: period)
        let (record, _) = try await store.claimDelivery(key: key, scheduleID: schedule.id, period: period.label, at: now())
        func result(_ state: DeliveryState, _ attempts: Int, _ error: String?) -> DeliveryResult {
            DeliveryResult(workspace: ws.slug, scheduleID: schedule.id, period: period.label, state: state, attempts: attempts, error: error)
        }
        func log(_ attempt: Int, _ status: String, _ http: Int?, _ error: String?) async throws {
            try await store.appendDeliveryLog(DeliveryLogEntry(time: now(), scheduleID: schedule.id, period: period.label,
                                                               attempt: attempt, status: status, httpStatus: http, error: error))
        }
        switch record.state {
        case .sent, .failed, .interrupted:
            return nil
        case .sending:
            // Another server sharing the database may be sending it right now: only a request older
            // than the longest one can be (timeout plus a margin) belongs to a process that stopped.
            let inFlight = Double(delivery.configuration.requestTimeoutSeconds) + Self.inFlightMargin
            if now().timeIntervalSince(record.updatedAt) < inFlight {
                logger.info("workspace \(ws.slug): delivery \(key) is in flight in another process")
                return nil
            }
            let why = "The process stopped while attempt \(record.attempts) was in flight; the report may have arrived, so it is not sent again."
            try await store.updateDelivery(key: key, state: .interrupted, attempts: record.attempts, error: why, at: now())
            try await log(record.attempts, "interrupted", nil, why)
            logger.warning("workspace \(ws.slug): delivery \(key) interrupted")
            return result(.interrupted, record.attempts, why)
        case .pending:
            break
        }
        // Make the report (a failure here sends nothing and is final for this period).
        let payload: DeliveryPayload
        let target: DeliveryTarget
        do {
            target = try DeliveryTarget(parsing: schedule.target)
            payload = try await self.payload(schedule, period: period, key: key, store: store)
        } catch {
            let why = "The report could not be made: \(error.localizedDescription)"
            try await store.updateDelivery(key: key, state: .failed, attempts: record.attempts, error: why, at: now())
            try await log(record.attempts, "failed", nil, why)
            return result(.failed, record.attempts, why)
        }
        var attempt = record.attempts
        let config = delivery.configuration
        while true {
            attempt += 1
            // Another server sharing the database may have claimed the same pending delivery: only
            // the one that moves it to `sending` sends it.
            guard try await store.beginAttempt(key: key, attempt: attempt, at: now()) else {
                logger.info("workspace \(ws.slug): delivery \(key) is being sent by another process")
                return nil
            }
            let outcome = await delivery.attempt(payload, to: target)
            switch outcome {
            case .delivered(let status):
                try await store.updateDelivery(key: key, state: .sent, attempts: attempt, error: nil, at: now())
                try await log(attempt, "sent", status, nil)
                logger.info("workspace \(ws.slug): delivered \(key) to \(DeliveryReceiver(target)) on attempt \(attempt)")
                return result(.sent, attempt, nil)
            case .refused(let status, let reason):
                try await store.updateDelivery(key: key, state: .failed, attempts: attempt, error: reason, at: now())
                try await log(attempt, "failed", status == 0 ? nil : status, reason)
                return result(.failed, attempt, reason)
            case .retry(let status, let after, let reason):
                guard attempt < config.maxAttempts else {
                    let why = reason + "; gave up after \(attempt) attempts"
                    try await store.updateDelivery(key: key, state: .failed, attempts: attempt, error: why, at: now())
                    try await log(attempt, "failed", status, why)
                    return result(.failed, attempt, why)
                }
                // Not taken by the receiver: safe to resume after a restart.
                try await store.updateDelivery(key: key, state: .pending, attempts: attempt, error: reason, at: now())
                try await log(attempt, "retry", status, reason)
                let wait = after.map { min($0, config.maxRetryAfter) } ?? config.backoff(afterAttempt: attempt)
                try await sleep(wait)
            }
        }
    }

    /// Renders the schedule's report: the file in its format, and the JSON for webhooks.
    func payload(_ schedule: ReportScheduleRecord, period: Period, key: String, store: any Store) async throws -> DeliveryPayload {
        let kind = ReportKind(rawValue: schedule.kind) ?? .weekly
        let language = ReportLanguage(rawValue: schedule.language) ?? .ru
        let format = ReportFileFormat(rawValue: schedule.format) ?? .pdf
        var plan: Plan?
        if let reference = schedule.plan { plan = try await PlanService(store: store).load(reference).plan }
        let service = ReportService(store: store, logger: logger)
        let request = ReportRequest(kind: kind, period: period, accounts: schedule.accounts, plan: plan, language: language, now: now())
        let model = try await service.model(request)
        let target = try DeliveryTarget(parsing: schedule.target)
        let json = try JSONReport.data(model)
        var document = json
        if case .telegram = target { document = try await renderer.render(model, as: format) }
        let caption = model.title + " · " + ReportFormat(language: language, currency: model.currency).period(model.period)
        return DeliveryPayload(fileName: ReportRenderer.fileName(model, format), mimeType: format.mimeType, document: document,
                               json: json, caption: caption, idempotencyKey: key)
    }
}

/// A target for logs: the chat or the webhook's host, never a token.
struct DeliveryReceiver: CustomStringConvertible {
    var target: DeliveryTarget
    init(_ target: DeliveryTarget) { self.target = target }
    var description: String {
        switch target {
        case .telegram(let chat): return "telegram chat \(chat)"
        case .webhook(let url): return "webhook \(url.host ?? "?")"
        }
    }
}
