import Foundation

/// A point in time: nanoseconds since 1970-01-01T00:00:00Z (covers 1678–2262).
package struct Instant: Hashable, Comparable, Sendable, Codable {
    package var nanoseconds: Int64

    package init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    package init(seconds: Int64, nanos: Int64 = 0) { self.nanoseconds = seconds * 1_000_000_000 + nanos }

    /// Whole seconds since the epoch, rounded down.
    package var seconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
    }

    package static func < (a: Instant, b: Instant) -> Bool { a.nanoseconds < b.nanoseconds }

    /// RFC 3339 in UTC with as many fraction digits as needed: `2024-11-01T09:30:00Z`,
    /// `2024-11-01T09:30:00.123Z`. Used by export, so a round trip keeps the nanoseconds.
    package var iso8601: String {
        let s = seconds
        let frac = nanoseconds - s * 1_000_000_000
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        let sod = s - day * 86400
        let date = LocalDate(dayNumber: Int32(day))
        var out = "\(date)T" + String(format: "%02d:%02d:%02d", sod / 3600, (sod / 60) % 60, sod % 60)
        if frac != 0 {
            var f = String(format: "%09lld", frac)
            while f.hasSuffix("0") { f.removeLast() }
            out += "." + f
        }
        return out + "Z"
    }
}

/// Converts between instants and local dates/times of one IANA time zone, with the
/// manifest's rules for daylight-saving gaps and overlaps (bundle-format.md "manifest.json").
///
/// Not `Sendable`: it caches offsets per UTC day and is meant for one import or one query.
package final class ZoneClock {
    package let timeZone: TimeZone
    private var dayCache: [Int64: Int32] = [:]  // UTC day → offset when constant all day
    private let fixed: Int32?

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
        // A zone with no transitions at all (UTC, fixed offsets) needs no look-ups.
        if timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: -3_000_000_000)) == nil {
            fixed = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)))
        } else {
            fixed = nil
        }
    }

    /// Offset from UTC in seconds at an instant given in epoch seconds.
    package func offset(atEpochSecond s: Int64) -> Int32 {
        if let fixed { return fixed }
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        if let o = dayCache[day] { return o }
        let a = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day * 86400))))
        let b = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day * 86400 + 86399))))
        if a == b, dayCache.count < 1_000_000 {
            dayCache[day] = a
            return a
        }
        return Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(s))))
    }

    /// The local date of an instant.
    package func localDate(of instant: Instant) -> LocalDate {
        let s = instant.seconds + Int64(offset(atEpochSecond: instant.seconds))
        return LocalDate(dayNumber: Int32(s >= 0 ? s / 86400 : (s - 86399) / 86400))
    }

    /// The instant of a local wall-clock time (`localSeconds` = seconds since 1970-01-01T00:00
    /// of local time). A time in a gap moves forward by the gap; a time that occurs twice takes
    /// the earlier offset.
    package func instant(localSeconds t: Int64, nanos: Int64 = 0) -> Instant {
        if let fixed { return Instant(seconds: t - Int64(fixed), nanos: nanos) }
        let before = Int64(offset(atEpochSecond: t - 86400))
        let after = Int64(offset(atEpochSecond: t + 86400))
        let candidates = before == after ? [before] : [before, after]
        for o in candidates where Int64(offset(atEpochSecond: t - o)) == o {
            return Instant(seconds: t - o, nanos: nanos)  // `before` first: the earlier offset wins in an overlap
        }
        // In a gap: the wall time read with the offset before the gap lands after it.
        return Instant(seconds: t - before, nanos: nanos)
    }
}
