import Mustache

/// Every template of the web pages, compiled into the binary as strings and registered in one
/// `MustacheLibrary` (so `{{> name}}` partials resolve). View models decide; templates only show.
package enum Templates {
    /// The templates by name.
    static var all: [String: String] {
        [
            "layout": layout, "period-picker": periodPicker, "login": login, "error": error,
            "dashboard": dashboard, "kpi-card": kpiCard, "post-row": postRow,
            "plans": plans, "plan": plan, "plan-editor": planEditor, "smart-list": smartList, "smart-live": smartLive,
            "anomalies": anomalies, "comments": comments, "import": importPage, "import-result": importResult, "report-row": reportRow,
            "reports": reports, "settings": settings,
        ]
    }

    /// The library of every template; a template that does not parse is a programming error
    /// a test catches, so it is reported by name.
    package static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all {
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(name: name, underlying: String(describing: error))
            }
        }
        return library
    }
}

/// A template that does not parse.
package struct TemplateError: Error, CustomStringConvertible {
    package var name: String
    package var underlying: String
    package var description: String { "The template “\(name)” does not parse: \(underlying)" }
}

/// The catalogue as templates see it: `{{t.nav.dashboard}}` looks up `nav.dashboard`.
struct CatalogueNode: MustacheParent, Sendable {
    let localizer: Localizer
    let prefix: String

    func child(named name: String) -> Any? {
        let key = prefix + name
        if localizer.has(key) { return localizer.t(key) }
        return CatalogueNode(localizer: localizer, prefix: key + ".")
    }
}
