import Foundation
import SMMCore

/// A paid campaign: one ad_spend row per day it runs, sometimes a refund after it ends.
struct DemoCampaign {
    let name: String
    let phrase: DemoPhrase
    /// The promoted account, or -1 for a brand campaign on a network without an account.
    let account: Int
    let brand: Int
    let profile: DemoNetworkProfile
    let first: Int, last: Int
    /// A day after the end with a negative correction, or -1.
    let refundDay: Int
    let refundMinor: Int
    let budgetMinor: Int
    let ctr: Double
    let creatives: Int
    /// `first … max(last, refundDay)`: the days with rows.
    var lastRow: Int { max(last, refundDay) }
}

extension DemoRun {
    /// Campaigns of each account (bigger accounts advertise more often), one at most per
    /// month, 5–21 days; and quarterly brand-reach campaigns without an account.
    func planCampaigns() {
        accountCampaigns = Array(repeating: [], count: accounts.count)
        for a in accounts {
            var r = DemoRandom(seed: settings.seed, stream: 5000 + UInt64(a.index))
            let chance = 0.25 + 0.1 * DemoMath.log(max(a.size, 300) / 300) / DemoMath.log(10)
            var day = a.launchDay, free = a.launchDay
            while day < days {
                let monthLength = LocalDate.daysIn(year: years[day], month: months[day]) - monthDays[day] + 1
                if r.chance(chance) {
                    let start = max(free, day + r.int(monthLength))
                    let end = min(start + r.int(in: 4...20), days - 1)
                    if start < min(days, day + monthLength) {  // one campaign, so one name, per month
                        let refund = r.chance(0.07) ? end + r.int(in: 2...6) : -1
                        let budget = a.dailyBudgetMinor * r.int(in: 70...130) / 100
                        let name = a.id + "_" + DemoRun.themes[months[start] - 1] + "_"
                            + String(years[start] * 100 + months[start])
                        accountCampaigns[a.index].append(campaigns.count)
                        campaigns.append(DemoCampaign(
                            name: name, phrase: DemoPhrase(name), account: a.index, brand: a.brand, profile: a.profile,
                            first: start, last: end, refundDay: refund < days ? refund : -1,
                            refundMinor: -budget * r.int(in: 5...40) / 10, budgetMinor: budget,
                            ctr: r.uniform(0.004, 0.012), creatives: r.int(in: 1...3)))
                        free = end + 1 + (refund >= 0 ? 7 : 0)
                    }
                }
                day += monthLength
            }
        }
        for b in brands.indices {
            var r = DemoRandom(seed: settings.seed, stream: 9000 + UInt64(b))
            var day = r.int(min(20, days))
            while day < days {
                let profile = DemoNetworkProfile.cycle[r.int(2)]
                let name = brands[b].slug + "_brand_reach_" + String(years[day] * 100 + months[day])
                networkCampaigns.append(campaigns.count)
                campaigns.append(DemoCampaign(
                    name: name, phrase: DemoPhrase(name), account: -1, brand: b, profile: profile,
                    first: day, last: min(day + r.int(in: 6...10), days - 1), refundDay: -1, refundMinor: 0,
                    budgetMinor: r.int(in: 300...900) * 1000, ctr: r.uniform(0.003, 0.008), creatives: 2))
                day += 91
            }
        }
    }

    /// The day's ad_spend row of campaign `c` (spend, or the refund after it ended).
    func writeAd(_ c: Int, _ day: Int) {
        let campaign = campaigns[c]
        guard day <= campaign.last || day == campaign.refundDay else { return }
        let w = wAds
        cal.writeDate(day, w); w.comma()
        w.phrase(campaign.phrase); w.comma()
        if day > campaign.last {
            w.money(minor: campaign.refundMinor); w.comma()
            w.plain(campaign.profile.network.rawValue); w.comma()
            if campaign.account >= 0 { w.phrase(accounts[campaign.account].idPhrase) }
            w.ascii(",,,")
            w.endRow()
            return
        }
        let spend = campaign.budgetMinor * rng.int(in: 70...115) / 100
        let impressions = spend * 1000 / campaign.profile.cpmMinor * rng.int(in: 85...115) / 100
        let clicks = Int(Double(impressions) * campaign.ctr * rng.uniform(0.7, 1.3))
        w.money(minor: spend); w.comma()
        if campaign.account < 0 || rng.chance(0.8) { w.plain(campaign.profile.network.rawValue) }
        w.comma()
        if campaign.account >= 0 { w.phrase(accounts[campaign.account].idPhrase) }
        w.comma()
        w.int(impressions); w.comma()
        w.int(Int(Double(impressions) / rng.uniform(1.3, 2.0))); w.comma()
        if !rng.chance(0.005) { w.int(clicks) }
        w.endRow()
        todayAds.append((c, clicks))
    }

    func writeNetworkAds(_ day: Int) {
        for c in networkCampaigns where campaigns[c].first <= day && day <= campaigns[c].last { writeAd(c, day) }
    }
}
