import Foundation

/// A report schedule as stored: what to make, when, and where to deliver it.
package struct ReportScheduleRecord: Sendable, Equatable {
    package var id: Int64
    /// weekly or monthly.
    package var kind: String
    /// When, in the workspace's time zone: `Mon 09:00` (weekly), `1 09:00` (monthly: day of month).
    package var at: String
    /// `telegram:CHAT_ID` or `webhook:URL`.
    package var target: String
    /// html, md, xlsx, json or pdf.
    package var format: String
    /// ru or en.
    package var language: String
    /// A stored plan's name or id (for the scorecard), if any.
    package var plan: String?
    /// Scope accounts; nil: all.
    package var accounts: [String]?
    /// When the schedule was added (deliveries start from the first time after it).
    package var createdAt: Date

    package init(id: Int64, kind: String, at: String, target: String, format: String, language: String,
                 plan: String? = nil, accounts: [String]? = nil, createdAt: Date) {
        self.id = id; self.kind = kind; self.at = at; self.target = target; self.format = format
        self.language = language; self.plan = plan; self.accounts = accounts; self.createdAt = createdAt
    }
}

/// Where a delivery of one schedule and period stands.
package enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Claimed; nothing is in flight (before the first attempt, or waiting between attempts after
    /// an answer that says the report was not taken): safe to send.
    case pending
    /// An HTTP request is in flight. Found in this state by a new process, the outcome is unknown.
    case sending
    /// The receiver accepted it.
    case sent
    /// Refused (4xx), out of attempts, or the report could not be made.
    case failed
    /// A process stopped while sending; it may have arrived, so it is never sent again automatically.
    case interrupted
}

/// The delivery of one schedule for one period: its idempotency key and state.
package struct DeliveryRecord: Sendable, Equatable {
    /// `schedule-<id>:<period label>`: one delivery per schedule and period, ever.
    package var key: String
    package var scheduleID: Int64
    package var period: String
    package var state: DeliveryState
    package var attempts: Int
    package var updatedAt: Date
    package var error: String?
    package init(key: String, scheduleID: Int64, period: String, state: DeliveryState, attempts: Int, updatedAt: Date,
                 error: String?) {
        self.key = key; self.scheduleID = scheduleID; self.period = period; self.state = state
        self.attempts = attempts; self.updatedAt = updatedAt; self.error = error
    }
}

/// One line of the delivery log.
package struct DeliveryLogEntry: Sendable, Equatable {
    package var time: Date
    package var scheduleID: Int64
    package var period: String
    package var attempt: Int
    /// sent, retry, failed, interrupted, skipped.
    package var status: String
    /// The HTTP status, when there was an answer.
    package var httpStatus: Int?
    /// A sentence saying what went wrong (never a token).
    package var error: String?
    package init(time: Date, scheduleID: Int64, period: String, attempt: Int, status: String, httpStatus: Int? = nil,
                 error: String? = nil) {
        self.time = time; self.scheduleID = scheduleID; self.period = period; self.attempt = attempt
        self.status = status; self.httpStatus = httpStatus; self.error = error
    }
}

/// Report schedules and their deliveries, kept in the workspace's data store.
package protocol ScheduleStore: Sendable {
    /// Stores a schedule (the id given is ignored) and returns it with its new id. Ids are never reused.
    func addSchedule(_ schedule: ReportScheduleRecord) async throws -> ReportScheduleRecord
    /// Every schedule, by id.
    func schedules() async throws -> [ReportScheduleRecord]
    /// Removes a schedule; false when there was none with this id. Its deliveries stay in the log.
    func removeSchedule(id: Int64) async throws -> Bool
    /// Claims the delivery `key`: inserts it as `pending` unless it exists (atomically). Returns the
    /// stored record and whether this call created it.
    func claimDelivery(key: String, scheduleID: Int64, period: String, at: Date) async throws -> (record: DeliveryRecord, created: Bool)
    /// The delivery with this key.
    func delivery(key: String) async throws -> DeliveryRecord?
    /// Every delivery, newest first.
    func deliveries() async throws -> [DeliveryRecord]
    /// Starts attempt `attempt` of a delivery: moves it from `pending` with `attempt - 1` attempts to
    /// `sending` with `attempt`, atomically; false (and nothing changed) when it is no longer so, because
    /// another process sharing the database took the attempt first. Committed before it returns.
    func beginAttempt(key: String, attempt: Int, at: Date) async throws -> Bool
    /// Moves a delivery to a state (committed before the call returns: the crash window rests on it).
    func updateDelivery(key: String, state: DeliveryState, attempts: Int, error: String?, at: Date) async throws
    /// Appends a line to the delivery log.
    func appendDeliveryLog(_ entry: DeliveryLogEntry) async throws
    /// The last `limit` log lines, newest first.
    func deliveryLog(limit: Int) async throws -> [DeliveryLogEntry]
}
