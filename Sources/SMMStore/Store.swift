import Foundation
import SMMCore

/// What a database is set to: the first import fixes the time zone and currency
/// (bundle-format.md "Several imports into one database").
package struct StoreSettings: Sendable, Equatable {
    package var timeZone: String
    package var currency: String
    package init(timeZone: String, currency: String) { self.timeZone = timeZone; self.currency = currency }

    /// The settings an import goes on with: the stored ones (a bundle without a manifest takes
    /// them; one with a manifest must agree), nil when none are stored yet (the caller stores
    /// `incoming`).
    static func reconcile(stored: StoreSettings?, incoming: StoreSettings, explicit: Bool) throws -> StoreSettings? {
        guard let stored else { return nil }
        guard explicit else { return stored }
        if stored.timeZone != incoming.timeZone {
            throw StoreError.settingsMismatch(field: "time zone", stored: stored.timeZone, incoming: incoming.timeZone)
        }
        if stored.currency != incoming.currency {
            throw StoreError.settingsMismatch(field: "currency", stored: stored.currency, incoming: incoming.currency)
        }
        return stored
    }
}

/// Errors of the storage layer, as sentences. Driver errors are logged, never shown raw.
package enum StoreError: Error, Equatable, LocalizedError {
    case cannotOpen(location: String, reason: String)
    case settingsMismatch(field: String, stored: String, incoming: String)
    case failed(operation: String, reason: String)
    case unsupportedLocation(String)
    /// No server answers at the address (PostgreSQL).
    case unreachable(location: String)
    /// The server refused the user name or password.
    case authenticationFailed(location: String, user: String)
    /// The server has no database of this name.
    case databaseMissing(location: String, database: String)
    /// The database was migrated by a newer smmkpi: it has migrations this binary does not know.
    case schemaNewer(location: String, unknown: [String])
    /// `db copy` into a database that already holds data, without --force.
    case targetNotEmpty(location: String, rows: Int)

    package var errorDescription: String? {
        switch self {
        case .cannotOpen(let l, let r):
            return "The database \(l) cannot be opened: \(r)."
        case .settingsMismatch(let f, let s, let i):
            return "This database uses \(f) \(s), but the bundle's manifest says \(i); nothing was imported. Import it into another database (--db), or fix the manifest."
        case .failed(let op, let r):
            return "The database could not \(op): \(r)."
        case .unsupportedLocation(let l):
            return "“\(l)” is not a database location this build supports: give a SQLite file path or postgres://user:password@host:port/database."
        case .unreachable(let l):
            return "No PostgreSQL server answers at \(l): start the server, or fix the host and port in --db (or SMMKPI_DB)."
        case .authenticationFailed(let l, let u):
            return "The PostgreSQL server at \(l) refused the password of user “\(u)”: fix the user and password in --db (or SMMKPI_DB)."
        case .databaseMissing(let l, let d):
            return "The PostgreSQL server at \(l) has no database “\(d)”: create it (createdb \(d)) or fix the name in --db (or SMMKPI_DB)."
        case .targetNotEmpty(let l, let n):
            return "The database \(l) already holds \(n) row\(n == 1 ? "" : "s"); nothing was copied. Copy into an empty database, or add --force to replace its data."
        case .schemaNewer(let l, let unknown):
            return "The database \(l) was set up by a newer smmkpi (unknown schema version \(unknown.joined(separator: ", "))): use that smmkpi or a newer one; this one changes nothing."
        }
    }
}

/// Receives the rows of one import inside one transaction. Not `Sendable`: it lives on the
/// writer's thread for the duration of the import.
package protocol ImportSink: AnyObject {
    /// Account ids stored so far (this import's included).
    func storedAccountIDs() throws -> Set<String>
    /// Post ids stored so far.
    func storedPostIDs() throws -> Set<String>
    /// Lead ids stored so far.
    func storedLeadIDs() throws -> Set<String>
    /// Sets the time zone and currency on the first import; throws ``StoreError/settingsMismatch``
    /// when a later bundle disagrees.
    func checkSettings(_ incoming: StoreSettings, explicit: Bool) throws -> StoreSettings

    func upsert(_ row: Account) throws
    func upsert(_ row: AccountDay) throws
    func upsert(_ row: Post) throws
    func upsert(_ row: PostMetrics) throws
    func upsert(_ row: Comment, wordCount: Int, hasLetter: Bool, line: Int) throws
    func upsert(_ row: Message) throws
    func upsert(_ row: Mention, hasLetter: Bool) throws
    func upsert(_ row: Review, hasLetter: Bool) throws
    func upsert(_ row: AdSpend) throws
    func insert(_ row: OtherCost) throws
    func upsert(_ row: WebSession) throws
    func upsert(_ row: Lead) throws
    func upsert(_ row: Deal) throws
    func upsert(_ row: AudienceShare) throws
    func upsert(_ row: BrandSearch) throws
    func upsert(_ row: PlanItem) throws
    func insert(_ row: WorkLogEntry) throws
    /// Called before a file's rows: a store may prepare for a bulk load (an empty table can
    /// build its secondary indexes once at the end instead of row by row).
    func beginFile(_ file: BundleFile) throws
    /// Called after a file's rows, before ``recordPresence(_:columns:hasRows:)``.
    func endFile(_ file: BundleFile) throws
    /// Removes the stored rows of a keyless file (other_costs, work_log) on these dates.
    func deleteKeyless(_ file: BundleFile, dates: Set<LocalDate>) throws
    /// Records that a file came with these header columns and `hasRows` data rows.
    func recordPresence(_ file: BundleFile, columns: Set<String>, hasRows: Bool) throws
    /// Comments of this import whose parent_id names no stored comment: (count, first line).
    func danglingReplies() throws -> (count: Int, firstLine: Int?)
    /// Rows stored in the file's table.
    func count(_ file: BundleFile) throws -> Int
}

/// The storage interface the engine talks to; SQLite now, PostgreSQL behind the same protocol.
package protocol Store: Sendable {
    /// A description of where the data lives (path or URL without password).
    var location: String { get }
    /// The database's time zone and currency, nil before the first import.
    func settings() async throws -> StoreSettings?
    /// Runs `body` in one write transaction: when it throws, nothing it wrote is kept.
    /// Synchronous: an import is one long job on the writer's thread.
    func withImport<T>(_ body: (any ImportSink) throws -> T) throws -> T
    /// Every account.
    func accounts() async throws -> [Account]
    /// The rows the KPI formulas need for a window of local dates (see ``KPIDataset``).
    func dataset(window: ClosedRange<LocalDate>) async throws -> KPIDataset
    /// Which files and columns the database has seen.
    func presence() async throws -> Presence
    /// The first and last local dates with data (account_daily and posts), nil when empty.
    func dataRange() async throws -> ClosedRange<LocalDate>?
    /// Rows per table.
    func rowCounts() async throws -> [BundleFile: Int]
    /// Streams every row of a file as bundle cells (nil = empty), in the order of `columns`.
    func exportRows(_ file: BundleFile, columns: [String], _ body: ([String?]) throws -> Void) throws
}
