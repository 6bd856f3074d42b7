import Foundation

/// Russian plural forms: 1 подписчик, 2 подписчика, 5 подписчиков, 21 подписчик, 1,5 подписчика.
///
/// The rule of CLDR for `ru`: *one* for n mod 10 = 1 and n mod 100 ≠ 11; *few* for n mod 10 in 2…4
/// and n mod 100 not in 12…14; *many* otherwise. A fraction takes the *few* form (the genitive
/// singular: «1,5 подписчика», «в 2,5 раза»).
package enum RussianPlural {
    package enum Form: Sendable, Equatable { case one, few, many }

    /// The form a number asks for.
    package static func form(_ n: Double) -> Form {
        guard n.isFinite else { return .many }
        let whole = n.rounded()
        guard whole == n else { return .few }
        let i = Int64(whole).magnitude
        let d = i % 10, h = i % 100
        if d == 1 && h != 11 { return .one }
        if (2...4).contains(d) && !(12...14).contains(h) { return .few }
        return .many
    }

    /// The word for a number: `word(5, "подписчик", "подписчика", "подписчиков")` → `подписчиков`.
    package static func word(_ n: Double, _ one: String, _ few: String, _ many: String) -> String {
        switch form(n) {
        case .one: return one
        case .few: return few
        case .many: return many
        }
    }
}
