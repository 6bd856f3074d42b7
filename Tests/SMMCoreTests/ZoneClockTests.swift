import Foundation
import SMMCore
import Testing

/// The bundle's time zone (bundle-format.md "Datetimes" and "manifest.json"): which instant a
/// written datetime names, and which local day an instant falls on.
@Suite struct ZoneClockTests {
    private static func clock(_ zone: String) throws -> ZoneClock {
        ZoneClock(timeZone: try #require(TimeZone(identifier: zone)))
    }

    /// The instant of a datetime cell as the importer resolves it.
    private static func resolve(_ text: String, in zone: String, endOfDay: Bool = false) throws -> Instant {
        let written = try #require(ValueParser.run(text, ValueParser.dateTime), "“\(text)” should parse")
        return written.resolve(in: try clock(zone), dateMeansEndOfDay: endOfDay)
    }

    /// An instant from its RFC 3339 UTC spelling.
    private static func utc(_ text: String) throws -> Instant {
        guard case .instant(let i) = try #require(ValueParser.run(text, ValueParser.dateTime)) else {
            throw Failure("\(text) is not an instant")
        }
        return i
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var zone: String
        var endOfDay = false
        var expected: String
        var testDescription: String { "\(text) in \(zone)\(endOfDay ? " (due date)" : "") is \(expected)" }
    }

    @Test("each datetime syntax resolves in the bundle's time zone", arguments: [
        // An offset or Z names the instant whatever the bundle's zone.
        Case(text: "2025-10-15T09:30:00+03:00", zone: "Europe/Moscow", expected: "2025-10-15T06:30:00Z"),
        Case(text: "2025-10-15T09:30:00+03:00", zone: "America/New_York", expected: "2025-10-15T06:30:00Z"),
        Case(text: "2025-10-15T09:30+0300", zone: "UTC", expected: "2025-10-15T06:30:00Z"),
        Case(text: "2025-10-15T09:30+03", zone: "Asia/Tokyo", expected: "2025-10-15T06:30:00Z"),
        Case(text: "2025-10-15T06:30:00.123456789Z", zone: "Europe/Moscow", expected: "2025-10-15T06:30:00.123456789Z"),
        Case(text: "2025-10-15T06:30:00Z", zone: "America/New_York", expected: "2025-10-15T06:30:00Z"),
        // No zone: local time of the bundle.
        Case(text: "2025-10-15 09:30", zone: "Europe/Moscow", expected: "2025-10-15T06:30:00Z"),
        Case(text: "2025-10-15T09:30:15.5", zone: "Europe/Moscow", expected: "2025-10-15T06:30:15.5Z"),
        Case(text: "2024-11-30T23:45", zone: "Europe/Moscow", expected: "2024-11-30T20:45:00Z"),
        Case(text: "2025-10-15 09:30", zone: "UTC", expected: "2025-10-15T09:30:00Z"),
        Case(text: "2025-07-01 12:00", zone: "America/New_York", expected: "2025-07-01T16:00:00Z"),
        Case(text: "2025-01-01 12:00", zone: "America/New_York", expected: "2025-01-01T17:00:00Z"),
        // A date alone: 00:00:00 local; in content_plan.due_at 23:59:59 local.
        Case(text: "2025-10-15", zone: "Europe/Moscow", expected: "2025-10-14T21:00:00Z"),
        Case(text: "2025-10-15", zone: "Europe/Moscow", endOfDay: true, expected: "2025-10-15T20:59:59Z"),
        Case(text: "2025-10-15", zone: "UTC", expected: "2025-10-15T00:00:00Z"),
        Case(text: "2025-10-15", zone: "UTC", endOfDay: true, expected: "2025-10-15T23:59:59Z"),
        Case(text: "2024-03-10", zone: "America/New_York", endOfDay: true, expected: "2024-03-11T03:59:59Z"),
        Case(text: "2024-11-03", zone: "America/New_York", expected: "2024-11-03T04:00:00Z"),
        // A date with a time is not a due date alone: the time stays.
        Case(text: "2025-10-15 09:30", zone: "Europe/Moscow", endOfDay: true, expected: "2025-10-15T06:30:00Z"),
    ])
    func resolves(_ c: Case) throws {
        #expect(try Self.resolve(c.text, in: c.zone, endOfDay: c.endOfDay).iso8601 == c.expected)
    }

