import AsyncHTTPClient
import Foundation
import SMMConnectors
import SMMEngine
import SMMStore
import SMMCore
import Testing

/// Fixtures of the connector tests: Tests/SMMConnectorsTests/Fixtures/<source>/.
enum ConnectorFixtures {
    static func dir(_ source: String) -> URL {
        Fixtures.repo.appendingPathComponent("Tests/SMMConnectorsTests/Fixtures/\(source)")
    }

    static func text(_ source: String, _ name: String) -> String? {
        try? String(contentsOf: dir(source).appendingPathComponent(name), encoding: .utf8)
    }

    /// A fixed key for the tests' sealed credentials.
    static let secrets = try! SecretBox(base64: Data(repeating: 7, count: 32).base64EncodedString(), origin: "the tests")
}

/// Answers the fake platform gives before (or instead of) the fixture: per path, a queue of
/// one-off answers, or a standing answer for every call.
actor Faults {
    private var queued: [String: [FakeResponse]] = [:]
    private var standing: [String: FakeResponse] = [:]

    private var passes: [String: Int] = [:]

    func once(_ path: String, _ responses: FakeResponse...) { queued[path, default: []] += responses }
    /// Lets `calls` requests of `path` through to the fixture, then answers `response` every time.
    func after(_ path: String, calls: Int, _ response: FakeResponse) {
        passes[path] = calls
        standing[path] = response
    }
    func always(_ path: String, _ response: FakeResponse) { standing[path] = response }
    func clear() { queued = [:]; standing = [:]; passes = [:] }

    func next(_ path: String) -> FakeResponse? {
        if var q = queued[path], !q.isEmpty {
            let r = q.removeFirst()
            queued[path] = q
            return r
        }
        if let n = passes[path], n > 0 {
            passes[path] = n - 1
            return nil
        }
        return standing[path]
    }
}

/// Records the waits of the retry policy instead of sleeping them.
actor SleepLog {
    private(set) var waits: [Duration] = []
    func add(_ d: Duration) { waits.append(d) }
}

extension RetryPolicy {
    /// The production policy (5 tries, 1 s base) with waits recorded, not slept.
    static func recorded(_ log: SleepLog) -> RetryPolicy {
        RetryPolicy(sleep: { await log.add($0) })
    }
}

/// A workspace database plus a sync service whose clock is fixed.
struct SyncHarness {
    let temp: TempDir
    let store: TestStore
    let sleeps = SleepLog()
    let now: Date

    init(now: Date) throws {
        temp = try TempDir()
        store = try temp.store()
        self.now = now
    }

    var service: SyncService {
        let now = self.now
        return SyncService(store: store, secrets: ConnectorFixtures.secrets, http: .shared, policy: .recorded(sleeps),
                           now: { now })
    }

    /// Row counts of the files that hold data.
    func counts() async throws -> [String: Int] {
        try await store.rowCounts().filter { $0.value > 0 }.reduce(into: [:]) { $0[$1.key.rawValue] = $1.value }
    }
}

extension SyncHarness {
    /// The set-up the connector sync tests share: a fresh workspace at `now`, the fake API served on
    /// loopback and a connection to it added by `connect` (the harness and the fake's base URL);
    /// `body` runs with the harness and the fake's request log, then the workspace is removed.
    static func run(now: Date, fake handler: @escaping @Sendable (FakeRequest) async -> FakeResponse,
                    connect: @escaping @Sendable (SyncHarness, String) async throws -> Void,
                    _ body: @Sendable (SyncHarness, RequestLog) async throws -> Void) async throws {
        let h = try SyncHarness(now: now)
        defer { h.temp.remove() }
        try await FakeAPI.run(handler) { base, log in
            try await connect(h, base)
            try await body(h, log)
        }
    }

    /// The KPIs of the synced workspace equal those of `<source>/expected-bundle` imported into a
    /// fresh database, for the month of the fixtures; returns the synced report.
    @discardableResult
    func expectSameKPIs(as source: String, base: [String] = [], period: String = "2024-05") async throws -> KPIReport {
        let hand = try temp.store("hand-\(source).sqlite")
        for b in base { _ = try Importer(store: hand).run(bundle: ConnectorFixtures.dir(b).appendingPathComponent("expected-bundle").path) }
        _ = try Importer(store: hand).run(bundle: ConnectorFixtures.dir(source).appendingPathComponent("expected-bundle").path)
        let p = try Period(parsing: period)
        let synced = try await KPIService(store: store).report(period: p)
        let expected = try await KPIService(store: hand).report(period: p)
        #expect(synced == expected)
        // Also compare the stored rows file by file, so that a KPI blind to a column still catches a difference.
        let a = temp.url.appendingPathComponent("export-synced-\(source)"), b = temp.url.appendingPathComponent("export-hand-\(source)")
        _ = try await Exporter(store: store).run(to: a.path)
        _ = try await Exporter(store: hand).run(to: b.path)
        for name in try FileManager.default.contentsOfDirectory(atPath: b.path).sorted() where name.hasSuffix(".csv") {
            // Header, then the rows in key order (export writes them in the order they were stored).
            func lines(_ u: URL) throws -> [String] {
                let all = try String(contentsOf: u.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
                return Array(all.prefix(1)) + all.dropFirst().sorted()
            }
            #expect(try lines(a) == lines(b), "\(name) differs")
        }
        return synced
    }
}
