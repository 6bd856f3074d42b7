import Foundation
import SMMCore

extension DemoRun {
    static let networkPhrases = Network.allCases.map { DemoPhrase($0.rawValue) }
    static func phrase(_ n: Network) -> DemoPhrase { networkPhrases[Network.allCases.firstIndex(of: n)!] }

    /// How a traffic source behaves on the site: bounces, conversion to goals and leads.
    struct TrafficKind {
        let bounce: ClosedRange<Double>
        let goalRate: Double
        let leadRate: Double
        let seconds: ClosedRange<Double>
        static let social = TrafficKind(bounce: 0.3...0.55, goalRate: 0.025, leadRate: 0.008, seconds: 45...140)
        static let paid = TrafficKind(bounce: 0.4...0.65, goalRate: 0.03, leadRate: 0.01, seconds: 30...110)
        static let search = TrafficKind(bounce: 0.2...0.4, goalRate: 0.03, leadRate: 0.004, seconds: 80...220)
        static let direct = TrafficKind(bounce: 0.25...0.45, goalRate: 0.04, leadRate: 0.005, seconds: 90...240)
        static let email = TrafficKind(bounce: 0.2...0.35, goalRate: 0.05, leadRate: 0.008, seconds: 70...200)
    }

    /// Web analytics of the day per source, medium and UTM campaign: organic social traffic
    /// per network (profile links) and per brand (post links), ad campaigns per creative,
    /// and the non-social sources; leads follow sessions, deals follow leads.
    func writeWeb(_ day: Int) {
        let factor = DemoRun.webByWeekday[weekdays[day] - 1] * season(day)
        let cycle = DemoNetworkProfile.cycle
        for n in cycle.indices {
            var total = 0
            for b in brands.indices { total += socialReach[b][n] }
            guard total > 0 else { continue }
            let source = DemoRun.phrase(cycle[n].network)
            let rate = factor * cycle[n].webFactor
            webRow(day, source, DemoRun.mediumSocial, nil, nil, rng.poisson(Double(total) * 0.0005 * rate), .social, -1)
            for b in brands.indices where socialReach[b][n] > 0 {
                webRow(day, source, DemoRun.mediumPost, DemoPhrase(brands[b].slug + "_smm"), nil,
                       rng.poisson(Double(socialReach[b][n]) * 0.001 * rate), .social, b)
            }
        }
        webRow(day, DemoRun.phrase(.youtube), DemoRun.mediumSocial, nil, nil, rng.poisson(4 * factor), .social, -1)
        webRow(day, DemoRun.phrase(.instagram), DemoRun.mediumSocial, nil, nil, rng.poisson(1.5 * factor), .social, -1)
        for (c, clicks) in todayAds {
            let campaign = campaigns[c]
            var rest = clicks
            for k in 1...campaign.creatives {
                let part = k == campaign.creatives ? rest : rest * rng.int(in: 30...70) / 100
                rest -= part
                webRow(day, DemoRun.phrase(campaign.profile.network), DemoRun.mediumPaid, campaign.phrase,
                       DemoRun.creatives[k - 1], Int(Double(part) * rng.uniform(0.6, 0.9)), .paid, campaign.brand)
            }
        }
        var site = 0.0
        for b in brands.indices {
            let base = Double(brandFollowers[b]).squareRoot() * factor
            site += base
            webRow(day, DemoRun.sourceYandex, DemoRun.mediumPaid, DemoPhrase(brands[b].slug + "_search_brand"), nil,
                   rng.poisson(base * 0.25), .search, b)
            if weekdays[day] == 2 + b {
                let (y, m, d) = (years[day], months[day], monthDays[day])
                let name = brands[b].slug + "_newsletter_" + String(y * 10000 + m * 100 + d)
                webRow(day, DemoRun.sourceEmail, DemoRun.sourceEmail, DemoPhrase(name), nil,
                       rng.poisson(base * 0.8), .email, b)
            }
            writeOtherLeads(day, b, base: base)
        }
        webRow(day, DemoRun.sourceOrganic, DemoRun.sourceOrganic, nil, nil, rng.poisson(site * 0.8), .search, -1)
        webRow(day, DemoRun.sourceDirect, nil, nil, nil, rng.poisson(site * 0.6), .direct, -1)
        webRow(day, DemoRun.source2GIS, DemoRun.mediumReferral, nil, nil, rng.poisson(site * 0.06), .direct, -1)
    }

    static let mediumSocial = DemoPhrase("social"), mediumPost = DemoPhrase("post"), mediumPaid = DemoPhrase("cpc")
    static let mediumReferral = DemoPhrase("referral")
    static let sourceYandex = DemoPhrase("yandex"), sourceEmail = DemoPhrase("email")
    static let sourceOrganic = DemoPhrase("organic"), sourceDirect = DemoPhrase("direct")
    static let source2GIS = DemoPhrase("2gis"), sourcePhone = DemoPhrase("phone")
    static let creatives = ["ad_1", "ad_2", "ad_3"].map(DemoPhrase.init)

