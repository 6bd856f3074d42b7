import Foundation

/// The kinds of suspected cheating (cli.md `anomalies`).
package enum AnomalyKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// A run of days on which an account gained followers its reach does not explain.
    case boughtFollowers = "bought_followers"
    /// A post whose likes are far above what its reach and the account's rates explain.
    case botEngagement = "bot_engagement"
    /// A post whose comments arrive in a burst from few authors, short and repetitive.
    case botComments = "bot_comments"

    /// The id prefix: `bf:<account_id>:<from>`, `be:<post_id>`, `bc:<post_id>`.
    package var idPrefix: String {
        switch self {
        case .boughtFollowers: return "bf"
        case .botEngagement: return "be"
        case .botComments: return "bc"
        }
    }
}

/// Where a director's review of an anomaly stands.
package enum AnomalyStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case open, confirmed, dismissed
}

/// `high` from a score of 0.8, `medium` from 0.5, `low` below (cli.md).
package enum Severity: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case low, medium, high

    package init(score: Double) {
        self = score >= 0.8 ? .high : score >= 0.5 ? .medium : .low
    }

    private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One figure the detector used, by a documented name (docs/detection.md).
package struct EvidenceNumber: Hashable, Sendable {
    package var name: String
    package var value: Double
    package init(_ name: String, _ value: Double) { self.name = name; self.value = value }
}

/// Why the detector flagged something: a sentence a director can read, and the figures.
package struct Evidence: Hashable, Sendable {
    package var text: String
    /// In the order the detector wrote them.
    package var numbers: [EvidenceNumber]
    package init(text: String, numbers: [EvidenceNumber]) { self.text = text; self.numbers = numbers }

    /// The figure of that name, if the detector wrote one.
    package subscript(_ name: String) -> Double? { numbers.first { $0.name == name }?.value }
}

/// A director's verdict on an anomaly: the status it gives, when, and an optional note.
package struct Verdict: Hashable, Sendable {
    /// `confirmed` or `dismissed`.
    package var status: AnomalyStatus
    package var note: String?
    package var at: Instant
    package init(status: AnomalyStatus, note: String?, at: Instant) {
        self.status = status; self.note = note; self.at = at
    }
}

/// One suspected case of cheating, as `smmkpi anomalies` lists it.
package struct Anomaly: Hashable, Sendable {
    /// Stable across runs: `bf:<account_id>:<from>`, `be:<post_id>`, `bc:<post_id>`.
    package var id: String
    package var kind: AnomalyKind
    package var accountID: String
    /// First and last day (inclusive). A post's anomaly has both equal to its publication date.
    package var from: LocalDate
    package var to: LocalDate
    /// The post of a `bot_engagement` or `bot_comments` anomaly.
    package var postID: String?
    /// Followers judged bought, fake interactions, or fake comments.
    package var estimate: Int64
    /// `bought_followers` only: the estimate per day of the run, summing to ``estimate``.
    package var byDay: [BoughtFollowersDay]
    /// The detector's confidence, 0–1 (two decimals).
    package var score: Double
    package var status: AnomalyStatus
    package var evidence: Evidence
    /// The verdict behind a `confirmed` or `dismissed` status.
    package var verdict: Verdict?

    package init(id: String, kind: AnomalyKind, accountID: String, from: LocalDate, to: LocalDate,
                 postID: String? = nil, estimate: Int64, byDay: [BoughtFollowersDay] = [], score: Double,
                 status: AnomalyStatus = .open, evidence: Evidence, verdict: Verdict? = nil) {
        self.id = id; self.kind = kind; self.accountID = accountID; self.from = from; self.to = to
        self.postID = postID; self.estimate = estimate; self.byDay = byDay; self.score = score
        self.status = status; self.evidence = evidence; self.verdict = verdict
    }

    package var severity: Severity { Severity(score: score) }

    /// The post's publication date (post kinds), the same as ``from``.
    package var date: LocalDate { from }

    /// The stable id of a bought-followers run.
    package static func boughtFollowersID(account: String, from: LocalDate) -> String { "bf:\(account):\(from)" }
    /// The stable id of a post anomaly.
    package static func postID(_ kind: AnomalyKind, post: String) -> String { "\(kind.idPrefix):\(post)" }

    /// Whether the anomaly touches P: a run that overlaps P, a post published in P (cli.md).
    package func touches(_ period: Period) -> Bool { from <= period.last && to >= period.first }

    /// cli.md order: first date, then account_id, then id (code point order).
    package static func listOrder(_ a: Anomaly, _ b: Anomaly) -> Bool {
        if a.from != b.from { return a.from < b.from }
        if a.accountID != b.accountID { return codePointLess(a.accountID, b.accountID) }
        return codePointLess(a.id, b.id)
    }
}
