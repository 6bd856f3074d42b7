import Foundation
import SMMCore

/// Where scoring learns about suspected cheating: the open and confirmed anomalies (cli.md
/// `anomalies`) of some accounts that touch a period. The detector, built separately,
/// provides the real source; until it lands ``NoAnomalies`` is used and scorecards carry no
/// anomaly warnings.
package protocol AnomalySource: Sendable {
    /// Open or confirmed anomalies of `accounts` that touch `period` (dismissed ones never).
    func suspectAnomalies(period: Period, accounts: Set<String>) async throws -> [SuspectAnomaly]
    /// The open and confirmed bought-followers estimates per day in `window`, which
    /// net_follower_growth_clean subtracts (``KPIDataset/boughtFollowers``).
    func boughtFollowers(window: ClosedRange<LocalDate>) async throws -> [BoughtFollowersDay]
}

extension AnomalySource {
    /// No estimates unless the source has them.
    package func boughtFollowers(window: ClosedRange<LocalDate>) async throws -> [BoughtFollowersDay] { [] }
}

/// The source used until the detector exists: it knows no anomalies.
package struct NoAnomalies: AnomalySource {
    package init() {}
    package func suspectAnomalies(period: Period, accounts: Set<String>) async throws -> [SuspectAnomaly] { [] }
}

/// A fixed list (tests, or a detector's cached result): keeps the open and confirmed ones that
/// touch the period and accounts, sorted by first date, account and id.
package struct ListedAnomalies: AnomalySource {
    package var anomalies: [SuspectAnomaly]
    package init(_ anomalies: [SuspectAnomaly]) { self.anomalies = anomalies }

    package func suspectAnomalies(period: Period, accounts: Set<String>) async throws -> [SuspectAnomaly] {
        anomalies.filter { ($0.status == "open" || $0.status == "confirmed") && $0.touches(period, accounts: accounts) }
            .sorted { ($0.from, $0.accountID, $0.id) < ($1.from, $1.accountID, $1.id) }
    }
}
