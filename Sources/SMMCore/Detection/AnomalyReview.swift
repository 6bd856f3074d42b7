import Foundation

/// Directors' verdicts applied to a run of the detector (cli.md "Verdicts", "Re-detection").
package enum AnomalyReview {
    /// The anomalies to list: every verdicted anomaly as it was when judged (a confirmed one
    /// stays, with its numbers, even when no longer detected), and every detected anomaly that
    /// is not one of them. A detected bought-followers run overlapping the days of a verdicted
    /// run of the same account *is* that anomaly (same id, same status), so nothing is
    /// subtracted twice and a dismissed spike does not return under another id.
    ///
    /// - Parameter verdicted: anomalies with status `confirmed` or `dismissed` and their verdict.
    package static func merge(detected: [Anomaly], verdicted: [Anomaly]) -> [Anomaly] {
        var out = verdicted
        let ids = Set(verdicted.map(\.id))
        var runs: [String: [(LocalDate, LocalDate)]] = [:]
        for v in verdicted where v.kind == .boughtFollowers { runs[v.accountID, default: []].append((v.from, v.to)) }
        for a in detected where !ids.contains(a.id) {
            if a.kind == .boughtFollowers,
               (runs[a.accountID] ?? []).contains(where: { $0.0 <= a.to && $0.1 >= a.from }) { continue }
            var open = a
            open.status = .open
            open.verdict = nil
            out.append(open)
        }
        out.sort(by: Anomaly.listOrder)
        return out
    }

    /// net_follower_growth_clean's input: the per-day estimates of open and confirmed
    /// bought-followers anomalies dated in `window` (dismissed ones subtract nothing).
    package static func boughtFollowers(_ anomalies: [Anomaly], in window: ClosedRange<LocalDate>) -> [BoughtFollowersDay] {
        var out: [BoughtFollowersDay] = []
        for a in anomalies where a.kind == .boughtFollowers && a.status != .dismissed {
            out += a.byDay.filter { window.contains($0.date) }
        }
        return out
    }

    /// The anomalies a listing shows: those touching `period` (all without one) of `accounts`
    /// (all without them).
    package static func filter(_ anomalies: [Anomaly], period: Period?, accounts: Set<String>?) -> [Anomaly] {
        anomalies.filter { a in
            (period.map(a.touches) ?? true) && (accounts.map { $0.contains(a.accountID) } ?? true)
        }
    }
}
