import Foundation
import GRDB
import SMMCore

extension SQLiteStore {
    package func dataset(window: ClosedRange<LocalDate>) async throws -> KPIDataset {
        try guarded("read the data for the KPIs") {
            try pool.read { db in try SQLiteStore.readDataset(db, window: window) }
        }
    }

    // swiftlint:disable:next function_body_length
    static func readDataset(_ db: Database, window: ClosedRange<LocalDate>) throws -> KPIDataset {
        let w0 = window.lowerBound.dayNumber, w1 = window.upperBound.dayNumber
        func windowed(_ sql: String) throws -> RawStatement {
            let s = try RawStatement(db, sql)
            s.bind(1, w0)
            s.bind(2, w1)
            return s
        }
        let settings = try readSettings(db)
        // Kinds with user corrections: the others skip the corrections probe, once per row.
        let corrected = try Set(LabeledKind.allCases.filter { try hasCorrections(db, $0) })
        var ds = KPIDataset(currency: settings?.currency ?? "RUB")
        ds.accounts = try readAccounts(db)
        ds.presence = try readPresence(db)

        // account_daily: the window plus each account's latest earlier row (start_a, followers_at).
        let anchor = try RawStatement(db, """
            SELECT account_id, date, followers, joined, "left", reach, views, visitors FROM account_daily
            WHERE account_id = ?1 AND date < ?2 ORDER BY date DESC LIMIT 1
            """)
        func day(_ r: RawStatement) -> AccountDay {
            AccountDay(accountID: r.text(0), date: r.date(1), followers: r.int64(2), joined: r.optInt64(3),
                       left: r.optInt64(4), reach: r.optInt64(5), views: r.optInt64(6), visitors: r.optInt64(7))
        }
        for a in ds.accounts {
            anchor.bind(1, a.id)
            anchor.bind(2, w0)
            try anchor.forEach { ds.accountDays.append(day($0)) }
        }
        try windowed("""
            SELECT account_id, date, followers, joined, "left", reach, views, visitors FROM account_daily
            WHERE date BETWEEN ?1 AND ?2
            """).forEach { ds.accountDays.append(day($0)) }

        try windowed("""
            SELECT post_id, account_id, published_at, local_date, format, topic, campaign, partner, promoted
            FROM posts WHERE local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            ds.posts.append(Post(id: r.text(0), accountID: r.text(1), publishedAt: Instant(nanoseconds: r.int64(2)),
                                 localDate: r.date(3), format: PostFormat(rawValue: r.text(4)) ?? .other,
                                 topic: r.optText(5), campaign: r.optText(6), partner: r.optText(7),
                                 promoted: r.optBool(8)))
        }
        ds.latestMetrics.reserveCapacity(ds.posts.count)
        try windowed("""
            SELECT m.post_id, m.collected_at, m.impressions, m.reach, m.likes, m.comments, m.reposts, m.saves,
                   m.clicks, m.video_views, m.hides
            FROM posts p JOIN post_metrics m ON m.post_id = p.post_id
             AND m.collected_at = (SELECT max(collected_at) FROM post_metrics x WHERE x.post_id = p.post_id)
            WHERE p.local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let m = PostMetrics(postID: r.text(0), collectedAt: Instant(nanoseconds: r.int64(1)),
                                impressions: r.optInt64(2), reach: r.optInt64(3), likes: r.optInt64(4),
                                comments: r.optInt64(5), reposts: r.optInt64(6), saves: r.optInt64(7),
                                clicks: r.optInt64(8), videoViews: r.optInt64(9), hides: r.optInt64(10))
            ds.latestMetrics[m.postID] = m
        }

        // Comments on known posts; a comment on an unknown post belongs to no account and never counts.
        // The post's account comes from a memo (the window's posts, then one probe per other post)
        // rather than a join, which probed `posts` once per comment (profile: docs/benchmarks.md).
        var accountOfPost: [String: String?] = [:]
        accountOfPost.reserveCapacity(ds.posts.count * 2)
        for p in ds.posts { accountOfPost[p.id] = p.accountID }
        let postAccount = try RawStatement(db, "SELECT account_id FROM posts WHERE post_id = ?1")
        func account(of postID: String) throws -> String? {
            if let known = accountOfPost[postID] { return known }
            var found: String?
            postAccount.bind(1, postID)
            try postAccount.forEach { found = $0.text(0) }
            accountOfPost[postID] = .some(found)
            return found
        }
        try windowed("SELECT count(*) FROM comments WHERE local_date BETWEEN ?1 AND ?2").forEach { r in
            ds.comments.reserveCapacity(Int(r.int64(0)))
        }
        try windowed("""
            SELECT c.comment_id, c.post_id, c.created_at, c.local_date, c.from_brand, c.parent_id, c.sentiment,
                   c.word_count,
                   EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.comment_id AND r.from_brand = 1),
                   \(labelExpression(.comment, alias: "c", corrections: corrected.contains(.comment)))
            FROM comments c
            WHERE c.local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let postID = r.text(1)
            guard let accountID = try account(of: postID) else { return }
            let sentiment = r.optText(6).flatMap(Sentiment.init(rawValue:))
            let c = Comment(id: r.text(0), postID: postID, createdAt: Instant(nanoseconds: r.int64(2)),
                            localDate: r.date(3), fromBrand: r.optBool(4), parentID: r.optText(5),
                            sentiment: sentiment)
            ds.comments.append(CommentFact(comment: c, accountID: accountID, wordCount: Int(r.int64(7)),
                                           hasBrandReply: r.int64(8) != 0,
                                           sentiment: r.optText(9).flatMap(Sentiment.init(rawValue:))))
        }

        try windowed("""
            SELECT message_id, account_id, received_at, local_date, first_response_at, kind FROM messages
            WHERE local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            ds.messages.append(Message(id: r.text(0), accountID: r.text(1), receivedAt: Instant(nanoseconds: r.int64(2)),
                                       localDate: r.date(3), firstResponseAt: r.optInt64(4).map(Instant.init(nanoseconds:)),
                                       kind: r.optText(5).flatMap(MessageKind.init(rawValue:))))
        }
        try windowed("""
            SELECT mention_id, published_at, local_date, network, reach, sentiment,
                   \(labelExpression(.mention, alias: "mentions", corrections: corrected.contains(.mention))) FROM mentions
            WHERE local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let s = r.optText(5).flatMap(Sentiment.init(rawValue:))
            let m = Mention(id: r.text(0), publishedAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                            network: r.optText(3).flatMap(Network.init(rawValue:)), reach: r.optInt64(4), sentiment: s)
            ds.mentions.append(Labeled(m, sentiment: r.optText(6).flatMap(Sentiment.init(rawValue:))))
        }
        try windowed("""
            SELECT review_id, created_at, local_date, network, rating, sentiment,
                   \(labelExpression(.review, alias: "reviews", corrections: corrected.contains(.review))) FROM reviews
            WHERE local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let s = r.optText(5).flatMap(Sentiment.init(rawValue:))
            let v = Review(id: r.text(0), createdAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                           place: r.optText(3).map(ReviewPlace.init), rating: r.optInt64(4), sentiment: s)
            ds.reviews.append(Labeled(v, sentiment: r.optText(6).flatMap(Sentiment.init(rawValue:))))
        }
        try windowed("""
            SELECT date, campaign, account_id, network, spend, impressions, reach, clicks FROM ad_spend
            WHERE date BETWEEN ?1 AND ?2
            """).forEach { r in
            ds.adSpend.append(AdSpend(date: r.date(0), campaign: r.text(1), spend: r.decimal(4),
                                      network: r.keyText(3).flatMap(Network.init(rawValue:)), accountID: r.keyText(2),
                                      impressions: r.optInt64(5), reach: r.optInt64(6), clicks: r.optInt64(7)))
        }
        try windowed("SELECT date, category, amount, network FROM other_costs WHERE date BETWEEN ?1 AND ?2").forEach { r in
            ds.otherCosts.append(OtherCost(date: r.date(0), category: CostCategory(rawValue: r.text(1)) ?? .other,
                                           amount: r.decimal(2), network: r.optText(3).flatMap(Network.init(rawValue:))))
        }
        try windowed("""
            SELECT date, source, medium, campaign, content, sessions, users, pageviews, bounces, goal_completions,
                   duration_seconds FROM web_sessions WHERE date BETWEEN ?1 AND ?2
            """).forEach { r in
            ds.webSessions.append(SQLiteRow(statement: r).webSession())
        }
        try windowed("""
            SELECT l.lead_id, l.created_at, l.local_date, l.source, l.qualified, l.customer_id,
                   EXISTS (SELECT 1 FROM deals d WHERE d.lead_id = l.lead_id AND (d.status IS NULL OR d.status = 'won'))
            FROM leads l WHERE l.local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            ds.leads.append(LeadFact(lead: SQLiteRow(statement: r).lead(at: 0), hasWonDeal: r.int64(6) != 0))
        }
        try windowed("""
            SELECT d.deal_id, d.closed_at, d.local_date, d.amount, d.lead_id, d.status, d.customer_id,
                   l.lead_id, l.created_at, l.local_date, l.source, l.qualified, l.customer_id
            FROM deals d LEFT JOIN leads l ON l.lead_id = d.lead_id WHERE d.local_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let d = Deal(id: r.text(0), closedAt: Instant(nanoseconds: r.int64(1)), localDate: r.date(2),
                         amount: r.decimal(3), leadID: r.optText(4), status: r.optText(5).flatMap(DealStatus.init(rawValue:)),
                         customerID: r.optText(6))
            ds.deals.append(DealFact(deal: d, lead: r.isNull(7) ? nil : SQLiteRow(statement: r).lead(at: 7)))
        }

        // audience: the window plus each account's latest snapshot before it.
        let latestAudience = try RawStatement(db, "SELECT max(date) FROM audience WHERE account_id = ?1 AND date < ?2")
        let audienceRows = try RawStatement(db, """
            SELECT account_id, date, dimension, bucket, share FROM audience WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3
            """)
        func share(_ r: RawStatement) {
            guard let dim = AudienceDimension(rawValue: r.text(2)) else { return }
            ds.audience.append(AudienceShare(accountID: r.text(0), date: r.date(1), dimension: dim, bucket: r.text(3),
                                             share: r.decimal(4)))
        }
        for a in ds.accounts {
            latestAudience.bind(1, a.id)
            latestAudience.bind(2, w0)
            var start = w0
            try latestAudience.forEach { if let d = $0.optInt64(0) { start = Int32(d) } }
            audienceRows.bind(1, a.id)
            audienceRows.bind(2, start)
            audienceRows.bind(3, w1)
            try audienceRows.forEach(share)
        }
        try windowed("SELECT month, query, count FROM brand_searches WHERE month BETWEEN ?1 AND ?2").forEach { r in
            ds.brandSearches.append(BrandSearch(month: r.date(0), query: r.text(1), count: r.int64(2)))
        }
        try windowed("""
            SELECT c.item_id, c.account_id, c.due_at, c.due_date, c.post_id, c.approved, p.published_at, p.local_date
            FROM content_plan c LEFT JOIN posts p ON p.post_id = c.post_id WHERE c.due_date BETWEEN ?1 AND ?2
            """).forEach { r in
            let item = PlanItem(id: r.text(0), accountID: r.text(1), dueAt: Instant(nanoseconds: r.int64(2)),
                                dueDate: r.date(3), postID: r.optText(4), approved: r.optBool(5))
            ds.planItems.append(PlanItemFact(item: item, postPublishedAt: r.optInt64(6).map(Instant.init(nanoseconds:)),
                                             postLocalDate: r.isNull(7) ? nil : r.date(7)))
        }
        try windowed("SELECT date, person, hours, task FROM work_log WHERE date BETWEEN ?1 AND ?2").forEach { r in
            ds.workLog.append(WorkLogEntry(date: r.date(0), person: r.text(1), hours: r.decimal(2), task: r.optText(3)))
        }
        return ds
    }
}
