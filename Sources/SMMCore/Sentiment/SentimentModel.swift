import Foundation

/// The trained linear model: per class, a bias and a weight per feature (softmax regression).
/// Classes are ordered negative, neutral, positive.
///
/// Binary layout (little-endian), written by scripts/sentiment/train.py:
/// "SMS1", UInt32 buckets, UInt32 flags (bit 0: stem bigrams, bit 1: character n-grams),
/// UInt32 smallest n, UInt32 largest n, Float32 bias × 3, Float32 dense weights × 64 × 3,
/// Float32 scale, Int16 hashed weights × (buckets − 64) × 3 (weight = value × scale).
package struct SentimentModel: Sendable {
    package static let classes: [Sentiment] = [.negative, .neutral, .positive]

    package var buckets: Int
    package var bigrams: Bool
    package var charGrams: ClosedRange<Int>?
    package var bias: [Float]
    package var dense: [Float]
    package var scale: Float
    package var hashed: [Int16]

    /// Decodes the binary layout above; nil when the bytes are not a model.
    package init?(bytes: [UInt8]) {
        var p = 0
        func u32() -> UInt32? {
            guard p + 4 <= bytes.count else { return nil }
            defer { p += 4 }
            return UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
        }
        func f32() -> Float? { u32().map { Float(bitPattern: $0) } }
        guard bytes.count >= 4, bytes[0] == 0x53, bytes[1] == 0x4D, bytes[2] == 0x53, bytes[3] == 0x31 else { return nil }
        p = 4
        guard let b = u32(), let flags = u32(), let lo = u32(), let hi = u32(), b > 64 else { return nil }
        buckets = Int(b)
        bigrams = flags & 1 != 0
        charGrams = flags & 2 != 0 && lo <= hi ? Int(lo)...Int(hi) : nil
        var bias: [Float] = []
        for _ in 0..<3 { guard let v = f32() else { return nil }; bias.append(v) }
        var dense: [Float] = []
        dense.reserveCapacity(SentimentFeatureExtractor.denseCount * 3)
        for _ in 0..<(SentimentFeatureExtractor.denseCount * 3) { guard let v = f32() else { return nil }; dense.append(v) }
        guard let s = f32() else { return nil }
        let count = (buckets - SentimentFeatureExtractor.denseCount) * 3
        guard bytes.count - p == count * 2 else { return nil }
        var hashed = [Int16](repeating: 0, count: count)
        for i in 0..<count {
            hashed[i] = Int16(bitPattern: UInt16(bytes[p + 2 * i]) | UInt16(bytes[p + 2 * i + 1]) << 8)
        }
        self.bias = bias; self.dense = dense; self.scale = s; self.hashed = hashed
    }

    /// Class scores (logits) of negative, neutral, positive.
    @inline(__always)
    package func scores(_ f: SentimentFeatures) -> (Float, Float, Float) {
        var a = bias[0], b = bias[1], c = bias[2]
        var ha: Float = 0, hb: Float = 0, hc: Float = 0
        let d = SentimentFeatureExtractor.denseCount
        dense.withUnsafeBufferPointer { dw in
            hashed.withUnsafeBufferPointer { hw in
                for k in 0..<f.indices.count {
                    let i = Int(f.indices[k]), v = f.values[k]
                    if i < d {
                        a += dw[3 * i] * v; b += dw[3 * i + 1] * v; c += dw[3 * i + 2] * v
                    } else {
                        let j = 3 * (i - d)
                        ha += Float(hw[j]) * v; hb += Float(hw[j + 1]) * v; hc += Float(hw[j + 2]) * v
                    }
                }
            }
        }
        return (a + ha * scale, b + hb * scale, c + hc * scale)
    }
}
