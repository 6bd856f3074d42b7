import Foundation
import Logging
import PostgresNIO
import SMMCore

/// Writes one import on a connection of its own, in one transaction that holds the schema's
/// import lock. Rows are buffered per table and sent with COPY in batches; every read (stored
/// ids, counts, presence, dangling replies, model labels) sends the buffered rows first, so it
/// sees every row written so far, as on SQLite.
///
/// Called on the importer's thread; each database step runs on the store's thread (see
/// ``StoreThread``). A full batch is sent while the importer goes on reading the bundle (one
/// batch in flight at a time, so memory stays flat); every other step first waits for it, and
/// an error of a batch comes out of the next step (at the latest, the commit).
final class PostgresImportSink: ImportSink {
    private let connection: PostgresConnection
    private let thread: StoreThread
    private let logger: Logger
    private let importID: Int64
    private var stages: [String: PostgresStage] = [:]
    private var order: Int64 = 0
    private var open = true
    /// The batch being sent, if any.
    private var inFlight: Task<Void, any Error>?

    init(store: PostgresStore) throws {
        thread = store.thread
        logger = store.logger
        let logger = store.logger, schema = store.schema
        let (connection, id) = try store.thread.wait { [store] in
            let c = try await store.connect()
            do {
                try await c.query("BEGIN", logger: logger)
                // A batch's two sorts (the last row of a key, then the file's order) fit in memory
                // (the server's default of 4 MB sends them to disk).
                try await c.query("SET LOCAL work_mem = '64MB'", logger: logger)
                // One import per workspace at a time (decision 0008); a second one waits here.
                try await c.query("SELECT pg_advisory_xact_lock(hashtext(\("smmkpi.import." + schema)))", logger: logger)
                let row = try await PostgresStore.first(c, """
                    INSERT INTO imports (started_at, source) VALUES (\(ISO8601DateFormatter().string(from: Date())), 'bundle')
                    RETURNING import_id
                    """, logger: logger)
                return (c, row?.int64(0) ?? 0)
            } catch {
                try? await c.close()
                throw error
            }
        }
        self.connection = connection
        importID = id
    }

