import Foundation

/// Why a scope could not be built.
package enum ScopeError: Error, Equatable, LocalizedError {
    case unknownAccount(String, known: [String])

    package var errorDescription: String? {
        switch self {
        case .unknownAccount(let id, let known):
            let list = known.isEmpty ? "the database has no accounts" : "known accounts: " + known.joined(separator: ", ")
            return "“\(id)” is not an account of the database (\(list))."
        }
    }
}

/// The accounts A a KPI is computed over, with N(A) and whether A is every account
/// (kpi-catalog.md "Scope, periods, nulls").
package struct Scope: Hashable, Sendable {
    /// A.
    package var accountIDs: Set<String>
    /// N(A): the networks of the accounts of A.
    package var networks: Set<Network>
    /// A holds every account of the database, however it was given: rows with only a network
    /// count whatever their network, rows with no network and brand_searches count.
    package var isAllAccounts: Bool

    /// A scope of the given accounts of `database`; ids are trimmed, an unknown id throws.
    package init(accounts ids: some Sequence<String>, of database: [Account]) throws(ScopeError) {
        let byID = Dictionary(database.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var set = Set<String>()
        var networks = Set<Network>()
        for raw in ids {
            let id = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let account = byID[id] else {
                throw .unknownAccount(id, known: byID.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            }
            set.insert(id)
            networks.insert(account.network)
        }
        self.accountIDs = set
        self.networks = networks
        self.isAllAccounts = byID.keys.allSatisfy { set.contains($0) }
    }

    /// The default scope: every account of the database.
    package static func all(of database: [Account]) -> Scope {
        // Every id comes from the database itself, so this cannot throw.
        (try? Scope(accounts: database.map(\.id), of: database))!
    }

    /// Builds a scope from known parts (breakdown groups).
    init(accountIDs: Set<String>, networks: Set<Network>, isAllAccounts: Bool) {
        self.accountIDs = accountIDs; self.networks = networks; self.isAllAccounts = isAllAccounts
    }

    /// A, sorted by Unicode code point order (`scope.accounts` of `kpi --format json`).
    package var sortedAccountIDs: [String] { accountIDs.sorted(by: codePointLess) }

    /// A row that has an account counts when its account is in A.
    package func contains(account id: String) -> Bool { accountIDs.contains(id) }

    /// A row with only a network counts when that network is in N(A), or in the all-accounts scope.
    package func contains(network: Network) -> Bool { isAllAccounts || networks.contains(network) }

    /// A row with an optional network: with one, as ``contains(network:)``; without one
    /// (or with a place name), only in the all-accounts scope.
    package func counts(network: Network?) -> Bool {
        guard let network else { return isAllAccounts }
        return contains(network: network)
    }

    /// A web_sessions or leads source: a network code is a network, any other word has no network.
    package func counts(source: Source) -> Bool { counts(network: source.network) }
}

/// Unicode code point order (the UTF-8 byte order is the same), as group keys and account
/// ids are sorted.
package func codePointLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

extension Optional where Wrapped == String {
    /// nil for nil or an empty string: an empty cell.
    var nonEmpty: String? {
        guard let s = self, !s.isEmpty else { return nil }
        return s
    }
}
