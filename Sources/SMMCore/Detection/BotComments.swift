import Foundation

/// The bot_comments signal: a post whose user comments arrive in a burst from few authors,
/// repeating each other or only a few words long.
///
/// Only posts whose comments per reach are `commentCandidateRatio` times the account's usual
/// (and at least `minBurstComments`) are read. In the `burstMinutes` window holding the most
/// user comments, a burst is flagged when it has at least `minBurstComments` comments, its
/// distinct authors are at most `maxAuthorShare` of them, and at least `minRepeatShare` of
/// them repeat another comment's text of the window (case, punctuation and spacing ignored)
/// or the median comment is three words or fewer. The estimate is the burst's comments by
/// authors who wrote more than one in it.
struct BotComments {
    let settings: DetectorSettings

    /// Posts whose user comments should be read.
    func candidates(posts: [DetectionPost]) -> [String] {
        var byAccount: [String: [DetectionPost]] = [:]
        for p in posts { byAccount[p.accountID, default: []].append(p) }
        var out: [String] = []
        for (_, list) in byAccount {
            var rates: [Double] = [], counts: [Double] = []
            for p in list {
                guard let c = p.comments else { continue }
                counts.append(Double(c))
                if let a = p.audience, a > 0 { rates.append(Double(c) / Double(a)) }
            }
            let usualRate = RobustStats.median(&rates), usualCount = RobustStats.median(&counts) ?? 0
            for p in list {
                guard let c = p.comments, c >= Int64(settings.minBurstComments) else { continue }
                if let a = p.audience, a > 0, let usualRate {
                    if Double(c) >= settings.commentCandidateRatio * (usualRate * Double(a) + 1) { out.append(p.id) }
                } else if Double(c) >= settings.commentCandidateRatio * (usualCount + 1) {
                    out.append(p.id)
                }
            }
        }
        return out.sorted(by: codePointLess)
    }

    func detect(post: DetectionPost, comments: [DetectionComment], expected: Double) -> Anomaly? {
        let s = settings
        guard comments.count >= s.minBurstComments else { return nil }
        let list = comments.sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : ($0.authorID ?? "") < ($1.authorID ?? "") }
        let window = Int64(s.burstMinutes) * 60_000_000_000
        var best = (lo: 0, hi: 0)
        var lo = 0
        for hi in list.indices {
            while list[hi].createdAt.nanoseconds - list[lo].createdAt.nanoseconds > window { lo += 1 }
            if hi + 1 - lo > best.hi - best.lo { best = (lo, hi + 1) }
        }
        let burst = Array(list[best.lo..<best.hi])
        let n = burst.count
        guard n >= s.minBurstComments else { return nil }

        var byAuthor: [String: Int] = [:], byText: [String: Int] = [:]
        var words: [Double] = []
        for c in burst {
            byAuthor[c.authorID ?? "", default: 0] += 1
            byText[Self.normalized(c.text), default: 0] += 1
            words.append(Double(Words.count(in: c.text ?? "")))
        }
        let authorShare = Double(byAuthor.count) / Double(n)
        let repeated = burst.reduce(0) { $0 + ((byText[Self.normalized($1.text)] ?? 0) >= 2 ? 1 : 0) }
        let repeatShare = Double(repeated) / Double(n)
        let medianWords = RobustStats.median(&words) ?? 0
        guard authorShare <= s.maxAuthorShare, repeatShare >= s.minRepeatShare || medianWords <= 3 else { return nil }
        let fake = burst.reduce(0) { $0 + ((byAuthor[$1.authorID ?? ""] ?? 0) >= 2 ? 1 : 0) }
        guard fake >= s.minBurstComments / 2 else { return nil }

        let minutes = max(1, Int((burst[n - 1].createdAt.nanoseconds - burst[0].createdAt.nanoseconds) / 60_000_000_000))
        let few = min(1, max(0, (s.maxAuthorShare - authorShare) / s.maxAuthorShare))
        let size = min(1, max(0, log(Double(n) / Double(s.minBurstComments)) / log(5)))
        let score = ((0.5 + 0.25 * few + 0.15 * size + 0.1 * repeatShare) * 100).rounded() / 100
        let top = byText.filter { $0.value >= 2 && !$0.key.isEmpty }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2)
        let samples = top.compactMap { key in burst.first { Self.normalized($0.text) == key.key }?.text }
        var text = "\(n) comments in \(minutes) min from \(byAuthor.count) authors"
        if repeated > 0 { text += "; \(DetectionText.percent(repeatShare)) repeat each other" }
        if !samples.isEmpty { text += " (" + samples.map { "“\($0)”" }.joined(separator: ", ") + ")" }
        text += "; about \(DetectionText.count(expected)) comments expected for its reach"
        let numbers = [EvidenceNumber("comments", Double(comments.count)), EvidenceNumber("burst_comments", Double(n)),
                       EvidenceNumber("burst_minutes", Double(minutes)), EvidenceNumber("authors", Double(byAuthor.count)),
                       EvidenceNumber("author_share", authorShare), EvidenceNumber("repeat_share", repeatShare),
                       EvidenceNumber("median_words", medianWords), EvidenceNumber("expected_comments", expected)]
            .map { EvidenceNumber($0.name, DetectionText.figure($0.value)) }
        return Anomaly(id: Anomaly.postID(.botComments, post: post.id), kind: .botComments, accountID: post.accountID,
                       from: post.date, to: post.date, postID: post.id, estimate: Int64(fake), score: min(0.99, score),
                       evidence: Evidence(text: text, numbers: numbers))
    }

    /// Lower case, letters, digits and emoji only, single spaces: “Класс!!” and “класс” repeat.
    static func normalized(_ text: String?) -> String {
        guard let text else { return "" }
        var out = "", space = false
        for u in text.lowercased().unicodeScalars {
            if u.properties.isAlphabetic || CharacterSet.decimalDigits.contains(u) || u.properties.isEmojiPresentation {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(u)
            } else {
                space = true
            }
        }
        return out
    }
}
