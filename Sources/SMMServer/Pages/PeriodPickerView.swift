import Foundation
import SMMCore

/// The period picker's view: kinds as links, the recent periods of the kind, custom dates, scope.
package struct PeriodPickerView: Sendable {
    struct KindLink: Sendable { var label: String; var href: String; var current: Bool }
    typealias Option = SelectOption
    struct Hidden: Sendable { var name: String; var value: String }

    var action: String
    var kinds: [KindLink]
    var isCustom: Bool
    var kindValue: String
    var options: [Option]
    var from: String
    var to: String
    var hasScope: Bool
    var scopes: [Option]
    var extra: [Hidden]
    /// Why the period shown is not the one asked for (``PeriodChoice/fallbackKey(problem:shown:)``), if it is not.
    var problem: String?

    /// `scopes`: value and label of each scope choice (first: all accounts); `selectedScope` its value.
    init(action: String, choice: PeriodChoice, latest: LocalDate, scopes: [(String, String)], selectedScope: String,
         extra: [(String, String)] = [], problem: String? = nil, localizer l: Localizer) {
        self.action = action
        self.problem = problem.map { l.t(PeriodChoice.fallbackKey(problem: $0, shown: choice)) }
        let scopeQuery = selectedScope.isEmpty ? "" : "&scope=" + PageQuery.encode(selectedScope)
        let extraQuery = extra.map { "&\($0.0)=\(PageQuery.encode($0.1))" }.joined()
        kinds = PeriodChoice.kinds.map { k in
            KindLink(label: l.t("period." + k.rawValue), href: action + "?kind=" + k.rawValue + scopeQuery + extraQuery,
                     current: k == choice.kind)
        }
        isCustom = choice.kind == .custom
        kindValue = choice.kind.rawValue
        let recent = PeriodChoice.history(ending: PeriodChoice.containing(latest, kind: choice.kind == .custom ? .month : choice.kind),
                                          count: 12).reversed()
        var opts = recent.map { Option(value: $0.label, label: l.period($0), selected: $0 == choice.period) }
        if !isCustom, !opts.contains(where: \.selected) {
            opts.insert(Option(value: choice.period.label, label: l.period(choice.period), selected: true), at: 0)
        }
        options = opts
        from = choice.period.first.description
        to = choice.period.last.description
        hasScope = scopes.count > 1
        self.scopes = scopes.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selectedScope) }
        self.extra = extra.map { Hidden(name: $0.0, value: $0.1) }
    }
}

/// Query strings of page links.
package enum PageQuery {
    /// Percent-encodes a query value.
    package static func encode(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// The query of a period choice and scope, to carry across pages.
    package static func period(_ choice: PeriodChoice, scope: String) -> String {
        var q = choice.kind == .custom
            ? "kind=custom&from=\(choice.period.first)&to=\(choice.period.last)" : "period=" + encode(choice.period.label)
        if !scope.isEmpty { q += "&scope=" + encode(scope) }
        return q
    }
}