    @Test("a local time in a daylight-saving gap moves forward by the gap", arguments: [
        // New York 2024-03-10: 02:00 EST jumps to 03:00 EDT.
        Case(text: "2024-03-10T02:30", zone: "America/New_York", expected: "2024-03-10T07:30:00Z"),  // 03:30 EDT
        Case(text: "2024-03-10T02:00", zone: "America/New_York", expected: "2024-03-10T07:00:00Z"),  // 03:00 EDT
        Case(text: "2024-03-10T02:59:59", zone: "America/New_York", expected: "2024-03-10T07:59:59Z"),
        Case(text: "2024-03-10T01:59:59", zone: "America/New_York", expected: "2024-03-10T06:59:59Z"),  // before: EST
        Case(text: "2024-03-10T03:00", zone: "America/New_York", expected: "2024-03-10T07:00:00Z"),  // after: EDT
        // Lord Howe Island: a 30-minute gap, 02:00 → 02:30.
        Case(text: "2024-10-06T02:15", zone: "Australia/Lord_Howe", expected: "2024-10-05T15:45:00Z"),  // 02:45 +11
    ])
    func gap(_ c: Case) throws {
        #expect(try Self.resolve(c.text, in: c.zone).iso8601 == c.expected)
    }

    @Test("the DST gap: 02:30 becomes 03:30 EDT on the same local day")
    func gapLocalDay() throws {
        let ny = try Self.clock("America/New_York")
        let i = try Self.resolve("2024-03-10T02:30", in: "America/New_York")
        #expect(ny.offset(atEpochSecond: i.seconds) == -4 * 3600)
        #expect(ny.localDate(of: i) == LocalDate(year: 2024, month: 3, day: 10))
    }

    @Test("a local time that occurs twice takes the earlier offset", arguments: [
        // New York 2024-11-03: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
        Case(text: "2024-11-03T01:30", zone: "America/New_York", expected: "2024-11-03T05:30:00Z"),  // EDT
        Case(text: "2024-11-03T01:00", zone: "America/New_York", expected: "2024-11-03T05:00:00Z"),
        Case(text: "2024-11-03T01:59:59", zone: "America/New_York", expected: "2024-11-03T05:59:59Z"),
        Case(text: "2024-11-03T00:59", zone: "America/New_York", expected: "2024-11-03T04:59:00Z"),
        Case(text: "2024-11-03T02:00", zone: "America/New_York", expected: "2024-11-03T07:00:00Z"),  // EST
        // Moscow 2014-10-26: +04 → +03 at 02:00 local, 01:00–02:00 twice (not a DST change).
        Case(text: "2014-10-26T01:30", zone: "Europe/Moscow", expected: "2014-10-25T21:30:00Z"),
        // Lord Howe: 02:00 → 01:30, 01:30–02:00 twice.
        Case(text: "2024-04-07T01:45", zone: "Australia/Lord_Howe", expected: "2024-04-06T14:45:00Z"),
    ])
    func overlap(_ c: Case) throws {
        #expect(try Self.resolve(c.text, in: c.zone).iso8601 == c.expected)
    }

    @Test("the overlap's 01:30 is read as EDT (UTC−4)")
    func overlapOffset() throws {
        let ny = try Self.clock("America/New_York")
        let i = try Self.resolve("2024-11-03T01:30", in: "America/New_York")
        #expect(ny.offset(atEpochSecond: i.seconds) == -4 * 3600)
        #expect(ny.offset(atEpochSecond: i.seconds + 3600) == -5 * 3600)  // the second 01:30, EST
    }

    struct DayCase: Sendable, CustomTestStringConvertible {
        var instant: String
        var zone: String
        var day: String
        var testDescription: String { "\(instant) is \(day) in \(zone)" }
    }

