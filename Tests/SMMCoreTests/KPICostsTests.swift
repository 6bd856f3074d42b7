import Foundation
import Testing
@testable import SMMCore

@Suite struct KPICostsTests {
    static func spend(_ date: String, _ amount: String, network: Network? = nil, account: String? = nil,
                      impressions: Int64? = nil, clicks: Int64? = nil, reach: Int64? = nil) -> AdSpend {
        AdSpend(date: Fx.d(date), campaign: "c", spend: Decimal(string: amount)!, network: network, accountID: account,
                impressions: impressions, reach: reach, clicks: clicks)
    }

    static func cost(_ date: String, _ amount: String, network: Network? = nil) -> OtherCost {
        OtherCost(date: Fx.d(date), category: .content, amount: Decimal(string: amount)!, network: network)
    }

    static let ads = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
        ds.adSpend = [
            spend("2024-11-01", "0.1", account: "vk_main", impressions: 1000, clicks: 10, reach: 800),
            spend("2024-11-02", "0.2", network: .vk, impressions: 3000),
            spend("2024-11-03", "100", network: .telegram, clicks: 5),
            spend("2024-11-04", "-50", network: .instagram, impressions: 1000, clicks: 10),  // a refund elsewhere
            spend("2024-11-05", "7", impressions: 10),  // neither account nor network
            spend("2024-12-01", "1000", account: "vk_main"),
        ]
        ds.otherCosts = [cost("2024-11-01", "0.7"), cost("2024-11-02", "10", network: .vk),
                         cost("2024-11-03", "-0.5", network: .telegram)]
    }

    @Test("ad_spend: by account_id, else by network; a row with neither only in the all-accounts scope")
    func adSpendScope() {
        #expect(Fx.value(.adSpend, Self.ads) == 57.3)
        #expect(Fx.value(.adSpend, Self.ads, accounts: ["vk_main"]) == 0.3)
        #expect(Fx.value(.adSpend, Self.ads, accounts: ["tg_main"]) == 100)
        #expect(Fx.value(.adImpressions, Self.ads) == 5010)
        #expect(Fx.value(.adClicks, Self.ads) == 25)
        #expect(Fx.value(.adReach, Self.ads) == 800)
    }

    @Test("money is summed exactly: 0.1 + 0.2 is 0.3")
    func exactMoney() {
        #expect(Fx.value(.adSpend, Self.ads, accounts: ["vk_main"]) == 0.3)
        #expect(Fx.value(.totalCost, Self.ads, accounts: ["vk_main"]) == 10.3)
        #expect(Fx.value(.otherCosts, Self.ads) == 10.2)
    }

    @Test("cpc, cpm and ad_ctr use the rows that have their inputs")
    func adRatios() {
        // cpc: rows with clicks: 0.1 + 100 − 50 over 25 clicks.
        #expect(approx(Fx.value(.cpc, Self.ads), 50.1 / 25))
        // cpm: rows with impressions: 0.1 + 0.2 − 50 + 7 over 5010.
        #expect(approx(Fx.value(.cpm, Self.ads), -42.7 / 5010 * 1000))
        // ad_ctr: rows with both: 20 / 2000.
        #expect(approx(Fx.value(.adCtr, Self.ads), 1))
        #expect(Fx.value(.cpc, Self.ads, "2024-12") == nil)
        #expect(Fx.value(.adSpend, Self.ads, "2024-10") == 0)
    }

    @Test("optional ad columns never filled are null")
    func adColumns() {
        var ds = Self.ads
        ds.presence = Fx.presence().without("reach", in: .adSpend).unfilled("clicks", in: .adSpend)
        #expect(Fx.value(.adReach, ds) == nil)
        #expect(Fx.value(.adClicks, ds) == nil)
        #expect(Fx.value(.adImpressions, ds) == 5010)
    }

    @Test("total_cost: a missing part counts as 0 when the other is present")
    func totalCost() {
        var ds = Self.ads
        #expect(approx(Fx.value(.totalCost, ds), 67.5))
        ds.presence = Fx.presence().without(.otherCosts)
        #expect(Fx.value(.totalCost, ds) == 57.3)
        ds.presence = Fx.presence().without(.adSpend)
        #expect(Fx.value(.totalCost, ds) == 10.2)
        #expect(Fx.value(.roas, ds) == nil)
        ds.presence = Fx.presence().without(.adSpend).without(.otherCosts)
        #expect(Fx.value(.totalCost, ds) == nil)
        #expect(Fx.value(.cpl, ds) == nil)
        #expect(Fx.value(.roi, ds) == nil)
    }

    @Test("cost per result is null with a zero or null denominator")
    func costPer() {
        var ds = Self.ads
        ds.leads = [LeadFact(lead: KPILeadsTests.l1, hasWonDeal: true), LeadFact(lead: KPILeadsTests.l2, hasWonDeal: false)]
        ds.deals = [KPILeadsTests.deal("D1", "2024-11-10", "135", lead: KPILeadsTests.l1)]
        ds.webSessions = [WebSession(date: Fx.d("2024-11-01"), source: Source("vk"), sessions: 10, goalCompletions: 3)]
        #expect(approx(Fx.value(.cpl, ds), 67.5 / 2))
        #expect(approx(Fx.value(.cpa, ds), 22.5))
        #expect(approx(Fx.value(.cps, ds), 67.5))
        #expect(approx(Fx.value(.cac, ds), 67.5))
        #expect(approx(Fx.value(.roas, ds), 135 / 57.3 * 100))
        #expect(approx(Fx.value(.roi, ds), 100))
        ds.leads = []
        ds.deals = []
        ds.webSessions = [WebSession(date: Fx.d("2024-11-01"), source: Source("vk"), sessions: 10, goalCompletions: 0)]
        #expect(Fx.value(.cpl, ds) == nil)
        #expect(Fx.value(.cpa, ds) == nil)
        #expect(Fx.value(.cps, ds) == nil)
        #expect(Fx.value(.cac, ds) == nil)
        #expect(Fx.value(.roas, ds) == 0)
        #expect(approx(Fx.value(.roi, ds), -100))
    }
}
