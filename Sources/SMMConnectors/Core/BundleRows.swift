import Foundation
import SMMCore

/// The rows one fetch produced, as SMMCore bundle row types, plus the columns each file
/// carries. The columns matter: a column that is in a file's header is *present* for the KPI
/// null rules (bundle-format.md "Several imports into one database"), so a connector lists
/// exactly the columns its source provides, and a file is written only when listed.
package struct BundleRows: Sendable, Equatable {
    package var accounts: [Account] = []
    package var accountDays: [AccountDay] = []
    package var posts: [Post] = []
    package var postMetrics: [PostMetrics] = []
    package var comments: [Comment] = []
    package var audience: [AudienceShare] = []
    package var adSpend: [AdSpend] = []
    package var webSessions: [WebSession] = []
    package var leads: [Lead] = []
    package var deals: [Deal] = []
    package var brandSearches: [BrandSearch] = []
    /// The columns written per file (required columns first, in bundle-format.md order).
    package var columns: [BundleFile: [String]] = [:]

    package init() {}

    /// Data rows in all files.
    package var count: Int {
        accounts.count + accountDays.count + posts.count + postMetrics.count + comments.count + audience.count
            + adSpend.count + webSessions.count + leads.count + deals.count + brandSearches.count
    }

    /// Declares that `file` is written with these columns (its required ones are added).
    package mutating func declare(_ file: BundleFile, _ optional: [String]) {
        let required = file.columns.filter(\.required).map(\.name)
        let known = Set(file.columns.map(\.name))
        precondition(optional.allSatisfy(known.contains), "unknown column of \(file.fileName)")
        columns[file] = required + optional.filter { !required.contains($0) }
    }
}
