import Foundation

/// Totals over rows that carry only a network depend on N(A) and the all-accounts flag, not
/// on A: breakdown groups on the same networks share them.
struct NetworkKey: Hashable {
    var isAllAccounts: Bool
    var networks: Set<Network>
    var first: LocalDate
    var last: LocalDate

    init(_ scope: Scope, _ period: Period) {
        isAllAccounts = scope.isAllAccounts
        networks = scope.isAllAccounts ? [] : scope.networks
        first = period.first
        last = period.last
    }
}

/// Memo shared by the calculators of one report.
final class KPISharedTotals {
    var traffic: [NetworkKey: TrafficTotals] = [:]
    var leads: [NetworkKey: LeadTotals] = [:]
    var sales: [NetworkKey: SalesTotals] = [:]
    var otherCosts: [NetworkKey: OtherCostTotals] = [:]
    var mentions: [NetworkKey: MentionTotals] = [:]
    var reviews: [NetworkKey: ReviewTotals] = [:]
    var hours: [NetworkKey: Decimal] = [:]

    func memo<T>(_ table: ReferenceWritableKeyPath<KPISharedTotals, [NetworkKey: T]>, _ key: NetworkKey,
                 _ make: () -> T) -> T {
        if let hit = self[keyPath: table][key] { return hit }
        let value = make()
        self[keyPath: table][key] = value
        return value
    }
}

/// Computes metrics for one scope and one period. Totals are built lazily, once, on first use,
/// so a request for a few metrics reads only the rows those metrics need.
///
/// Not `Sendable`: made, used and dropped inside one ``KPIEngine`` call.
final class KPICalculator {
    let index: KPIIndex
    let options: KPIOptions
    let scope: Scope
    let period: Period
    let shared: KPISharedTotals
    /// For a post-dimension group: the group's posts in P (already in scope and period).
    private let postsOverride: [Post]?
    private var memo: [KPIID: Double?] = [:]

    init(index: KPIIndex, options: KPIOptions, scope: Scope, period: Period, shared: KPISharedTotals,
         posts: [Post]? = nil) {
        self.index = index; self.options = options; self.scope = scope; self.period = period
        self.shared = shared; self.postsOverride = posts
    }

    var presence: Presence { index.presence }
    var networkKey: NetworkKey { NetworkKey(scope, period) }

    /// The scope's accounts, in a fixed order (sums of decimals do not depend on set order).
    lazy var scopeAccounts: [String] = scope.accountIDs.sorted(by: codePointLess)

    /// Posts in P: posts of scope accounts whose published_at is in P.
    lazy var postsInPeriod: [Post] = postsOverride ?? scopeAccounts.flatMap { account in
        (index.posts[account] ?? []).filter { period.contains($0.localDate) }
    }

    /// account_daily has a row of a scope account dated in P (the stricter sum rule).
    lazy var hasAccountDayInPeriod: Bool = scopeAccounts.contains { !index.days(of: $0, in: period).isEmpty }

    // Totals per area, each built on first use.
    lazy var postTotals = PostTotals(postsInPeriod, index: index)
    /// Posts in P with a partner (an empty partner is not a collaboration).
    lazy var collabPosts: [Post] = postsInPeriod.filter { $0.partner.nonEmpty != nil }
    lazy var collabTotals = PostTotals(collabPosts, index: index)
    lazy var commentTotals = CommentTotals(self)
    lazy var audienceTotals = AudienceTotals(self)
    lazy var adTotals = AdTotals(self)
    lazy var messageTotals = MessageTotals(self)
    lazy var planTotals = PlanTotals(self)

    /// The value of a metric; null means no data.
    func value(_ id: KPIID) -> Double? {
        if let hit = memo[id] { return hit }
        let v: Double?
        switch id.area {
        case .engagement: v = engagement(id)
        case .audience: v = audience(id)
        case .content: v = content(id)
        case .traffic: v = traffic(id)
        case .leads: v = leads(id)
        case .costs: v = costs(id)
        case .reputation: v = reputation(id)
        case .service: v = service(id)
        case .discipline: v = discipline(id)
        }
        memo[id] = v
        return v
    }
}

// MARK: - Small numeric rules shared by the areas

/// `num / den × scale`, null when the denominator is 0 (the ratio rule).
func ratio(_ num: Int64, _ den: Int64, scale: Double = 1) -> Double? {
    den == 0 ? nil : Double(num) / Double(den) * scale
}

/// A ratio of two metrics: null when either is null or the denominator is 0.
func ratio(_ num: Double?, _ den: Double?, scale: Double = 1) -> Double? {
    guard let num, let den, den != 0 else { return nil }
    return num / den * scale
}

/// A ratio of money to money or a count, computed exactly and converted at the end.
func ratio(_ num: Decimal?, _ den: Decimal?, scale: Decimal = 1) -> Double? {
    guard let num, let den, den != 0 else { return nil }
    return (num * scale / den).double
}

/// The cost-sum rule: a null part counts as 0 when the other part is non-null.
func costSum<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? {
    switch (a, b) {
    case (nil, nil): return nil
    default: return (a ?? .zero) + (b ?? .zero)
    }
}

extension Optional where Wrapped == Int64 {
    var double: Double? { map(Double.init) }
}

extension Optional where Wrapped == Decimal {
    var double: Double? { map(\.double) }
}
