import Foundation
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// What `smmkpi serve --demo` prints once: the login and API token of the demo owner.
package struct DemoLogin: Sendable {
    package var login: String
    package var password: String
    /// A write-scope API token of the demo owner.
    package var token: String
    /// The last whole month of the demo data (the dashboard's natural first period).
    package var month: Period
    /// Name of the stored demo plan.
    package var plan: String
}

/// Fills an empty home with the demo: the generated bundle imported into `default`, a plan for
/// the last whole month proposed from the data, and an owner login.
package enum DemoSite {
    package static func prepare(databases: Databases, accounts: Int = 6, days: Int = 365, seed: UInt64 = 42,
                                password: String? = nil, bcryptCost: UInt8 = 12, logger: Logger) async throws -> DemoLogin {
        let ws = try await databases.workspace(slug: Workspace.defaultSlug, create: false)
        let store = try databases.store(for: ws)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let summary = try DemoGenerator(accounts: accounts, days: days, seed: seed).write(to: tmp)
        _ = try Importer(store: store, logger: logger).run(bundle: tmp.path)

        let (y, m, d) = summary.lastDate.components
        let thisMonth = Period.month(year: y, month: m)!
        let month = d == LocalDate.daysIn(year: y, month: m) ? thisMonth : thisMonth.previous
        let planName = "Demo: engagement \(month.label)"
        let suggestion = try await PlanAdvisor(store: store, anomalies: anomalySource(for: store))
            .suggest(task: .engagement, period: month, assignee: "demo", name: planName)
        _ = try await PlanService(store: store).save(suggestion.plan)

        let login = "demo"
        let secret = password ?? String(Secrets.randomToken().prefix(16))
        let user: User
        if let existing = try await databases.home.user(login: login) {
            try await databases.home.setPassword(userID: existing.id, passwordHash: Secrets.hashPassword(secret, cost: bcryptCost))
            user = existing
        } else {
            user = try await databases.home.createUser(login: login, name: "Demo owner",
                                                       passwordHash: Secrets.hashPassword(secret, cost: bcryptCost), language: "ru")
        }
        try await databases.home.setMembership(userID: user.id, workspaceID: ws.id, role: .owner)
        let token = Secrets.newAPIToken()
        _ = try await databases.home.createToken(userID: user.id, name: "demo", tokenHash: Secrets.hash(token), scopes: [.read, .write])
        return DemoLogin(login: login, password: secret, token: token, month: month, plan: planName)
    }
}
