import Foundation
import SMMCore
import SMMServer
import Synchronization
import Testing

@Suite("KPI cache")
struct KPICacheTests {
    @Test("Concurrent requests for one key compute once; a new data version computes again; errors are not cached")
    func singleFlight() async throws {
        let cache = KPICache()
        let calls = Atomic<Int>(0)
        let request = KPIRequest(period: try Period(parsing: "2024-11"))
        let key = KPICache.Key(workspace: "a", request: request, version: "v1")
        let p = try Period(parsing: "2024-11")
        let report = KPIReport(period: p, previous: p.previous, scopeAccounts: [], currency: "RUB", metrics: [])
        let compute: @Sendable () async throws -> CachedKPI = {
            calls.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(200))
            return CachedKPI(report: report, json: Data("{}".utf8))
        }
        try await withThrowingTaskGroup(of: CachedKPI.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.value(for: key, compute: compute) } }
            for try await v in group { #expect(v.json == Data("{}".utf8)) }
        }
        #expect(calls.load(ordering: .relaxed) == 1)
        _ = try await cache.value(for: key, compute: compute)
        #expect(calls.load(ordering: .relaxed) == 1, "a hit")
        _ = try await cache.value(for: KPICache.Key(workspace: "a", request: request, version: "v2"), compute: compute)
        #expect(calls.load(ordering: .relaxed) == 2)
        #expect(cache.count == 1, "the old version's entry is dropped")
        struct Boom: Error {}
        let failing: @Sendable () async throws -> CachedKPI = { calls.add(1, ordering: .relaxed); throw Boom() }
        let k3 = KPICache.Key(workspace: "b", request: request, version: "v1")
        await #expect(throws: Boom.self) { try await cache.value(for: k3, compute: failing) }
        await #expect(throws: Boom.self) { try await cache.value(for: k3, compute: failing) }
        #expect(calls.load(ordering: .relaxed) == 4)
    }
}
