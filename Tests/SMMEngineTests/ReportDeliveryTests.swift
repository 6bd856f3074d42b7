import Crypto
import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore
import Testing

/// Waits the scheduler asked for, recorded instead of slept.
actor Waits {
    private(set) var all: [Duration] = []
    func add(_ d: Duration) { all.append(d) }
}

@Suite(.serialized) struct ReportDeliveryTests {
    static let token = "123456:TEST-token-never-logged"
    static let secret = "webhook-secret"
    /// Monday 2024-12-02 09:05 in Moscow: the weekly schedule "Mon 09:00" is due for 2024-W48.
    static let monday = ISO8601DateFormatter().date(from: "2024-12-02T06:05:00Z")!

    struct Setup {
        var dir: TempDir
        var store: TestStore
        var schedule: ReportScheduleRecord
    }

    /// `sqlite`: a SQLite file whatever the backend (a test that runs the binary on the file).
    func setup(to target: String, format: String = "md", sqlite: Bool = false) async throws -> Setup {
        let dir = try TempDir()
        let store: TestStore = sqlite ? try dir.sqliteStore() : try dir.store()
        try importBundle(Fixtures.smallBundle.path, into: store)
        let schedule = try await store.addSchedule(ReportScheduleRecord(
            id: 0, kind: "weekly", at: "Mon 09:00", target: target, format: format, language: "en",
            createdAt: ISO8601DateFormatter().date(from: "2024-11-01T00:00:00Z")!))
        return Setup(dir: dir, store: store, schedule: schedule)
    }

    func scheduler(_ store: any Store & ScheduleStore, _ receiver: FakeReceiver, waits: Waits,
                   sleep: (@Sendable (Duration) async throws -> Void)? = nil,
                   at now: Date = ReportDeliveryTests.monday) async -> ReportScheduler {
        let config = DeliveryConfiguration(telegramToken: Self.token, telegramAPI: await receiver.telegramURL,
                                           webhookSecret: Self.secret, maxAttempts: 4, baseDelay: .milliseconds(5),
                                           maxDelay: .milliseconds(20), requestTimeoutSeconds: 10)
        return ReportScheduler(workspaces: { [ScheduledWorkspace(slug: "default", store: store)] },
                               delivery: ReportDelivery(configuration: config), now: { now },
                               sleep: sleep ?? { d in await waits.add(d) })
    }

