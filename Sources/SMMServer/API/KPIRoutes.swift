import Foundation
import Hummingbird
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// `/api/v1/workspaces/{workspace}/kpi`: the JSON of `smmkpi kpi --format json`.
enum KPIRoutes {
    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        routes.workspace(group, .get, "kpi", base: base, access: Access(.client)) { request, _, ws in
            let kpi = try await ws.kpiReport(try await parse(request, ws: ws))
            return Response.json(kpi.json)
        }
    }

    /// The query: period (required), accounts, networks (accounts of these networks), metrics,
    /// task (its KPI set), by (breakdown).
    static func parse(_ request: Request, ws: WorkspaceServices) async throws -> KPIRequest {
        guard let raw = request.query("period") else {
            throw APIError.badRequest("Give period, e.g. period=2024-11 (a week 2025-W05, a quarter 2024-Q4, a year 2024 or a range 2024-11-03..2024-11-17).")
        }
        let period = try Period(parsing: raw)
        var metrics: [KPIID]? = try request.query("metrics").map { try KPIService.metrics([$0]) }
        if let t = request.query("task") {
            guard let task = BusinessTask(rawValue: t) else {
                throw APIError.badRequest("“\(t)” is not a business task: use one of \(BusinessTask.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            metrics = (metrics ?? []) + task.kpis
        }
        var breakdown: Breakdown?
        if let b = request.query("by") {
            guard let v = Breakdown(rawValue: b) else {
                throw APIError.badRequest("“\(b)” is not a breakdown: use account, network, format, topic, campaign or partner.")
            }
            breakdown = v
        }
        var accounts = request.queryList("accounts")
        if let networks = request.queryList("networks") {
            let known = Set(Network.allCases.map(\.rawValue))
            if let bad = networks.first(where: { !known.contains($0) }) {
                throw APIError.badRequest("“\(bad)” is not a network: use \(Network.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let ofNetworks = try await ws.store.accounts().filter { networks.contains($0.network.rawValue) }.map(\.id)
            accounts = accounts.map { a in a.filter(ofNetworks.contains) } ?? ofNetworks
            if accounts?.isEmpty ?? true {
                throw APIError.badRequest("No account is on \(networks.joined(separator: ", "))\(request.query("accounts") == nil ? "" : " among the accounts given"): pick other networks.")
            }
        }
        return KPIRequest(period: period, accounts: accounts, metrics: metrics, breakdown: breakdown)
    }
}
