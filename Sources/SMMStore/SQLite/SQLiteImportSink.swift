import Foundation
import GRDB
import SMMCore

/// Writes one import's rows with statements prepared once; lives inside one write transaction.
final class SQLiteImportSink: ImportSink {
    let db: Database
    private let importID: Int64
    private var statements: [String: RawStatement] = [:]

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: "INSERT INTO imports (started_at, source) VALUES (?, 'bundle')",
                       arguments: [ISO8601DateFormatter().string(from: Date())])
        importID = db.lastInsertedRowID
    }

    /// A prepared statement, cached for the import (also used by the sentiment labels' extension).
    func statement(_ sql: String) throws -> RawStatement {
        if let s = statements[sql] { return s }
        let s = try RawStatement(db, sql)
        statements[sql] = s
        return s
    }

    private func ids(_ sql: String) throws -> Set<String> {
        var out = Set<String>()
        try RawStatement(db, sql).forEach { out.insert($0.text(0)) }
        return out
    }

    func storedAccountIDs() throws -> Set<String> { try ids("SELECT account_id FROM accounts") }
    func storedPostIDs() throws -> Set<String> { try ids("SELECT post_id FROM posts") }
    func storedLeadIDs() throws -> Set<String> { try ids("SELECT lead_id FROM leads") }

    func checkSettings(_ incoming: StoreSettings, explicit: Bool) throws -> StoreSettings {
        let stored = try SQLiteStore.readSettings(db)
        if let settings = try StoreSettings.reconcile(stored: stored, incoming: incoming, explicit: explicit) {
            return settings
        }
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('timezone', ?), ('currency', ?)",
                       arguments: [incoming.timeZone, incoming.currency])
        return incoming
    }

    private static func text(_ d: Decimal) -> String { d.description }

    func upsert(_ r: Account) throws {
        let s = try statement("INSERT OR REPLACE INTO accounts VALUES (?1, ?2, ?3, ?4, ?5)")
        s.bind(1, r.id); s.bind(2, r.network.rawValue); s.bind(3, r.name); s.bind(4, r.url); s.bind(5, r.brand)
        try s.run()
    }

    func upsert(_ r: AccountDay) throws {
        let s = try statement("INSERT OR REPLACE INTO account_daily VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        s.bind(1, r.accountID); s.bind(2, r.date.dayNumber); s.bind(3, r.followers); s.bind(4, r.joined)
        s.bind(5, r.left); s.bind(6, r.reach); s.bind(7, r.views); s.bind(8, r.visitors)
        try s.run()
    }

    func upsert(_ r: Post) throws {
        let s = try statement("INSERT OR REPLACE INTO posts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        s.bind(1, r.id); s.bind(2, r.accountID); s.bind(3, r.publishedAt.nanoseconds); s.bind(4, r.localDate.dayNumber)
        s.bind(5, r.format.rawValue); s.bind(6, r.topic); s.bind(7, r.campaign); s.bind(8, r.partner)
        s.bind(9, r.promoted); s.bind(10, r.url); s.bind(11, r.text)
        try s.run()
    }

    func upsert(_ r: PostMetrics) throws {
        let s = try statement("INSERT OR REPLACE INTO post_metrics VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        s.bind(1, r.postID); s.bind(2, r.collectedAt.nanoseconds); s.bind(3, r.impressions); s.bind(4, r.reach)
        s.bind(5, r.likes); s.bind(6, r.comments); s.bind(7, r.reposts); s.bind(8, r.saves); s.bind(9, r.clicks)
        s.bind(10, r.videoViews); s.bind(11, r.hides)
        try s.run()
    }

    func upsert(_ r: Comment, wordCount: Int, hasLetter: Bool, line: Int) throws {
        let s = try statement("INSERT OR REPLACE INTO comments VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        s.bind(1, r.id); s.bind(2, r.postID); s.bind(3, r.createdAt.nanoseconds); s.bind(4, r.localDate.dayNumber)
        s.bind(5, r.authorID); s.bind(6, r.text); s.bind(7, r.fromBrand); s.bind(8, r.parentID)
        s.bind(9, r.sentiment?.rawValue); s.bind(10, wordCount); s.bind(11, hasLetter ? 1 : 0); s.bind(12, importID)
        s.bind(13, line)
        try s.run()
    }

    func upsert(_ r: Message) throws {
        let s = try statement("INSERT OR REPLACE INTO messages VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        s.bind(1, r.id); s.bind(2, r.accountID); s.bind(3, r.receivedAt.nanoseconds); s.bind(4, r.localDate.dayNumber)
        s.bind(5, r.firstResponseAt?.nanoseconds); s.bind(6, r.kind?.rawValue)
        try s.run()
    }

    func upsert(_ r: Mention, hasLetter: Bool) throws {
        let s = try statement("INSERT OR REPLACE INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        s.bind(1, r.id); s.bind(2, r.publishedAt.nanoseconds); s.bind(3, r.localDate.dayNumber)
        s.bind(4, r.network?.rawValue); s.bind(5, r.url); s.bind(6, r.author); s.bind(7, r.text); s.bind(8, r.reach)
        s.bind(9, r.sentiment?.rawValue); s.bind(10, hasLetter ? 1 : 0)
        try s.run()
    }

    func upsert(_ r: Review, hasLetter: Bool) throws {
        let s = try statement("INSERT OR REPLACE INTO reviews VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        s.bind(1, r.id); s.bind(2, r.createdAt.nanoseconds); s.bind(3, r.localDate.dayNumber)
        s.bind(4, r.place?.text); s.bind(5, r.rating); s.bind(6, r.text); s.bind(7, r.sentiment?.rawValue)
        s.bind(8, hasLetter ? 1 : 0)
        try s.run()
    }

    func upsert(_ r: AdSpend) throws {
        let s = try statement("INSERT OR REPLACE INTO ad_spend VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        s.bind(1, r.date.dayNumber); s.bind(2, r.campaign); s.bind(3, r.accountID ?? "")
        s.bind(4, r.network?.rawValue ?? ""); s.bind(5, Self.text(r.spend)); s.bind(6, r.impressions)
        s.bind(7, r.reach); s.bind(8, r.clicks)
        try s.run()
    }

    func insert(_ r: OtherCost) throws {
        let s = try statement("INSERT INTO other_costs (date, category, amount, network) VALUES (?1, ?2, ?3, ?4)")
        s.bind(1, r.date.dayNumber); s.bind(2, r.category.rawValue); s.bind(3, Self.text(r.amount))
        s.bind(4, r.network?.rawValue)
        try s.run()
    }

    func upsert(_ r: WebSession) throws {
        let s = try statement("INSERT OR REPLACE INTO web_sessions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        s.bind(1, r.date.dayNumber); s.bind(2, r.source.word); s.bind(3, r.medium ?? ""); s.bind(4, r.campaign ?? "")
        s.bind(5, r.content ?? ""); s.bind(6, r.sessions); s.bind(7, r.users); s.bind(8, r.pageviews)
        s.bind(9, r.bounces); s.bind(10, r.goalCompletions); s.bind(11, r.durationSeconds)
        try s.run()
    }

    func upsert(_ r: Lead) throws {
        let s = try statement("INSERT OR REPLACE INTO leads VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        s.bind(1, r.id); s.bind(2, r.createdAt.nanoseconds); s.bind(3, r.localDate.dayNumber); s.bind(4, r.source.word)
        s.bind(5, r.campaign); s.bind(6, r.content); s.bind(7, r.qualified); s.bind(8, r.customerID)
        try s.run()
    }

    func upsert(_ r: Deal) throws {
        let s = try statement("INSERT OR REPLACE INTO deals VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        s.bind(1, r.id); s.bind(2, r.closedAt.nanoseconds); s.bind(3, r.localDate.dayNumber)
        s.bind(4, Self.text(r.amount)); s.bind(5, r.leadID); s.bind(6, r.status?.rawValue); s.bind(7, r.customerID)
        try s.run()
    }

    func upsert(_ r: AudienceShare) throws {
        let s = try statement("INSERT OR REPLACE INTO audience VALUES (?1, ?2, ?3, ?4, ?5)")
        s.bind(1, r.accountID); s.bind(2, r.date.dayNumber); s.bind(3, r.dimension.rawValue); s.bind(4, r.bucket)
        s.bind(5, Self.text(r.share))
        try s.run()
    }

    func upsert(_ r: BrandSearch) throws {
        let s = try statement("INSERT OR REPLACE INTO brand_searches VALUES (?1, ?2, ?3)")
        s.bind(1, r.month.dayNumber); s.bind(2, r.query); s.bind(3, r.count)
        try s.run()
    }

    func upsert(_ r: PlanItem) throws {
        let s = try statement("INSERT OR REPLACE INTO content_plan VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        s.bind(1, r.id); s.bind(2, r.accountID); s.bind(3, r.dueAt.nanoseconds); s.bind(4, r.dueDate.dayNumber)
        s.bind(5, r.format); s.bind(6, r.topic); s.bind(7, r.postID); s.bind(8, r.approved)
        try s.run()
    }

    func insert(_ r: WorkLogEntry) throws {
        let s = try statement("INSERT INTO work_log (date, person, hours, task) VALUES (?1, ?2, ?3, ?4)")
        s.bind(1, r.date.dayNumber); s.bind(2, r.person); s.bind(3, Self.text(r.hours)); s.bind(4, r.task)
        try s.run()
    }

    /// Secondary indexes dropped for a bulk load into an empty table, recreated in `endFile`.
    private var droppedIndexes: [String] = []

    func beginFile(_ file: BundleFile) throws {
        let table = file.rawValue
        guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") == true else { return }
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                    arguments: [table])
        for row in rows {
            let name: String = row["name"]
            droppedIndexes.append(row["sql"])
            try db.execute(sql: "DROP INDEX \(name)")
        }
        // Statements prepared against the dropped indexes must be prepared again.
        statements.removeAll()
    }

    func endFile(_ file: BundleFile) throws {
        for sql in droppedIndexes { try db.execute(sql: sql) }
        droppedIndexes.removeAll()
        statements.removeAll()
    }

    func deleteKeyless(_ file: BundleFile, dates: Set<LocalDate>) throws {
        precondition(file.isKeyless)
        let s = try statement("DELETE FROM \(file.rawValue) WHERE date = ?1")
        for d in dates.sorted() {
            s.bind(1, d.dayNumber)
            try s.run()
        }
    }

    /// Columns stored as '' when empty (key columns).
    private static let emptyAsBlank: Set<String> = ["ad_spend.account_id", "ad_spend.network", "web_sessions.medium",
                                                    "web_sessions.campaign", "web_sessions.content"]

    func recordPresence(_ file: BundleFile, columns: Set<String>, hasRows: Bool) throws {
        let table = file.rawValue
        try db.execute(sql: """
            INSERT INTO presence (file, column, has_values) VALUES (?, '', ?)
            ON CONFLICT (file, column) DO UPDATE SET has_values = max(has_values, excluded.has_values)
            """, arguments: [table, hasRows ? 1 : 0])
        for c in columns {
            try db.execute(sql: "INSERT OR IGNORE INTO presence (file, column, has_values) VALUES (?, ?, 0)",
                           arguments: [table, c])
        }
        // Whether each known column holds a value anywhere (the "sum" null rule) is recomputed
        // from the stored rows, so a re-import that empties a column is seen.
        let known = try String.fetchAll(db, sql: "SELECT column FROM presence WHERE file = ? AND column <> ''",
                                        arguments: [table])
        for c in known {
            let blank = Self.emptyAsBlank.contains("\(table).\(c)") ? " AND \"\(c)\" <> ''" : ""
            let filled = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \"\(c)\" IS NOT NULL\(blank))") ?? false
            try db.execute(sql: "UPDATE presence SET has_values = ? WHERE file = ? AND column = ?",
                           arguments: [filled ? 1 : 0, table, c])
        }
    }

    func danglingReplies() throws -> (count: Int, firstLine: Int?) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), min(line) FROM comments c INDEXED BY comments_import_reply
            WHERE c.import_id = ? AND c.parent_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.comment_id = c.parent_id)
            """, arguments: [importID])
        return (row?[0] ?? 0, row?[1])
    }

    func count(_ file: BundleFile) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(file.rawValue)") ?? 0
    }
}
