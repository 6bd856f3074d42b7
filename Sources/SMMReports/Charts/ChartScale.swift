import Foundation

/// A linear axis with "nice" round ticks (1, 2, 2.5, 5 × 10ⁿ) that covers the data.
package struct ChartScale: Equatable, Sendable {
    package var low: Double
    package var high: Double
    package var ticks: [Double]

    /// Covers `values` with about `count` ticks. Zero is included when every value has one sign and
    /// zero is near, and always with `includingZero` (bars grow from zero).
    package init(covering values: [Double], count: Int = 4, includingZero: Bool = false) {
        var lo = values.min() ?? 0
        var hi = values.max() ?? 1
        if includingZero { lo = min(lo, 0); hi = max(hi, 0) }
        if lo > 0 && lo < hi * 0.5 { lo = 0 }
        if hi < 0 && hi > lo * 0.5 { hi = 0 }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
            if values.allSatisfy({ $0 >= 0 }) && lo < 0 { lo = 0 }
        }
        let rough = (hi - lo) / Double(max(1, count))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = floor(lo / step) * step
        let last = ceil(hi / step) * step
        var ticks: [Double] = []
        var v = first
        while v <= last + step * 1e-9 {
            ticks.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        self.low = first; self.high = last; self.ticks = ticks
    }

    /// Where a value lies between `from` (low) and `to` (high) pixels.
    package func position(_ value: Double, from: Double, to: Double) -> Double {
        guard high > low else { return from }
        return from + (value - low) / (high - low) * (to - from)
    }
}

/// Two decimals at most, no trailing zeros: SVG coordinates.
package func svgNumber(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    return String(format: "%.2f", r).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
}
