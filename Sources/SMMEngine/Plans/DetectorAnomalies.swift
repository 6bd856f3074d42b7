import Foundation
import SMMCore
import SMMStore

/// The cheating detector (``AnomalyService``) as the scorecard's ``AnomalySource``: the same
/// anomalies `smmkpi anomalies` lists (verdicts applied, cached until the next import), keeping
/// the open and confirmed ones.
package struct DetectorAnomalies: AnomalySource {
    let service: AnomalyService

    /// nil when the store cannot keep anomalies (then no anomaly warnings are possible).
    package init?(store: any Store) {
        guard let service = try? AnomalyService(anyStore: store) else { return nil }
        self.service = service
    }

    package func suspectAnomalies(period: Period, accounts: Set<String>) async throws -> [SuspectAnomaly] {
        try await service.all()
            .filter { $0.status != .dismissed && $0.touches(period) && accounts.contains($0.accountID) }
            .sorted(by: Anomaly.listOrder)
            .map { a in
                SuspectAnomaly(id: a.id, kind: SuspectAnomaly.Kind(rawValue: a.kind.rawValue) ?? .other,
                               accountID: a.accountID, from: a.from, to: a.to, status: a.status.rawValue)
            }
    }

    package func boughtFollowers(window: ClosedRange<LocalDate>) async throws -> [BoughtFollowersDay] {
        try await service.boughtFollowers(window: window)
    }
}

/// The anomaly source for a store: the detector when the store keeps anomalies, else none.
package func anomalySource(for store: any Store) -> any AnomalySource {
    DetectorAnomalies(store: store) ?? NoAnomalies()
}