    /// One web_sessions row (skipped when no session), and the leads it brings.
    private func webRow(_ day: Int, _ source: DemoPhrase, _ medium: DemoPhrase?, _ campaign: DemoPhrase?,
                        _ content: DemoPhrase?, _ sessions: Int, _ kind: TrafficKind, _ brand: Int) {
        guard sessions > 0 else { return }
        let w = wWeb
        cal.writeDate(day, w); w.comma()
        w.phrase(source); w.comma()
        if let medium { w.phrase(medium) }
        w.comma()
        if let campaign { w.phrase(campaign) }
        w.comma()
        if let content { w.phrase(content) }
        w.comma()
        let s = Double(sessions)
        w.int(sessions); w.comma()
        w.int(max(1, Int(s * rng.uniform(0.8, 0.96)))); w.comma()
        w.int(Int(s * rng.uniform(1.6, 3.5))); w.comma()
        w.int(Int(s * rng.uniform(kind.bounce.lowerBound, kind.bounce.upperBound))); w.comma()
        if !rng.chance(0.01) { w.int(rng.poisson(s * kind.goalRate)) }
        w.comma()
        w.int(Int(s * rng.uniform(kind.seconds.lowerBound, kind.seconds.upperBound)))
        w.endRow()
        for _ in 0..<rng.poisson(s * kind.leadRate) {
            writeLead(day, source, campaign, content, brand: brand >= 0 ? brand : rng.int(brands.count))
        }
    }

    /// Leads with no web session: messenger contacts after direct messages, phone calls;
    /// and sales with no lead at all (walk-in corporate orders).
    private func writeOtherLeads(_ day: Int, _ b: Int, base: Double) {
        for _ in 0..<rng.poisson(Double(brandMessages[b]) * 0.04) {
            writeLead(day, DemoRun.phrase(rng.chance(0.6) ? .telegram : .vk), nil, nil, brand: b)
        }
        for _ in 0..<rng.poisson(base * 0.0015) { writeLead(day, DemoRun.sourcePhone, nil, nil, brand: b) }
        for _ in 0..<rng.poisson(0.1 + base * 0.0008) {
            let closed = moment(day, hours: DemoRun.peopleHours)
            writeDeal(closed, brand: b, lead: -1, customer: rng.chance(0.7) ? customer() : -1, won: rng.chance(0.9))
        }
    }

    private func writeLead(_ day: Int, _ source: DemoPhrase, _ campaign: DemoPhrase?, _ content: DemoPhrase?,
                           brand: Int) {
        leadSeq += 1
        let created = moment(day, hours: DemoRun.peopleHours)
        let w = wLeads
        w.byte(UInt8(ascii: "L")); w.int(leadSeq); w.comma()
        cal.writeDateTime(created, w); w.comma()
        w.phrase(source); w.comma()
        if let campaign { w.phrase(campaign) }
        w.comma()
        if let content { w.phrase(content) }
        w.comma()
        let qualified = rng.weighted([55, 30, 15])
        switch qualified {
        case 0: w.ascii("true")
        case 1: w.ascii("false")
        default: break
        }
        w.comma()
        let customer = rng.chance(0.92) ? customer() : -1
        if customer >= 0 { w.ascii("cust"); w.int(customer) }
        w.endRow()
        if rng.chance([0.42, 0.05, 0.2][qualified]) {
            let closed = created + 3600 + Int64(rng.exponential(mean: 8 * 86400))
            if closed <= exportAt {
                writeDeal(closed, brand: brand, lead: leadSeq, customer: rng.chance(0.7) ? customer : -1,
                          won: rng.chance(0.72))
            }
        }
    }

    /// A customer id: mostly new customers, some returning.
    private func customer() -> Int {
        if customerSeq > 0, rng.chance(0.15) { return rng.int(in: 1...customerSeq) }
        customerSeq += 1
        return customerSeq
    }

    private func writeDeal(_ closed: Int64, brand: Int, lead: Int, customer: Int, won: Bool) {
        dealSeq += 1
        let w = wDeals
        w.byte(UInt8(ascii: "D")); w.int(dealSeq); w.comma()
        cal.writeDateTime(closed, w); w.comma()
        w.money(minor: max(50_000, Int(Double(brands[brand].typicalDealMinor) * rng.logNormal(0.7)))); w.comma()
        if lead >= 0 { w.byte(UInt8(ascii: "L")); w.int(lead) }
        w.comma()
        if !won { w.ascii("lost") } else if rng.chance(0.88) { w.ascii("won") }
        w.comma()
        if customer >= 0 { w.ascii("cust"); w.int(customer) }
        w.endRow()
    }
}
