import Foundation
import SMMEngine

/// The settings page: the user's language, API tokens; for owners the users with their roles
/// and the workspaces. Filled from the home database by the route.
package struct SettingsView: Sendable {
    package struct UserRow: Sendable {
        package var login: String
        package var name: String
        package var roles: String
        package var created: String
        package init(login: String, name: String, roles: String, created: String) {
            self.login = login; self.name = name; self.roles = roles; self.created = created
        }
    }
    package struct WorkspaceRow: Sendable {
        package var slug: String
        package var name: String
        package var role: String
        package var created: String
        package var href: String
        package init(slug: String, name: String, role: String, created: String, href: String) {
            self.slug = slug; self.name = name; self.role = role; self.created = created; self.href = href
        }
    }
    package struct TokenRow: Sendable {
        package var id: Int64
        package var name: String
        package var scopes: String
        package var created: String
        package var lastUsed: String
        package var revoked: Bool
        package init(id: Int64, name: String, scopes: String, created: String, lastUsed: String, revoked: Bool) {
            self.id = id; self.name = name; self.scopes = scopes; self.created = created; self.lastUsed = lastUsed; self.revoked = revoked
        }
    }
    package struct ConnectionRow: Sendable {
        package var source: String
        package var name: String
        package var lastSync: String
        package var status: String
        package var message: String
    }
    package struct ConnectionInput: Sendable {
        package var name: String
        package var id: String
        package var secret: Bool
        package var help: String
        package var sources: String
    }
    /// One workspace's connections (owners and directors of it); credentials are never shown.
    package struct ConnectionSection: Sendable {
        package var slug: String
        package var name: String
        package var rows: [ConnectionRow] = []
        package var hasRows = false
        /// Why the add form is disabled (no key, a bad key, a store without connections).
        package var problem: String?
        package var formDisabled = false
        package var sources: [Option]
        package var inputs: [ConnectionInput]
        init(slug: String, name: String, localizer l: Localizer) {
            self.slug = slug; self.name = name
            sources = SyncService.sourceNames.map { Option(value: $0, label: $0, selected: $0 == "vk") }
            inputs = SyncService.connectionFields.map {
                ConnectionInput(name: $0.name, id: "cn-\(slug)-\($0.name)", secret: $0.secret, help: $0.help,
                                sources: $0.sources.isEmpty ? l.t("settings.allSources") : $0.sources.joined(separator: ", "))
            }
        }
    }
    package struct RoleRow: Sendable { var value: String; var label: String; var hint: String }
    package typealias Option = SelectOption

    package var csrf: String
    package var languages: [Option]
    package var tokens: [TokenRow]
    package var hasTokens: Bool
    package var newToken: String?
    package var canManage: Bool
    package var users: [UserRow]
    package var workspaces: [WorkspaceRow]
    package var roles: [RoleRow]
    package var roleOptions: [Option]
    package var workspaceOptions: [Option]
    package var back: String
    package var connections: [ConnectionSection] = []
    package var hasConnections = false

    package init(csrf: String, language: UILanguage, tokens: [TokenRow], newToken: String?, canManage: Bool,
                 users: [UserRow], workspaces: [WorkspaceRow], currentWorkspace: String, back: String, localizer l: Localizer) {
        self.csrf = csrf
        languages = UILanguage.allCases.map { Option(value: $0.rawValue, label: l.t("lang." + $0.rawValue), selected: $0 == language) }
        self.tokens = tokens; hasTokens = !tokens.isEmpty; self.newToken = newToken
        self.canManage = canManage; self.users = users; self.workspaces = workspaces
        let roleNames = ["owner", "director", "specialist", "client"]
        roles = roleNames.map { RoleRow(value: $0, label: l.t("role." + $0), hint: l.t("roleHint." + $0)) }
        roleOptions = roleNames.map { Option(value: $0, label: l.t("role." + $0), selected: $0 == "specialist") }
        workspaceOptions = workspaces.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == currentWorkspace) }
        self.back = back
    }
}
