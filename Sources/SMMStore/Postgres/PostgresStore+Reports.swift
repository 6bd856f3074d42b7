import Foundation
import Logging
import PostgresNIO

/// Report schedules and deliveries on PostgreSQL (decision 0007). Each call is one transaction
/// committed before it returns. The claim is `INSERT … ON CONFLICT DO NOTHING` on the delivery's
/// idempotency key: of several smmkpi servers sharing the database, exactly one inserts the row
/// (the others wait for its commit and find it there), so a report goes out at most once.
extension PostgresStore: ScheduleStore {
    package func addSchedule(_ s: ReportScheduleRecord) async throws -> ReportScheduleRecord {
        let accounts = s.accounts.map(SQLiteStore.json)
        return try await transaction("save the report schedule") { c in
            let row = try await Self.first(c, """
                INSERT INTO report_schedules (kind, at, target, format, language, plan, accounts, created_at)
                VALUES (\(s.kind), \(s.at), \(s.target), \(s.format), \(s.language), \(s.plan), \(accounts),
                        \(s.createdAt.timeIntervalSince1970))
                RETURNING schedule_id
                """, logger: logger)
            var stored = s
            stored.id = row?.int64(0) ?? 0
            return stored
        }
    }

    package func schedules() async throws -> [ReportScheduleRecord] {
        try await read("read the report schedules") { c in
            var out: [ReportScheduleRecord] = []
            try await Self.each(c, """
                SELECT schedule_id, kind, at, target, format, language, plan, accounts, created_at
                FROM report_schedules ORDER BY schedule_id
                """, logger: logger) { r in
                out.append(ReportScheduleRecord(
                    id: r.int64(0), kind: r.text(1), at: r.text(2), target: r.text(3), format: r.text(4),
                    language: r.text(5), plan: r.optText(6),
                    accounts: r.optText(7).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
                    createdAt: Date(timeIntervalSince1970: r.double(8))))
            }
            return out
        }
    }

    package func removeSchedule(id: Int64) async throws -> Bool {
        try await transaction("remove report schedule \(id)") { c in
            try await Self.first(c, "DELETE FROM report_schedules WHERE schedule_id = \(id) RETURNING schedule_id",
                                 logger: logger) != nil
        }
    }

    package func claimDelivery(key: String, scheduleID: Int64, period: String, at: Date) async throws -> (record: DeliveryRecord, created: Bool) {
        try await transaction("claim the delivery \(key)") { c in
            // A concurrent claim of the same key waits here for the other's commit, then inserts nothing.
            let created = try await Self.first(c, """
                INSERT INTO report_deliveries (delivery_key, schedule_id, period, state, attempts, updated_at)
                VALUES (\(key), \(scheduleID), \(period), 'pending', 0, \(at.timeIntervalSince1970))
                ON CONFLICT (delivery_key) DO NOTHING RETURNING delivery_key
                """, logger: logger) != nil
            guard let record = try await Self.readDeliveries(c, key: key, logger: logger).first else {
                throw StoreError.failed(operation: "claim the delivery \(key)", reason: "the row vanished")
            }
            return (record, created)
        }
    }

    package func delivery(key: String) async throws -> DeliveryRecord? {
        try await read("read the delivery \(key)") { c in try await Self.readDeliveries(c, key: key, logger: logger).first }
    }

    package func deliveries() async throws -> [DeliveryRecord] {
        try await read("read the deliveries") { c in try await Self.readDeliveries(c, key: nil, logger: logger) }
    }

    package func beginAttempt(key: String, attempt: Int, at: Date) async throws -> Bool {
        try await transaction("update the delivery \(key)") { c in
            try await Self.first(c, """
                UPDATE report_deliveries SET state = 'sending', attempts = \(Int64(attempt)), error = NULL,
                    updated_at = \(at.timeIntervalSince1970)
                WHERE delivery_key = \(key) AND state = 'pending' AND attempts = \(Int64(attempt - 1))
                RETURNING delivery_key
                """, logger: logger) != nil
        }
    }

    package func updateDelivery(key: String, state: DeliveryState, attempts: Int, error: String?, at: Date) async throws {
        try await transaction("update the delivery \(key)") { c in
            try await c.query("""
                UPDATE report_deliveries SET state = \(state.rawValue), attempts = \(Int64(attempts)), error = \(error),
                    updated_at = \(at.timeIntervalSince1970) WHERE delivery_key = \(key)
                """, logger: logger)
        }
    }

    package func appendDeliveryLog(_ e: DeliveryLogEntry) async throws {
        try await transaction("write the delivery log") { c in
            try await c.query("""
                INSERT INTO report_delivery_log (time, schedule_id, period, attempt, status, http_status, error)
                VALUES (\(e.time.timeIntervalSince1970), \(e.scheduleID), \(e.period), \(Int64(e.attempt)), \(e.status),
                        \(e.httpStatus.map(Int64.init)), \(e.error))
                """, logger: logger)
        }
    }

    package func deliveryLog(limit: Int) async throws -> [DeliveryLogEntry] {
        try await read("read the delivery log") { c in
            var out: [DeliveryLogEntry] = []
            try await Self.each(c, """
                SELECT time, schedule_id, period, attempt, status, http_status, error FROM report_delivery_log
                ORDER BY id DESC LIMIT \(Int64(limit))
                """, logger: logger) { r in
                out.append(DeliveryLogEntry(time: Date(timeIntervalSince1970: r.double(0)), scheduleID: r.int64(1),
                                            period: r.text(2), attempt: Int(r.int64(3)), status: r.text(4),
                                            httpStatus: r.optInt64(5).map { Int($0) }, error: r.optText(6)))
            }
            return out
        }
    }

    /// The delivery with this key, or every delivery (nil), newest first, as the SQLite store orders them.
    static func readDeliveries(_ c: PostgresConnection, key: String?, logger: Logger) async throws -> [DeliveryRecord] {
        var out: [DeliveryRecord] = []
        let columns = "SELECT delivery_key, schedule_id, period, state, attempts, error, updated_at FROM report_deliveries"
        let query: PostgresQuery = key.map { "\(unescaped: columns) WHERE delivery_key = \($0) ORDER BY updated_at DESC" }
            ?? "\(unescaped: columns) ORDER BY updated_at DESC, delivery_key"
        try await each(c, query, logger: logger) { r in
            out.append(DeliveryRecord(key: r.text(0), scheduleID: r.int64(1), period: r.text(2),
                                      state: DeliveryState(rawValue: r.text(3)) ?? .failed, attempts: Int(r.int64(4)),
                                      updatedAt: Date(timeIntervalSince1970: r.double(6)), error: r.optText(5)))
        }
        return out
    }
}
