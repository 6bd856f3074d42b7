import Foundation

/// Leads in P: social leads in scope created in P.
struct LeadTotals {
    var count: Int64 = 0
    var qualified: Int64 = 0
    /// Leads with a non-null `qualified`.
    var qualifiedKnown: Int64 = 0
    /// Leads that have a won deal (closed at any date).
    var converted: Int64 = 0

    init(_ c: KPICalculator) {
        let period = c.period
        c.index.leads.forEach(in: c.scope) { fact in
            guard fact.lead.source.isSocial, period.contains(fact.lead.localDate) else { return }
            count += 1
            if let q = fact.lead.qualified {
                qualifiedKnown += 1
                if q { qualified += 1 }
            }
            if fact.hasWonDeal { converted += 1 }
        }
    }
}

/// Sales in P: won deals closed in P whose lead is a social lead in scope (from any period).
struct SalesTotals {
    var count: Int64 = 0
    var revenue: Decimal = 0
    var customers = Set<CustomerKey>()

    /// A customer id and a deal id never match each other.
    enum CustomerKey: Hashable {
        case customer(String)
        case deal(String)
    }

    init(_ c: KPICalculator) {
        let networks: [Network] = c.scope.isAllAccounts
            ? Array(c.index.socialDeals.keys) : c.scope.networks.filter { c.index.socialDeals[$0] != nil }
        // Money is summed in a fixed order so the result does not depend on dictionary order.
        for network in networks.sorted() {
            for fact in c.index.socialDeals[network] ?? [] {
                guard fact.deal.isWon, c.period.contains(fact.deal.localDate) else { continue }
                count += 1
                revenue += fact.deal.amount
                if let id = fact.deal.customerID.nonEmpty ?? fact.lead?.customerID.nonEmpty {
                    customers.insert(.customer(id))
                } else {
                    customers.insert(.deal(fact.deal.id))
                }
            }
        }
    }
}

extension KPICalculator {
    var hasLeads: Bool { presence.has(.leads) }
    var hasSales: Bool { presence.has(.leads) && presence.has(.deals) }

    var leadTotals: LeadTotals { shared.memo(\.leads, networkKey) { LeadTotals(self) } }
    var salesTotals: SalesTotals { shared.memo(\.sales, networkKey) { SalesTotals(self) } }

    /// Leads and sales (лиды и продажи).
    func leads(_ id: KPIID) -> Double? {
        switch id {
        case .leads:
            /// leads in P
            return hasLeads ? Double(leadTotals.count) : nil
        case .qualifiedLeads:
            /// leads in P with qualified = true
            return hasLeads && presence.has(.leads, column: "qualified") ? Double(leadTotals.qualified) : nil
        case .qualifiedLeadShare:
            /// qualified_leads / leads in P with non-null qualified × 100
            guard hasLeads, presence.has(.leads, column: "qualified") else { return nil }
            return ratio(leadTotals.qualified, leadTotals.qualifiedKnown, scale: 100)
        case .sales:
            /// sales in P
            return hasSales ? Double(salesTotals.count) : nil
        case .revenue:
            /// Σ amount of sales in P
            return hasSales ? salesTotals.revenue.double : nil
        case .customers:
            /// distinct customers among sales in P: the deal's customer_id, else its lead's
            /// customer_id, else the deal itself
            return hasSales ? Double(salesTotals.customers.count) : nil
        case .avgDeal:
            /// revenue / sales
            guard hasSales else { return nil }
            return ratio(salesTotals.revenue, Decimal(salesTotals.count))
        case .leadConversionRate:
            /// leads in P that have a won deal (status won or empty, closed at any date) / leads × 100
            guard hasSales else { return nil }
            return ratio(leadTotals.converted, leadTotals.count, scale: 100)
        case .clickToLeadRate:
            /// leads / (Σ post clicks over posts in P + ad_clicks) × 100; the denominator follows the
            /// cost-sum rule
            let postClicks = postSum(postTotals.clicks, column: "clicks")
            return ratio(value(.leads), costSum(postClicks, value(.adClicks)), scale: 100)
        default:
            preconditionFailure("\(id) is not a leads metric")
        }
    }
}
