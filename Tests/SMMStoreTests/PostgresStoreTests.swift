import Dispatch
import Foundation
import SMMCore
import SMMStore
import Testing

/// The shared store checks on a fresh schema of the test server each, and what only a server
/// has: concurrent imports, readers during an import, connection errors.
///
/// Needs a server: scripts/test starts one (scripts/test.d/postgres.setup.sh) and exports
/// SMMKPI_TEST_POSTGRES_URL; without it these tests are skipped with this comment.
@Suite("Store on PostgreSQL", .enabled(if: TestDatabases.hasPostgres,
                                       "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
struct PostgresStoreTests {
    func run(_ check: (AnyDataStore) async throws -> Void) async throws {
        let (store, cleanup) = try TestDatabases.postgres()
        defer { cleanup() }
        try await check(store)
    }

    @Test("every shared store check", arguments: StoreCheck.allCases)
    func shared(_ check: StoreCheck) async throws { try await run(check.run(on:)) }

    @Test("the same writes give the same dataset, export and tables as on SQLite")
    func identicalToSQLite() async throws {
        let (sqlite, c1) = try TestDatabases.sqlite()
        defer { c1() }
        let (pg, c2) = try TestDatabases.postgres()
        defer { c2() }
        for store in [sqlite, pg as AnyDataStore] {
            try store.withImport { try Fixture.write($0) }
            try store.withImport { try Fixture.write($0) }
            _ = try await store.reclassify(model: "m2") { $0.count > 5 ? .neutral : nil }
        }
        #expect(describe(try await pg.dataset(window: Fixture.window)) == describe(try await sqlite.dataset(window: Fixture.window)))
        #expect(try exportAll(pg) == exportAll(sqlite))
        #expect(try await pg.presence() == sqlite.presence())
        #expect(try await pg.rowCounts() == sqlite.rowCounts())
        var a = try dumpAll(pg), b = try dumpAll(sqlite)
        a["imports"] = nil; b["imports"] = nil  // start times differ
        #expect(a == b)
    }

    @Test("db copy: SQLite → PostgreSQL → SQLite keeps every table, plans, verdicts and labels; a filled target needs --force")
    func copyRoundTrip() async throws {
        let (first, c1) = try TestDatabases.sqlite()
        defer { c1() }
        let (pg, c2) = try TestDatabases.postgres()
        defer { c2() }
        let (back, c3) = try TestDatabases.sqlite()
        defer { c3() }
        try await StoreChecks.anomalies(first)
        try await StoreChecks.schedules(first)
        try await StoreChecks.connections(first)
        // A removed schedule with the largest id, whose delivery stays: its id is not given again after a copy.
        let removed = try await first.addSchedule(first.schedules()[0])
        _ = try await first.claimDelivery(key: "schedule-\(removed.id):2024-11", scheduleID: removed.id, period: "2024-11",
                                          at: Date(timeIntervalSince1970: 1_732_000_000))
        #expect(try await first.removeSchedule(id: removed.id))
        _ = try await first.setCorrection(.comment, id: "c1", label: .negative, at: Date(timeIntervalSince1970: 1_730_000_000))
        _ = try await first.savePlan(Plan(name: "P", period: try Period(parsing: "2024-11"),
                                          kpis: [PlanKPI(metric: .erReach, target: .atLeast(0.5))]))
        try await StoreCopy.run(from: first, to: pg, force: false)
        try await StoreCopy.run(from: pg, to: back, force: false)
        let original = try dumpAll(first)
        #expect(try dumpAll(pg) == original)
        #expect(try dumpAll(back) == original)
        #expect(try exportAll(back) == exportAll(first))
        #expect(try await pg.plans().map(\.plan) == first.plans().map(\.plan))
        // New rows continue the copied ids.
        let next = try await pg.savePlan(Plan(name: "Q", period: try Period(parsing: "2024-11"),
                                              kpis: [PlanKPI(metric: .erReach, target: .atLeast(1))]))
        #expect(next.id == (try await first.plans().map(\.id).max() ?? 0) + 1)
        #expect(try await pg.schedules() == first.schedules())
        #expect(try await back.connections() == first.connections())
        #expect(try await pg.addSchedule(first.schedules()[0]).id == removed.id + 1)
        #expect(try await back.addSchedule(first.schedules()[0]).id == removed.id + 1)

        await #expect(throws: StoreError.self) { try await StoreCopy.run(from: first, to: pg, force: false) }
        try await StoreCopy.run(from: first, to: pg, force: true)
        #expect(try dumpAll(pg) == original)
    }

    @Test("two imports into one workspace at once run one after the other: nothing doubles, nothing is lost")
    func concurrentImports() async throws {
        let (store, cleanup) = try TestDatabases.postgres()
        defer { cleanup() }
        let clock = Timeline()
        let group = DispatchGroup()
        let failures = Failures()
        for n in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    if n == 1 { Thread.sleep(forTimeInterval: 0.2) }
                    try store.withImport { sink in
                        clock.mark("start \(n)")
                        try Fixture.write(sink)
                        for i in 0..<3000 {
                            try sink.upsert(AccountDay(accountID: "vk_main", date: LocalDate(dayNumber: 10000 + Int32(i)),
                                                       followers: Int64(n * 100_000 + i)))
                        }
                        _ = try sink.count(.accountDaily)
                        if n == 0 { Thread.sleep(forTimeInterval: 1.0) }
                        clock.mark("end \(n)")
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        // The second import's body started only after the first one had ended (the lock).
        #expect(clock.events == ["start 0", "end 0", "start 1", "end 1"])
        var counts = Fixture.counts
        counts[.accountDaily] = 4 + 3000
        #expect(try await store.rowCounts() == counts)
        let days = try await store.dataset(window: LocalDate(dayNumber: 10000)...LocalDate(dayNumber: 13000)).accountDays
        #expect(days.filter { $0.date.dayNumber >= 10000 }.allSatisfy { $0.followers >= 100_000 })
        #expect(try await store.dataVersion() == "imports-2-2")
    }

    @Test("a reader during an import sees the data before it, then all of it, never half")
    func readerDuringImport() async throws {
        let (store, cleanup) = try TestDatabases.postgres()
        defer { cleanup() }
        try store.withImport { try Fixture.write($0) }
        let before = describe(try await store.dataset(window: Fixture.window))
        let written = DispatchSemaphore(value: 0), proceed = DispatchSemaphore(value: 0)
        let failures = Failures()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { done.signal() }
            do {
                try store.withImport { sink in
                    for i in 0..<5000 {
                        try sink.upsert(Post(id: "new\(i)", accountID: "vk_main", publishedAt: Day.at("2024-11-03"),
                                             localDate: Day.d("2024-11-03"), format: .post))
                    }
                    _ = try sink.count(.posts)  // sent to the server, not committed
                    written.signal()
                    proceed.wait()
                }
            } catch {
                failures.add("\(error)")
                written.signal()
            }
        }
        await withCheckedContinuation { c in DispatchQueue.global().async { written.wait(); c.resume() } }
        #expect(describe(try await store.dataset(window: Fixture.window)) == before)
        #expect(try await store.rowCounts()[.posts] == 2)
        proceed.signal()
        await withCheckedContinuation { c in DispatchQueue.global().async { done.wait(); c.resume() } }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let after = try await store.dataset(window: Fixture.window)
        #expect(after.posts.count == 5002)
    }

    @Test("workspaces are schemas: the same database, separate data")
    func schemasAreSeparate() async throws {
        let (a, c1) = try TestDatabases.postgres()
        defer { c1() }
        let (b, c2) = try TestDatabases.postgres()
        defer { c2() }
        try a.withImport { try Fixture.write($0) }
        #expect(try await a.rowCounts() == Fixture.counts)
        #expect(try await b.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test("a schema migrated by a newer smmkpi is refused with a sentence")
    func schemaNewer() async throws {
        let schema = TestDatabases.randomSchema()
        let (store, cleanup) = try TestDatabases.postgres(schema: schema)
        defer { cleanup() }
        try await store.execute("INSERT INTO schema_migrations (id, applied_at) VALUES ('v9-future', 'now')")
        #expect(throws: StoreError.schemaNewer(location: store.location, unknown: ["v9-future"])) {
            _ = try PostgresStore(location: try TestDatabases.server, schema: schema)
        }
    }

    @Test("server unreachable, wrong password, database missing: one sentence each")
    func connectionErrors() throws {
        let server = try TestDatabases.server
        var closed = server
        closed.port = try freePort()
        #expect(throws: StoreError.unreachable(location: "127.0.0.1:\(closed.port)")) {
            _ = try PostgresStore(location: closed)
        }
        var wrong = server
        wrong.password = "not-the-password"
        #expect(throws: StoreError.authenticationFailed(location: server.description, user: server.user)) {
            _ = try PostgresStore(location: wrong)
        }
        let missing = server.with(database: "no_such_db_\(UInt32.random(in: 0...UInt32.max))")
        #expect(throws: StoreError.databaseMissing(location: "\(server.host):\(server.port)", database: missing.database)) {
            _ = try PostgresStore(location: missing)
        }
        for e in [StoreError.unreachable(location: "h:1"), .authenticationFailed(location: "l", user: "u"),
                  .databaseMissing(location: "h:1", database: "d")] {
            let text = e.localizedDescription
            #expect(text.hasSuffix(".") && !text.contains("PSQLError") && text.contains("--db"))
        }
    }

    @Test("postgres:// URLs: parts, percent-escapes, PGPASSWORD, and sentences for what is missing")
    func locations() throws {
        let l = try PostgresLocation(url: "postgres://an%40na:p%3Ass@db.local:6543/smm%20kpi")
        #expect(l == PostgresLocation(host: "db.local", port: 6543, user: "an@na", password: "p:ss", database: "smm kpi"))
        #expect(l.description == "postgres://an@na@db.local:6543/smm kpi")
        let env = try PostgresLocation(url: "postgresql://u@h/d", environment: ["PGPASSWORD": "x"])
        #expect(env.password == "x" && env.port == 5432)
        #expect(PostgresLocation.redact("postgres://u:secret@h/d") == "postgres://u:***@h/d")
        #expect(throws: StoreError.self) { _ = try PostgresLocation(url: "postgres://h/d") }
        #expect(throws: StoreError.self) { _ = try PostgresLocation(url: "postgres://u@h") }
    }
}

/// Events in the order they happened, from several threads.
final class Timeline: @unchecked Sendable {
    // @unchecked: `events` is only touched with `lock` held.
    private let lock = NSLock()
    private var list: [String] = []
    func mark(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var events: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

/// Errors raised on other threads.
final class Failures: @unchecked Sendable {
    // @unchecked: `list` is only touched with `lock` held.
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

/// A loopback port nothing listens on.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}
