import Foundation
import SMMCore
import SMMStore
import Testing

/// The checks every store passes (run by ``SQLiteStoreTests`` and ``PostgresStoreTests``).
enum StoreChecks {
    static func importAndRead(_ store: AnyDataStore) async throws {
        #expect(try await store.settings() == nil)
        #expect(try await store.dataRange() == nil)
        let dangling = try store.withImport { sink -> (Int, Int?) in
            try Fixture.write(sink)
            #expect(try sink.count(.posts) == 2)
            #expect(try sink.storedAccountIDs() == ["vk_main", "tg_main"])
            #expect(try sink.storedPostIDs() == ["p1", "p2"])
            #expect(try sink.storedLeadIDs() == ["l1"])
            return try sink.danglingReplies()
        }
        #expect(dangling.0 == 1 && dangling.1 == 4)
        #expect(try await store.settings() == StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"))
        #expect(try await store.rowCounts() == Fixture.counts)
        #expect(try await store.accounts().map(\.id) == ["tg_main", "vk_main"])
        #expect(try await store.accounts().first?.name == "Зерно\tTG\\")
        #expect(try await store.dataRange() == Day.d("2024-10-20")...Day.d("2024-11-02"))

        let ds = try await store.dataset(window: Fixture.window)
        #expect(ds.currency == "RUB")
        #expect(ds.accountDays.count == 4)  // the anchor of 2024-10-20 and the window's three
        #expect(ds.posts.map(\.id) == ["p1", "p2"])
        #expect(ds.posts.first?.topic == "чай")
        #expect(ds.latestMetrics["p1"]?.likes == 10)
        #expect(ds.comments.map(\.comment.id) == ["c1", "c2"])
        #expect(ds.comments.first?.hasBrandReply == true)
        #expect(ds.comments.first?.sentiment == .positive)  // the model's last label
        #expect(ds.mentions.first?.sentiment == .positive)
        #expect(ds.adSpend.map(\.spend) == [Decimal(string: "0.1")!, Decimal(string: "1500.50")!])
        #expect(ds.otherCosts.map(\.amount) == [30000, Decimal(string: "4999.99")!])
        #expect(ds.webSessions.map(\.medium) == [nil, "social"])
        #expect(ds.leads.first?.hasWonDeal == true)
        #expect(ds.deals.first?.lead?.id == "l1")
        #expect(ds.audience.map(\.bucket) == ["female", "male"])
        #expect(ds.planItems.first?.postLocalDate == Day.d("2024-11-01"))
        #expect(ds.workLog.first?.hours == Decimal(string: "3.5")!)

        let presence = try await store.presence()
        #expect(presence.files == [.accounts, .adSpend, .webSessions, .posts])
        #expect(presence.filledColumns[.webSessions]?.contains("content") == false)
        #expect(presence.filledColumns[.webSessions]?.contains("medium") == true)
        #expect(presence.filledColumns[.posts]?.contains("topic") == true)

        let exported = try exportAll(store)
        // p1 was replaced after p2: it comes last, as a row with a new rowid does on SQLite.
        func cells(_ file: BundleFile, _ column: String) -> [String?] {
            guard let i = file.columns.firstIndex(where: { $0.name == column }) else { return [] }
            return exported[file.rawValue]?.map { $0[i] } ?? []
        }
        #expect(cells(.posts, "post_id") == ["p2", "p1"])
        #expect(cells(.posts, "text") == ["Hello, world", "Привет"])
        #expect(cells(.adSpend, "account_id") == [nil, "vk_main"])
        #expect(cells(.brandSearches, "month") == ["2024-11"])
        #expect(cells(.comments, "created_at").first == Day.at("2024-11-01", hour: 11).iso8601)
    }

