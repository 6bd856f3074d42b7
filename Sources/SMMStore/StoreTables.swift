import Foundation

/// A table of a data store, with the columns both stores have (PostgreSQL's `seq` aside), for
/// `smmkpi db status` and `db copy`.
package struct StoreTable: Sendable, Hashable {
    package var name: String
    package var columns: [String]
    /// An identity column (SQLite's INTEGER PRIMARY KEY): copied as it is; PostgreSQL's
    /// sequence is moved past the largest value afterwards.
    package var identity: String?
    /// Whether the PostgreSQL table orders its rows by `seq` (SQLite: rowid).
    package var ordered: Bool
    /// Tables whose column of the identity's name holds ids of this table too, rows since removed
    /// included (a removed schedule's deliveries): new ids continue past theirs as well, so that an
    /// id is never given again after a copy either.
    package var identityAlsoIn: [String] = []

    /// The order rows are copied in: insertion order (rowid) for ``ordered`` tables, else the key,
    /// which leads the columns of every table (so ordering by every column is ordering by the key).
    package var order: String {
        ordered ? "rowid" : (1...columns.count).map(String.init).joined(separator: ", ")
    }

    init(_ name: String, _ columns: [String], identity: String? = nil, ordered: Bool = false, identityAlsoIn: [String] = []) {
        self.name = name; self.columns = columns; self.identity = identity; self.ordered = ordered
        self.identityAlsoIn = identityAlsoIn
    }

    /// The largest id used, as SQL: of this table and of ``identityAlsoIn`` (0 when none).
    var largestIdentitySQL: String? {
        guard let identity else { return nil }
        // Each term non-NULL: SQLite's max(a, b) is NULL when one of them is.
        let all = ([name] + identityAlsoIn).map { "(SELECT coalesce(max(\(identity)), 0) FROM \($0))" }
        return all.count == 1 ? all[0] : "greatest(" + all.joined(separator: ", ") + ")"
    }
}

/// One stored value, as it moves between stores.
package enum CellValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Bytes (SQLite BLOB, PostgreSQL BYTEA): sealed connector credentials.
    case blob(Data)
}

