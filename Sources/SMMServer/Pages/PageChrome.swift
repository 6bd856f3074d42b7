import Foundation
import Mustache

/// One item of the main navigation.
package struct NavItem: Sendable {
    package var id: String
    package var label: String
    package var href: String
    package var current: Bool
}

/// A workspace the switcher offers.
package struct WorkspaceChoice: Sendable {
    package var slug: String
    package var name: String
    package var selected: Bool
    package init(slug: String, name: String, selected: Bool) { self.slug = slug; self.name = name; self.selected = selected }
}

/// A one-time message at the top of a page.
package struct Flash: Sendable {
    package enum Kind: String, Sendable { case ok, error, info }
    package var kind: String
    package var text: String
    package init(_ kind: Kind, _ text: String) { self.kind = kind.rawValue; self.text = text }
}

/// What a page may offer its user: the server checks every action again (the web helper's
/// authorization matrix); this only decides which buttons are shown.
package struct PagePermissions: Sendable, Equatable {
    /// owner, director, specialist or client.
    package var role: String
    /// Edits plans, corrects sentiment, imports: specialist and above.
    package var canEdit: Bool { rank >= 1 }
    /// Confirms or dismisses anomalies: director and above.
    package var canReview: Bool { rank >= 2 }
    package var canImport: Bool { rank >= 1 }
    /// Manages users and workspaces.
    package var canManage: Bool { rank >= 3 }
    package init(role: String) { self.role = role }

    /// client 0, specialist 1, director 2, owner 3 (docs/web-server.md "Roles").
    var rank: Int { ["client": 0, "specialist": 1, "director": 2, "owner": 3][role] ?? 0 }

    /// The pages of the navigation, in order, this role sees.
    package var pages: [String] {
        rank == 0 ? ["dashboard", "plans", "reports", "settings"]
            : ["dashboard", "plans", "anomalies", "comments", "import", "reports", "settings"]
    }
}

/// Who is looking and where: everything the layout needs besides the page body.
package struct PageChrome: Sendable {
    package var language: UILanguage
    package var userName: String
    package var permissions: PagePermissions
    package var workspaces: [WorkspaceChoice]
    package var workspaceSlug: String
    package var workspaceName: String
    package var csrf: String
    /// Path and query of this page (the language switch comes back here).
    package var path: String
    /// The workspace's URL prefix, e.g. `/w/default`.
    package var base: String
    package var flash: [Flash]

    package init(language: UILanguage, userName: String, role: String, workspaces: [WorkspaceChoice],
                 workspaceSlug: String, workspaceName: String, csrf: String, path: String, base: String,
                 flash: [Flash] = []) {
        self.language = language; self.userName = userName; self.permissions = PagePermissions(role: role)
        self.workspaces = workspaces; self.workspaceSlug = workspaceSlug; self.workspaceName = workspaceName
        self.csrf = csrf; self.path = path; self.base = base; self.flash = flash
    }

    package var localizer: Localizer { Localizer(language) }
}

/// Renders pages: the page template with its view model, then the layout around it.
package struct PageRenderer: Sendable {
    package let library: MustacheLibrary

    package init() throws { library = try Templates.library() }

    /// A page inside the layout. `current` is the navigation item to mark.
    package func page(_ template: String, view: Any, title: String, current: String, chrome: PageChrome,
                      script: Bool = false) -> String {
        page(body: fragment(template, view: view, language: chrome.language), title: title, current: current,
             chrome: chrome, script: script)
    }

    /// A page around a body rendered before (a cached one).
    package func page(body: String, title: String, current: String, chrome: PageChrome, script: Bool = false) -> String {
        let l = chrome.localizer
        let nav = chrome.permissions.pages.map { id in
            NavItem(id: id, label: l.t("nav." + id), href: id == "settings" ? "/settings" : chrome.base + "/" + id,
                    current: id == current)
        }
        let layout = LayoutView(
            lang: chrome.language.rawValue, title: title, base: chrome.base, nav: nav,
            hasWorkspaces: chrome.workspaces.count > 1, workspaces: chrome.workspaces, csrf: chrome.csrf,
            path: chrome.path, isRU: chrome.language == .ru, isEN: chrome.language == .en,
            userName: chrome.userName, roleName: l.t("role." + chrome.permissions.role),
            initials: String(chrome.userName.split(separator: " ").prefix(2).compactMap(\.first)).uppercased(), flash: chrome.flash,
            body: body, workspaceName: chrome.workspaceName, script: script)
        return fragment("layout", view: layout, language: chrome.language)
    }

    /// A template rendered alone (the login page, partials, tests).
    package func fragment(_ template: String, view: Any, language: UILanguage) -> String {
        let scope = TemplateScope(view: view, t: CatalogueNode(localizer: Localizer(language), prefix: ""))
        return library.render(scope, withTemplate: template) ?? ""
    }
}

struct LayoutView {
    var lang: String
    var title: String
    var base: String
    var nav: [NavItem]
    var hasWorkspaces: Bool
    var workspaces: [WorkspaceChoice]
    var csrf: String
    var path: String
    var isRU: Bool
    var isEN: Bool
    var userName: String
    var roleName: String
    var initials: String
    var flash: [Flash]
    var body: String
    var workspaceName: String
    var script: Bool
}

/// A view model with the catalogue beside it: `{{t.key}}` anywhere, other names from the view.
struct TemplateScope: MustacheParent {
    let view: Any
    let t: CatalogueNode

    func child(named name: String) -> Any? {
        if name == "t" { return t }
        if let parent = view as? any MustacheParent { return parent.child(named: name) }
        guard let match = Mirror(reflecting: view).children.first(where: { $0.label == name }) else { return nil }
        let inner = Mirror(reflecting: match.value)
        guard inner.displayStyle == .optional else { return match.value }
        return inner.children.first?.value
    }
}

/// One `<option>` of a `<select>`.
package struct SelectOption: Sendable {
    package var value: String
    package var label: String
    package var selected: Bool
    package init(value: String, label: String, selected: Bool) { self.value = value; self.label = label; self.selected = selected }
}
