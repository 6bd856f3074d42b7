import Foundation

/// The product's cheating detector (cli.md `anomalies`): pure and deterministic, the same
/// input always gives the same anomalies, with the same ids.
package struct CheatingDetector: Sendable {
    package var settings: DetectorSettings
    /// Currency of ad spend in evidence sentences.
    package var currency: String

    package init(settings: DetectorSettings = DetectorSettings(), currency: String = "RUB") {
        self.settings = settings; self.currency = currency
    }

    /// The method's revision: raise it with every change of how anomalies are found.
    static let method = 2

    /// Changes whenever the detector's method or thresholds change (cached results are dropped).
    package var version: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in String(describing: settings).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "detector-\(Self.method)-" + String(h, radix: 16)
    }

    /// The posts whose user comments ``detect(_:)`` needs in ``DetectionInput/comments``.
    package func commentCandidates(_ input: DetectionInput) -> [String] {
        BotComments(settings: settings).candidates(posts: input.posts)
    }

    /// Every anomaly in the input, status `open`, in cli.md order.
    package func detect(_ input: DetectionInput) -> [Anomaly] {
        var out: [Anomaly] = []
        var postsByAccount: [String: [DetectionPost]] = [:]
        for p in input.posts { postsByAccount[p.accountID, default: []].append(p) }
        let followers = FollowerAnomalies(settings: settings, currency: currency)
        for t in AccountTimeline.build(input, settings: settings) {
            var reaches = (postsByAccount[t.account.id] ?? []).compactMap { $0.audience.map(Double.init) }
            out += followers.detect(t, usualPostReach: RobustStats.median(&reaches) ?? 0)
        }
        let bots = BotEngagement(settings: settings)
        let commentCheck = BotComments(settings: settings)
        for account in input.accounts {
            guard let posts = postsByAccount[account.id] else { continue }
            out += bots.detect(posts: posts)
            var rates = posts.compactMap { p -> Double? in
                guard let a = p.audience, a > 0, let c = p.comments else { return nil }
                return Double(c) / Double(a)
            }
            let usualRate = RobustStats.median(&rates) ?? 0
            for p in posts {
                guard let comments = input.comments[p.id] else { continue }
                let expected = usualRate * Double(p.audience ?? 0)
                if let a = commentCheck.detect(post: p, comments: comments, expected: expected) { out.append(a) }
            }
        }
        out.sort(by: Anomaly.listOrder)
        return out
    }
}