/// Every table of a data store, in an order that loads parents before children.
package enum StoreTables {
    package static let all: [StoreTable] = [
        StoreTable("meta", ["key", "value"]),
        StoreTable("imports", ["import_id", "started_at", "source"], identity: "import_id"),
        StoreTable("presence", ["file", "column", "has_values"]),
        StoreTable("accounts", ["account_id", "network", "name", "url", "brand"]),
        StoreTable("account_daily", ["account_id", "date", "followers", "joined", "left", "reach", "views", "visitors"]),
        StoreTable("posts", ["post_id", "account_id", "published_at", "local_date", "format", "topic", "campaign",
                             "partner", "promoted", "url", "text"], ordered: true),
        StoreTable("post_metrics", ["post_id", "collected_at", "impressions", "reach", "likes", "comments", "reposts",
                                    "saves", "clicks", "video_views", "hides"]),
        StoreTable("comments", ["comment_id", "post_id", "created_at", "local_date", "author_id", "text", "from_brand",
                                "parent_id", "sentiment", "word_count", "has_letter", "import_id", "line"], ordered: true),
        StoreTable("messages", ["message_id", "account_id", "received_at", "local_date", "first_response_at", "kind"],
                   ordered: true),
        StoreTable("mentions", ["mention_id", "published_at", "local_date", "network", "url", "author", "text", "reach",
                                "sentiment", "has_letter"], ordered: true),
        StoreTable("reviews", ["review_id", "created_at", "local_date", "network", "rating", "text", "sentiment",
                               "has_letter"], ordered: true),
        StoreTable("ad_spend", ["date", "campaign", "account_id", "network", "spend", "impressions", "reach", "clicks"]),
        StoreTable("other_costs", ["id", "date", "category", "amount", "network"], identity: "id"),
        StoreTable("web_sessions", ["date", "source", "medium", "campaign", "content", "sessions", "users", "pageviews",
                                    "bounces", "goal_completions", "duration_seconds"]),
        StoreTable("leads", ["lead_id", "created_at", "local_date", "source", "campaign", "content", "qualified",
                             "customer_id"], ordered: true),
        StoreTable("deals", ["deal_id", "closed_at", "local_date", "amount", "lead_id", "status", "customer_id"],
                   ordered: true),
        StoreTable("audience", ["account_id", "date", "dimension", "bucket", "share"]),
        StoreTable("brand_searches", ["month", "query", "count"]),
        StoreTable("content_plan", ["item_id", "account_id", "due_at", "due_date", "format", "topic", "post_id",
                                    "approved"], ordered: true),
        StoreTable("work_log", ["id", "date", "person", "hours", "task"], identity: "id"),
        StoreTable("plans", ["plan_id", "name", "assignee", "period", "accounts", "task", "sla_hours", "at_risk_below",
                             "cap", "missing_data", "persona", "bonus_base", "bonus_min_score", "bonus_sales_percent",
                             "created_at", "updated_at"], identity: "plan_id"),
        StoreTable("plan_kpis", ["plan_id", "position", "metric", "target_kind", "x", "y", "by_date", "weight", "reason"]),
        StoreTable("sentiment_model", ["kind", "id", "label", "model"]),
        StoreTable("sentiment_corrections", ["kind", "id", "label", "corrected_at"]),
        StoreTable("anomaly_verdicts", ["anomaly_id", "kind", "account_id", "date_from", "date_to", "status", "note",
                                        "decided_at", "anomaly"]),
        StoreTable("anomaly_verdict_log", ["id", "anomaly_id", "status", "note", "decided_at"], identity: "id"),
        StoreTable("anomaly_cache", ["position", "anomaly_id", "anomaly"]),
        StoreTable("report_schedules", ["schedule_id", "kind", "at", "target", "format", "language", "plan", "accounts",
                                        "created_at"], identity: "schedule_id",
                   identityAlsoIn: ["report_deliveries", "report_delivery_log"]),
        StoreTable("report_deliveries", ["delivery_key", "schedule_id", "period", "state", "attempts", "error",
                                         "updated_at"]),
        StoreTable("report_delivery_log", ["id", "time", "schedule_id", "period", "attempt", "status", "http_status",
                                           "error"], identity: "id"),
        StoreTable("connections", ["connection_id", "source", "name", "credentials", "settings", "cursor",
                                   "last_sync_at", "last_status", "last_message", "created_at"],
                   identity: "connection_id"),
    ]

    /// The control tables of a home (decision 0004): only a home's store has them.
    package static let home: [StoreTable] = [
        StoreTable("workspaces", ["workspace_id", "slug", "name", "created_at"], identity: "workspace_id"),
        StoreTable("users", ["user_id", "login", "name", "password_hash", "language", "created_at"], identity: "user_id"),
        StoreTable("memberships", ["user_id", "workspace_id", "role"]),
        StoreTable("sessions", ["token_hash", "user_id", "csrf_token", "created_at", "expires_at"]),
        StoreTable("api_tokens", ["token_id", "user_id", "name", "token_hash", "scopes", "created_at", "last_used_at",
                                  "revoked_at"], identity: "token_id"),
    ]

    static func quoted(_ columns: [String]) -> String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }
}

/// Receives whole tables in one write transaction (`smmkpi db copy`).
package protocol TableLoader: AnyObject {
    /// Removes every row of the table.
    func clear(_ table: StoreTable) throws
    /// Appends rows (cells in the table's column order), in the order given.
    func append(_ table: StoreTable, _ rows: [[CellValue]]) throws
    /// Called after the table's last rows.
    func finish(_ table: StoreTable) throws
}

/// What `smmkpi db` needs of a store beyond ``Store``.
package protocol StoreAdmin: Store {
    /// The migrations applied, in order; the last one is the schema version.
    func appliedMigrations() async throws -> [String]
    /// The tables this store has: ``StoreTables/all``, and ``StoreTables/home`` in a home.
    func tables() async throws -> [StoreTable]
    /// Rows per table of ``tables()``.
    func tableCounts() async throws -> [String: Int]
    /// Streams the tables' rows in batches (cells in column order, rows in insertion order), all
    /// from one snapshot: an import that runs meanwhile is seen entirely or not at all.
    func readTables(_ tables: [StoreTable], _ body: (StoreTable, [[CellValue]]) throws -> Void) throws
    /// Runs `body` in one write transaction (holding the import lock); nothing is kept when it throws.
    func withTableLoad<T>(_ body: (any TableLoader) throws -> T) throws -> T
}
