import Foundation

/// Network codes of bundle-format.md, matched case-insensitively.
package enum Network: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case vk, telegram, dzen, ok, instagram, facebook, x, youtube, tiktok, rutube, max, other

    /// Reads a network code case-insensitively (` Telegram ` after trimming is `telegram`).
    package init?(code: String) { self.init(rawValue: code.lowercased()) }

    package static func < (a: Network, b: Network) -> Bool { a.rawValue < b.rawValue }
}

/// A traffic or lead source: a network code or any other word, compared case-insensitively.
package struct Source: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Lower-cased source word.
    package var word: String

    package init(_ text: String) { self.word = text.lowercased() }

    /// The network, when the word is a network code.
    package var network: Network? { Network(rawValue: word) }

    /// Social rows have a network code other than `other` (kpi-catalog.md "Social rows").
    package var isSocial: Bool {
        guard let n = network else { return false }
        return n != .other
    }

    package var description: String { word }
    package static func < (a: Source, b: Source) -> Bool { a.word < b.word }
}

package enum Sentiment: String, CaseIterable, Sendable, Codable, Hashable {
    case positive, neutral, negative
}

package enum PostFormat: String, CaseIterable, Sendable, Codable, Hashable {
    case post, clip, video, story, article, live, carousel, poll, other
}

package enum MessageKind: String, CaseIterable, Sendable, Codable, Hashable {
    case dm, question, other
}

package enum CostCategory: String, CaseIterable, Sendable, Codable, Hashable {
    case salary, contractor, content, tools, other
}

package enum DealStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case won, lost
}

package enum AudienceDimension: String, CaseIterable, Sendable, Codable, Hashable {
    case gender, age, city, country, interest
}

/// Where a review was left: a network code, or any other place name.
package enum ReviewPlace: Hashable, Sendable {
    case network(Network)
    case place(String)

    /// A network code (case-insensitive) is a network; any other text is a place.
    package init(_ text: String) {
        if let n = Network(code: text) { self = .network(n) } else { self = .place(text) }
    }

    package var network: Network? {
        if case .network(let n) = self { return n }
        return nil
    }

    package var text: String {
        switch self {
        case .network(let n): return n.rawValue
        case .place(let p): return p
        }
    }
}
