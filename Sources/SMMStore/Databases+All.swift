import Foundation

extension Databases {
    /// Every workspace with its data store, in the home's order: what the background jobs of
    /// `serve` (report schedules, connector syncs) and `report run-due` walk through.
    package func allWorkspaceStores() async throws -> [(slug: String, store: any Store)] {
        var out: [(slug: String, store: any Store)] = []
        for workspace in try await home.workspaces() {
            out.append((workspace.slug, try store(for: workspace)))
        }
        if !out.contains(where: { $0.slug == Workspace.defaultSlug }) {
            out.insert((Workspace.defaultSlug, try store(for: try await self.workspace(slug: Workspace.defaultSlug, create: false))), at: 0)
        }
        return out
    }

    /// The workspaces whose stores keep report schedules.
    package func scheduleStores() async throws -> [(slug: String, store: any Store & ScheduleStore)] {
        try await allWorkspaceStores().compactMap { w in
            (w.store as? any Store & ScheduleStore).map { (w.slug, $0) }
        }
    }
}