    static func rollback(_ store: AnyDataStore) async throws {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.withImport { sink in
                try Fixture.write(sink)
                throw Stop()
            }
        }
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
        #expect(try await store.settings() == nil)
    }

    static func settingsAndReimport(_ store: AnyDataStore) async throws {
        try store.withImport { try Fixture.write($0) }
        // Again: keys are replaced, keyless rows of the dates brought are replaced, nothing doubles.
        try store.withImport { try Fixture.write($0) }
        #expect(try await store.rowCounts() == Fixture.counts)
        #expect(throws: StoreError.settingsMismatch(field: "currency", stored: "RUB", incoming: "EUR")) {
            try store.withImport { sink in
                _ = try sink.checkSettings(StoreSettings(timeZone: "Europe/Moscow", currency: "EUR"), explicit: true)
            }
        }
        let kept = try store.withImport { sink in
            try sink.checkSettings(StoreSettings(timeZone: "UTC", currency: "USD"), explicit: false)
        }
        #expect(kept == StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"))
    }

    static func plans(_ store: AnyDataStore) async throws {
        let period = try Period(parsing: "2024-12")
        var plan = Plan(name: "Декабрь", assignee: "Анна", period: period, accounts: ["vk_main"], task: nil,
                        slaHours: Decimal(string: "2.5"), persona: Persona([.gender: ["female": Decimal(string: "0.6")!]]),
                        bonus: BonusRule(base: 10000, minScore: 0.7, salesPercent: 1.5),
                        kpis: [PlanKPI(metric: .erReach, target: .atLeast(0.05), weight: 2, reason: "рост"),
                               PlanKPI(metric: .erReach, target: .between(1, 2.5)),
                               PlanKPI(metric: .erReach, target: .reach(3, by: Day.d("2024-12-20")))])
        let (id, replaced) = try await store.savePlan(plan)
        #expect(!replaced)
        let stored = try #require(try await store.plan(id: id))
        #expect(stored.plan == plan)
        plan.kpis.removeLast()
        plan.assignee = nil
        let again = try await store.savePlan(plan)
        #expect(again.id == id && again.replaced)
        #expect(try await store.plan(named: " Декабрь ")?.plan == plan)
        _ = try await store.savePlan(Plan(name: "Alpha", period: period, kpis: [PlanKPI(metric: .erReach, target: .atMost(1))]))
        #expect(try await store.plans().map(\.name) == ["Alpha", "Декабрь"])
        #expect(try await store.deletePlan(id: id))
        #expect(try await !store.deletePlan(id: id))
        #expect(try await store.plan(id: id) == nil)
    }

    static func anomalies(_ store: AnyDataStore) async throws {
        let before = try await store.dataVersion()
        try store.withImport { try Fixture.write($0) }
        let version = try await store.dataVersion()
        #expect(version != before)
        let input = try await store.detectionInput()
        #expect(input.days.count == 4 && input.posts.map(\.id) == ["p2", "p1"])
        #expect(input.posts.last?.likes == 10)
        #expect(input.ads.count == 2 && input.mentions.count == 1)
        let comments = try await store.userComments(posts: ["p1", "p2"])
        #expect(comments["p1"]?.map(\.authorID) == ["u1"])

        let a = Anomaly(id: "bf:vk_main:2024-11-01", kind: .boughtFollowers, accountID: "vk_main", from: Day.d("2024-11-01"),
                        to: Day.d("2024-11-02"), estimate: 120, score: 0.81,
                        evidence: Evidence(text: "jump", numbers: [EvidenceNumber("z", 4.2)]))
        #expect(try await store.cachedAnomalies(key: "k1") == nil)
        try await store.cacheAnomalies([a], key: "k1")
        #expect(try await store.cachedAnomalies(key: "k1") == [a])
        #expect(try await store.cachedAnomalies(key: "k2") == nil)
        try await store.cacheAnomalies([], key: "k2")
        #expect(try await store.cachedAnomalies(key: "k2") == [])

        var judged = a
        judged.status = .confirmed
        judged.verdict = Verdict(status: .confirmed, note: "куплено", at: Day.at("2024-11-05"))
        try await store.recordVerdict(judged)
        judged.status = .dismissed
        judged.verdict = Verdict(status: .dismissed, note: nil, at: Day.at("2024-11-06"))
        try await store.recordVerdict(judged)
        #expect(try await store.verdictedAnomalies() == [judged])
        await #expect(throws: StoreError.self) { try await store.recordVerdict(a) }
    }

    static func labels(_ store: AnyDataStore) async throws {
        try store.withImport { try Fixture.write($0) }
        let c1 = try #require(try await store.labeledText(.comment, id: "c1"))
        #expect(c1.model == .positive && c1.given == nil && c1.user == nil)
        #expect(try await store.labeledText(.comment, id: "nope") == nil)
        let corrected = try await store.setCorrection(.comment, id: "c1", label: .negative, at: Date(timeIntervalSince1970: 1_730_000_000))
        #expect(corrected.label == .negative && corrected.correctedAt == "2024-10-27T03:33:20Z")
        await #expect(throws: LabelError.unknownRow(kind: .review, id: "r9")) {
            _ = try await store.setCorrection(.review, id: "r9", label: .neutral, at: Date())
        }
        #expect(try await store.corrections().map(\.id) == ["c1"])
        let listing = try await store.comments(window: Fixture.window)
        #expect(listing.map(\.comment.id) == ["c1", "c2"])
        #expect(listing.first?.labels.user == .negative && listing.first?.hasBrandReply == true)

        let summary = try await store.reclassify(model: "m2") { $0.contains("Класс") ? .neutral : nil }
        #expect(summary.classified == 1 && summary.changed == 1 && summary.corrected == 1)
        #expect(summary.given == 2)  // c2, r1
        #expect(try await store.labeledText(.comment, id: "c1")?.model == .neutral)
        // The classifier had no label for n1 now: it is counted unclassified, its old label stays.
        #expect(summary.unclassified == 2)  // n1, and c3 without letters
        #expect(try await store.labeledText(.mention, id: "n1")?.model == .positive)
        let ds = try await store.dataset(window: Fixture.window)
        #expect(ds.comments.first?.sentiment == .negative)  // the correction wins
        _ = try await store.setCorrection(.comment, id: "c1", label: nil, at: Date())
        #expect(try await store.corrections().isEmpty)
    }

    static func migrations(_ store: AnyDataStore) async throws {
        // The features both stores have, in the same order.
        #expect(try await store.appliedMigrations() == ["v1-bundle", "plans-v1", "sentiment-v1", "v1-detection",
                                                       "v1-reports", "connectors-v1"])
        #expect(try await store.tableCounts().count == StoreTables.all.count)
    }

    static func schedules(_ store: AnyDataStore) async throws {
        let created = Date(timeIntervalSince1970: 1_732_000_000.25)
        let a = try await store.addSchedule(ReportScheduleRecord(
            id: 99, kind: "weekly", at: "Mon 09:00", target: "webhook:http://127.0.0.1:1/x", format: "json",
            language: "en", plan: "Q4", accounts: ["vk_main", "tg_main"], createdAt: created))
        let b = try await store.addSchedule(ReportScheduleRecord(
            id: 0, kind: "monthly", at: "1 09:00", target: "telegram:-100", format: "pdf", language: "ru", createdAt: created))
        #expect(a.id == 1 && b.id == 2)
        #expect(try await store.schedules() == [a, b])
        #expect(try await store.schedules().first?.accounts == ["vk_main", "tg_main"])
        #expect(try await store.removeSchedule(id: b.id))
        #expect(try await !store.removeSchedule(id: b.id))
        // Ids are never given again: a removed schedule's idempotency keys stay its own.
        let c = try await store.addSchedule(b)
        #expect(c.id == 3)

        let t0 = Date(timeIntervalSince1970: 1_732_100_000), t1 = t0.addingTimeInterval(60)
        let first = try await store.claimDelivery(key: "schedule-1:2024-W47", scheduleID: 1, period: "2024-W47", at: t0)
        #expect(first.created && first.record.state == .pending && first.record.attempts == 0)
        let again = try await store.claimDelivery(key: "schedule-1:2024-W47", scheduleID: 1, period: "2024-W47", at: t1)
        #expect(!again.created && again.record == first.record)
        try await store.updateDelivery(key: "schedule-1:2024-W47", state: .sent, attempts: 2, error: nil, at: t1)
        _ = try await store.claimDelivery(key: "schedule-3:2024-11", scheduleID: 3, period: "2024-11", at: t0)
        try await store.updateDelivery(key: "schedule-3:2024-11", state: .failed, attempts: 1, error: "HTTP 400", at: t0)
        #expect(try await store.delivery(key: "schedule-1:2024-W47") == DeliveryRecord(
            key: "schedule-1:2024-W47", scheduleID: 1, period: "2024-W47", state: .sent, attempts: 2, updatedAt: t1, error: nil))
        #expect(try await store.delivery(key: "nope") == nil)
        #expect(try await store.deliveries().map(\.key) == ["schedule-1:2024-W47", "schedule-3:2024-11"])  // newest first
        #expect(try await store.deliveries().last?.error == "HTTP 400")

        for (i, status) in ["retry", "sent"].enumerated() {
            try await store.appendDeliveryLog(DeliveryLogEntry(time: t0.addingTimeInterval(Double(i)), scheduleID: 1,
                                                               period: "2024-W47", attempt: i + 1, status: status,
                                                               httpStatus: i == 0 ? 503 : 200, error: i == 0 ? "busy" : nil))
        }
        let log = try await store.deliveryLog(limit: 10)
        #expect(log.map(\.status) == ["sent", "retry"] && log.last?.httpStatus == 503 && log.last?.error == "busy")
        #expect(log.first?.time == t0.addingTimeInterval(1))
        #expect(try await store.deliveryLog(limit: 1).count == 1)
    }

    static func connections(_ store: AnyDataStore) async throws {
        let sealed = Data([0, 1, 2, 0xFF, 0x5C, 0x09, 0x0A, 0])
        let (id, replaced) = try await store.saveConnection(StoredConnection(
            source: "vk", name: " brand ", sealedCredentials: sealed, settings: ["group_id": "42", "b": "x\ty"]))
        #expect(!replaced)
        let other = try await store.saveConnection(StoredConnection(source: "telegram", name: "channel",
                                                                    sealedCredentials: Data([42]), settings: [:]))
        #expect(other.id != id && !other.replaced)
        try await store.recordSync(connectionID: id, cursor: "{\"since\":1}", status: .partial, message: "12 rows",
                                   at: "2024-11-20T10:00:00Z")
        try await store.recordSync(connectionID: id, cursor: nil, status: .failed, message: "HTTP 500",
                                   at: "2024-11-21T10:00:00Z")
        let stored = try #require(try await store.connection(named: "brand"))
        #expect(stored == StoredConnection(id: id, source: "vk", name: "brand", sealedCredentials: sealed,
                                           settings: ["group_id": "42", "b": "x\ty"], cursor: "{\"since\":1}",
                                           lastSyncAt: "2024-11-21T10:00:00Z", lastStatus: .failed, lastMessage: "HTTP 500"))
        // The same name replaces credentials and settings, keeps the id and the cursor.
        let (again, replaced2) = try await store.saveConnection(StoredConnection(
            source: "vk", name: "brand", sealedCredentials: Data([7]), settings: ["group_id": "43"]))
        #expect(again == id && replaced2)
        let after = try #require(try await store.connection(named: " brand"))
        #expect(after.sealedCredentials == Data([7]) && after.settings == ["group_id": "43"] && after.cursor == "{\"since\":1}")
        #expect(try await store.connections().map(\.name) == ["brand", "channel"])
        #expect(try await store.connection(named: "channel")?.sealedCredentials == Data([42]))
        await #expect(throws: StoreError.self) {
            _ = try await store.saveConnection(StoredConnection(source: "vk", name: "  ", sealedCredentials: Data(), settings: [:]))
        }
        #expect(try await store.removeConnection(named: "channel"))
        #expect(try await !store.removeConnection(named: "channel"))
        #expect(try await store.connections().map(\.name) == ["brand"])
    }

    /// A comment in the window on a post published before it counts for that post's account.
    static func commentOnEarlierPost(_ store: AnyDataStore) async throws {
        try store.withImport { sink in
            try Fixture.write(sink)
            try sink.upsert(Post(id: "p0", accountID: "tg_main", publishedAt: Day.at("2024-09-01"),
                                 localDate: Day.d("2024-09-01"), format: .post))
            try sink.upsert(Comment(id: "c9", postID: "p0", createdAt: Day.at("2024-11-02"), localDate: Day.d("2024-11-02"),
                                    text: "очень вкусный кофе тут", fromBrand: false),
                            wordCount: 4, hasLetter: true, line: 5)
        }
        let ds = try await store.dataset(window: Fixture.window)
        #expect(ds.posts.map(\.id) == ["p1", "p2"])  // p0 is before the window
        // c3 (on p9, absent from the database) belongs to no account and is left out.
        #expect(ds.comments.map(\.comment.id).sorted() == ["c1", "c2", "c9"])
        #expect(ds.comments.first { $0.comment.id == "c9" }?.accountID == "tg_main")
        #expect(ds.comments.first { $0.comment.id == "c1" }?.accountID == "vk_main")
    }
}

/// Every shared check by name: both store suites run this one list, so a check added here runs
/// on SQLite and on PostgreSQL.
enum StoreCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case importAndRead, rollback, settingsAndReimport, plans, anomalies, labels, migrations
    case schedules, connections, commentOnEarlierPost

    var testDescription: String { rawValue }

    func run(on store: AnyDataStore) async throws {
        switch self {
        case .importAndRead: try await StoreChecks.importAndRead(store)
        case .rollback: try await StoreChecks.rollback(store)
        case .settingsAndReimport: try await StoreChecks.settingsAndReimport(store)
        case .plans: try await StoreChecks.plans(store)
        case .anomalies: try await StoreChecks.anomalies(store)
        case .labels: try await StoreChecks.labels(store)
        case .migrations: try await StoreChecks.migrations(store)
        case .schedules: try await StoreChecks.schedules(store)
        case .connections: try await StoreChecks.connections(store)
        case .commentOnEarlierPost: try await StoreChecks.commentOnEarlierPost(store)
        }
    }
}
