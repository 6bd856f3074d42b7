import Foundation
import Hummingbird
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// Suspected cheating with evidence, and the directors' verdicts (JSON of `smmkpi anomalies`).
enum AnomalyRoutes {
    struct VerdictBody: Decodable { var note: String? }

    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        routes.workspace(group, .get, "anomalies", base: base, access: Access(.specialist)) { request, _, ws in
            let period = try request.query("period").map { try Period(parsing: $0) }
            let listing = try await ws.anomalies().list(period: period, accounts: request.queryList("accounts"))
            return Response.json(AnomalyJSON.json(listing).text())
        }
        for (name, status) in [("confirm", AnomalyStatus.confirmed), ("dismiss", .dismissed)] {
            routes.workspace(group, .post, "anomalies/:anomaly/\(name)", base: base, access: Access(.director, write: true)) { request, context, ws in
                var request = request
                let note: String?
                if (request.headers[.contentType] ?? "").contains("json") {
                    note = try await request.decodeJSON(VerdictBody.self, context: context, what: "verdict ({\"note\": \"…\"})").note
                } else {
                    note = nil
                }
                let id = context.parameters.get("anomaly") ?? ""
                let now = Instant(nanoseconds: Int64((Date().timeIntervalSince1970 * 1e9).rounded()))
                do {
                    let anomaly = try await ws.anomalies().review(id: id, status: status, note: note, at: now)
                    return Response.json(anomaly.json.text())
                } catch AnomalyRequestError.unknownAnomaly(let id) {
                    throw APIError.notFound(AnomalyRequestError.unknownAnomaly(id).errorDescription!)
                }
            }
        }
    }
}
