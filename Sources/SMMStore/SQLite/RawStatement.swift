import Foundation
import GRDB
import GRDBSQLite

/// A prepared SQLite statement driven through the C API. GRDB owns the connection; this
/// type only binds and steps, which is what a multi-million-row import or scan needs
/// (GRDB's `Row` is built for convenience, not for 300k rows per second).
///
/// Not `Sendable`: used only inside one GRDB access closure, on the connection's thread.
final class RawStatement {
    private(set) var handle: OpaquePointer?
    private let connection: OpaquePointer
    let sql: String

    init(_ db: Database, _ sql: String) throws {
        self.sql = sql
        connection = db.sqliteConnection!
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK else { throw RawError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql) }
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding (1-based indices, as SQLite)

    @inline(__always) func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(handle, i, v) }
    @inline(__always) func bind(_ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(handle, i, v) } else { sqlite3_bind_null(handle, i) }
    }
    @inline(__always) func bind(_ i: Int32, _ v: Int32) { sqlite3_bind_int64(handle, i, Int64(v)) }
    @inline(__always) func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(handle, i, Int64(v)) }
    @inline(__always) func bind(_ i: Int32, _ v: Bool?) {
        if let v { sqlite3_bind_int64(handle, i, v ? 1 : 0) } else { sqlite3_bind_null(handle, i) }
    }
    @inline(__always) func bind(_ i: Int32, _ v: String?) {
        guard var v else { sqlite3_bind_null(handle, i); return }
        v.withUTF8 { b in
            if let base = b.baseAddress, b.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
                    _ = sqlite3_bind_text(handle, i, p, Int32(b.count), SQLITE_TRANSIENT_PTR)
                }
            } else {
                _ = sqlite3_bind_text(handle, i, "", 0, SQLITE_TRANSIENT_PTR)
            }
        }
    }

    /// Runs an INSERT/UPDATE/DELETE with the bound values, then resets.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw RawError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }

    /// Steps through result rows.
    func forEach(_ body: (RawStatement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw RawError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            }
            try body(self)
        }
    }

    func clearBindings() { sqlite3_clear_bindings(handle) }

    // MARK: Columns (0-based)

    @inline(__always) func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    @inline(__always) func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    @inline(__always) func optInt64(_ i: Int32) -> Int64? { isNull(i) ? nil : sqlite3_column_int64(handle, i) }
    @inline(__always) func optBool(_ i: Int32) -> Bool? { isNull(i) ? nil : sqlite3_column_int64(handle, i) != 0 }
    @inline(__always) func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    @inline(__always) func optText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    /// Key columns store an empty cell as '' (SQLite's UNIQUE would treat NULLs as distinct).
    @inline(__always) func keyText(_ i: Int32) -> String? {
        let s = text(i)
        return s.isEmpty ? nil : s
    }
    @inline(__always) func decimal(_ i: Int32) -> Decimal { Decimal(string: text(i), locale: posix) ?? 0 }
    @inline(__always) func date(_ i: Int32) -> SMMCoreDate { SMMCoreDate(dayNumber: Int32(int64(i))) }
}

import SMMCore
typealias SMMCoreDate = LocalDate
private let posix = Locale(identifier: "en_US_POSIX")

/// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
let SQLITE_TRANSIENT_PTR = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A driver error with its SQL, for the log; shown to users as a ``StoreError`` sentence.
struct RawError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var sql: String
    var description: String { "SQLite error \(code): \(message) in \(sql)" }
}
