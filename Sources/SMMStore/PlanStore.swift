import Foundation
import SMMCore

/// A plan as the database keeps it: its id and when it was saved.
package struct StoredPlan: Hashable, Sendable {
    package var id: Int64
    package var plan: Plan
    /// ISO 8601 UTC.
    package var createdAt: String
    /// ISO 8601 UTC.
    package var updatedAt: String

    package init(id: Int64, plan: Plan, createdAt: String, updatedAt: String) {
        self.id = id; self.plan = plan; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// The name plans are looked up by (a stored plan always has one).
    package var name: String { plan.name ?? "plan \(id)" }
}

/// Plans stored in the database (plans-and-scoring.md: edited in the web interface, imported and
/// exported as YAML). Names are unique: saving a plan under a stored name replaces that plan
/// and keeps its id.
package protocol PlanStore: Sendable {
    /// Saves `plan` (which must have a name) by name: a new plan gets a new id; a stored plan of
    /// the same name is replaced. Returns the id and whether a plan was replaced.
    func savePlan(_ plan: Plan) async throws -> (id: Int64, replaced: Bool)
    /// Every stored plan, by name.
    func plans() async throws -> [StoredPlan]
    /// The plan with this id, if any.
    func plan(id: Int64) async throws -> StoredPlan?
    /// The plan with this exact name (after trimming), if any.
    func plan(named name: String) async throws -> StoredPlan?
    /// Removes the plan; false when there was none with this id.
    func deletePlan(id: Int64) async throws -> Bool
}
