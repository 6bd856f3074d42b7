import Foundation

/// The type of a bundle column (bundle-format.md "General rules").
package enum ColumnType: Sendable, Equatable {
    case id, text, network, optionalNetwork, source, integer, decimal, money, boolean, date, month, dateTime
    case enumeration([String])
    /// reviews.network: a network code or a place name.
    case place
}

/// One column of a bundle file.
package struct ColumnSpec: Sendable, Equatable {
    package var name: String
    package var type: ColumnType
    package var required: Bool
    package init(_ name: String, _ type: ColumnType, required: Bool = false) {
        self.name = name; self.type = type; self.required = required
    }
}

/// The files of a bundle, in import order (referenced files first).
package enum BundleFile: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case accounts
    case accountDaily = "account_daily"
    case posts
    case postMetrics = "post_metrics"
    case comments, messages, mentions, reviews
    case adSpend = "ad_spend"
    case otherCosts = "other_costs"
    case webSessions = "web_sessions"
    case leads, deals, audience
    case brandSearches = "brand_searches"
    case contentPlan = "content_plan"
    case workLog = "work_log"

    package var fileName: String { rawValue + ".csv" }

    package init?(fileName: String) {
        guard fileName.hasSuffix(".csv") else { return nil }
        self.init(rawValue: String(fileName.dropLast(4)))
    }

    package static func < (a: BundleFile, b: BundleFile) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Files without a key: a re-import replaces the stored rows of the dates it brings.
    package var isKeyless: Bool { self == .otherCosts || self == .workLog }

    /// The columns of bundle-format.md, in the order export writes them.
    package var columns: [ColumnSpec] {
        switch self {
        case .accounts:
            return [.init("account_id", .id, required: true), .init("network", .network, required: true),
                    .init("name", .text, required: true), .init("url", .text), .init("brand", .text)]
        case .accountDaily:
            return [.init("account_id", .id, required: true), .init("date", .date, required: true),
                    .init("followers", .integer, required: true), .init("joined", .integer), .init("left", .integer),
                    .init("reach", .integer), .init("views", .integer), .init("visitors", .integer)]
        case .posts:
            return [.init("post_id", .id, required: true), .init("account_id", .id, required: true),
                    .init("published_at", .dateTime, required: true),
                    .init("format", .enumeration(PostFormat.allCases.map(\.rawValue)), required: true),
                    .init("topic", .text), .init("campaign", .text), .init("partner", .text),
                    .init("promoted", .boolean), .init("url", .text), .init("text", .text)]
        case .postMetrics:
            return [.init("post_id", .id, required: true), .init("collected_at", .dateTime, required: true)]
                + ["impressions", "reach", "likes", "comments", "reposts", "saves", "clicks", "video_views", "hides"]
                .map { .init($0, .integer) }
        case .comments:
            return [.init("comment_id", .id, required: true), .init("post_id", .id, required: true),
                    .init("created_at", .dateTime, required: true), .init("author_id", .text), .init("text", .text),
                    .init("from_brand", .boolean), .init("parent_id", .id),
                    .init("sentiment", .enumeration(Sentiment.allCases.map(\.rawValue)))]
        case .messages:
            return [.init("message_id", .id, required: true), .init("account_id", .id, required: true),
                    .init("received_at", .dateTime, required: true), .init("first_response_at", .dateTime),
                    .init("kind", .enumeration(MessageKind.allCases.map(\.rawValue)))]
        case .mentions:
            return [.init("mention_id", .id, required: true), .init("published_at", .dateTime, required: true),
                    .init("network", .optionalNetwork), .init("url", .text), .init("author", .text),
                    .init("text", .text), .init("reach", .integer),
                    .init("sentiment", .enumeration(Sentiment.allCases.map(\.rawValue)))]
        case .reviews:
            return [.init("review_id", .id, required: true), .init("created_at", .dateTime, required: true),
                    .init("network", .place), .init("rating", .integer), .init("text", .text),
                    .init("sentiment", .enumeration(Sentiment.allCases.map(\.rawValue)))]
        case .adSpend:
            return [.init("date", .date, required: true), .init("campaign", .text, required: true),
                    .init("spend", .money, required: true), .init("network", .optionalNetwork),
                    .init("account_id", .id), .init("impressions", .integer), .init("reach", .integer),
                    .init("clicks", .integer)]
        case .otherCosts:
            return [.init("date", .date, required: true),
                    .init("category", .enumeration(CostCategory.allCases.map(\.rawValue)), required: true),
                    .init("amount", .money, required: true), .init("network", .optionalNetwork)]
        case .webSessions:
            return [.init("date", .date, required: true), .init("source", .source, required: true),
                    .init("medium", .text), .init("campaign", .text), .init("content", .text),
                    .init("sessions", .integer, required: true)]
                + ["users", "pageviews", "bounces", "goal_completions", "duration_seconds"].map { .init($0, .integer) }
        case .leads:
            return [.init("lead_id", .id, required: true), .init("created_at", .dateTime, required: true),
                    .init("source", .source, required: true), .init("campaign", .text), .init("content", .text),
                    .init("qualified", .boolean), .init("customer_id", .text)]
        case .deals:
            return [.init("deal_id", .id, required: true), .init("closed_at", .dateTime, required: true),
                    .init("amount", .money, required: true), .init("lead_id", .id),
                    .init("status", .enumeration(DealStatus.allCases.map(\.rawValue))), .init("customer_id", .text)]
        case .audience:
            return [.init("account_id", .id, required: true), .init("date", .date, required: true),
                    .init("dimension", .enumeration(AudienceDimension.allCases.map(\.rawValue)), required: true),
                    .init("bucket", .text, required: true), .init("share", .decimal, required: true)]
        case .brandSearches:
            return [.init("month", .month, required: true), .init("query", .text, required: true),
                    .init("count", .integer, required: true)]
        case .contentPlan:
            return [.init("item_id", .id, required: true), .init("account_id", .id, required: true),
                    .init("due_at", .dateTime, required: true), .init("format", .text), .init("topic", .text),
                    .init("post_id", .id), .init("approved", .boolean)]
        case .workLog:
            return [.init("date", .date, required: true), .init("person", .text, required: true),
                    .init("hours", .decimal, required: true), .init("task", .text)]
        }
    }
}

/// Which files and columns the database has seen (bundle-format.md "Several imports into one
/// database"): the null rules of kpi-catalog.md ask whether a file or column is present.
package struct Presence: Sendable, Equatable {
    /// Files that any import brought with at least one data row.
    package var files: Set<BundleFile>
    /// Columns any import brought in a header, per file (header-only files included).
    package var columns: [BundleFile: Set<String>]
    /// Columns that hold a non-empty value in at least one stored row.
    package var filledColumns: [BundleFile: Set<String>]

    package init(files: Set<BundleFile> = [], columns: [BundleFile: Set<String>] = [:],
                 filledColumns: [BundleFile: Set<String>] = [:]) {
        self.files = files; self.columns = columns; self.filledColumns = filledColumns
    }

    /// The file has data rows.
    package func has(_ file: BundleFile) -> Bool { files.contains(file) }
    /// The file has data rows and the column was in a header.
    package func has(_ file: BundleFile, column: String) -> Bool {
        files.contains(file) && columns[file]?.contains(column) == true
    }
    /// The column has a value in some row (the "sum" null rule).
    package func hasValues(_ file: BundleFile, column: String) -> Bool {
        files.contains(file) && filledColumns[file]?.contains(column) == true
    }
}
