import Foundation
import Logging
import PostgresNIO
import SMMCore

extension PostgresStore {
    /// The KPI rows of a window, read in one snapshot. The same queries as
    /// ``SQLiteStore/readDataset(_:window:)``; each ORDER BY gives the order in which SQLite's
    /// plan returns the rows (its index, then rowid), so that sums run in the same order.
    package func dataset(window: ClosedRange<LocalDate>) async throws -> KPIDataset {
        try await read("read the data for the KPIs") { c in try await Self.readDataset(c, window: window, logger: logger) }
    }

    // swiftlint:disable:next function_body_length
    static func readDataset(_ c: PostgresConnection, window: ClosedRange<LocalDate>, logger: Logger) async throws -> KPIDataset {
        let w0 = Int64(window.lowerBound.dayNumber), w1 = Int64(window.upperBound.dayNumber)
        func each(_ query: PostgresQuery, _ body: (PGRow) throws -> Void) async throws {
            try await PostgresStore.each(c, query, logger: logger, body)
        }
        // Kinds with a user's correction in this snapshot (usually none: the label expressions
        // then skip that lookup).
        var corrected = Set<String>()
        try await each("SELECT DISTINCT kind FROM sentiment_corrections") { corrected.insert($0.text(0)) }
        let settings = try await readSettings(c, logger: logger)
        var ds = KPIDataset(currency: settings?.currency ?? "RUB")
        ds.accounts = try await readAccounts(c, logger: logger)
        ds.presence = try await readPresence(c, logger: logger)

        func day(_ r: PGRow) -> AccountDay {
            AccountDay(accountID: r.text(0), date: r.date(1), followers: r.int64(2), joined: r.optInt64(3),
                       left: r.optInt64(4), reach: r.optInt64(5), views: r.optInt64(6), visitors: r.optInt64(7))
        }
        // Each account's latest row before the window (one query instead of one per account, one
        // index probe per account rather than a sort of all the earlier rows), in the accounts'
        // order, then the window.
        try await each("""
            SELECT d.account_id, d.date, d.followers, d.joined, d."left", d.reach, d.views, d.visitors
            FROM accounts a CROSS JOIN LATERAL (
              SELECT * FROM account_daily x WHERE x.account_id = a.account_id AND x.date < \(w0)
              ORDER BY x.date DESC LIMIT 1) d
            ORDER BY a.account_id
            """) { ds.accountDays.append(day($0)) }
        try await each("""
            SELECT account_id, date, followers, joined, "left", reach, views, visitors FROM account_daily
            WHERE date BETWEEN \(w0) AND \(w1) ORDER BY date, account_id
            """) { ds.accountDays.append(day($0)) }

        try await each("""
            SELECT post_id, account_id, published_at, local_date, format, topic, campaign, partner, promoted
            FROM posts WHERE local_date BETWEEN \(w0) AND \(w1) ORDER BY local_date, seq
            """) { r in
            ds.posts.append(Post(id: r.text(0), accountID: r.text(1), publishedAt: Instant(nanoseconds: r.int64(2)),
                                 localDate: r.date(3), format: PostFormat(rawValue: r.text(4)) ?? .other,
                                 topic: r.optText(5), campaign: r.optText(6), partner: r.optText(7),
                                 promoted: r.optBool(8)))
        }
        ds.latestMetrics.reserveCapacity(ds.posts.count)
        try await each("""
            SELECT m.post_id, m.collected_at, m.impressions, m.reach, m.likes, m.comments,
                   m.reposts, m.saves, m.clicks, m.video_views, m.hides
            FROM posts p CROSS JOIN LATERAL (
              SELECT * FROM post_metrics x WHERE x.post_id = p.post_id ORDER BY x.collected_at DESC LIMIT 1) m
            WHERE p.local_date BETWEEN \(w0) AND \(w1)
            """) { r in
            let m = PostMetrics(postID: r.text(0), collectedAt: Instant(nanoseconds: r.int64(1)),
                                impressions: r.optInt64(2), reach: r.optInt64(3), likes: r.optInt64(4),
                                comments: r.optInt64(5), reposts: r.optInt64(6), saves: r.optInt64(7),
                                clicks: r.optInt64(8), videoViews: r.optInt64(9), hides: r.optInt64(10))
            ds.latestMetrics[m.postID] = m
        }

        // Comments on known posts; a comment on an unknown post belongs to no account and never counts.
        // Whether a brand reply exists is one probe of comments_brand_reply per comment (written
        // so, the planner cannot turn it into a hash of every brand reply of the table).
        try await each(PostgresQuery(unsafeSQL: """
            SELECT c.comment_id, c.post_id, c.created_at, c.local_date, c.from_brand, c.parent_id, c.sentiment,
                   c.word_count, p.account_id,
                   (SELECT 1 FROM comments r WHERE r.parent_id = c.comment_id AND r.from_brand = 1 LIMIT 1) IS NOT NULL,
                   \(labelExpression(.comment, alias: "c", corrected: corrected))
            FROM comments c JOIN posts p ON p.post_id = c.post_id
            WHERE c.local_date BETWEEN $1 AND $2 ORDER BY c.local_date, c.seq
            """, binds: window2(w0, w1))) { r in
            let sentiment = r.optText(6).flatMap(Sentiment.init(rawValue:))
            let cm = Comment(id: r.text(0), postID: r.text(1), createdAt: Instant(nanoseconds: r.int64(2)),
                             localDate: r.date(3), fromBrand: r.optBool(4), parentID: r.optText(5), sentiment: sentiment)
            ds.comments.append(CommentFact(comment: cm, accountID: r.text(8), wordCount: Int(r.int64(7)),
                                           hasBrandReply: r.bool(9),
                                           sentiment: r.optText(10).flatMap(Sentiment.init(rawValue:))))
        }

        try await each("""
            SELECT message_id, account_id, received_at, local_date, first_response_at, kind FROM messages
            WHERE local_date BETWEEN \(w0) AND \(w1) ORDER BY local_date, seq
            """) { r in
            ds.messages.append(Message(id: r.text(0), accountID: r.text(1), receivedAt: Instant(nanoseconds: r.int64(2)),
                                       localDate: r.date(3), firstResponseAt: r.optInt64(4).map(Instant.init(nanoseconds:)),
                                       kind: r.optText(5).flatMap(MessageKind.init(rawValue:))))
        }
        try await each(PostgresQuery(unsafeSQL: """
            SELECT mention_id, published_at, local_date, network, reach, sentiment,
                   \(labelExpression(.mention, alias: "mentions", corrected: corrected)) FROM mentions
            WHERE local_date BETWEEN $1 AND $2 ORDER BY local_date, seq
            """, binds: window2(w0, w1))) { r in
            let s = r.optText(5).flatMap(Sentiment.init(rawValue:))
            let m = Mention(id: r.text(0), publishedAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                            network: r.optText(3).flatMap(Network.init(rawValue:)), reach: r.optInt64(4), sentiment: s)
            ds.mentions.append(Labeled(m, sentiment: r.optText(6).flatMap(Sentiment.init(rawValue:))))
        }
        try await each(PostgresQuery(unsafeSQL: """
            SELECT review_id, created_at, local_date, network, rating, sentiment,
                   \(labelExpression(.review, alias: "reviews", corrected: corrected)) FROM reviews
            WHERE local_date BETWEEN $1 AND $2 ORDER BY local_date, seq
            """, binds: window2(w0, w1))) { r in
            let s = r.optText(5).flatMap(Sentiment.init(rawValue:))
            let v = Review(id: r.text(0), createdAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                           place: r.optText(3).map(ReviewPlace.init), rating: r.optInt64(4), sentiment: s)
            ds.reviews.append(Labeled(v, sentiment: r.optText(6).flatMap(Sentiment.init(rawValue:))))
        }
        try await each("""
            SELECT date, campaign, account_id, network, spend, impressions, reach, clicks FROM ad_spend
            WHERE date BETWEEN \(w0) AND \(w1) ORDER BY date, campaign, account_id, network
            """) { r in
            ds.adSpend.append(AdSpend(date: r.date(0), campaign: r.text(1), spend: r.decimal(4),
                                      network: r.keyText(3).flatMap(Network.init(rawValue:)), accountID: r.keyText(2),
                                      impressions: r.optInt64(5), reach: r.optInt64(6), clicks: r.optInt64(7)))
        }
        try await each("""
            SELECT date, category, amount, network FROM other_costs WHERE date BETWEEN \(w0) AND \(w1) ORDER BY date, id
            """) { r in
            ds.otherCosts.append(OtherCost(date: r.date(0), category: CostCategory(rawValue: r.text(1)) ?? .other,
                                           amount: r.decimal(2), network: r.optText(3).flatMap(Network.init(rawValue:))))
        }
        try await each("""
            SELECT date, source, medium, campaign, content, sessions, users, pageviews, bounces, goal_completions,
                   duration_seconds FROM web_sessions WHERE date BETWEEN \(w0) AND \(w1)
            ORDER BY date, source, medium, campaign, content
            """) { r in
            ds.webSessions.append(r.webSession())
        }
        try await each("""
            SELECT l.lead_id, l.created_at, l.local_date, l.source, l.qualified, l.customer_id,
                   EXISTS (SELECT 1 FROM deals d WHERE d.lead_id = l.lead_id AND (d.status IS NULL OR d.status = 'won'))
            FROM leads l WHERE l.local_date BETWEEN \(w0) AND \(w1) ORDER BY l.local_date, l.seq
            """) { r in
            ds.leads.append(LeadFact(lead: r.lead(at: 0), hasWonDeal: r.bool(6)))
        }
        try await each("""
            SELECT d.deal_id, d.closed_at, d.local_date, d.amount, d.lead_id, d.status, d.customer_id,
                   l.lead_id, l.created_at, l.local_date, l.source, l.qualified, l.customer_id
            FROM deals d LEFT JOIN leads l ON l.lead_id = d.lead_id WHERE d.local_date BETWEEN \(w0) AND \(w1)
            ORDER BY d.local_date, d.seq
            """) { r in
            let d = Deal(id: r.text(0), closedAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                         amount: r.decimal(3), leadID: r.optText(4), status: r.optText(5).flatMap(DealStatus.init(rawValue:)),
                         customerID: r.optText(6))
            ds.deals.append(DealFact(deal: d, lead: r.isNull(7) ? nil : r.lead(at: 7)))
        }

        // audience: each account's rows from its latest snapshot before the window to the window's end
        // (the start computed once per account: OFFSET 0 keeps the planner from folding it into a
        // filter evaluated on every row).
        try await each("""
            SELECT a.account_id, a.date, a.dimension, a.bucket, a.share
            FROM accounts x CROSS JOIN LATERAL (
              SELECT coalesce((SELECT max(date) FROM audience b WHERE b.account_id = x.account_id AND b.date < \(w0)), \(w0)) AS d0
              OFFSET 0) s
            JOIN audience a ON a.account_id = x.account_id AND a.date BETWEEN s.d0 AND \(w1)
            ORDER BY a.account_id, a.date, a.dimension, a.bucket
            """) { r in
            guard let dim = AudienceDimension(rawValue: r.text(2)) else { return }
            ds.audience.append(AudienceShare(accountID: r.text(0), date: r.date(1), dimension: dim, bucket: r.text(3),
                                             share: r.decimal(4)))
        }
        try await each("""
            SELECT month, query, count FROM brand_searches WHERE month BETWEEN \(w0) AND \(w1) ORDER BY month, query
            """) { r in
            ds.brandSearches.append(BrandSearch(month: r.date(0), query: r.text(1), count: r.int64(2)))
        }
        try await each("""
            SELECT c.item_id, c.account_id, c.due_at, c.due_date, c.post_id, c.approved, p.published_at, p.local_date
            FROM content_plan c LEFT JOIN posts p ON p.post_id = c.post_id WHERE c.due_date BETWEEN \(w0) AND \(w1)
            ORDER BY c.due_date, c.seq
            """) { r in
            let item = PlanItem(id: r.text(0), accountID: r.text(1), dueAt: Instant(nanoseconds: r.int64(2)),
                                dueDate: r.date(3), postID: r.optText(4), approved: r.optBool(5))
            ds.planItems.append(PlanItemFact(item: item, postPublishedAt: r.optInt64(6).map(Instant.init(nanoseconds:)),
                                             postLocalDate: r.isNull(7) ? nil : r.date(7)))
        }
        try await each("""
            SELECT date, person, hours, task FROM work_log WHERE date BETWEEN \(w0) AND \(w1) ORDER BY date, id
            """) { r in
            ds.workLog.append(WorkLogEntry(date: r.date(0), person: r.text(1), hours: r.decimal(2), task: r.optText(3)))
        }
        return ds
    }

    static func window2(_ a: Int64, _ b: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(a)
        binds.append(b)
        return binds
    }
}
