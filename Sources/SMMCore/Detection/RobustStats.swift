import Foundation

/// Median and median absolute deviation: baselines that one spike cannot move.
package enum RobustStats {
    /// The median of `values` (the mean of the middle two for an even count); nil when empty.
    /// Sorts `values` in place (callers pass scratch buffers).
    package static func median(_ values: inout [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }

    /// The median of a copy of `values`.
    package static func median(of values: [Double]) -> Double? {
        var v = values
        return median(&v)
    }

    /// Median and MAD (median of |x − median|) of `values`; sorts and overwrites the buffer.
    package static func medianAndMAD(_ values: inout [Double]) -> (median: Double, mad: Double)? {
        guard let m = median(&values) else { return nil }
        for i in values.indices { values[i] = abs(values[i] - m) }
        return (m, median(&values) ?? 0)
    }

    /// 1.4826 × MAD estimates a normal standard deviation.
    package static let madToSigma = 1.4826

    /// Integers proportional to `weights` summing to `total` (largest remainder).
    package static func apportion(_ total: Int64, _ weights: [Double]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard sum > 0, !weights.isEmpty else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var out = exact.map { Int64($0.rounded(.down)) }
        var rest = total - out.reduce(0, +)
        let remainder = exact.indices.map { exact[$0] - Double(out[$0]) }
        let order = exact.indices.sorted { remainder[$0] != remainder[$1] ? remainder[$0] > remainder[$1] : $0 < $1 }
        var k = 0
        while rest > 0, !order.isEmpty {
            out[order[k % order.count]] += 1
            rest -= 1
            k += 1
        }
        return out
    }
}
