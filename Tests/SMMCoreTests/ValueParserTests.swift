import Foundation
import SMMCore
import Testing

/// The value syntaxes of bundle-format.md "General rules" and "Datetimes".
@Suite struct ValueParserTests {
    // MARK: - Helpers

    private static func integer(_ s: String) -> Int64? { ValueParser.run(s, ValueParser.integer) }
    private static func decimal(_ s: String) -> Decimal? { ValueParser.run(s, ValueParser.decimal) }
    private static func boolean(_ s: String) -> Bool? { ValueParser.run(s, ValueParser.boolean) }
    private static func date(_ s: String) -> LocalDate? { ValueParser.run(s, ValueParser.date) }
    private static func month(_ s: String) -> LocalDate? { ValueParser.run(s, ValueParser.month) }
    private static func dateTime(_ s: String) -> WrittenDateTime? { ValueParser.run(s, ValueParser.dateTime) }

    /// Seconds since the epoch of a UTC (or local wall) time.
    private static func seconds(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
        Int64(LocalDate(year: y, month: mo, day: d)!.dayNumber) * 86400 + Int64(h * 3600 + mi * 60 + s)
    }

    private static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int = 0,
                            nanos: Int64 = 0) -> WrittenDateTime {
        .instant(Instant(seconds: seconds(y, mo, d, h, mi, s), nanos: nanos))
    }

    private static func local(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int = 0,
                              nanos: Int64 = 0) -> WrittenDateTime {
        .local(seconds: seconds(y, mo, d, h, mi, s), nanos: nanos)
    }

    // MARK: - Integers

    @Test("integers: digits, optionally signed", arguments: [
        ("1234", 1234), ("0", 0), ("+5", 5), ("-0", 0), ("-12", -12), ("007", 7),
        ("999999999999999999", 999_999_999_999_999_999),
    ] as [(String, Int64)])
    func integerParses(text: String, value: Int64) {
        #expect(Self.integer(text) == value)
    }

    @Test("integers: no decimal point, exponent, separators or stray signs", arguments: [
        "1.0", "1e3", "1E3", "1 234", "1,234", "1_234", "+", "-", "--1", "+-1", "12a", "a12", "0x10",
        "١٢", "１２", "99999999999999999999", "1.", ".5",
    ])
    func integerRejects(text: String) {
        #expect(Self.integer(text) == nil)
    }

    // MARK: - Decimals

    @Test("decimals: point, optional sign, leading or trailing point", arguments: [
        ("1234.5", "1234.5"), (".5", "0.5"), ("5.", "5"), ("-3", "-3"), ("+2.25", "2.25"), ("-0.10", "-0.1"),
        ("0", "0"), ("-0", "0"), ("007.50", "7.5"), ("0.000001", "0.000001"),
        ("12345678901234567890.5", "12345678901234567890.5"),
    ])
    func decimalParses(text: String, expected: String) throws {
        let value = try #require(Self.decimal(text))
        #expect(value == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test("decimals: exact, not binary floating point")
    func decimalIsExact() throws {
        let a = try #require(Self.decimal("0.1")), b = try #require(Self.decimal("0.2"))
        #expect(a + b == Self.decimal("0.3"))
    }

    @Test("decimals: no exponent, comma, separators, double point", arguments: [
        "1e3", "1.5e2", "1.5E-2", "2e", "1,5", "1 000", "1_000", ".", "+", "-", "+.", "1.2.3", "5..", "--1",
        "+-1", "e", "NaN", "inf", "1.5 ", "٣",
    ])
    func decimalRejects(text: String) {
        #expect(Self.decimal(text) == nil)
    }

    // MARK: - Booleans

    @Test("booleans: true/false, 1/0, yes/no in any case", arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("tRuE", true), ("1", true), ("yes", true), ("YES", true),
        ("Yes", true), ("false", false), ("FALSE", false), ("False", false), ("0", false), ("no", false),
        ("NO", false), ("No", false), ("nO", false),
    ])
    func booleanParses(text: String, value: Bool) {
        #expect(Self.boolean(text) == value)
    }

    @Test("booleans: other spellings are bad", arguments: [
        "t", "f", "y", "n", "2", "01", "on", "off", "truee", "yess", "nope", "да", "нет", "-1", "tru", "fals",
    ])
    func booleanRejects(text: String) {
        #expect(Self.boolean(text) == nil)
    }

    // MARK: - Dates and months

    @Test("dates: YYYY-MM-DD, real calendar days only")
    func dates() {
        #expect(Self.date("2024-11-01") == LocalDate(year: 2024, month: 11, day: 1))
        #expect(Self.date("2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(Self.date("1969-12-31")?.dayNumber == -1)
        #expect(Self.date("1970-01-01")?.dayNumber == 0)
    }

    @Test("dates: other spellings are bad", arguments: [
        "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "2024-01-1", "24-01-01",
        "2024/01/01", "01.02.2024", "2024-01-01T00:00", "2024-01-01Z", "20240101", "0000-01-01", "2024-O1-01",
    ])
    func dateRejects(text: String) {
        #expect(Self.date(text) == nil)
    }

    @Test("months: YYYY-MM is the first day of the month")
    func months() {
        #expect(Self.month("2024-11") == LocalDate(year: 2024, month: 11, day: 1))
        #expect(Self.month("2024-13") == nil)
        #expect(Self.month("2024-1") == nil)
        #expect(Self.month("2024-11-01") == nil)
        #expect(Self.month("2024/11") == nil)
    }

    // MARK: - Datetimes

    struct DateTimeCase: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: WrittenDateTime
        var testDescription: String { text }
    }

    @Test("datetimes: every syntax of bundle-format.md", arguments: [
        // The examples of bundle-format.md "Datetimes".
        DateTimeCase(text: "2025-10-15T09:30:00+03:00", expected: utc(2025, 10, 15, 6, 30)),
        DateTimeCase(text: "2025-10-15 09:30", expected: local(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15T06:30:00.123456789Z", expected: utc(2025, 10, 15, 6, 30, nanos: 123_456_789)),
        DateTimeCase(text: "2025-10-15T09:30+0300", expected: utc(2025, 10, 15, 6, 30)),
        DateTimeCase(text: "2025-10-15T09:30+03", expected: utc(2025, 10, 15, 6, 30)),
        DateTimeCase(text: "2025-10-15", expected: .date(LocalDate(year: 2025, month: 10, day: 15)!)),
        // Separators, seconds, fractions, zones.
        DateTimeCase(text: "2025-10-15T09:30", expected: local(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15 09:30:07", expected: local(2025, 10, 15, 9, 30, 7)),
        DateTimeCase(text: "2025-10-15T09:30:07.5", expected: local(2025, 10, 15, 9, 30, 7, nanos: 500_000_000)),
        DateTimeCase(text: "2025-10-15 09:30:07.123", expected: local(2025, 10, 15, 9, 30, 7, nanos: 123_000_000)),
        DateTimeCase(text: "2025-10-15T09:30Z", expected: utc(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15 09:30:00Z", expected: utc(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15T09:30:00.000000001Z", expected: utc(2025, 10, 15, 9, 30, nanos: 1)),
        DateTimeCase(text: "2025-10-15T23:59:59.999999999Z", expected: utc(2025, 10, 15, 23, 59, 59, nanos: 999_999_999)),
        DateTimeCase(text: "2025-10-15T09:30:00-05:30", expected: utc(2025, 10, 15, 15, 0)),
        DateTimeCase(text: "2025-10-15T09:30-0530", expected: utc(2025, 10, 15, 15, 0)),
        DateTimeCase(text: "2025-10-15T09:30-05", expected: utc(2025, 10, 15, 14, 30)),
        DateTimeCase(text: "2025-10-15T01:00+05:00", expected: utc(2025, 10, 14, 20, 0)),
        DateTimeCase(text: "2025-10-15T09:30:00+00:00", expected: utc(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15T09:30:00-00:00", expected: utc(2025, 10, 15, 9, 30)),
        DateTimeCase(text: "2025-10-15T09:30:00.25+03:00", expected: utc(2025, 10, 15, 6, 30, nanos: 250_000_000)),
        DateTimeCase(text: "2024-10-31T21:17:06Z", expected: utc(2024, 10, 31, 21, 17, 6)),
        DateTimeCase(text: "2024-02-29T00:00", expected: local(2024, 2, 29, 0, 0)),
        DateTimeCase(text: "1969-12-31T23:59:59Z", expected: utc(1969, 12, 31, 23, 59, 59)),
    ])
    func dateTimeParses(_ c: DateTimeCase) {
        #expect(Self.dateTime(c.text) == c.expected)
    }

    @Test("datetimes: the bad spellings are refused", arguments: [
        "2025-10-15t09:30",              // lower-case t
        "2025-10-15T09:30z",             // lower-case z
        "2025-10-15T09:30:00z",
        "2025-10-15T09:30+3",            // one-digit offset
        "2025-10-15T09:30-3",
        "2025-10-15T09:30:00.1234567890Z",  // ten fraction digits
        "2025-10-15T09:30:00.1234567890",
        "2025-10-15Z",                   // a zone after a date alone
        "2025-10-15+03:00",
        "2025-10-15+03",
        "2025-10-15T24:00",              // hour 24
        "2025-10-15T24:00:00Z",
        "2025-10-15T09:30:60",           // second 60
        "2025-10-15T23:59:60Z",
        "2025-10-15T09:60",              // minute 60
        "2025-10-15T09:30.5",            // a fraction without seconds
        "2025-10-15T09:30:00.",          // an empty fraction
        "2025-10-15T09:30:00.Z",
        "2025-10-15T09",                 // no minutes
        "2025-10-15T9:30",
        "2025-10-15T09:3",
        "2025-10-15T09:30:5",
        "2025-10-15  09:30",             // two spaces
        "2025-10-15_09:30",
        "2025-10-15T09:30 +03:00",       // a space before the zone
        "2025-10-15T09:30:00 Z",
        "2025-10-15T09:30:00+03:0",
        "2025-10-15T09:30:00+0300Z",
        "2025-10-15T09:30:00+03:00:00",
        "2025-10-15T09:30:00+24:00",
        "2025-10-15T09:30:00+03:60",
        "2025-10-15T09:30:00+03;00",
        "2025-10-15T09:30:00UTC",
        "2025-10-15T09:30:00 MSK",
        "2025-02-30T09:30",              // no such day
        "2025-10-15T",
        "2025-10-1509:30",
        "15.10.2025 09:30",
        "2025-10-15T09:30:00.123456789+03:00x",
    ])
    func dateTimeRejects(text: String) {
        #expect(Self.dateTime(text) == nil)
    }

    @Test("datetimes: the fraction is kept to the nanosecond and written back the same")
    func fractionRoundTrip() throws {
        for text in ["2025-10-15T06:30:00.123456789Z", "2025-10-15T06:30:00.000000001Z", "2025-10-15T06:30:00.5Z",
                     "2025-10-15T06:30:00Z", "1969-12-31T23:59:59.999999999Z"] {
            guard case .instant(let i) = try #require(Self.dateTime(text)) else {
                Issue.record("\(text) is not an instant")
                continue
            }
            #expect(i.iso8601 == text)
        }
        guard case .instant(let a) = Self.dateTime("2025-10-15T06:30:00.1Z"),
              case .instant(let b) = Self.dateTime("2025-10-15T06:30:00.100000000Z") else {
            Issue.record("fractions did not parse")
            return
        }
        #expect(a == b)
        #expect(b.nanoseconds % 1_000_000_000 == 100_000_000)
    }

    @Test("datetimes: different offsets naming one instant are equal")
    func sameInstantDifferentOffsets() {
        let a = Self.dateTime("2024-11-05T10:00:00Z")
        #expect(a == Self.dateTime("2024-11-05T13:00:00+03:00"))
        #expect(a == Self.dateTime("2024-11-05T13:00+0300"))
        #expect(a == Self.dateTime("2024-11-05T05:00-05"))
    }
}
