import Foundation

/// ad_spend rows in P and scope: by account_id when set, else by the row's network; a row
/// with neither counts only in the all-accounts scope.
struct AdTotals {
    var spend: Decimal = 0
    var impressions = Tally(), clicks = Tally(), reach = Tally()
    /// cpc: spend and clicks over rows with clicks.
    var spendWithClicks: Decimal = 0
    /// cpm: spend and impressions over rows with impressions.
    var spendWithImpressions: Decimal = 0
    /// ad_ctr: clicks / impressions over rows with both.
    var ctr = RatioTally()

    init(_ c: KPICalculator) {
        let period = c.period
        func add(_ row: AdSpend) {
            guard period.contains(row.date) else { return }
            spend += row.spend  // a negative spend (refund, correction) is added as it is
            impressions.add(row.impressions)
            clicks.add(row.clicks)
            reach.add(row.reach)
            if row.clicks != nil { spendWithClicks += row.spend }
            if row.impressions != nil { spendWithImpressions += row.spend }
            ctr.add(row.clicks, row.impressions)
        }
        for account in c.scopeAccounts { c.index.adSpendByAccount[account]?.forEach(add) }
        c.index.adSpendByNetwork.forEach(in: c.scope, add)
    }
}

/// other_costs rows in P and scope.
struct OtherCostTotals {
    var amount: Decimal = 0

    init(_ c: KPICalculator) {
        let period = c.period
        c.index.otherCosts.forEach(in: c.scope) { row in
            if period.contains(row.date) { amount += row.amount }
        }
    }
}

extension KPICalculator {
    /// ad_spend, exact; null without ad_spend.csv.
    var adSpendSum: Decimal? { presence.has(.adSpend) ? adTotals.spend : nil }
    /// other_costs, exact; null without other_costs.csv.
    var otherCostsSum: Decimal? {
        presence.has(.otherCosts) ? shared.memo(\.otherCosts, networkKey) { OtherCostTotals(self) }.amount : nil
    }
    /// total_cost = ad_spend + other_costs (a null part counts as 0 when the other is non-null).
    var totalCostSum: Decimal? { costSum(adSpendSum, otherCostsSum) }

    /// Advertising and costs (расходы).
    func costs(_ id: KPIID) -> Double? {
        switch id {
        case .adSpend:
            /// Σ spend
            return adSpendSum.double
        case .adImpressions:
            return adSum(adTotals.impressions, column: "impressions")
        case .adClicks:
            return adSum(adTotals.clicks, column: "clicks")
        case .adReach:
            return adSum(adTotals.reach, column: "reach")
        case .cpc:
            /// Σ spend / Σ clicks over rows with clicks
            guard presence.has(.adSpend) else { return nil }
            return ratio(adTotals.spendWithClicks, Decimal(adTotals.clicks.sum))
        case .cpm:
            /// Σ spend / Σ impressions × 1000 over rows with impressions
            guard presence.has(.adSpend) else { return nil }
            return ratio(adTotals.spendWithImpressions, Decimal(adTotals.impressions.sum), scale: 1000)
        case .adCtr:
            /// Σ clicks / Σ impressions × 100 over rows with both
            return presence.has(.adSpend) ? adTotals.ctr.value(scale: 100) : nil
        case .otherCosts:
            /// Σ amount
            return otherCostsSum.double
        case .totalCost:
            /// ad_spend + other_costs
            return totalCostSum.double
        case .cpl:
            /// total_cost / leads
            return costPer(.leads)
        case .cpa:
            /// total_cost / goal_completions
            return costPer(.goalCompletions)
        case .cps:
            /// total_cost / sales
            return costPer(.sales)
        case .cac:
            /// total_cost / customers
            return costPer(.customers)
        case .roas:
            /// revenue / ad_spend × 100
            guard hasSales else { return nil }
            return ratio(salesTotals.revenue, adSpendSum, scale: 100)
        case .roi:
            /// (revenue − total_cost) / total_cost × 100
            guard hasSales, let cost = totalCostSum else { return nil }
            return ratio(salesTotals.revenue - cost, cost, scale: 100)
        default:
            preconditionFailure("\(id) is not a cost metric")
        }
    }

    /// A sum of an optional ad_spend column (the sum rule).
    private func adSum(_ tally: Tally, column: String) -> Double? {
        presence.hasValues(.adSpend, column: column) ? Double(tally.sum) : nil
    }

    /// total_cost divided by a count metric: null when either is null or the count is 0.
    private func costPer(_ count: KPIID) -> Double? {
        guard let n = value(count) else { return nil }
        return ratio(totalCostSum, Decimal(Int64(n)))
    }
}
