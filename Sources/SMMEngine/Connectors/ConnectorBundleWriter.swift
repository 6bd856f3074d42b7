import Foundation
import SMMBundle
import SMMConnectors
import SMMCore

/// Writes a connector's rows as a bundle folder (CSV files + manifest.json), so they go
/// through exactly the validation and all-or-nothing import of any bundle.
package enum ConnectorBundleWriter {
    /// Writes into `directory` (created); only the files the rows declare, with their columns.
    package static func write(_ rows: BundleRows, to directory: URL, timeZone: String, currency: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let manifest = #"{"format": "smm-bundle", "version": 1, "timezone": "\#(timeZone)", "currency": "\#(currency)"}"#
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("manifest.json"))
        for file in BundleFile.allCases {
            // accounts.csv is the one file every bundle has: header-only when the source has no accounts (Metrica).
            let required = file == .accounts ? file.columns.filter(\.required).map(\.name) : nil
            guard let columns = rows.columns[file] ?? required else { continue }
            let writer = try CSVWriter(path: directory.appendingPathComponent(file.fileName).path)
            try writer.write(columns)
            for cells in cells(of: file, in: rows) {
                try writer.write(columns.map { cells[$0] ?? nil })
            }
            try writer.close()
        }
    }

    /// The cells of every row of one file, by column name (nil = an empty cell).
    static func cells(of file: BundleFile, in rows: BundleRows) -> [[String: String?]] {
        func n(_ v: Int64?) -> String? { v.map(String.init) }
        func b(_ v: Bool?) -> String? { v.map { $0 ? "true" : "false" } }
        switch file {
        case .accounts:
            return rows.accounts.map { ["account_id": $0.id, "network": $0.network.rawValue, "name": $0.name,
                                        "url": $0.url, "brand": $0.brand] }
        case .accountDaily:
            return rows.accountDays.map { ["account_id": $0.accountID, "date": $0.date.description,
                                           "followers": n($0.followers), "joined": n($0.joined), "left": n($0.left),
                                           "reach": n($0.reach), "views": n($0.views), "visitors": n($0.visitors)] }
        case .posts:
            return rows.posts.map { ["post_id": $0.id, "account_id": $0.accountID, "published_at": $0.publishedAt.iso8601,
                                     "format": $0.format.rawValue, "topic": $0.topic, "campaign": $0.campaign,
                                     "partner": $0.partner, "promoted": b($0.promoted), "url": $0.url, "text": $0.text] }
        case .postMetrics:
            return rows.postMetrics.map { ["post_id": $0.postID, "collected_at": $0.collectedAt.iso8601,
                                           "impressions": n($0.impressions), "reach": n($0.reach), "likes": n($0.likes),
                                           "comments": n($0.comments), "reposts": n($0.reposts), "saves": n($0.saves),
                                           "clicks": n($0.clicks), "video_views": n($0.videoViews), "hides": n($0.hides)] }
        case .comments:
            return rows.comments.map { ["comment_id": $0.id, "post_id": $0.postID, "created_at": $0.createdAt.iso8601,
                                        "author_id": $0.authorID, "text": $0.text, "from_brand": b($0.fromBrand),
                                        "parent_id": $0.parentID, "sentiment": $0.sentiment?.rawValue] }
        case .audience:
            return rows.audience.map { ["account_id": $0.accountID, "date": $0.date.description,
                                        "dimension": $0.dimension.rawValue, "bucket": $0.bucket, "share": "\($0.share)"] }
        case .adSpend:
            return rows.adSpend.map { ["date": $0.date.description, "campaign": $0.campaign, "spend": "\($0.spend)",
                                       "network": $0.network?.rawValue, "account_id": $0.accountID,
                                       "impressions": n($0.impressions), "reach": n($0.reach), "clicks": n($0.clicks)] }
        case .webSessions:
            return rows.webSessions.map { ["date": $0.date.description, "source": $0.source.word, "medium": $0.medium,
                                           "campaign": $0.campaign, "content": $0.content, "sessions": n($0.sessions),
                                           "users": n($0.users), "pageviews": n($0.pageviews), "bounces": n($0.bounces),
                                           "goal_completions": n($0.goalCompletions),
                                           "duration_seconds": n($0.durationSeconds)] }
        case .leads:
            return rows.leads.map { ["lead_id": $0.id, "created_at": $0.createdAt.iso8601, "source": $0.source.word,
                                     "campaign": $0.campaign, "content": $0.content, "qualified": b($0.qualified),
                                     "customer_id": $0.customerID] }
        case .deals:
            return rows.deals.map { ["deal_id": $0.id, "closed_at": $0.closedAt.iso8601, "amount": "\($0.amount)",
                                     "lead_id": $0.leadID, "status": $0.status?.rawValue, "customer_id": $0.customerID] }
        case .brandSearches:
            return rows.brandSearches.map {
                let c = $0.month.components
                return ["month": String(format: "%04d-%02d", c.year, c.month), "query": $0.query, "count": n($0.count)]
            }
        case .messages, .mentions, .reviews, .otherCosts, .contentPlan, .workLog:
            return []  // no connector produces these files
        }
    }
}
