import Foundation
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Two smmkpi servers on one PostgreSQL workspace run the same due schedule at the same moment:
/// the report arrives once (the claim is one `INSERT … ON CONFLICT DO NOTHING`, each attempt one
/// conditional UPDATE).
///
/// Needs a server: scripts/test starts one and exports SMMKPI_TEST_POSTGRES_URL; without it this
/// suite is skipped with this comment.
@Suite("Report schedules on PostgreSQL shared by two servers",
       .enabled(if: ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false,
                "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
struct ReportSchedulerPostgresTests {
    static let monday = ISO8601DateFormatter().date(from: "2024-12-02T06:05:00Z")!

    @Test("two ReportSchedulers fire the same due schedule at once: exactly one webhook delivery arrives", arguments: 0..<3)
    func twoServersOneDelivery(round: Int) async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SMMKPI_TEST_POSTGRES_URL"])
        let server = try PostgresLocation(url: url)
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        defer { try? PostgresStore.dropSchema(schema, server: server) }
        // Each "server" has its own store (its own connection pool) on the same schema.
        let first = try PostgresStore(location: server, schema: schema, maximumConnections: 2)
        let second = try PostgresStore(location: server, schema: schema, maximumConnections: 2)
        defer { first.close(); second.close() }
        try importBundle(Fixtures.smallBundle.path, into: first)

        try await FakeReceiver.with { receiver in
            // The request stays in flight a while, so that the other server finds it claimed and sending.
            await receiver.play([.init(status: 200, body: #"{"received":true}"#, delaySeconds: round == 0 ? 0 : 0.5)])
            _ = try await first.addSchedule(ReportScheduleRecord(
                id: 0, kind: "weekly", at: "Mon 09:00", target: "webhook:" + (await receiver.webhookURL), format: "json",
                language: "en", createdAt: ISO8601DateFormatter().date(from: "2024-11-01T00:00:00Z")!))
            let config = DeliveryConfiguration(webhookSecret: "s", maxAttempts: 3, baseDelay: .milliseconds(5),
                                               maxDelay: .milliseconds(20), requestTimeoutSeconds: 10)
            func scheduler(_ store: PostgresStore) -> ReportScheduler {
                ReportScheduler(workspaces: { [ScheduledWorkspace(slug: "default", store: store)] },
                                delivery: ReportDelivery(configuration: config), now: { Self.monday }, sleep: { _ in })
            }
            let a = scheduler(first), b = scheduler(second)
            async let ra = a.runDue()
            async let rb = b.runDue()
            let results = await ra + rb
            #expect(await receiver.requests.count == 1)
            #expect(results.filter { $0.state == .sent }.count == 1, "\(results)")
            // The other server left the delivery to the first: nothing marked interrupted.
            #expect(results.count == 1, "\(results)")
            #expect(try await second.deliveryLog(limit: 10).map(\.status) == ["sent"])
            #expect(try await first.deliveries().map(\.state) == [.sent])
            // Later rounds of either server send nothing more.
            #expect(await scheduler(second).runDue().isEmpty)
            #expect(await receiver.requests.count == 1)
        }
    }
}
