import Foundation
import PostgresNIO
@testable import SMMStore
import SMMCore
import Testing

/// The fast paths of the PostgreSQL store: cells read straight from their bytes, and import
/// batches sent while the import goes on.
@Suite("PostgreSQL rows and batches", .enabled(if: TestDatabases.hasPostgres,
                                               "no PostgreSQL server: run scripts/test, or set SMMKPI_TEST_POSTGRES_URL"))
struct PostgresFastPathTests {
    @Test("every column type the stores read comes out as postgres-nio would decode it; NULL is NULL")
    func cellsFromBytes() async throws {
        let (store, cleanup) = try TestDatabases.postgres()
        defer { cleanup() }
        let logger = store.logger
        let values = try await store.read("read test values") { c -> [String] in
            guard let r = try await PostgresStore.first(c, """
                SELECT 7::int2, -8::int4, -9000000000::int8, true, false, 1.5::float4, -2.25::float8,
                       'Зерно\tTG\\'::text, 'x'::varchar, NULL::bigint, NULL::text,
                       '6f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'::uuid, 9223372036854775807::int8
                """, logger: logger) else { return [] }
            return [String(r.int64(0)), String(r.int64(1)), String(r.int64(2)), String(r.int64(3)), String(r.int64(4)),
                    String(r.bool(3)), String(r.bool(4)), String(r.double(5)), String(r.double(6)), r.text(7), r.text(8),
                    String(r.isNull(9)), String(describing: r.optInt64(9)), String(describing: r.optText(10)),
                    String(r.isNull(8)), r.text(11), String(r.int64(12)), String(r.count)]
        }
        #expect(values == ["7", "-8", "-9000000000", "1", "0", "true", "false", "1.5", "-2.25", "Зерно\tTG\\", "x",
                           "true", "nil", "nil", "false", "6F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",  // postgres-nio writes UUIDs upper-case
                           "9223372036854775807", "13"])
    }

    @Test("a batch the server refuses while the import reads on fails the import with a sentence and leaves nothing")
    func refusedBatch() async throws {
        let (store, cleanup) = try TestDatabases.postgres()
        defer { cleanup() }
        let day = LocalDate(iso: "2024-11-01")!
        var thrown: (any Error)?
        do {
            try store.withImport { sink in
                _ = try sink.checkSettings(StoreSettings(timeZone: "Europe/Moscow", currency: "RUB"), explicit: true)
                try sink.upsert(Account(id: "vk_main", network: .vk, name: "Зерно VK", brand: "Зерно"))
                // PostgreSQL text holds no NUL character: this batch is refused by the server…
                try sink.upsert(Comment(id: "c1", postID: "p1", createdAt: Instant(seconds: 1_730_451_600), localDate: day,
                                        text: "a\u{0}b"), wordCount: 1, hasLetter: true, line: 2)
                try sink.endFile(.comments)
                // …while the import goes on with the next file.
                try sink.upsert(AccountDay(accountID: "vk_main", date: day, followers: 10))
            }
        } catch {
            thrown = error
        }
        guard case .failed(let operation, let reason)? = thrown as? StoreError else {
            Issue.record("expected a StoreError sentence, got \(String(describing: thrown))")
            return
        }
        #expect(operation == "import the bundle")
        #expect(!reason.isEmpty)
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
        #expect(try await store.settings() == nil)
    }
}
