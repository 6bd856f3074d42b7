import Foundation

/// Trimming and text normalisation of bundle cells (bundle-format.md "General rules").
package enum CellText {
    /// The bytes without Unicode White_Space at either end.
    @inline(__always)
    package static func trim(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi {
            let n = leadingSpace(b, lo, hi)
            if n == 0 { break }
            lo += n
        }
        while hi > lo {
            let n = trailingSpace(b, lo, hi)
            if n == 0 { break }
            hi -= n
        }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    /// Length of a white-space character starting at `i`, or 0.
    @inline(__always)
    private static func leadingSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c < 0x80 { return 0 }
        if c == 0xC2, i + 1 < hi, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return 2 }
        if (c == 0xE1 || c == 0xE2 || c == 0xE3), i + 2 < hi, isWide(b[i], b[i + 1], b[i + 2]) { return 3 }
        return 0
    }

    /// Length of a white-space character ending just before `hi`, or 0.
    @inline(__always)
    private static func trailingSpace(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        let c = b[hi - 1]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c < 0x80 { return 0 }
        if hi - lo >= 2, b[hi - 2] == 0xC2, c == 0x85 || c == 0xA0 { return 2 }
        if hi - lo >= 3, isWide(b[hi - 3], b[hi - 2], c) { return 3 }
        return 0
    }

    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in UTF-8.
    @inline(__always)
    private static func isWide(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }

    /// Decodes UTF-8 and normalises to NFC; nil when the bytes are not valid UTF-8.
    package static func string(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for c in b where c >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: b, as: UTF8.self) }
        guard let s = String(validating: b, as: UTF8.self) else { return nil }
        return nfc(s)
    }

    /// NFC, skipping the (slow) Foundation call for text that is NFC by construction: scripts
    /// and symbols with no decompositions (Latin-1, Cyrillic, general punctuation, emoji).
    package static func nfc(_ s: String) -> String {
        for u in s.unicodeScalars {
            let v = u.value
            let safe = v < 0x0300 || (v >= 0x0400 && v <= 0x04FF) || (v >= 0x2010 && v <= 0x205E)
                || (v >= 0x20A0 && v <= 0x20CF) || (v >= 0x2100 && v <= 0x2125)
                || (v >= 0x2190 && v <= 0x2BFF && v != 0x2329 && v != 0x232A && v != 0x2ADC)  // 〈 〉 ⫝̸ are not NFC-stable
                || (v >= 0x1F000 && v <= 0x1FAFF) || v == 0xFE0F || v == 0x200D
            if !safe { return s.precomposedStringWithCanonicalMapping }
        }
        return s
    }
}
