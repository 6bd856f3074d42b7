import Foundation
import Logging
import SMMStore
import Testing

@Suite("Background jobs walk every workspace")
struct WorkspaceStoresTests {
    @Test("allWorkspaceStores lists default and every added workspace; a schedule is seen only in its own")
    func everyWorkspace() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-ws-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let dbs = try StoreLocation.sqlite(path: dir.appendingPathComponent("h.sqlite").path).open(logger: Logger(label: "t"))
        _ = try await dbs.home.createWorkspace(slug: "acme", name: "Acme")
        _ = try await dbs.home.createWorkspace(slug: "bolt", name: "Bolt")
        #expect(try await dbs.allWorkspaceStores().map(\.slug).sorted() == ["acme", "bolt", "default"])

        let stores = try await dbs.scheduleStores()
        let acme = try #require(stores.first { $0.slug == "acme" }?.store)
        _ = try await acme.addSchedule(ReportScheduleRecord(
            id: 0, kind: "weekly", at: "Mon 09:00", target: "webhook:http://127.0.0.1:9/x", format: "json",
            language: "ru", plan: nil, accounts: nil, createdAt: Date()))
        for (slug, store) in try await dbs.scheduleStores() {
            #expect(try await store.schedules().count == (slug == "acme" ? 1 : 0), "workspace \(slug)")
        }
    }
}
