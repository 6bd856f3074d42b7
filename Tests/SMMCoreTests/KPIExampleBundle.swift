import Foundation
@testable import SMMCore

/// A deliberately small reader of the spec's example bundle, so the KPI formulas can be
/// checked against `expected/` without the store. It is not the importer: no validation,
/// no bad-row reports; it only applies the rules the KPIs depend on (trimming, NFC, time
/// zone, last row wins per key, presence of files and columns).
enum KPIExampleBundle {
    /// `../shared/spec/examples` next to the repository, or `SMMKPI_SPEC_DIR` (the examples
    /// folder, as the acceptance tests read it; a spec folder holding `examples/` works too).
    static var examplesDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["SMMKPI_SPEC_DIR"] {
            let url = URL(fileURLWithPath: dir)
            let nested = url.appendingPathComponent("examples")
            return FileManager.default.fileExists(atPath: nested.appendingPathComponent("cases.json").path) ? nested : url
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
    }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: examplesDirectory.appendingPathComponent("cases.json").path)
    }

    struct Table {
        var header: [String]
        var rows: [[String: String]]
    }

    /// RFC 4180 with an optional BOM; header names trimmed and lower-cased; cells trimmed and NFC.
    static func read(_ url: URL) throws -> Table? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text.unicodeScalars)[...]
        var fieldScalars = String.UnicodeScalarView()
        func endField() { field = String(fieldScalars); record.append(field); fieldScalars = .init() }
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { fieldScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { fieldScalars.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                endField(); records.append(record); record = []
            } else {
                fieldScalars.append(c)
            }
        }
        if !fieldScalars.isEmpty || !record.isEmpty { endField(); records.append(record) }
        records.removeAll { $0 == [""] }
        guard let head = records.first else { return Table(header: [], rows: []) }
        let header = head.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        let rows = records.dropFirst().map { rec in
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() where i < rec.count {
                let v = rec[i].trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
                if !v.isEmpty { row[name] = v }
            }
            return row
        }
        return Table(header: header, rows: rows)
    }

    static func int(_ s: String?) -> Int64? { s.flatMap { ValueParser.run($0, ValueParser.integer) } }
    static func dec(_ s: String?) -> Decimal? { s.flatMap { ValueParser.run($0, ValueParser.decimal) } }
    static func bool(_ s: String?) -> Bool? { s.flatMap { ValueParser.run($0, ValueParser.boolean) } }
    static func date(_ s: String?) -> LocalDate? { s.flatMap { ValueParser.run($0, ValueParser.date) } }

    /// Loads a bundle folder into a dataset holding all of its rows.
    static func load(_ folder: URL) throws -> KPIDataset {
        var manifestZone = "UTC", currency = "RUB"
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
           let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
            manifestZone = json["timezone"] as? String ?? manifestZone
            currency = json["currency"] as? String ?? currency
        }
        let clock = ZoneClock(timeZone: TimeZone(identifier: manifestZone)!)
        func instant(_ s: String?, endOfDay: Bool = false) -> Instant? {
            s.flatMap { ValueParser.run($0, ValueParser.dateTime) }?.resolve(in: clock, dateMeansEndOfDay: endOfDay)
        }
        var presence = Presence()
        var tables: [BundleFile: Table] = [:]
        for file in BundleFile.allCases {
            guard let table = try read(folder.appendingPathComponent(file.fileName)) else { continue }
            tables[file] = table
            if !table.rows.isEmpty { presence.files.insert(file) }
            presence.columns[file] = Set(table.header)
            presence.filledColumns[file] = Set(table.rows.flatMap(\.keys))
        }
        func rows(_ file: BundleFile) -> [[String: String]] { tables[file]?.rows ?? [] }
        /// Last row wins per key, in first-seen order.
        func unique<T>(_ items: [T], key: (T) -> String) -> [T] {
            var position: [String: Int] = [:], out: [T] = []
            for item in items {
                if let i = position[key(item)] { out[i] = item } else { position[key(item)] = out.count; out.append(item) }
            }
            return out
        }

        let accounts = unique(rows(.accounts).map {
            Account(id: $0["account_id"]!, network: Network(code: $0["network"]!)!, name: $0["name"] ?? "",
                    url: $0["url"], brand: $0["brand"] ?? "default")
        }, key: \.id)
        let days = unique(rows(.accountDaily).map {
            AccountDay(accountID: $0["account_id"]!, date: date($0["date"])!, followers: int($0["followers"])!,
                       joined: int($0["joined"]), left: int($0["left"]), reach: int($0["reach"]),
                       views: int($0["views"]), visitors: int($0["visitors"]))
        }, key: { "\($0.accountID)|\($0.date)" })
        let posts = unique(rows(.posts).map { r -> Post in
            let at = instant(r["published_at"])!
            return Post(id: r["post_id"]!, accountID: r["account_id"]!, publishedAt: at, localDate: clock.localDate(of: at),
                        format: PostFormat(rawValue: r["format"]!)!, topic: r["topic"], campaign: r["campaign"],
                        partner: r["partner"], promoted: bool(r["promoted"]), url: r["url"], text: r["text"])
        }, key: \.id)
        let postByID = Dictionary(uniqueKeysWithValues: posts.map { ($0.id, $0) })
        var latest: [String: PostMetrics] = [:]
        for r in rows(.postMetrics) {
            let m = PostMetrics(postID: r["post_id"]!, collectedAt: instant(r["collected_at"])!,
                                impressions: int(r["impressions"]), reach: int(r["reach"]), likes: int(r["likes"]),
                                comments: int(r["comments"]), reposts: int(r["reposts"]), saves: int(r["saves"]),
                                clicks: int(r["clicks"]), videoViews: int(r["video_views"]), hides: int(r["hides"]))
            if let old = latest[m.postID], old.collectedAt > m.collectedAt { continue }
            latest[m.postID] = m
        }
        let comments = unique(rows(.comments).map { r -> Comment in
            let at = instant(r["created_at"])!
            return Comment(id: r["comment_id"]!, postID: r["post_id"]!, createdAt: at, localDate: clock.localDate(of: at),
                           authorID: r["author_id"], text: r["text"], fromBrand: bool(r["from_brand"]),
                           parentID: r["parent_id"], sentiment: r["sentiment"].flatMap(Sentiment.init(rawValue:)))
        }, key: \.id)
        let repliedTo = Set(comments.filter { $0.fromBrand == true }.compactMap(\.parentID))
        let commentFacts = comments.compactMap { c -> CommentFact? in
            guard let post = postByID[c.postID] else { return nil }
            return CommentFact(comment: c, accountID: post.accountID, wordCount: Words.count(in: c.text ?? ""),
                               hasBrandReply: repliedTo.contains(c.id), sentiment: c.sentiment)
        }
        let messages = unique(rows(.messages).map { r -> Message in
            let at = instant(r["received_at"])!
            return Message(id: r["message_id"]!, accountID: r["account_id"]!, receivedAt: at,
                           localDate: clock.localDate(of: at), firstResponseAt: instant(r["first_response_at"]))
        }, key: \.id)
        let mentions = unique(rows(.mentions).map { r -> Mention in
            let at = instant(r["published_at"])!
            return Mention(id: r["mention_id"]!, publishedAt: at, localDate: clock.localDate(of: at),
                           network: r["network"].flatMap(Network.init(code:)), text: r["text"], reach: int(r["reach"]),
                           sentiment: r["sentiment"].flatMap(Sentiment.init(rawValue:)))
        }, key: \.id)
        let reviews = unique(rows(.reviews).map { r -> Review in
            let at = instant(r["created_at"])!
            return Review(id: r["review_id"]!, createdAt: at, localDate: clock.localDate(of: at),
                          place: r["network"].map(ReviewPlace.init), rating: int(r["rating"]), text: r["text"],
                          sentiment: r["sentiment"].flatMap(Sentiment.init(rawValue:)))
        }, key: \.id)
        let adSpend = unique(rows(.adSpend).map {
            AdSpend(date: date($0["date"])!, campaign: $0["campaign"]!, spend: dec($0["spend"])!,
                    network: $0["network"].flatMap(Network.init(code:)), accountID: $0["account_id"],
                    impressions: int($0["impressions"]), reach: int($0["reach"]), clicks: int($0["clicks"]))
        }, key: { "\($0.date)|\($0.campaign)|\($0.accountID ?? "")|\($0.network?.rawValue ?? "")" })
        let otherCosts = rows(.otherCosts).map {
            OtherCost(date: date($0["date"])!, category: CostCategory(rawValue: $0["category"]!)!,
                      amount: dec($0["amount"])!, network: $0["network"].flatMap(Network.init(code:)))
        }
        let web = unique(rows(.webSessions).map {
            WebSession(date: date($0["date"])!, source: Source($0["source"]!), medium: $0["medium"],
                       campaign: $0["campaign"], content: $0["content"], sessions: int($0["sessions"])!,
                       users: int($0["users"]), pageviews: int($0["pageviews"]), bounces: int($0["bounces"]),
                       goalCompletions: int($0["goal_completions"]), durationSeconds: int($0["duration_seconds"]))
        }, key: { "\($0.date)|\($0.source)|\($0.medium ?? "")|\($0.campaign ?? "")|\($0.content ?? "")" })
        let leads = unique(rows(.leads).map { r -> Lead in
            let at = instant(r["created_at"])!
            return Lead(id: r["lead_id"]!, createdAt: at, localDate: clock.localDate(of: at), source: Source(r["source"]!),
                        qualified: bool(r["qualified"]), customerID: r["customer_id"])
        }, key: \.id)
        let leadByID = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0) })
        let deals = unique(rows(.deals).map { r -> Deal in
            let at = instant(r["closed_at"])!
            return Deal(id: r["deal_id"]!, closedAt: at, localDate: clock.localDate(of: at), amount: dec(r["amount"])!,
                        leadID: r["lead_id"], status: r["status"].flatMap(DealStatus.init(rawValue:)),
                        customerID: r["customer_id"])
        }, key: \.id)
        let wonLeads = Set(deals.filter(\.isWon).compactMap(\.leadID))
        let audience = rows(.audience).map {
            AudienceShare(accountID: $0["account_id"]!, date: date($0["date"])!,
                          dimension: AudienceDimension(rawValue: $0["dimension"]!)!, bucket: $0["bucket"]!,
                          share: dec($0["share"])!)
        }
        let searches = rows(.brandSearches).map {
            BrandSearch(month: ValueParser.run($0["month"]!, ValueParser.month)!, query: $0["query"]!,
                        count: int($0["count"])!)
        }
        let plan = unique(rows(.contentPlan).map { r -> PlanItem in
            let due = instant(r["due_at"], endOfDay: true)!
            return PlanItem(id: r["item_id"]!, accountID: r["account_id"]!, dueAt: due, dueDate: clock.localDate(of: due),
                            postID: r["post_id"], approved: bool(r["approved"]))
        }, key: \.id)
        let work = rows(.workLog).map {
            WorkLogEntry(date: date($0["date"])!, person: $0["person"]!, hours: dec($0["hours"])!, task: $0["task"])
        }
        return KPIDataset(
            currency: currency, accounts: accounts, presence: presence, accountDays: days, posts: posts,
            latestMetrics: latest, comments: commentFacts, messages: messages,
            mentions: mentions.map { Labeled($0, sentiment: $0.sentiment) },
            reviews: reviews.map { Labeled($0, sentiment: $0.sentiment) }, adSpend: adSpend, otherCosts: otherCosts,
            webSessions: web, leads: leads.map { LeadFact(lead: $0, hasWonDeal: wonLeads.contains($0.id)) },
            deals: deals.map { DealFact(deal: $0, lead: $0.leadID.flatMap { leadByID[$0] }) }, audience: audience,
            brandSearches: searches,
            planItems: plan.map { item in
                let post = item.postID.flatMap { postByID[$0] }
                return PlanItemFact(item: item, postPublishedAt: post?.publishedAt, postLocalDate: post?.localDate)
            },
            workLog: work)
    }
}
