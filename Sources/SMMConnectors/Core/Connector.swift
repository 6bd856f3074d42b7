import Foundation
import Logging
import SMMCore

/// What one run asks of a connector: a window of local dates, where the previous run stopped,
/// the workspace's time zone (instants become local dates there) and the moment of the run.
package struct FetchRequest: Sendable {
    package var window: ClosedRange<LocalDate>
    package var cursor: SyncCursor
    package var timeZone: TimeZone
    /// When the run happens: post counters are snapshots taken "now" (see ``snapshotInstant``).
    package var now: Instant

    package init(window: ClosedRange<LocalDate>, cursor: SyncCursor, timeZone: TimeZone, now: Instant) {
        self.window = window; self.cursor = cursor; self.timeZone = timeZone; self.now = now
    }

    /// Post counters are stamped with the start of the local day of the run, so that running
    /// a sync twice in one day updates one snapshot instead of adding another
    /// (post_metrics' key is (post_id, collected_at)); the next day adds the next snapshot.
    package var snapshotInstant: Instant {
        let clock = ZoneClock(timeZone: timeZone)
        let day = clock.localDate(of: now)
        return clock.instant(localSeconds: Int64(day.dayNumber) * 86400)
    }

    /// The instants bounding the window: [first day 00:00, day after the last 00:00) local time.
    package var instantRange: Range<Instant> {
        let clock = ZoneClock(timeZone: timeZone)
        return clock.instant(localSeconds: Int64(window.lowerBound.dayNumber) * 86400)
            ..< clock.instant(localSeconds: Int64(window.upperBound.dayNumber + 1) * 86400)
    }
}

/// What a connector returns: bundle rows, the cursor to store once they are imported, and a
/// note when the source stopped early (a quota) so the run is *partial*.
package struct FetchResult: Sendable {
    package var rows: BundleRows
    package var cursor: SyncCursor
    /// Why the fetch is incomplete (a quota ran out); nil when complete.
    package var partial: String?

    package init(rows: BundleRows, cursor: SyncCursor, partial: String? = nil) {
        self.rows = rows; self.cursor = cursor; self.partial = partial
    }

    /// The result of a window-based fetch: complete, the cursor moves to the window's last day;
    /// partial (a quota), it stays where it was so the next run covers the window again.
    package init(rows: BundleRows, request: FetchRequest, partial: String?) {
        self.init(rows: rows, cursor: partial == nil ? SyncCursor(syncedThrough: request.window.upperBound) : request.cursor,
                  partial: partial)
    }
}

/// A platform connector: fetches a window of dates and maps it to bundle rows. It never
/// writes anything itself; the engine imports the rows through the bundle importer.
package protocol Connector: Sendable {
    /// Which source this is.
    var source: SourceKind { get }
    /// Fetches the window. Throws ``ConnectorError`` (fatal, or retries exhausted) with a
    /// sentence for the user; a quota stops the fetch and returns what was fetched as partial.
    func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult
}
