import Foundation
import Logging
import SMMCore
import SMMStore

/// Every protocol a data store implements.
typealias AnyDataStore = any StoreAdmin & PlanStore & AnomalyStore & LabelStore & ScheduleStore & ConnectionStore

/// Fresh databases for one test each (SQLKit-style: one suite of checks, run on every store).
enum TestDatabases {
    /// The test server: scripts/test.d/postgres.setup.sh starts one and exports this.
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }()

    static var hasPostgres: Bool { postgresURL != nil }

    /// A fresh SQLite file in a fresh folder.
    static func sqlite() throws -> (AnyDataStore, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-store-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("t.sqlite").path)
        return (store, { try? FileManager.default.removeItem(at: dir) })
    }

    static var server: PostgresLocation { get throws { try PostgresLocation(url: postgresURL ?? "") } }

    /// A fresh schema of the test database (dropped by `cleanup`).
    static func postgres(schema: String = randomSchema()) throws -> (PostgresStore, cleanup: () -> Void) {
        let server = try server
        let store = try PostgresStore(location: server, schema: schema, maximumConnections: 4)
        return (store, {
            store.close()
            try? PostgresStore.dropSchema(schema, server: server)
        })
    }

    static func randomSchema() -> String { "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
}

/// Day numbers and instants used by the fixtures.
enum Day {
    static func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static func at(_ iso: String, hour: Int64 = 10) -> Instant {
        Instant(seconds: Int64(d(iso).dayNumber) * 86400 + hour * 3600)
    }
}

