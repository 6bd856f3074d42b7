import Foundation

/// How evidence sentences write numbers and dates: `1 240`, `24×`, `38 %`, `12–13 Nov`.
package enum DetectionText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 1240 → "1 240" (a space between thousands, as a Russian reader expects).
    package static func count(_ v: Double) -> String {
        let n = Int64(v.rounded())
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(" ") }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// 24.3 → "24×", 2.14 → "2.1×".
    package static func times(_ v: Double) -> String {
        v >= 10 ? "\(Int(v.rounded()))×" : String(format: "%.1f×", v)
    }

    /// 0.384 → "38 %".
    package static func percent(_ share: Double) -> String {
        let p = share * 100
        return p < 10 && p != p.rounded() ? String(format: "%.1f %%", p) : "\(Int(p.rounded())) %"
    }

    /// "12 Nov", "12–13 Nov", "30 Nov – 2 Dec", "30 Dec 2024 – 2 Jan 2025".
    package static func days(_ from: LocalDate, _ to: LocalDate) -> String {
        let a = from.components, b = to.components
        let ma = months[a.month - 1], mb = months[b.month - 1]
        if from == to { return "\(a.day) \(ma)" }
        if a.year != b.year { return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)" }
        if a.month == b.month { return "\(a.day)–\(b.day) \(ma)" }
        return "\(a.day) \(ma) – \(b.day) \(mb)"
    }

    /// Rounds a figure for `numbers`: whole numbers stay whole, ratios keep 3 decimals.
    package static func figure(_ v: Double) -> Double {
        guard v.isFinite else { return 0 }
        if v == v.rounded() { return v }
        return (v * 1000).rounded() / 1000
    }
}
