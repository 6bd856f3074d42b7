import Foundation
import GRDB

extension SQLiteStore: ScheduleStore {
    package func addSchedule(_ s: ReportScheduleRecord) async throws -> ReportScheduleRecord {
        try guarded("save the report schedule") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO report_schedules (kind, at, target, format, language, plan, accounts, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.kind, s.at, s.target, s.format, s.language, s.plan,
                                     s.accounts.map(SQLiteStore.json), s.createdAt.timeIntervalSince1970])
                var stored = s
                stored.id = db.lastInsertedRowID
                return stored
            }
        }
    }

    package func schedules() async throws -> [ReportScheduleRecord] {
        try guarded("read the report schedules") {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT schedule_id, kind, at, target, format, language, plan, accounts, created_at
                    FROM report_schedules ORDER BY schedule_id
                    """).map { r in
                    let accounts: String? = r["accounts"]
                    return ReportScheduleRecord(
                        id: r["schedule_id"], kind: r["kind"], at: r["at"], target: r["target"], format: r["format"],
                        language: r["language"], plan: r["plan"],
                        accounts: accounts.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
                        createdAt: Date(timeIntervalSince1970: r["created_at"]))
                }
            }
        }
    }

    package func removeSchedule(id: Int64) async throws -> Bool {
        try guarded("remove report schedule \(id)") {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM report_schedules WHERE schedule_id = ?", arguments: [id])
                return db.changesCount > 0
            }
        }
    }

    package func claimDelivery(key: String, scheduleID: Int64, period: String, at: Date) async throws -> (record: DeliveryRecord, created: Bool) {
        try guarded("claim the delivery \(key)") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT OR IGNORE INTO report_deliveries (delivery_key, schedule_id, period, state, attempts, updated_at)
                    VALUES (?, ?, ?, 'pending', 0, ?)
                    """, arguments: [key, scheduleID, period, at.timeIntervalSince1970])
                let created = db.changesCount > 0
                guard let record = try SQLiteStore.readDeliveries(db, where: "WHERE delivery_key = ?", [key]).first else {
                    throw StoreError.failed(operation: "claim the delivery \(key)", reason: "the row vanished")
                }
                return (record, created)
            }
        }
    }

    package func delivery(key: String) async throws -> DeliveryRecord? {
        try guarded("read the delivery \(key)") {
            try pool.read { db in try SQLiteStore.readDeliveries(db, where: "WHERE delivery_key = ?", [key]).first }
        }
    }

    package func deliveries() async throws -> [DeliveryRecord] {
        try guarded("read the deliveries") {
            try pool.read { db in try SQLiteStore.readDeliveries(db, where: "", []) }
        }
    }

    package func beginAttempt(key: String, attempt: Int, at: Date) async throws -> Bool {
        try guarded("update the delivery \(key)") {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE report_deliveries SET state = 'sending', attempts = ?, error = NULL, updated_at = ?
                    WHERE delivery_key = ? AND state = 'pending' AND attempts = ?
                    """, arguments: [attempt, at.timeIntervalSince1970, key, attempt - 1])
                return db.changesCount > 0
            }
        }
    }

    package func updateDelivery(key: String, state: DeliveryState, attempts: Int, error: String?, at: Date) async throws {
        try guarded("update the delivery \(key)") {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE report_deliveries SET state = ?, attempts = ?, error = ?, updated_at = ? WHERE delivery_key = ?
                    """, arguments: [state.rawValue, attempts, error, at.timeIntervalSince1970, key])
            }
        }
    }

    package func appendDeliveryLog(_ e: DeliveryLogEntry) async throws {
        try guarded("write the delivery log") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO report_delivery_log (time, schedule_id, period, attempt, status, http_status, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [e.time.timeIntervalSince1970, e.scheduleID, e.period, e.attempt, e.status,
                                     e.httpStatus, e.error])
            }
        }
    }

    package func deliveryLog(limit: Int) async throws -> [DeliveryLogEntry] {
        try guarded("read the delivery log") {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT time, schedule_id, period, attempt, status, http_status, error FROM report_delivery_log
                    ORDER BY id DESC LIMIT ?
                    """, arguments: [limit]).map { r in
                    DeliveryLogEntry(time: Date(timeIntervalSince1970: r["time"]), scheduleID: r["schedule_id"],
                                     period: r["period"], attempt: r["attempt"], status: r["status"],
                                     httpStatus: r["http_status"], error: r["error"])
                }
            }
        }
    }

    static func readDeliveries(_ db: Database, where clause: String, _ arguments: StatementArguments) throws -> [DeliveryRecord] {
        try Row.fetchAll(db, sql: """
            SELECT delivery_key, schedule_id, period, state, attempts, error, updated_at FROM report_deliveries
            \(clause) ORDER BY updated_at DESC
            """, arguments: arguments).map { r in
            DeliveryRecord(key: r["delivery_key"], scheduleID: r["schedule_id"], period: r["period"],
                           state: DeliveryState(rawValue: r["state"]) ?? .failed, attempts: r["attempts"],
                           updatedAt: Date(timeIntervalSince1970: r["updated_at"]), error: r["error"])
        }
    }
}
