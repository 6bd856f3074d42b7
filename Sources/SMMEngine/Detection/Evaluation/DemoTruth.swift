import Foundation
import SMMCore

/// A run of bought followers a generated bundle holds, known by construction.
package struct PlantedRun: Hashable, Sendable, Codable {
    package var accountID: String
    package var from: LocalDate
    package var to: LocalDate
    package var followers: Int
    /// `spike`, `burst`, `drip`, `ramp`, `decay`, or `demo` (the demo generator's own purchase).
    package var shape: String
    /// `small`, `medium`, `large` (planted as a share of a month's organic joins), or `demo`.
    package var size: String
    /// Per-day multiple of the account's usual joins at planting time (max over the run).
    package var dailyMultiple: Double
    package var wave: Bool

    package init(accountID: String, from: LocalDate, to: LocalDate, followers: Int, shape: String, size: String,
                 dailyMultiple: Double, wave: Bool) {
        self.accountID = accountID; self.from = from; self.to = to; self.followers = followers
        self.shape = shape; self.size = size; self.dailyMultiple = dailyMultiple; self.wave = wave
    }
}

extension DemoGenerator {
    /// The bought followers the demo generator itself puts in its bundles (one day on about
    /// 15 % of the accounts, 60 % of them leaving over the following weeks): positives of the
    /// evaluation, never false alarms. Read from the generator's own account plan.
    package func plantedPurchases() -> [PlantedRun] {
        let brandCount = accounts <= 4 ? 1 : accounts <= 12 ? 2 : 3
        let cycle = DemoNetworkProfile.cycle.count
        return (0..<accounts).compactMap { i in
            let a = DemoRun.makeAccount(i, settings: self, brandCount: brandCount,
                                        brand: DemoBrand.all[(i / cycle) % brandCount])
            guard a.boughtDay >= 0 else { return nil }
            let day = firstDate.adding(days: a.boughtDay)
            return PlantedRun(accountID: a.id, from: day, to: day, followers: a.boughtFollowers, shape: "demo",
                              size: "demo", dailyMultiple: 0, wave: true)
        }
    }
}
