import Foundation

/// Comments created in P on posts of scope accounts, `from_brand` not true (comments_count rows).
struct CommentTotals {
    var count: Int64 = 0
    /// At least 4 words.
    var meaningful: Int64 = 0
    var classified: Int64 = 0
    var positive: Int64 = 0
    var negative: Int64 = 0
    /// Have a `from_brand` reply (any date).
    var replied: Int64 = 0

    init(_ c: KPICalculator) {
        for account in c.scopeAccounts {
            for mark in c.index.comments[account] ?? [] {
                guard c.period.contains(mark.date), !mark.fromBrand else { continue }
                count += 1
                if mark.isMeaningful { meaningful += 1 }
                if mark.isClassified {
                    classified += 1
                    if mark.isPositive { positive += 1 }
                    if mark.isNegative { negative += 1 }
                }
                if mark.hasBrandReply { replied += 1 }
            }
        }
    }
}

extension KPICalculator {
    /// Engagement (вовлеченность).
    func engagement(_ id: KPIID) -> Double? {
        let p = postTotals
        switch id {
        case .erReach:
            /// Σ interactions / Σ reach × 100 over posts in P (ERR)
            return postRatio(p.erReach)
        case .erFollowers:
            /// Σ interactions / Σ followers_at × 100 over posts in P
            return presence.has(.accountDaily) ? postRatio(p.erFollowers) : nil
        case .ctr:
            /// Σ clicks / Σ impressions × 100 over posts in P
            return postRatio(p.ctr)
        case .viewsRate:
            /// (Σ impressions / number of posts in P with impressions) / followers_end × 100;
            /// followers_end is that of the whole scope (not only of the accounts that posted)
            guard hasPostMetrics, p.impressions.count > 0 else { return nil }
            let perPost = Double(p.impressions.sum) / Double(p.impressions.count)
            return ratio(perPost, value(.followersEnd), scale: 100)
        case .interactionsTotal:
            /// Σ interactions over posts in P
            return interactionsSum(p)
        case .likesTotal:
            return postSum(p.likes, column: "likes")
        case .repostsTotal:
            return postSum(p.reposts, column: "reposts")
        case .savesTotal:
            return postSum(p.saves, column: "saves")
        case .postCommentsTotal:
            return postSum(p.comments, column: "comments")
        case .repostShare:
            /// Σ reposts / Σ interactions × 100 over posts in P
            return postRatio(p.repostShare)
        case .commentsCount:
            /// comments.csv rows created in P on posts of scope accounts, `from_brand` not true
            /// (reads comments.csv and posts.csv)
            return hasComments ? Double(commentTotals.count) : nil
        case .meaningfulComments:
            /// those of comments_count with at least 4 words
            return hasComments ? Double(commentTotals.meaningful) : nil
        case .meaningfulCommentShare:
            /// meaningful_comments / comments_count × 100
            return hasComments ? ratio(commentTotals.meaningful, commentTotals.count, scale: 100) : nil
        case .commentPositiveShare:
            /// positive / classified × 100 over comments_count rows
            return hasComments ? ratio(commentTotals.positive, commentTotals.classified, scale: 100) : nil
        case .commentNegativeShare:
            /// negative / classified × 100 over comments_count rows
            return hasComments ? ratio(commentTotals.negative, commentTotals.classified, scale: 100) : nil
        case .commentReplyRate:
            /// share of comments_count rows that have a `from_brand` reply (parent_id = comment_id,
            /// any date) × 100; null without a `parent_id` column
            guard hasComments, presence.has(.comments, column: "parent_id") else { return nil }
            return ratio(commentTotals.replied, commentTotals.count, scale: 100)
        default:
            preconditionFailure("\(id) is not an engagement metric")
        }
    }

    private var hasComments: Bool { presence.has(.comments) && presence.has(.posts) }
}
