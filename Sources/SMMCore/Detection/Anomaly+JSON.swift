import Foundation

/// The JSON of one anomaly in `anomalies --format json` (cli.md), also the form the store keeps
/// a judged anomaly in. A verdicted anomaly adds `verdict: {"at", "note"}`.
extension Anomaly: Codable {
    private enum Keys: String, CodingKey {
        case id, kind, status, severity, score, evidence, verdict, from, to, date
        case accountID = "account_id", postID = "post_id", byDay = "by_day"
        case estimatedFollowers = "estimated_followers"
        case estimatedFakeInteractions = "estimated_fake_interactions"
        case estimatedFakeComments = "estimated_fake_comments"
    }
    private enum EvidenceKeys: String, CodingKey { case text, numbers }
    private enum VerdictKeys: String, CodingKey { case at, note }

    /// Keys chosen at run time (dates of `by_day`, names of `numbers`).
    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private var estimateKey: Keys {
        switch kind {
        case .boughtFollowers: return .estimatedFollowers
        case .botEngagement: return .estimatedFakeInteractions
        case .botComments: return .estimatedFakeComments
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(accountID, forKey: .accountID)
        if kind == .boughtFollowers {
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(estimate, forKey: .estimatedFollowers)
            var days = c.nestedContainer(keyedBy: Name.self, forKey: .byDay)
            for d in byDay { try days.encode(d.count, forKey: Name(d.date.description)) }
        } else {
            try c.encode(postID, forKey: .postID)
            try c.encode(from, forKey: .date)
            try c.encode(estimate, forKey: estimateKey)
        }
        try c.encode(severity.rawValue, forKey: .severity)
        try c.encode(score, forKey: .score)
        try c.encode(status.rawValue, forKey: .status)
        var e = c.nestedContainer(keyedBy: EvidenceKeys.self, forKey: .evidence)
        try e.encode(evidence.text, forKey: .text)
        var n = e.nestedContainer(keyedBy: Name.self, forKey: .numbers)
        for x in evidence.numbers { try n.encode(x.value, forKey: Name(x.name)) }
        if let verdict {
            var v = c.nestedContainer(keyedBy: VerdictKeys.self, forKey: .verdict)
            try v.encode(verdict.at.iso8601, forKey: .at)
            try v.encode(verdict.note, forKey: .note)
        }
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        let kindText = try c.decode(String.self, forKey: .kind)
        guard let k = AnomalyKind(rawValue: kindText) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind \(kindText)")
        }
        kind = k
        accountID = try c.decode(String.self, forKey: .accountID)
        if kind == .boughtFollowers {
            from = try c.decode(LocalDate.self, forKey: .from)
            to = try c.decode(LocalDate.self, forKey: .to)
            postID = nil
            let days = try c.nestedContainer(keyedBy: Name.self, forKey: .byDay)
            var list: [BoughtFollowersDay] = []
            for key in days.allKeys {
                guard let date = LocalDate(iso: key.stringValue) else { continue }
                list.append(BoughtFollowersDay(accountID: accountID, date: date, count: try days.decode(Int64.self, forKey: key)))
            }
            byDay = list.sorted { $0.date < $1.date }
        } else {
            postID = try c.decode(String.self, forKey: .postID)
            from = try c.decode(LocalDate.self, forKey: .date)
            to = from
            byDay = []
        }
        estimate = 0
        score = try c.decode(Double.self, forKey: .score)
        status = AnomalyStatus(rawValue: try c.decode(String.self, forKey: .status)) ?? .open
        let e = try c.nestedContainer(keyedBy: EvidenceKeys.self, forKey: .evidence)
        let n = try e.nestedContainer(keyedBy: Name.self, forKey: .numbers)
        var numbers: [EvidenceNumber] = []
        for key in n.allKeys { numbers.append(EvidenceNumber(key.stringValue, try n.decode(Double.self, forKey: key))) }
        let rank = Dictionary(Self.numberOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        numbers.sort { (rank[$0.name] ?? Int.max, $0.name) < (rank[$1.name] ?? Int.max, $1.name) }
        evidence = Evidence(text: try e.decode(String.self, forKey: .text), numbers: numbers)
        verdict = nil
        estimate = try c.decode(Int64.self, forKey: estimateKey)
        if c.contains(.verdict) {
            let v = try c.nestedContainer(keyedBy: VerdictKeys.self, forKey: .verdict)
            let at = try v.decode(String.self, forKey: .at)
            verdict = Verdict(status: status, note: try v.decodeIfPresent(String.self, forKey: .note),
                              at: Self.instant(iso: at) ?? Instant(nanoseconds: 0))
        }
    }

    /// The order the detectors write their figures in (a JSON object does not keep it).
    static let numberOrder = [
        "joined", "expected_joined", "joined_ratio", "baseline_joined_per_day", "baseline_sigma", "explained_joins",
        "unexplained_share", "reach_ratio", "views_ratio", "ad_spend", "max_post_reach_ratio", "mention_reach",
        "participation", "left_after", "left_after_share", "left_after_days", "er_per_follower_change",
        "likes", "reach", "likes_per_reach", "usual_likes_per_reach", "likes_ratio", "z", "expected_likes",
        "comments_ratio", "reposts_ratio", "saves_ratio", "norm_posts",
        "comments", "burst_comments", "burst_minutes", "authors", "author_share", "repeat_share", "median_words",
        "expected_comments",
    ]

    /// Reads the `2024-11-01T09:30:00Z` / `…00.5Z` form ``Instant/iso8601`` writes.
    static func instant(iso: String) -> Instant? {
        guard let result = ValueParser.run(iso, ValueParser.dateTime) else { return nil }
        return result.resolve(in: ZoneClock(timeZone: TimeZone(identifier: "UTC")!))
    }
}