    /// Runs database steps on the store's thread, after the batch in flight.
    @discardableResult
    private func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let c = connection, logger = self.logger, previous = inFlight
        inFlight = nil
        return try thread.wait {
            try await previous?.value
            return try await body(c, logger)
        }
    }

    /// Starts database steps on the store's thread without waiting for them (after the batch
    /// in flight, which is waited for first).
    private func start(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) throws {
        if let previous = inFlight {
            inFlight = nil
            try thread.wait { try await previous.value }
        }
        let c = connection, logger = self.logger
        inFlight = Task(executorPreference: thread) { try await body(c, logger) }
    }

    func commit() throws {
        try flushAll()
        try run { c, logger in
            try await c.query("COMMIT", logger: logger)
            try await c.close()
        }
        open = false
    }

    func rollback() {
        guard open else { return }
        open = false
        let previous = inFlight
        inFlight = nil
        _ = try? thread.wait { _ = try? await previous?.value }
        _ = try? run { c, logger in
            _ = try? await c.query("ROLLBACK", logger: logger)
            try await c.close()
        }
    }

    deinit { rollback() }

    // MARK: - Buffering

    private static let definitions: [String: (columns: [String], keys: [String], seq: Bool)] = [
        "accounts": (["account_id", "network", "name", "url", "brand"], ["account_id"], false),
        "account_daily": (["account_id", "date", "followers", "joined", "left", "reach", "views", "visitors"],
                          ["account_id", "date"], false),
        "posts": (["post_id", "account_id", "published_at", "local_date", "format", "topic", "campaign", "partner",
                   "promoted", "url", "text"], ["post_id"], true),
        "post_metrics": (["post_id", "collected_at", "impressions", "reach", "likes", "comments", "reposts", "saves",
                          "clicks", "video_views", "hides"], ["post_id", "collected_at"], false),
        "comments": (["comment_id", "post_id", "created_at", "local_date", "author_id", "text", "from_brand", "parent_id",
                      "sentiment", "word_count", "has_letter", "import_id", "line"], ["comment_id"], true),
        "messages": (["message_id", "account_id", "received_at", "local_date", "first_response_at", "kind"],
                     ["message_id"], true),
        "mentions": (["mention_id", "published_at", "local_date", "network", "url", "author", "text", "reach",
                      "sentiment", "has_letter"], ["mention_id"], true),
        "reviews": (["review_id", "created_at", "local_date", "network", "rating", "text", "sentiment", "has_letter"],
                    ["review_id"], true),
        "ad_spend": (["date", "campaign", "account_id", "network", "spend", "impressions", "reach", "clicks"],
                     ["date", "campaign", "account_id", "network"], false),
        "other_costs": (["date", "category", "amount", "network"], [], false),
        "web_sessions": (["date", "source", "medium", "campaign", "content", "sessions", "users", "pageviews", "bounces",
                          "goal_completions", "duration_seconds"], ["date", "source", "medium", "campaign", "content"], false),
        "leads": (["lead_id", "created_at", "local_date", "source", "campaign", "content", "qualified", "customer_id"],
                  ["lead_id"], true),
        "deals": (["deal_id", "closed_at", "local_date", "amount", "lead_id", "status", "customer_id"], ["deal_id"], true),
        "audience": (["account_id", "date", "dimension", "bucket", "share"], ["account_id", "date", "dimension", "bucket"],
                     false),
        "brand_searches": (["month", "query", "count"], ["month", "query"], false),
        "content_plan": (["item_id", "account_id", "due_at", "due_date", "format", "topic", "post_id", "approved"],
                         ["item_id"], true),
        "work_log": (["date", "person", "hours", "task"], [], false),
        "sentiment_model": (["kind", "id", "label", "model"], ["kind", "id"], false),
    ]

    /// Appends one row to the table's buffer (`cells` writes the cells in column order).
    private func add(_ table: String, _ cells: (inout CopyText) -> Void) throws {
        var stage = stages.removeValue(forKey: table) ?? {
            let d = Self.definitions[table]!
            return PostgresStage(table: table, columns: d.columns, keys: d.keys, hasSeq: d.seq)
        }()
        cells(&stage.copy)
        order += 1
        stage.copy.cell(order)
        stage.copy.endRow()
        let full = stage.copy.rows >= PostgresStage.batchRows || stage.copy.buffer.readableBytes > 16 << 20
        stages[table] = stage
        if full { try flush(table) }
    }

    private func flush(_ table: String) throws {
        guard let stage = stages[table], stage.copy.rows > 0 else { return }
        let sentiment = table == "sentiment_model"
        try start { c, logger in try await PostgresStage.send(stage, sentiment: sentiment, on: c, logger: logger) }
        // The batch in flight keeps its own copy of the rows; this one starts afresh.
        stages[table]?.copy.reset()
        stages[table]?.created = true
    }

    /// Sends every buffered row (before any read).
    func flushAll() throws {
        for table in stages.keys.sorted() { try flush(table) }
    }

    private static func text(_ d: Decimal) -> String { d.description }

    // MARK: - ImportSink

    private func ids(_ sql: String) throws -> Set<String> {
        try flushAll()
        return try run { c, logger in
            var out = Set<String>()
            try await PostgresStore.each(c, PostgresQuery(unsafeSQL: sql), logger: logger) { out.insert($0.text(0)) }
            return out
        }
    }

    func storedAccountIDs() throws -> Set<String> { try ids("SELECT account_id FROM accounts") }
    func storedPostIDs() throws -> Set<String> { try ids("SELECT post_id FROM posts") }
    func storedLeadIDs() throws -> Set<String> { try ids("SELECT lead_id FROM leads") }

    func checkSettings(_ incoming: StoreSettings, explicit: Bool) throws -> StoreSettings {
        let stored = try run { c, logger in try await PostgresStore.readSettings(c, logger: logger) }
        if let settings = try StoreSettings.reconcile(stored: stored, incoming: incoming, explicit: explicit) {
            return settings
        }
        try run { c, logger in
            try await c.query("""
                INSERT INTO meta (key, value) VALUES ('timezone', \(incoming.timeZone)), ('currency', \(incoming.currency))
                """, logger: logger)
        }
        return incoming
    }

    func upsert(_ r: Account) throws {
        try add("accounts") { $0.cell(r.id); $0.cell(r.network.rawValue); $0.cell(r.name); $0.cell(r.url); $0.cell(r.brand) }
    }

    func upsert(_ r: AccountDay) throws {
        try add("account_daily") {
            $0.cell(r.accountID); $0.cell(r.date.dayNumber); $0.cell(r.followers); $0.cell(r.joined); $0.cell(r.left)
            $0.cell(r.reach); $0.cell(r.views); $0.cell(r.visitors)
        }
    }

    func upsert(_ r: Post) throws {
        try add("posts") {
            $0.cell(r.id); $0.cell(r.accountID); $0.cell(r.publishedAt.nanoseconds); $0.cell(r.localDate.dayNumber)
            $0.cell(r.format.rawValue); $0.cell(r.topic); $0.cell(r.campaign); $0.cell(r.partner); $0.cell(r.promoted)
            $0.cell(r.url); $0.cell(r.text)
        }
    }

    func upsert(_ r: PostMetrics) throws {
        try add("post_metrics") {
            $0.cell(r.postID); $0.cell(r.collectedAt.nanoseconds); $0.cell(r.impressions); $0.cell(r.reach)
            $0.cell(r.likes); $0.cell(r.comments); $0.cell(r.reposts); $0.cell(r.saves); $0.cell(r.clicks)
            $0.cell(r.videoViews); $0.cell(r.hides)
        }
    }

    func upsert(_ r: Comment, wordCount: Int, hasLetter: Bool, line: Int) throws {
        let importID = self.importID
        try add("comments") {
            $0.cell(r.id); $0.cell(r.postID); $0.cell(r.createdAt.nanoseconds); $0.cell(r.localDate.dayNumber)
            $0.cell(r.authorID); $0.cell(r.text); $0.cell(r.fromBrand); $0.cell(r.parentID); $0.cell(r.sentiment?.rawValue)
            $0.cell(wordCount); $0.cell(hasLetter); $0.cell(importID); $0.cell(line)
        }
    }

    func upsert(_ r: Message) throws {
        try add("messages") {
            $0.cell(r.id); $0.cell(r.accountID); $0.cell(r.receivedAt.nanoseconds); $0.cell(r.localDate.dayNumber)
            $0.cell(r.firstResponseAt?.nanoseconds); $0.cell(r.kind?.rawValue)
        }
    }

    func upsert(_ r: Mention, hasLetter: Bool) throws {
        try add("mentions") {
            $0.cell(r.id); $0.cell(r.publishedAt.nanoseconds); $0.cell(r.localDate.dayNumber); $0.cell(r.network?.rawValue)
            $0.cell(r.url); $0.cell(r.author); $0.cell(r.text); $0.cell(r.reach); $0.cell(r.sentiment?.rawValue)
            $0.cell(hasLetter)
        }
    }

    func upsert(_ r: Review, hasLetter: Bool) throws {
        try add("reviews") {
            $0.cell(r.id); $0.cell(r.createdAt.nanoseconds); $0.cell(r.localDate.dayNumber); $0.cell(r.place?.text)
            $0.cell(r.rating); $0.cell(r.text); $0.cell(r.sentiment?.rawValue); $0.cell(hasLetter)
        }
    }

    func upsert(_ r: AdSpend) throws {
        try add("ad_spend") {
            $0.cell(r.date.dayNumber); $0.cell(r.campaign); $0.cell(r.accountID ?? ""); $0.cell(r.network?.rawValue ?? "")
            $0.cell(Self.text(r.spend)); $0.cell(r.impressions); $0.cell(r.reach); $0.cell(r.clicks)
        }
    }

    func insert(_ r: OtherCost) throws {
        try add("other_costs") {
            $0.cell(r.date.dayNumber); $0.cell(r.category.rawValue); $0.cell(Self.text(r.amount)); $0.cell(r.network?.rawValue)
        }
    }

    func upsert(_ r: WebSession) throws {
        try add("web_sessions") {
            $0.cell(r.date.dayNumber); $0.cell(r.source.word); $0.cell(r.medium ?? ""); $0.cell(r.campaign ?? "")
            $0.cell(r.content ?? ""); $0.cell(r.sessions); $0.cell(r.users); $0.cell(r.pageviews); $0.cell(r.bounces)
            $0.cell(r.goalCompletions); $0.cell(r.durationSeconds)
        }
    }

    func upsert(_ r: Lead) throws {
        try add("leads") {
            $0.cell(r.id); $0.cell(r.createdAt.nanoseconds); $0.cell(r.localDate.dayNumber); $0.cell(r.source.word)
            $0.cell(r.campaign); $0.cell(r.content); $0.cell(r.qualified); $0.cell(r.customerID)
        }
    }

    func upsert(_ r: Deal) throws {
        try add("deals") {
            $0.cell(r.id); $0.cell(r.closedAt.nanoseconds); $0.cell(r.localDate.dayNumber); $0.cell(Self.text(r.amount))
            $0.cell(r.leadID); $0.cell(r.status?.rawValue); $0.cell(r.customerID)
        }
    }

    func upsert(_ r: AudienceShare) throws {
        try add("audience") {
            $0.cell(r.accountID); $0.cell(r.date.dayNumber); $0.cell(r.dimension.rawValue); $0.cell(r.bucket)
            $0.cell(Self.text(r.share))
        }
    }

    func upsert(_ r: BrandSearch) throws {
        try add("brand_searches") { $0.cell(r.month.dayNumber); $0.cell(r.query); $0.cell(r.count) }
    }

    func upsert(_ r: PlanItem) throws {
        try add("content_plan") {
            $0.cell(r.id); $0.cell(r.accountID); $0.cell(r.dueAt.nanoseconds); $0.cell(r.dueDate.dayNumber)
            $0.cell(r.format); $0.cell(r.topic); $0.cell(r.postID); $0.cell(r.approved)
        }
    }

    func insert(_ r: WorkLogEntry) throws {
        try add("work_log") { $0.cell(r.date.dayNumber); $0.cell(r.person); $0.cell(Self.text(r.hours)); $0.cell(r.task) }
    }

    func beginFile(_ file: BundleFile) throws {}

    func endFile(_ file: BundleFile) throws { try flushAll() }

    func deleteKeyless(_ file: BundleFile, dates: Set<LocalDate>) throws {
        precondition(file.isKeyless)
        try flushAll()
        let days = dates.map { Int64($0.dayNumber) }.sorted(), table = file.rawValue
        try run { c, logger in
            try await c.query("DELETE FROM \(unescaped: table) WHERE date = ANY(\(days))", logger: logger)
        }
    }

    /// Columns stored as '' when empty (key columns).
    private static let emptyAsBlank: Set<String> = ["ad_spend.account_id", "ad_spend.network", "web_sessions.medium",
                                                    "web_sessions.campaign", "web_sessions.content"]

    func recordPresence(_ file: BundleFile, columns: Set<String>, hasRows: Bool) throws {
        try flushAll()
        let table = file.rawValue, columns = columns.sorted(), has: Int64 = hasRows ? 1 : 0
        try run { c, logger in
            try await c.query("""
                INSERT INTO presence (file, "column", has_values) VALUES (\(table), '', \(has))
                ON CONFLICT (file, "column") DO UPDATE SET has_values = greatest(presence.has_values, EXCLUDED.has_values)
                """, logger: logger)
            for col in columns {
                try await c.query("""
                    INSERT INTO presence (file, "column", has_values) VALUES (\(table), \(col), 0) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            // Whether each known column holds a value anywhere is recomputed from the stored rows.
            var known: [String] = []
            try await PostgresStore.each(c, """
                SELECT "column" FROM presence WHERE file = \(table) AND "column" <> ''
                """, logger: logger) { known.append($0.text(0)) }
            for col in known {
                let quoted = col.replacingOccurrences(of: "\"", with: "\"\"")
                let blank = Self.emptyAsBlank.contains("\(table).\(col)") ? " AND \"\(quoted)\" <> ''" : ""
                let row = try await PostgresStore.first(c, PostgresQuery(unsafeSQL: """
                    SELECT EXISTS (SELECT 1 FROM \(table) WHERE "\(quoted)" IS NOT NULL\(blank))
                    """), logger: logger)
                let filled: Int64 = row?.bool(0) == true ? 1 : 0
                try await c.query("""
                    UPDATE presence SET has_values = \(filled) WHERE file = \(table) AND "column" = \(col)
                    """, logger: logger)
            }
        }
    }

    func danglingReplies() throws -> (count: Int, firstLine: Int?) {
        try flushAll()
        let importID = self.importID
        return try run { c, logger in
            let row = try await PostgresStore.first(c, """
                SELECT count(*), min(line) FROM comments c
                WHERE c.import_id = \(importID) AND c.parent_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.comment_id = c.parent_id)
                """, logger: logger)
            return (Int(row?.int64(0) ?? 0), row?.optInt64(1).map { Int($0) })
        }
    }

    func count(_ file: BundleFile) throws -> Int {
        try flushAll()
        let table = file.rawValue
        return try run { c, logger in
            Int(try await PostgresStore.first(c, "SELECT count(*) FROM \(unescaped: table)", logger: logger)?.int64(0) ?? 0)
        }
    }
}

extension PostgresImportSink: SentimentImportSink {
    func setModelLabel(_ kind: LabeledKind, id: String, label: Sentiment?, model: String) throws {
        try add("sentiment_model") { $0.cell(kind.rawValue); $0.cell(id); $0.cell(label?.rawValue); $0.cell(model) }
    }

    func hasModelLabels(_ kind: LabeledKind) throws -> Bool {
        try flushAll()
        let k = kind.rawValue
        return try run { c, logger in
            try await PostgresStore.first(c, "SELECT EXISTS (SELECT 1 FROM sentiment_model WHERE kind = \(k))",
                                          logger: logger)?.bool(0) ?? false
        }
    }
}
