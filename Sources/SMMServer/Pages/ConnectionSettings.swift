import Foundation
import Hummingbird
import SMMEngine
import SMMStore

/// The "Connections" section of the settings page (issue 11): a workspace's connections with
/// their last sync, an add form sealed with the server's key, and remove buttons. Owners and
/// directors of the workspace only; the routes live under `/w/{workspace}/settings/connections`
/// so the workspace rules (404 outside it, 403 below director) apply.
struct ConnectionSettings: Sendable {
    let services: AppServices

    func add(to w: RouterGroup<AppRequestContext>, routes: Routes) {
        let services = self.services
        let access = Access(.director, write: true)
        routes.workspace(w, .post, "settings/connections", base: WorkspacePageRoutes.base, access: access) { request, context, ws in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            guard let key = services.configuration.secretKey else {
                throw APIError.badRequest(Localizer(UILanguage(code: context.language) ?? .default).t("settings.connectionsNoKey"))
            }
            var parameters: [String: String] = [:]
            for (k, v) in fields where k.hasPrefix("p.") && !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                parameters[String(k.dropFirst(2))] = v
            }
            let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
            do {
                let sync = try SyncService(store: try SyncService.connectionStore(ws.store), secretKey: key, logger: services.logger)
                _ = try await sync.addConnection(source: fields["source"] ?? "", name: name.isEmpty ? nil : name, parameters: parameters)
            } catch let e as any LocalizedError {
                throw APIError.badRequest(e.errorDescription ?? "\(e)")
            }
            return .redirect(to: "/settings?done=settings.saved", type: .normal)
        }
        routes.workspace(w, .post, "settings/connections/remove", base: WorkspacePageRoutes.base, access: access) { request, context, ws in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            let name = fields["name"] ?? ""
            let store: any Store & ConnectionStore
            do { store = try SyncService.connectionStore(ws.store) } catch let e as any LocalizedError {
                throw APIError.badRequest(e.errorDescription ?? "\(e)")
            }
            guard try await store.removeConnection(named: name) else {
                throw APIError.notFound(ConnectionError.noSuchConnection(name).errorDescription ?? name)
            }
            return .redirect(to: "/settings?done=settings.saved", type: .normal)
        }
    }

    /// The sections the settings page shows: one per workspace where the user is owner or director.
    static func sections(services: AppServices, accessible: [(workspace: Workspace, role: Role)],
                         localizer l: Localizer) async throws -> [SettingsView.ConnectionSection] {
        var keyProblem: String?
        if services.configuration.secretKey == nil { keyProblem = l.t("settings.connectionsNoKey") }
        var out: [SettingsView.ConnectionSection] = []
        for (workspace, role) in accessible where role >= .director {
            var section = SettingsView.ConnectionSection(slug: workspace.slug, name: workspace.name, localizer: l)
            do {
                let store = try SyncService.connectionStore(try services.workspace(workspace).store)
                section.rows = try await store.connections().map {
                    SettingsView.ConnectionRow(source: $0.source, name: $0.name, lastSync: $0.lastSyncAt ?? l.t("settings.never"),
                                               status: $0.lastStatus?.rawValue ?? "", message: $0.lastMessage ?? "")
                }
                section.problem = keyProblem
                // A key that is set but not 32 bytes of base64: its own sentence.
                if let key = services.configuration.secretKey {
                    _ = try SyncService(store: store, secretKey: key, logger: services.logger)
                }
            } catch let e as any LocalizedError {
                section.problem = e.errorDescription ?? "\(e)"
            }
            section.formDisabled = section.problem != nil
            section.hasRows = !section.rows.isEmpty
            out.append(section)
        }
        return out
    }
}
