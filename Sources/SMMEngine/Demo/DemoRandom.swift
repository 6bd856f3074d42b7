import Foundation

/// xoshiro256** seeded through SplitMix64: small, fast, and the same numbers on every platform.
///
/// The demo bundle must be byte-identical for a seed on every machine, so nothing here calls
/// the system generator or the C math library (whose last-bit results differ between
/// platforms): only integer arithmetic and correctly rounded `+ - * / sqrt`.
struct DemoRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// An independent stream for (`seed`, `stream`): accounts and brands each get their own,
    /// so adding an account does not shift the numbers of the others.
    init(seed: UInt64, stream: UInt64 = 0) {
        var sm = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        s0 = DemoRandom.splitMix(&sm)
        s1 = DemoRandom.splitMix(&sm)
        s2 = DemoRandom.splitMix(&sm)
        s3 = DemoRandom.splitMix(&sm)
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// Uniform in 0..<n (n > 0).
    mutating func int(_ n: Int) -> Int { Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high) }

    /// Uniform in the closed range.
    mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.upperBound - r.lowerBound + 1) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// Index drawn by weights (need not sum to 1).
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var u = unit() * total
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.count - 1
    }

    /// Approximately standard normal (Irwin–Hall of four uniforms, scaled to variance 1;
    /// bounded at ±3.46, which suits demo data better than real tails).
    mutating func normal() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508075688772
    }

    /// Log-normal with mean 1 and shape `sigma`.
    mutating func logNormal(_ sigma: Double) -> Double {
        DemoMath.exp(sigma * normal() - sigma * sigma / 2)
    }

    /// Poisson: Knuth's product method for small means, a rounded normal for large ones.
    mutating func poisson(_ lambda: Double) -> Int {
        if !(lambda > 0) { return 0 }
        if lambda < 40 {
            let limit = DemoMath.exp(-lambda)
            var k = 0, p = unit()
            while p > limit {
                k += 1
                p *= unit()
            }
            return k
        }
        let v = (lambda + lambda.squareRoot() * normal()).rounded()
        return v < 0 ? 0 : Int(v)
    }

    /// Exponential waiting time with the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * DemoMath.log(1 - unit()) }
}

/// `exp` and `log` from correctly rounded arithmetic only, so results do not depend on the
/// platform's libm.
enum DemoMath {
    static let ln2 = 0.6931471805599453
    private static let ln2Hi = 0.6931471803691238
    private static let ln2Lo = 1.9082149292705877e-10

    static func exp(_ x: Double) -> Double {
        if x > 709 { return .infinity }
        if x < -708 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo  // |r| ≤ ln2/2
        var p = 1.0, n = 13.0  // Horner form of the Taylor series to r^13/13!
        while n >= 1 {
            p = 1 + r * p / n
            n -= 1
        }
        return Double(sign: .plus, exponent: Int(k), significand: p)
    }

    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "DemoMath.log of \(x)")
        var e = Double(Int(x.exponent))
        var m = x.significand  // [1, 2)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let z = (m - 1) / (m + 1)  // |z| < 0.172
        let z2 = z * z
        var term = z, sum = z, n = 3.0
        while n < 30 {
            term *= z2
            sum += term / n
            n += 2
        }
        return 2 * sum + e * ln2
    }
}
