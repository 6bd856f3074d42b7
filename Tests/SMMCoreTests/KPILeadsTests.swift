import Foundation
import Testing
@testable import SMMCore

@Suite struct KPILeadsTests {
    static func lead(_ id: String, _ date: String, _ source: String, qualified: Bool? = nil, customer: String? = nil) -> Lead {
        Lead(id: id, createdAt: Fx.t(date), localDate: Fx.d(String(date.prefix(10))), source: Source(source),
             qualified: qualified, customerID: customer)
    }

    static func deal(_ id: String, _ date: String, _ amount: String, lead: Lead?, status: DealStatus? = nil,
                     customer: String? = nil) -> DealFact {
        DealFact(deal: Deal(id: id, closedAt: Fx.t(date), localDate: Fx.d(String(date.prefix(10))),
                            amount: Decimal(string: amount)!, leadID: lead?.id ?? "gone", status: status,
                            customerID: customer),
                 lead: lead)
    }

    static let october = lead("L0", "2024-10-20", "vk", customer: "c1")
    static let l1 = lead("L1", "2024-11-01", "vk", qualified: true, customer: "c1")
    static let l2 = lead("L2", "2024-11-02", "Telegram", qualified: false)
    static let l3 = lead("L3", "2024-11-03", "instagram")
    static let organic = lead("L4", "2024-11-04", "organic", qualified: true)
    static let other = lead("L5", "2024-11-05", "other", qualified: true)

    static let crm = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
        ds.leads = [october, l1, l2, l3, organic, other].map { LeadFact(lead: $0, hasWonDeal: ["L0", "L1", "L3"].contains($0.id)) }
        ds.deals = [
            deal("D1", "2024-11-10", "100.10", lead: october),  // a November sale of an October lead, customer c1
            deal("D2", "2024-11-11", "200.20", lead: l1, status: .won),  // customer c1 again
            deal("D3", "2024-11-12", "50", lead: l2, status: .lost),
            deal("D4", "2024-11-13", "-30.30", lead: l3, customer: "D5"),  // a customer id that looks like a deal id
            deal("D5", "2024-11-14", "10", lead: l3),  // no customer: the deal itself
            deal("D6", "2024-11-15", "999", lead: nil),  // a lead absent from the database: never a sale
            deal("D7", "2024-11-16", "999", lead: organic),  // not social
        ]
    }

    @Test("leads: social leads in scope created in P; other and non-network sources are not social")
    func leads() {
        #expect(Fx.value(.leads, Self.crm) == 3)
        #expect(Fx.value(.leads, Self.crm, accounts: ["tg_main"]) == 1)
        #expect(Fx.value(.qualifiedLeads, Self.crm) == 1)
        #expect(approx(Fx.value(.qualifiedLeadShare, Self.crm), 50))
        #expect(approx(Fx.value(.leadConversionRate, Self.crm), 200.0 / 3))
    }

    @Test("qualified metrics are null without a qualified column")
    func qualifiedColumn() {
        var ds = Self.crm
        ds.presence = Fx.presence().without("qualified", in: .leads)
        #expect(Fx.value(.qualifiedLeads, ds) == nil)
        #expect(Fx.value(.qualifiedLeadShare, ds) == nil)
        #expect(Fx.value(.leads, ds) == 3)
    }

    @Test("sales: won or empty status, social lead in scope from any period; refunds are added as they are")
    func sales() {
        let ds = Self.crm
        #expect(Fx.value(.sales, ds) == 4)
        #expect(approx(Fx.value(.revenue, ds), 280))
        // c1 (D1, D2), customer "D5" (D4), deal D5: three customers.
        #expect(Fx.value(.customers, ds) == 3)
        #expect(approx(Fx.value(.avgDeal, ds), 70))
        #expect(Fx.value(.sales, ds, accounts: ["vk_main"]) == 2)
        #expect(approx(Fx.value(.revenue, ds, accounts: ["vk_main"]), 300.3))
    }

    @Test("sales metrics read deals.csv and leads.csv")
    func salesFiles() {
        var ds = Self.crm
        ds.presence = Fx.presence().without(.deals)
        #expect(Fx.value(.sales, ds) == nil)
        #expect(Fx.value(.leadConversionRate, ds) == nil)
        #expect(Fx.value(.leads, ds) == 3)
        ds.presence = Fx.presence().without(.leads)
        #expect(Fx.value(.revenue, ds) == nil)
        #expect(Fx.value(.customers, ds) == nil)
        ds.presence = Fx.presence()
        #expect(Fx.value(.sales, ds, "2024-12") == 0)
        #expect(Fx.value(.avgDeal, ds, "2024-12") == nil)
        #expect(Fx.value(.leadConversionRate, ds, "2024-12") == nil)
    }

    @Test("click_to_lead_rate: a null part of the denominator counts as 0 when the other is known")
    func clickToLead() {
        var ds = Self.crm
        ds.posts = [Fx.post("p1", at: "2024-11-03T10:00:00Z")]
        ds.latestMetrics = ["p1": Fx.metrics("p1", clicks: 20)]
        ds.adSpend = [AdSpend(date: Fx.d("2024-11-02"), campaign: "a", spend: 10, network: .vk, clicks: 40)]
        #expect(approx(Fx.value(.clickToLeadRate, ds), 3.0 / 60 * 100))
        ds.presence = Fx.presence().without(.postMetrics)
        #expect(approx(Fx.value(.clickToLeadRate, ds), 3.0 / 40 * 100))
        ds.presence = Fx.presence().without(.postMetrics).without(.adSpend)
        #expect(Fx.value(.clickToLeadRate, ds) == nil)
        ds.presence = Fx.presence()
        ds.adSpend = []
        ds.latestMetrics = [:]
        #expect(Fx.value(.clickToLeadRate, ds) == nil)
    }
}
