import Foundation

/// Rows that carry only a network (or none): grouped so a scope reads just its networks.
struct NetworkRows<Row: Sendable>: Sendable {
    var byNetwork: [Network: [Row]] = [:]
    /// Rows without a network: they count only in the all-accounts scope.
    var withoutNetwork: [Row] = []

    init(_ rows: [Row], network: (Row) -> Network?) {
        for row in rows {
            if let n = network(row) { byNetwork[n, default: []].append(row) } else { withoutNetwork.append(row) }
        }
    }

    /// Calls `body` with every row the scope rule keeps.
    func forEach(in scope: Scope, _ body: (Row) -> Void) {
        if scope.isAllAccounts {
            for rows in byNetwork.values { rows.forEach(body) }
            withoutNetwork.forEach(body)
        } else {
            for n in scope.networks { byNetwork[n]?.forEach(body) }
        }
    }
}

/// A KPIDataset indexed for the formulas: rows by account or network, daily rows sorted by
/// date, so each scope reads only its own rows and look-ups are binary searches.
struct KPIIndex: Sendable {
    var presence: Presence
    var currency: String
    var accounts: [Account]
    var accountByID: [String: Account]

    /// account_daily per account, sorted by date, one row per date (the later row wins).
    var days: [String: [AccountDay]]
    /// Posts per account.
    var posts: [String: [Post]]
    var latestMetrics: [String: PostMetrics]
    /// What the comment metrics read of each comment, per account (8 bytes a comment instead
    /// of the whole row: a month window holds ~500 k comments on the big demo data).
    var comments: [String: [CommentMark]]
    var messages: [String: [Message]]
    var planItems: [String: [PlanItemFact]]
    /// audience rows per account, sorted by date (file order kept within a date).
    var audience: [String: [AudienceShare]]
    var boughtFollowers: [String: [BoughtFollowersDay]]
    /// ad_spend rows with an account_id, per account.
    var adSpendByAccount: [String: [AdSpend]]
    /// ad_spend rows without an account_id, by their network.
    var adSpendByNetwork: NetworkRows<AdSpend>
    var otherCosts: NetworkRows<OtherCost>
    var webSessions: NetworkRows<WebSession>
    var leads: NetworkRows<LeadFact>
    /// Deals whose lead is a social lead in the database, by the lead's network.
    var socialDeals: [Network: [DealFact]]
    var mentions: NetworkRows<Labeled<Mention>>
    var reviews: NetworkRows<Labeled<Review>>
    var brandSearches: [BrandSearch]
    var workLog: [WorkLogEntry]

    init(_ d: KPIDataset) {
        presence = d.presence
        currency = d.currency
        accounts = d.accounts
        accountByID = Dictionary(d.accounts.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })

        var days: [String: [AccountDay]] = [:]
        for row in d.accountDays { days[row.accountID, default: []].append(row) }
        self.days = days.mapValues { rows in
            // Stable by date; a repeated date keeps the later row.
            let sorted = rows.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            var out: [AccountDay] = []
            out.reserveCapacity(sorted.count)
            for (_, row) in sorted {
                if let last = out.last, last.date == row.date { out[out.count - 1] = row } else { out.append(row) }
            }
            return out
        }
        posts = Dictionary(grouping: d.posts, by: \.accountID)
        latestMetrics = d.latestMetrics
        var comments: [String: [CommentMark]] = [:]
        for fact in d.comments { comments[fact.accountID, default: []].append(CommentMark(fact)) }
        self.comments = comments
        messages = Dictionary(grouping: d.messages, by: \.accountID)
        planItems = Dictionary(grouping: d.planItems, by: \.item.accountID)
        audience = Dictionary(grouping: d.audience, by: \.accountID).mapValues { rows in
            rows.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        }
        boughtFollowers = Dictionary(grouping: d.boughtFollowers, by: \.accountID)
        adSpendByAccount = Dictionary(grouping: d.adSpend.filter { $0.accountID != nil }, by: { $0.accountID! })
        adSpendByNetwork = NetworkRows(d.adSpend.filter { $0.accountID == nil }, network: \.network)
        otherCosts = NetworkRows(d.otherCosts, network: \.network)
        webSessions = NetworkRows(d.webSessions, network: \.source.network)
        leads = NetworkRows(d.leads, network: \.lead.source.network)
        var socialDeals: [Network: [DealFact]] = [:]
        for deal in d.deals {
            guard let lead = deal.lead, lead.source.isSocial, let n = lead.source.network else { continue }
            socialDeals[n, default: []].append(deal)
        }
        self.socialDeals = socialDeals
        mentions = NetworkRows(d.mentions, network: \.row.network)
        reviews = NetworkRows(d.reviews, network: \.row.place?.network)
        brandSearches = d.brandSearches
        workLog = d.workLog
    }

    /// The account's daily rows dated in `period`.
    func days(of account: String, in period: Period) -> ArraySlice<AccountDay> {
        guard let rows = days[account] else { return [] }
        let lo = rows.firstIndex(dateAtLeast: period.first)
        let hi = rows.firstIndex(dateAtLeast: period.last.adding(days: 1))
        return rows[lo..<hi]
    }

    /// The account's row on the latest date ≤ `date`.
    func latestDay(of account: String, onOrBefore date: LocalDate) -> AccountDay? {
        guard let rows = days[account] else { return nil }
        let i = rows.firstIndex(dateAtLeast: date.adding(days: 1))
        return i > 0 ? rows[i - 1] : nil
    }

    /// The account's row on the latest date < `date`.
    func latestDay(of account: String, before date: LocalDate) -> AccountDay? {
        guard let rows = days[account] else { return nil }
        let i = rows.firstIndex(dateAtLeast: date)
        return i > 0 ? rows[i - 1] : nil
    }

    /// The account's row on `date`, if any.
    func day(of account: String, on date: LocalDate) -> AccountDay? {
        guard let rows = days[account] else { return nil }
        let i = rows.firstIndex(dateAtLeast: date)
        return i < rows.count && rows[i].date == date ? rows[i] : nil
    }
}

/// A comment as the comment metrics see it: its local date and six yes/no facts.
struct CommentMark: Sendable {
    var date: LocalDate
    private var flags: UInt8

    private static let brand: UInt8 = 1, meaningful: UInt8 = 2, classified: UInt8 = 4, positive: UInt8 = 8,
                       negative: UInt8 = 16, replied: UInt8 = 32

    init(_ fact: CommentFact) {
        date = fact.comment.localDate
        var f: UInt8 = 0
        if fact.comment.fromBrand == true { f |= Self.brand }
        // At least 4 words (kpi-catalog.md "meaningful comment").
        if fact.wordCount >= 4 { f |= Self.meaningful }
        if let s = fact.sentiment {
            f |= Self.classified
            if s == .positive { f |= Self.positive }
            if s == .negative { f |= Self.negative }
        }
        if fact.hasBrandReply { f |= Self.replied }
        flags = f
    }

    /// Written by the brand (`from_brand` true).
    var fromBrand: Bool { flags & Self.brand != 0 }
    var isMeaningful: Bool { flags & Self.meaningful != 0 }
    var isClassified: Bool { flags & Self.classified != 0 }
    var isPositive: Bool { flags & Self.positive != 0 }
    var isNegative: Bool { flags & Self.negative != 0 }
    /// Has a `from_brand` reply (any date).
    var hasBrandReply: Bool { flags & Self.replied != 0 }
}

extension Array where Element == AccountDay {
    /// The first index whose date is ≥ `date` (binary search; the array is sorted by date).
    func firstIndex(dateAtLeast date: LocalDate) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].date < date { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
