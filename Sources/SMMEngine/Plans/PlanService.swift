import Foundation
import SMMCore
import SMMStore

/// A plan ready to use, with where it came from.
package struct LoadedPlan: Sendable {
    package var plan: Plan
    /// The stored plan's id, nil for a file.
    package var id: Int64?
    /// The file path, nil for a stored plan.
    package var path: String?
}

/// Plans in the database and in files (`smmkpi plan import|export|list|show|delete`, and the
/// PLAN argument of `score` and `plan check`).
package struct PlanService: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    /// The store's plan tables.
    package func planStore() throws -> any PlanStore {
        guard let plans = store as? any PlanStore else { throw PlanError.noPlanStore(store.location) }
        return plans
    }

    /// A plan named by a file path (an existing file, or anything ending in .yaml/.yml or holding
    /// a slash), else by a stored plan's id or name.
    package func load(_ reference: String) async throws -> LoadedPlan {
        let ref = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ref, isDirectory: &isDirectory), !isDirectory.boolValue {
            return LoadedPlan(plan: try PlanReader.read(path: ref), id: nil, path: ref)
        }
        let lower = ref.lowercased()
        let looksLikeFile = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || ref.contains("/")
        if let stored = try await stored(ref) {
            return LoadedPlan(plan: stored.plan, id: stored.id, path: nil)
        }
        if looksLikeFile { throw PlanError.unreadable(path: ref, reason: "there is no such file") }
        throw PlanError.notFound(ref)
    }

    /// The stored plan with this id or name, if any.
    package func stored(_ reference: String) async throws -> StoredPlan? {
        let plans = try planStore()
        if let id = Int64(reference), let p = try await plans.plan(id: id) { return p }
        return try await plans.plan(named: reference)
    }

    /// Checks what the YAML cannot: every account exists.
    package func validate(_ plan: Plan) async throws {
        guard let ids = plan.accounts else { return }
        let known = try await store.accounts().map(\.id)
        let set = Set(known)
        for id in ids where !set.contains(id) {
            throw PlanError.unknownAccount(id, known: known.sorted(by: codePointLess))
        }
    }

    /// Reads, validates and saves a plan file; a stored plan of the same name is replaced.
    /// `name` overrides the file's name; a file without one is saved under its base name.
    /// Nothing is saved when anything is wrong.
    package func importPlan(path: String, name: String? = nil) async throws -> (stored: StoredPlan, replaced: Bool) {
        var plan = try PlanReader.read(path: path)
        if let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { plan.name = name }
        if plan.name == nil {
            plan.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        return try await save(plan)
    }

    /// Validates and saves a plan (it must have a name).
    package func save(_ plan: Plan) async throws -> (stored: StoredPlan, replaced: Bool) {
        try await validate(plan)
        let plans = try planStore()
        let (id, replaced) = try await plans.savePlan(plan)
        guard let stored = try await plans.plan(id: id) else { throw PlanError.notFound(String(id)) }
        return (stored, replaced)
    }

    /// Every stored plan, by name.
    package func list() async throws -> [StoredPlan] { try await planStore().plans() }

    /// Removes a stored plan named by id or name and returns it.
    package func delete(_ reference: String) async throws -> StoredPlan {
        guard let stored = try await stored(reference.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw PlanError.notFound(reference)
        }
        _ = try await planStore().deletePlan(id: stored.id)
        return stored
    }
}
