import Foundation
import SMMReports

/// An interface language of the pages and their string catalogues. Russian is the default
/// (issue 9); before login the server picks one from Accept-Language (AuthMiddleware).
package enum UILanguage: String, CaseIterable, Sendable, Codable {
    case ru, en

    package static let `default` = UILanguage.ru

    /// Reads a stored or submitted language code; nil for anything else.
    package init?(code: String?) {
        guard let code = code?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        self.init(rawValue: code)
    }
}

/// The string catalogues: one per language, each holding every key (a test checks it).
package enum Catalogue {
    /// Every string of a language: interface strings, and KPI names under `kpi.<id>`.
    package static func strings(_ language: UILanguage) -> [String: String] {
        switch language {
        case .ru: return ru
        case .en: return en
        }
    }

    private static let ru: [String: String] = merged(uiRU.merging(vocabularyRU) { a, _ in a }, KPINames.ru)
    private static let en: [String: String] = merged(uiEN.merging(vocabularyEN) { a, _ in a }, KPINames.en)

    private static func merged(_ ui: [String: String], _ kpi: [String: String]) -> [String: String] {
        var all = ui
        for (id, name) in kpi { all["kpi." + id] = name }
        return all
    }
}
