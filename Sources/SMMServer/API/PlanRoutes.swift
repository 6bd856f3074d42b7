import Foundation
import Hummingbird
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// Plans and scorecards: the JSON of `smmkpi plan list|show --format json`, `plan check` and
/// `score --format json`.
enum PlanRoutes {
    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        routes.workspace(group, .get, "plans", base: base, access: Access(.client)) { _, _, ws in
            try Response.json(ScoreJSON.data(try await ws.plans.list().map(PlanSummaryJSON.init)))
        }
        // Body: the plan YAML (plans-and-scoring.md); ?name= overrides its name.
        routes.workspace(group, .post, "plans", base: base, access: Access(.specialist, write: true)) { request, context, ws in
            var request = request
            var plan = try await yaml(&request, context: context)
            if let name = request.query("name") { plan.name = name }
            guard let name = plan.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                throw APIError.badRequest("The plan has no name: add `name:` to the YAML or give ?name=.")
            }
            let (stored, replaced) = try await ws.plans.save(plan)
            return try Response.json(ScoreJSON.data(PlanJSON(stored.plan, id: stored.id)), status: replaced ? .ok : .created)
        }
        // The SMART checks of a plan YAML, without saving it (the editor's live checks).
        routes.workspace(group, .post, "plan-check", base: base, access: Access(.specialist)) { request, context, ws in
            var request = request
            let plan = try await yaml(&request, context: context)
            try await ws.plans.validate(plan)
            let check = try await ws.advisor.check(plan)
            return try Response.json(ScoreJSON.data(PlanCheckJSON(check, plan: plan)))
        }
        routes.workspace(group, .get, "plans/:plan", base: base, access: Access(.client)) { _, context, ws in
            let stored = try await find(context, ws)
            return try Response.json(ScoreJSON.data(PlanJSON(stored.plan, id: stored.id)))
        }
        routes.workspace(group, .delete, "plans/:plan", base: base, access: Access(.specialist, write: true)) { _, context, ws in
            _ = try await ws.plans.delete(String(try await find(context, ws).id))
            return .noContent
        }
        // ?as_of=YYYY-MM-DD, ?history=N (1–60): as `smmkpi score`.
        routes.workspace(group, .get, "plans/:plan/score", base: base, access: Access(.client)) { request, context, ws in
            let stored = try await find(context, ws)
            var day: LocalDate?
            if let a = request.query("as_of") {
                guard let d = LocalDate(iso: a) else { throw APIError.badRequest("as_of “\(a)” is not a date; write it as YYYY-MM-DD, e.g. 2024-12-15.") }
                day = d
            }
            try await ws.plans.validate(stored.plan)
            if let h = request.query("history") {
                guard let n = Int(h), (1...60).contains(n) else {
                    throw APIError.badRequest("history takes a number of periods from 1 to 60, e.g. history=6.")
                }
                return try Response.json(ScoreJSON.data(ScoreHistoryJSON(history: try await ws.scoring.history(stored.plan, periods: n, asOf: day))))
            }
            return try Response.json(ScoreJSON.data(try await ws.scoring.scorecard(stored.plan, asOf: day)))
        }
    }

    static func find(_ context: AppRequestContext, _ ws: WorkspaceServices) async throws -> StoredPlan {
        let ref = context.parameters.get("plan") ?? ""
        guard let stored = try await ws.plans.stored(ref) else {
            throw APIError.notFound("There is no plan “\(ref)” in this workspace; list them at GET …/plans.")
        }
        return stored
    }

    static func yaml(_ request: inout Request, context: AppRequestContext) async throws -> Plan {
        let body = try await request.collectBody(upTo: 1_048_576)
        let text = String(buffer: body)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.badRequest("The request body is empty: send the plan as YAML (plans-and-scoring.md).")
        }
        do {
            return try PlanReader.parse(text, source: "the plan")
        } catch {
            throw APIError.badRequest(error.errorDescription ?? "The plan cannot be read.")
        }
    }
}