    @Test("local dates of instants near midnight", arguments: [
        DayCase(instant: "2024-10-31T21:17:06Z", zone: "Europe/Moscow", day: "2024-11-01"),
        DayCase(instant: "2024-10-31T20:59:59.999999999Z", zone: "Europe/Moscow", day: "2024-10-31"),
        DayCase(instant: "2024-10-31T21:00:00Z", zone: "Europe/Moscow", day: "2024-11-01"),
        DayCase(instant: "2024-12-31T20:59:59Z", zone: "Europe/Moscow", day: "2024-12-31"),
        DayCase(instant: "2024-12-31T21:00:00Z", zone: "Europe/Moscow", day: "2025-01-01"),
        DayCase(instant: "2024-11-30T23:59:59.999999999Z", zone: "UTC", day: "2024-11-30"),
        DayCase(instant: "2024-12-01T00:00:00Z", zone: "UTC", day: "2024-12-01"),
        DayCase(instant: "2024-11-01T03:59:59Z", zone: "America/New_York", day: "2024-10-31"),  // 23:59:59 EDT
        DayCase(instant: "2024-11-01T04:00:00Z", zone: "America/New_York", day: "2024-11-01"),
        DayCase(instant: "2024-12-01T04:59:59Z", zone: "America/New_York", day: "2024-11-30"),  // 23:59:59 EST
        DayCase(instant: "2024-12-01T05:00:00Z", zone: "America/New_York", day: "2024-12-01"),
        // Across the transitions: the day boundary moves with the offset.
        DayCase(instant: "2024-03-10T04:59:59Z", zone: "America/New_York", day: "2024-03-09"),
        DayCase(instant: "2024-03-11T03:59:59Z", zone: "America/New_York", day: "2024-03-10"),
        DayCase(instant: "2024-03-11T04:00:00Z", zone: "America/New_York", day: "2024-03-11"),
        DayCase(instant: "2024-11-04T04:59:59Z", zone: "America/New_York", day: "2024-11-03"),
        DayCase(instant: "2024-11-04T05:00:00Z", zone: "America/New_York", day: "2024-11-04"),
        DayCase(instant: "2024-11-01T14:59:59Z", zone: "Asia/Tokyo", day: "2024-11-01"),
        DayCase(instant: "2024-11-01T15:00:00Z", zone: "Asia/Tokyo", day: "2024-11-02"),
        // Before 1970 (negative epoch seconds round down, not toward zero).
        DayCase(instant: "1969-12-31T23:59:59Z", zone: "UTC", day: "1969-12-31"),
        DayCase(instant: "1969-12-31T22:00:00Z", zone: "Europe/Moscow", day: "1970-01-01"),
        DayCase(instant: "1969-12-31T20:59:59Z", zone: "Europe/Moscow", day: "1969-12-31"),
    ])
    func localDates(_ c: DayCase) throws {
        let clock = try Self.clock(c.zone)
        #expect(clock.localDate(of: try Self.utc(c.instant)).description == c.day)
    }

    @Test("a fixed-offset zone needs no transitions")
    func fixedOffset() throws {
        let clock = ZoneClock(timeZone: try #require(TimeZone(secondsFromGMT: 3 * 3600)))
        let written = try #require(ValueParser.run("2025-10-15 00:30", ValueParser.dateTime))
        let i = written.resolve(in: clock)
        #expect(i.iso8601 == "2025-10-14T21:30:00Z")
        #expect(clock.localDate(of: i) == LocalDate(year: 2025, month: 10, day: 15))
    }

    @Test("local time and local date agree for every hour of a year with two transitions")
    func everyHourRoundTrips() throws {
        let clock = try Self.clock("America/New_York")
        let first = Int64(LocalDate(year: 2024, month: 1, day: 1)!.dayNumber) * 86400
        for hour in 0..<(366 * 24) {
            let local = first + Int64(hour) * 3600 + 1800
            let i = clock.instant(localSeconds: local)
            let offset = Int64(clock.offset(atEpochSecond: i.seconds))
            let day = LocalDate(dayNumber: Int32((local) / 86400))
            #expect(clock.localDate(of: i) == day)
            if i.seconds + offset != local {
                // Only the gap's 02:30 moves (forward by one hour).
                #expect(i.seconds + offset == local + 3600, "local \(local) → \(i.iso8601)")
                #expect(day == LocalDate(year: 2024, month: 3, day: 10))
            }
        }
    }
}
