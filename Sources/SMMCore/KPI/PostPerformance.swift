import Foundation

/// One post's reach, interactions and ER by reach (from its latest snapshot), for the reports'
/// top and bottom posts.
package struct PostPerformance: Hashable, Sendable {
    package var post: Post
    package var reach: Int64?
    package var interactions: Int64?
    /// interactions(p) / reach(p) × 100 (the post-level er_reach); nil without reach > 0 or interactions.
    package var erReach: Double?

    /// The posts published in `period` by accounts of `scope`, with their latest snapshots.
    package static func posts(in dataset: KPIDataset, period: Period, scope: Scope) -> [PostPerformance] {
        dataset.posts.filter { period.contains($0.localDate) && scope.contains(account: $0.accountID) }.map { post in
            let m = dataset.latestMetrics[post.id]
            let reach = m?.reach, interactions = m?.interactions
            var er: Double?
            if let reach, reach > 0, let interactions { er = Double(interactions) / Double(reach) * 100 }
            return PostPerformance(post: post, reach: reach, interactions: interactions, erReach: er)
        }
    }

    /// Posts with an ER, best first (ties: more reach first, then id), and worst first.
    package static func ranked(_ posts: [PostPerformance]) -> (top: [PostPerformance], bottom: [PostPerformance]) {
        let rated = posts.filter { $0.erReach != nil }
        let top = rated.sorted { a, b in
            if a.erReach! != b.erReach! { return a.erReach! > b.erReach! }
            if (a.reach ?? 0) != (b.reach ?? 0) { return (a.reach ?? 0) > (b.reach ?? 0) }
            return codePointLess(a.post.id, b.post.id)
        }
        return (top, Array(top.reversed()))
    }
}