/// A small data set written through the import sink: every table, a replaced key, a keyless
/// file and a model label. The same calls on every store.
enum Fixture {
    static func write(_ sink: any ImportSink) throws {
        _ = try sink.checkSettings(StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"), explicit: true)
        for f in BundleFile.allCases { try sink.beginFile(f) }
        try sink.upsert(Account(id: "vk_main", network: .vk, name: "Зерно VK", url: "https://vk.com/zerno", brand: "Зерно"))
        try sink.upsert(Account(id: "tg_main", network: .telegram, name: "Зерно\tTG\\", brand: "Зерно"))
        for (i, day) in ["2024-10-20", "2024-11-01", "2024-11-02"].enumerated() {
            try sink.upsert(AccountDay(accountID: "vk_main", date: Day.d(day), followers: 1000 + Int64(i) * 10,
                                       joined: 12, left: i == 0 ? nil : 2, reach: 500))
        }
        try sink.upsert(AccountDay(accountID: "tg_main", date: Day.d("2024-11-01"), followers: 300))
        try sink.upsert(Post(id: "p1", accountID: "vk_main", publishedAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"),
                             format: .post, topic: "кофе", promoted: true, text: "Привет\nмир"))
        try sink.upsert(Post(id: "p2", accountID: "tg_main", publishedAt: Day.at("2024-11-02"), localDate: Day.d("2024-11-02"),
                             format: .clip, text: "Hello, world"))
        // p1 again: the last row of a key wins and moves to the end (SQLite: a new rowid).
        try sink.upsert(Post(id: "p1", accountID: "vk_main", publishedAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"),
                             format: .post, topic: "чай", promoted: false, text: "Привет"))
        try sink.upsert(PostMetrics(postID: "p1", collectedAt: Day.at("2024-11-02"), reach: 90, likes: 8))
        try sink.upsert(PostMetrics(postID: "p1", collectedAt: Day.at("2024-11-03"), reach: 100, likes: 10))
        try sink.upsert(PostMetrics(postID: "p2", collectedAt: Day.at("2024-11-03"), reach: 50, likes: 5))
        try sink.upsert(Comment(id: "c1", postID: "p1", createdAt: Day.at("2024-11-01", hour: 11), localDate: Day.d("2024-11-01"),
                                authorID: "u1", text: "Класс", fromBrand: false), wordCount: 1, hasLetter: true, line: 2)
        try sink.upsert(Comment(id: "c2", postID: "p1", createdAt: Day.at("2024-11-01", hour: 12), localDate: Day.d("2024-11-01"),
                                text: "Спасибо", fromBrand: true, parentID: "c1", sentiment: .positive),
                        wordCount: 1, hasLetter: true, line: 3)
        try sink.upsert(Comment(id: "c3", postID: "p9", createdAt: Day.at("2024-11-02"), localDate: Day.d("2024-11-02"),
                                text: "?", parentID: "c0"), wordCount: 0, hasLetter: false, line: 4)
        try sink.upsert(Message(id: "m1", accountID: "vk_main", receivedAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"),
                                firstResponseAt: Day.at("2024-11-01", hour: 11), kind: .dm))
        try sink.upsert(Mention(id: "n1", publishedAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"), network: .vk,
                                text: "Зерно — лучший кофе", reach: 300), hasLetter: true)
        try sink.upsert(Review(id: "r1", createdAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"),
                               place: ReviewPlace("Yandex Maps"), rating: 5, text: "Отлично", sentiment: .positive), hasLetter: true)
        try sink.upsert(AdSpend(date: Day.d("2024-11-01"), campaign: "autumn", spend: Decimal(string: "1500.50")!,
                                network: .vk, accountID: "vk_main", clicks: 40))
        try sink.upsert(AdSpend(date: Day.d("2024-11-01"), campaign: "autumn", spend: Decimal(string: "0.1")!))
        try sink.deleteKeyless(.otherCosts, dates: [Day.d("2024-11-01"), Day.d("2024-11-02")])
        try sink.deleteKeyless(.workLog, dates: [Day.d("2024-11-01")])
        try sink.insert(OtherCost(date: Day.d("2024-11-01"), category: .salary, amount: 30000))
        try sink.insert(OtherCost(date: Day.d("2024-11-02"), category: .content, amount: Decimal(string: "4999.99")!, network: .vk))
        try sink.upsert(WebSession(date: Day.d("2024-11-01"), source: Source("vk"), medium: "social", campaign: "autumn",
                                   sessions: 120, users: 100))
        try sink.upsert(WebSession(date: Day.d("2024-11-01"), source: Source("organic"), sessions: 300))
        try sink.upsert(Lead(id: "l1", createdAt: Day.at("2024-11-01"), localDate: Day.d("2024-11-01"), source: Source("vk"),
                             qualified: true))
        try sink.upsert(Deal(id: "d1", closedAt: Day.at("2024-11-02"), localDate: Day.d("2024-11-02"), amount: 4500,
                             leadID: "l1", status: .won))
        try sink.upsert(AudienceShare(accountID: "vk_main", date: Day.d("2024-10-01"), dimension: .gender, bucket: "female",
                                      share: Decimal(string: "0.6")!))
        try sink.upsert(AudienceShare(accountID: "vk_main", date: Day.d("2024-11-01"), dimension: .gender, bucket: "male",
                                      share: Decimal(string: "0.4")!))
        try sink.upsert(BrandSearch(month: Day.d("2024-11-01"), query: "зерно кофейня", count: 120))
        try sink.upsert(PlanItem(id: "i1", accountID: "vk_main", dueAt: Day.at("2024-11-01"), dueDate: Day.d("2024-11-01"),
                                 format: "post", postID: "p1", approved: true))
        try sink.insert(WorkLogEntry(date: Day.d("2024-11-01"), person: "Анна", hours: Decimal(string: "3.5")!, task: "posts"))
        if let labels = sink as? any SentimentImportSink {
            try labels.setModelLabel(.comment, id: "c1", label: .negative, model: "m1")
            try labels.setModelLabel(.comment, id: "c1", label: .positive, model: "m1")
            try labels.setModelLabel(.mention, id: "n1", label: .positive, model: "m1")
        }
        for f in BundleFile.allCases { try sink.endFile(f) }
        try sink.recordPresence(.accounts, columns: ["account_id", "network", "name", "url", "brand"], hasRows: true)
        try sink.recordPresence(.adSpend, columns: ["date", "campaign", "spend", "network", "account_id", "clicks"], hasRows: true)
        try sink.recordPresence(.webSessions, columns: ["date", "source", "medium", "content", "sessions"], hasRows: true)
        try sink.recordPresence(.posts, columns: ["post_id", "account_id", "published_at", "format", "topic", "text"], hasRows: true)
    }

    static let counts: [BundleFile: Int] = [
        .accounts: 2, .accountDaily: 4, .posts: 2, .postMetrics: 3, .comments: 3, .messages: 1, .mentions: 1,
        .reviews: 1, .adSpend: 2, .otherCosts: 2, .webSessions: 2, .leads: 1, .deals: 1, .audience: 2,
        .brandSearches: 1, .contentPlan: 1, .workLog: 1,
    ]

    static var window: ClosedRange<LocalDate> { Day.d("2024-10-25")...Day.d("2024-11-30") }
}

/// The dataset as comparable text, field by field.
func describe(_ ds: KPIDataset) -> [String] {
    [ds.currency, "\(ds.accounts)", "\(ds.presence.files.sorted { $0.rawValue < $1.rawValue })",
     "\(ds.presence.columns.mapValues { $0.sorted() }.sorted { $0.key.rawValue < $1.key.rawValue })",
     "\(ds.presence.filledColumns.mapValues { $0.sorted() }.sorted { $0.key.rawValue < $1.key.rawValue })",
     "\(ds.accountDays)", "\(ds.posts)", "\(ds.latestMetrics.sorted { $0.key < $1.key })", "\(ds.comments)",
     "\(ds.messages)", "\(ds.mentions)", "\(ds.reviews)", "\(ds.adSpend)", "\(ds.otherCosts)", "\(ds.webSessions)",
     "\(ds.leads)", "\(ds.deals)", "\(ds.audience)", "\(ds.brandSearches)", "\(ds.planItems)", "\(ds.workLog)"]
}

/// Every exported file of a store: file → rows of cells.
func exportAll(_ store: any Store) throws -> [String: [[String?]]] {
    var out: [String: [[String?]]] = [:]
    for file in BundleFile.allCases {
        var rows: [[String?]] = []
        try store.exportRows(file, columns: file.columns.map(\.name)) { rows.append($0) }
        out[file.rawValue] = rows
    }
    return out
}

/// Every table's rows, as the `db copy` reader sees them.
func dumpAll(_ store: any StoreAdmin) throws -> [String: [[CellValue]]] {
    var out: [String: [[CellValue]]] = [:]
    try store.readTables(StoreTables.all) { table, rows in out[table.name, default: []] += rows }
    return out
}
