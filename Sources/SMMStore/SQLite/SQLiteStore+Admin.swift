import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore: StoreAdmin {
    package func tables() async throws -> [StoreTable] {
        try guarded("read the tables") {
            try pool.read { db in try db.tableExists("workspaces") ? StoreTables.all + StoreTables.home : StoreTables.all }
        }
    }

    package func tableCounts() async throws -> [String: Int] {
        let tables = try await tables()
        return try guarded("count rows") {
            try pool.read { db in
                var out: [String: Int] = [:]
                for t in tables {
                    out[t.name] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t.name)") ?? 0
                }
                return out
            }
        }
    }

    package func readTables(_ tables: [StoreTable], _ body: (StoreTable, [[CellValue]]) throws -> Void) throws {
        try guarded("read the tables") {
            try pool.read { db in
                for table in tables {
                    let s = try RawStatement(db, "SELECT \(StoreTables.quoted(table.columns)) FROM \(table.name) ORDER BY \(table.order)")
                    var batch: [[CellValue]] = []
                    try s.forEach { r in
                        batch.append((0..<Int32(table.columns.count)).map { r.value($0) })
                        if batch.count == 20000 {
                            try body(table, batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try body(table, batch) }
                }
            }
        }
    }

    package func withTableLoad<T>(_ body: (any TableLoader) throws -> T) throws -> T {
        try guarded("write the tables") {
            try pool.write { db in try body(SQLiteTableLoader(db)) }
        }
    }
}

/// Writes whole tables with one prepared INSERT per table.
final class SQLiteTableLoader: TableLoader {
    let db: Database
    private var statements: [String: RawStatement] = [:]

    init(_ db: Database) { self.db = db }

    func clear(_ table: StoreTable) throws { try db.execute(sql: "DELETE FROM \(table.name)") }

    func append(_ table: StoreTable, _ rows: [[CellValue]]) throws {
        let s = try statements[table.name] ?? {
            let marks = table.columns.map { _ in "?" }.joined(separator: ", ")
            return try RawStatement(db, "INSERT INTO \(table.name) (\(StoreTables.quoted(table.columns))) VALUES (\(marks))")
        }()
        statements[table.name] = s
        for row in rows {
            for (i, v) in row.enumerated() { s.bind(Int32(i + 1), v) }
            try s.run()
        }
    }

    func finish(_ table: StoreTable) throws {
        statements[table.name] = nil
        // AUTOINCREMENT tables: SQLite's sequence follows the inserted ids; it must also pass the
        // ids of removed rows that other tables still name. SQLite's max() of several arguments
        // is greatest().
        guard !table.identityAlsoIn.isEmpty, let largest = table.largestIdentitySQL?.replacingOccurrences(of: "greatest(", with: "max(")
        else { return }
        try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
        try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, \(largest))", arguments: [table.name])
    }
}

extension RawStatement {
    /// A column as it is stored.
    func value(_ i: Int32) -> CellValue {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, i))
            guard n > 0, let p = sqlite3_column_blob(handle, i) else { return .blob(Data()) }
            return .blob(Data(bytes: p, count: n))
        default: return .text(text(i))
        }
    }

    func bind(_ i: Int32, _ v: CellValue) {
        switch v {
        case .null: sqlite3_bind_null(handle, i)
        case .integer(let x): sqlite3_bind_int64(handle, i, x)
        case .real(let x): sqlite3_bind_double(handle, i, x)
        case .text(let s): bind(i, s as String?)
        case .blob(let d):
            // A zero-length blob is bound as one (sqlite3_bind_blob with a nil pointer binds NULL).
            _ = d.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(d.count), SQLITE_TRANSIENT_PTR) }
        }
    }
}
