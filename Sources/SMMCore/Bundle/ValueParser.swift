import Foundation

/// A datetime cell as written, before the bundle's time zone is applied
/// (bundle-format.md "Datetimes").
package enum WrittenDateTime: Equatable, Sendable {
    /// Written with `Z` or an offset: an exact instant.
    case instant(Instant)
    /// Written without a zone: local wall time (seconds since local 1970-01-01T00:00) and nanoseconds.
    case local(seconds: Int64, nanos: Int64)
    /// A date alone.
    case date(LocalDate)

    /// Resolves the cell to an instant. A date alone is 00:00:00 local, or 23:59:59 local when
    /// `dateMeansEndOfDay` (content_plan.due_at).
    package func resolve(in clock: ZoneClock, dateMeansEndOfDay: Bool = false) -> Instant {
        switch self {
        case .instant(let i): return i
        case .local(let s, let n): return clock.instant(localSeconds: s, nanos: n)
        case .date(let d):
            let base = Int64(d.dayNumber) * 86400
            return clock.instant(localSeconds: dateMeansEndOfDay ? base + 86399 : base)
        }
    }
}

/// Parsers for the value syntaxes of bundle-format.md "General rules". Each takes the
/// trimmed UTF-8 bytes of a non-empty cell and returns nil when the text does not parse.
package enum ValueParser {
    /// `1234`, `+5`, `-0`; no separators, no decimal point, no exponent.
    package static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0, negative = false
        guard !b.isEmpty else { return nil }
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < b.count, b.count - i <= 18 else { return nil }
        var v: Int64 = 0
        while i < b.count {
            let c = b[i] &- 48
            guard c <= 9 else { return nil }
            v = v * 10 + Int64(c)
            i += 1
        }
        return negative ? -v : v
    }

    /// `1234.5`, `-3`, `.5`, `5.`; no exponent, no separators. Exact (Decimal).
    package static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var i = 0, negative = false
        guard !b.isEmpty else { return nil }
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false, overflow = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else {
                let d = c &- 48
                guard d <= 9 else { return nil }
                digits += 1
                if seenPoint { fraction += 1 }
                if mantissa > (UInt64.max - 9) / 10 { overflow = true } else { mantissa = mantissa * 10 + UInt64(d) }
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if overflow {
            return Decimal(string: String(decoding: b, as: UTF8.self), locale: Locale(identifier: "en_US_POSIX"))
        }
        return Decimal(sign: negative && mantissa != 0 ? .minus : .plus, exponent: -fraction,
                       significand: Decimal(mantissa))
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no`, case-insensitive.
    package static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch b.count {
        case 1:
            if b[0] == UInt8(ascii: "1") { return true }
            if b[0] == UInt8(ascii: "0") { return false }
            return nil
        case 2: return matches(b, "no") ? false : nil
        case 3: return matches(b, "yes") ? true : nil
        case 4: return matches(b, "true") ? true : nil
        case 5: return matches(b, "false") ? false : nil
        default: return nil
        }
    }

    /// Case-insensitive ASCII comparison with a lower-case word.
    package static func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<b.count where b[i] | 0x20 != w[i] { return false }
        return true
    }

    /// `YYYY-MM-DD`.
    package static func date(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard b.count == 10 else { return nil }
        return date(b, at: 0)
    }

    /// `YYYY-MM` (brand_searches.month): the first day of that month.
    package static func month(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard b.count == 7, b[4] == UInt8(ascii: "-"), let y = num(b, 0, 4), let m = num(b, 5, 2) else { return nil }
        return LocalDate(year: y, month: m, day: 1)
    }

    private static func date(_ b: UnsafeBufferPointer<UInt8>, at s: Int) -> LocalDate? {
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let y = num(b, s, 4), let m = num(b, s + 5, 2), let d = num(b, s + 8, 2) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    @inline(__always)
    private static func num(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> Int? {
        guard s + n <= b.count else { return nil }
        var v = 0
        for i in s..<(s + n) {
            let c = b[i] &- 48
            guard c <= 9 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.F]][ZONE]]`, F 1–9 digits, ZONE `Z | ±HH:MM | ±HHMM | ±HH`.
    package static func dateTime(_ b: UnsafeBufferPointer<UInt8>) -> WrittenDateTime? {
        guard b.count >= 10, let day = date(b, at: 0) else { return nil }
        if b.count == 10 { return .date(day) }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"), let hh = num(b, 11, 2), let mm = num(b, 14, 2),
              hh <= 23, mm <= 59 else { return nil }
        var i = 16, ss = 0
        var nanos: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = num(b, i + 1, 2), s <= 59 else { return nil }
            ss = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                var n = 0
                while i < b.count, b[i] &- 48 <= 9 {
                    guard n < 9 else { return nil }
                    nanos = nanos * 10 + Int64(b[i] - 48)
                    n += 1
                    i += 1
                }
                guard n >= 1 else { return nil }
                for _ in n..<9 { nanos *= 10 }
            }
        }
        let local = Int64(day.dayNumber) * 86400 + Int64(hh * 3600 + mm * 60 + ss)
        if i == b.count { return .local(seconds: local, nanos: nanos) }
        let rest = b.count - i
        if rest == 1, b[i] == UInt8(ascii: "Z") { return .instant(Instant(seconds: local, nanos: nanos)) }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
        var oh = 0, om = 0
        switch rest {
        case 3: guard let h = num(b, i + 1, 2) else { return nil }; oh = h
        case 5: guard let h = num(b, i + 1, 2), let m = num(b, i + 3, 2) else { return nil }; oh = h; om = m
        case 6:
            guard b[i + 3] == UInt8(ascii: ":"), let h = num(b, i + 1, 2), let m = num(b, i + 4, 2) else { return nil }
            oh = h; om = m
        default: return nil
        }
        guard oh <= 23, om <= 59 else { return nil }
        let offset = sign * Int64(oh * 3600 + om * 60)
        return .instant(Instant(seconds: local - offset, nanos: nanos))
    }
}

extension ValueParser {
    /// Convenience for tests and small inputs: runs a parser on a Swift string.
    package static func run<T>(_ text: String, _ parser: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        var s = text
        return s.withUTF8 { parser($0) }
    }
}
