import Foundation
import SMMCore

/// The days of the demo bundle in its time zone, and how to write them.
///
/// Times are generated as local wall-clock seconds since 1970-01-01T00:00 local, which keeps
/// "weekday", "hour of day" and "next morning" simple; they are written with the explicit
/// offset the zone has at that moment (`2025-03-04T09:30:00+03:00`). Days without a
/// daylight-saving change (all of them in Moscow) use a precomputed offset; on a change day
/// the time goes through `ZoneClock` (a time in a gap moves forward, as the importer reads it).
struct DemoCalendar {
    let first: LocalDate
    let days: Int
    private let clock: ZoneClock
    /// `YYYY-MM-DD` of each day, 10 bytes apiece.
    private let dateBytes: [UInt8]
    /// The offset of each day when it holds all day, else nil.
    private let dayOffsets: [Int32?]
    private let offsetBytes: [[UInt8]]

    init(first: LocalDate, days: Int, timeZone: TimeZone) {
        self.first = first
        self.days = days
        clock = ZoneClock(timeZone: timeZone)
        var dates: [UInt8] = []
        dates.reserveCapacity(days * 10)
        var offsets: [Int32?] = []
        var texts: [[UInt8]] = []
        for i in 0..<days {
            let d = first.adding(days: i)
            dates.append(contentsOf: Array(d.description.utf8))
            // Any instant of a local day lies within [00:00 − 14 h, 24:00 + 14 h] UTC.
            let start = Int64(d.dayNumber) * 86400 - 14 * 3600
            var offset: Int32? = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(start))))
            var t = start
            while t <= start + (24 + 28) * 3600, offset != nil {
                let o = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))))
                if o != offset { offset = nil }
                t += 1800
            }
            offsets.append(offset)
            texts.append(DemoCalendar.offsetText(offset ?? 0))
        }
        dateBytes = dates
        dayOffsets = offsets
        offsetBytes = texts
    }

    static func offsetText(_ seconds: Int32) -> [UInt8] {
        if seconds == 0 { return Array("Z".utf8) }
        let a = abs(Int(seconds)) / 60
        let digits = [a / 600, a / 60 % 10, (a % 60) / 10, a % 10].map { UInt8(48 + $0) }
        return [UInt8(ascii: seconds < 0 ? "-" : "+"), digits[0], digits[1], UInt8(ascii: ":"), digits[2], digits[3]]
    }

    func date(_ day: Int) -> LocalDate { first.adding(days: day) }

    /// Local seconds of 00:00 of day index `day`.
    func start(of day: Int) -> Int64 { Int64(first.dayNumber + Int32(day)) * 86400 }

    /// Day index of a local time.
    func day(of t: Int64) -> Int { Int(t / 86400) - Int(first.dayNumber) }

    /// Writes `YYYY-MM-DD` of day index `day`.
    @inline(__always) func writeDate(_ day: Int, _ w: DemoFileWriter) {
        let base = day * 10
        for i in base..<(base + 10) { w.byte(dateBytes[i]) }
    }

    /// Writes a local time with its offset: `2025-03-04T09:30:00+03:00`.
    func writeDateTime(_ t: Int64, _ w: DemoFileWriter) {
        let day = self.day(of: t)
        if day >= 0, day < days, dayOffsets[day] != nil {
            writeDate(day, w)
            writeClock(Int(t - start(of: day)), w)
            w.bytes(offsetBytes[day])
            return
        }
        // A day with a daylight-saving change, or outside the table.
        let instant = clock.instant(localSeconds: t)
        let offset = clock.offset(atEpochSecond: instant.seconds)
        let local = instant.seconds + Int64(offset)
        let localDay = local >= 0 ? local / 86400 : (local - 86399) / 86400
        w.plain(LocalDate(dayNumber: Int32(localDay)).description)
        writeClock(Int(local - localDay * 86400), w)
        w.bytes(DemoCalendar.offsetText(offset))
    }

    private func writeClock(_ secondOfDay: Int, _ w: DemoFileWriter) {
        w.byte(UInt8(ascii: "T"))
        w.twoDigits(secondOfDay / 3600)
        w.byte(UInt8(ascii: ":"))
        w.twoDigits(secondOfDay / 60 % 60)
        w.byte(UInt8(ascii: ":"))
        w.twoDigits(secondOfDay % 60)
    }
}