    @Test("Telegram: sendDocument with the chat, the caption and the file, delivered once")
    func telegramSuccess() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:-100777")
            defer { s.dir.remove() }
            let results = await scheduler(s.store, receiver, waits: Waits()).runDue()
            #expect(results.map(\.state) == [.sent])
            let requests = await receiver.requests
            #expect(requests.count == 1)
            let r = try #require(requests.first)
            #expect(r.path == "/tg/bot\(Self.token)/sendDocument")
            #expect(r.headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
            #expect(r.text.contains("name=\"chat_id\"\r\n\r\n-100777\r\n"))
            #expect(r.text.contains("filename=\"smmkpi-weekly-2024-W48-en.md\""))
            #expect(r.text.contains("# Weekly SMM snapshot: Week 2024-W48"))
            // A second pass finds it delivered.
            #expect(await scheduler(s.store, receiver, waits: Waits()).runDue().isEmpty)
            #expect(await receiver.requests.count == 1)
            let log = try await s.store.deliveryLog(limit: 10)
            #expect(log.map(\.status) == ["sent"])
            #expect(log.allSatisfy { !($0.error ?? "").contains(Self.token) })
        }
    }

    @Test("Telegram 429 with parameters.retry_after: waits that long, then delivers")
    func telegram429() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42")
            defer { s.dir.remove() }
            await receiver.play([.init(status: 429, body: #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}"#),
                                 .telegramOK])
            let waits = Waits()
            let results = await scheduler(s.store, receiver, waits: waits).runDue()
            #expect(results.first?.state == .sent && results.first?.attempts == 2)
            #expect(await waits.all == [.seconds(3)])
            #expect(await receiver.requests.count == 2)
            let log = try await s.store.deliveryLog(limit: 10).reversed().map { "\($0.attempt) \($0.status) \($0.httpStatus ?? 0)" }
            #expect(log == ["1 retry 429", "2 sent 200"])
        }
    }

    @Test("Webhook 500 then success: backs off and delivers; the Retry-After header is honoured")
    func webhook500() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "webhook:\(await receiver.webhookURL)")
            defer { s.dir.remove() }
            await receiver.play([.init(status: 500, body: "{}"), .init(status: 503, body: "{}", headers: ["Retry-After": "7"]), .ok])
            let waits = Waits()
            let results = await scheduler(s.store, receiver, waits: waits).runDue()
            #expect(results.first?.state == .sent && results.first?.attempts == 3)
            #expect(await waits.all == [.milliseconds(5), .seconds(7)])
            #expect(await receiver.requests.count == 3)
        }
    }

    @Test("Webhook body is the report JSON, signed with HMAC-SHA256 of the body; the key is stable")
    func webhookSignature() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "webhook:\(await receiver.webhookURL)", format: "pdf")
            defer { s.dir.remove() }
            _ = await scheduler(s.store, receiver, waits: Waits()).runDue()
            let r = try #require(await receiver.requests.first)
            let mac = HMAC<SHA256>.authenticationCode(for: r.body, using: SymmetricKey(data: Data(Self.secret.utf8)))
            let expected = "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
            #expect(r.headers["x-smmkpi-signature"] == expected)
            #expect(r.headers["x-smmkpi-delivery"] == "schedule-\(s.schedule.id):2024-W48")
            #expect(ReportDelivery.signature(body: Data("x".utf8), secret: Self.secret) != expected)
            let json = try JSONDecoder().decode(ReportNumbers.self, from: r.body)
            #expect(json.period.label == "2024-W48")
            let kpis = try await KPIService(store: s.store).report(period: try Period(parsing: "2024-W48"))
            for m in kpis.metrics { #expect(json.metrics[m.id.rawValue]?.value == m.value, "\(m.id)") }
        }
    }

    @Test("400 is not retried: one request, the delivery failed with the receiver's sentence")
    func badRequest() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42")
            defer { s.dir.remove() }
            await receiver.play([.init(status: 400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#)])
            let waits = Waits()
            let results = await scheduler(s.store, receiver, waits: waits).runDue()
            #expect(results.first?.state == .failed && results.first?.attempts == 1)
            #expect(results.first?.error?.contains("chat not found") == true)
            #expect(await waits.all.isEmpty)
            #expect(await receiver.requests.count == 1)
            // Failed is final for the period.
            #expect(await scheduler(s.store, receiver, waits: waits).runDue().isEmpty)
            #expect(await receiver.requests.count == 1)
        }
    }

    @Test("Attempts are bounded: 5xx every time gives up after maxAttempts")
    func boundedAttempts() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "webhook:\(await receiver.webhookURL)")
            defer { s.dir.remove() }
            await receiver.play(Array(repeating: .init(status: 502, body: "{}"), count: 10))
            let results = await scheduler(s.store, receiver, waits: Waits()).runDue()
            #expect(results.first?.state == .failed && results.first?.attempts == 4)
            #expect(results.first?.error?.contains("gave up after 4 attempts") == true)
            #expect(await receiver.requests.count == 4)
        }
    }

    @Test("Stopped while waiting to retry: a restart resumes and the report arrives once")
    func restartDuringBackoff() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42")
            defer { s.dir.remove() }
            await receiver.play([.init(status: 503, body: #"{"ok":false,"error_code":503,"description":"busy"}"#), .telegramOK])
            // The first process stops during its backoff wait.
            let first = await scheduler(s.store, receiver, waits: Waits(), sleep: { _ in throw CancellationError() })
            _ = await first.runDue()
            #expect(try await s.store.deliveries().first?.state == .pending)
            // A new process on the same database.
            let reopened = try s.dir.store()
            let results = await scheduler(reopened, receiver, waits: Waits()).runDue()
            #expect(results.first?.state == .sent && results.first?.attempts == 2)
            let accepted = await receiver.requests.count - 1
            #expect(accepted == 1)
            #expect(await scheduler(reopened, receiver, waits: Waits()).runDue().isEmpty)
            #expect(await receiver.requests.count == 2)
        }
    }

    @Test("Killed mid-request (a real process, SIGKILL): the restart does not send it again")
    func restartMidRequest() async throws {
        let binary = try #require(Fixtures.binary, "the smmkpi binary is built by swift build --build-tests")
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42", sqlite: true)
            defer { s.dir.remove() }
            await receiver.play([.init(status: 200, body: #"{"ok":true}"#, delaySeconds: 20)])
            let p = Process()
            p.executableURL = binary
            p.arguments = ["report", "run-due", "--db", s.dir.path("smmkpi.sqlite"), "--now", "2024-12-02T09:05:00+03:00"]
            var env = ProcessInfo.processInfo.environment
            env["SMMKPI_TELEGRAM_BOT_TOKEN"] = Self.token
            env["SMMKPI_TELEGRAM_API_URL"] = await receiver.telegramURL
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<600 where await receiver.requests.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            #expect(await receiver.requests.count == 1)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let reopened = try SQLiteStore(path: s.dir.path("smmkpi.sqlite"))
            #expect(try await reopened.deliveries().first?.state == .sending)
            // Within the request timeout it may be another server's request in flight: left alone.
            #expect(await scheduler(reopened, receiver, waits: Waits()).runDue().isEmpty)
            #expect(try await reopened.deliveries().first?.state == .sending)
            // Older than the longest request: the process that sent it stopped.
            let later = Self.monday.addingTimeInterval(10 + ReportScheduler.inFlightMargin + 1)
            let results = await scheduler(reopened, receiver, waits: Waits(), at: later).runDue()
            #expect(results.first?.state == .interrupted)
            #expect(await scheduler(reopened, receiver, waits: Waits(), at: later).runDue().isEmpty)
            #expect(await receiver.requests.count == 1)
            let log = try await reopened.deliveryLog(limit: 5)
            #expect(log.first?.status == "interrupted")
        }
    }

    @Test("Without the bot token the delivery fails with a sentence and sends nothing")
    func missingToken() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42")
            defer { s.dir.remove() }
            let config = DeliveryConfiguration(telegramToken: nil, telegramAPI: await receiver.telegramURL)
            let scheduler = ReportScheduler(workspaces: { [ScheduledWorkspace(slug: "default", store: s.store)] },
                                            delivery: ReportDelivery(configuration: config), now: { Self.monday }, sleep: { _ in })
            let results = await scheduler.runDue()
            #expect(results.first?.state == .failed)
            #expect(results.first?.error?.contains("SMMKPI_TELEGRAM_BOT_TOKEN") == true)
            #expect(await receiver.requests.isEmpty)
        }
    }

    @Test("A schedule added after this week's firing waits for the next one")
    func noBacklog() async throws {
        try await FakeReceiver.with { receiver in
            let s = try await setup(to: "telegram:42")
            defer { s.dir.remove() }
            _ = try await s.store.removeSchedule(id: s.schedule.id)
            var late = s.schedule
            late.createdAt = Self.monday.addingTimeInterval(-60)
            _ = try await s.store.addSchedule(late)
            #expect(await scheduler(s.store, receiver, waits: Waits()).runDue().isEmpty)
            #expect(await receiver.requests.isEmpty)
        }
    }
}
