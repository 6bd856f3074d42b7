import Foundation
import SMMCore

/// A result row of either store, read by 0-based column, so that both stores turn rows into
/// the same values with the same code.
protocol StoredRow {
    func isNull(_ i: Int) -> Bool
    func int64(_ i: Int) -> Int64
    func text(_ i: Int) -> String
}

extension StoredRow {
    func optInt64(_ i: Int) -> Int64? { isNull(i) ? nil : int64(i) }
    func optBool(_ i: Int) -> Bool? { isNull(i) ? nil : int64(i) != 0 }
    func optText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }
    /// Key columns store an empty cell as '' (SQLite's UNIQUE would treat NULLs as distinct).
    func keyText(_ i: Int) -> String? {
        let s = text(i)
        return s.isEmpty ? nil : s
    }
    func decimal(_ i: Int) -> Decimal { Decimal(string: text(i), locale: storedRowPOSIX) ?? 0 }
    func date(_ i: Int) -> LocalDate { LocalDate(dayNumber: Int32(int64(i))) }

    /// date, source, medium, campaign, content, sessions, users, pageviews, bounces, goal_completions, duration_seconds.
    func webSession() -> WebSession {
        WebSession(date: date(0), source: Source(text(1)), medium: keyText(2), campaign: keyText(3), content: keyText(4),
                   sessions: int64(5), users: optInt64(6), pageviews: optInt64(7), bounces: optInt64(8),
                   goalCompletions: optInt64(9), durationSeconds: optInt64(10))
    }

    /// lead_id, created_at, local_date, source, qualified, customer_id from column `o`.
    func lead(at o: Int) -> Lead {
        Lead(id: text(o), createdAt: Instant(nanoseconds: int64(o + 1)), localDate: date(o + 2),
             source: Source(text(o + 3)), qualified: optBool(o + 4), customerID: optText(o + 5))
    }

    /// post_id, account_id, local_date, format, topic, promoted, partner, with the post's latest snapshot.
    func detectionPost(latest: [String: PostMetrics]) -> DetectionPost {
        let id = text(0)
        let m = latest[id]
        return DetectionPost(
            id: id, accountID: text(1), date: date(2), format: PostFormat(rawValue: text(3)) ?? .other,
            topic: optText(4), promoted: optBool(5), partner: optText(6), reach: m?.reach,
            impressions: m?.impressions, videoViews: m?.videoViews, likes: m?.likes, comments: m?.comments,
            reposts: m?.reposts, saves: m?.saves)
    }

    /// The columns of the `comments(window:)` listing query.
    func commentListing() -> CommentListing {
        let given = optText(8).flatMap(Sentiment.init(rawValue:))
        let c = Comment(id: text(0), postID: text(1), createdAt: Instant(nanoseconds: int64(2)), localDate: date(3),
                        authorID: optText(4), text: optText(5), fromBrand: optBool(6), parentID: optText(7), sentiment: given)
        let labels = LabeledText(kind: .comment, id: c.id, text: c.text, given: given,
                                 model: optText(11).flatMap(Sentiment.init(rawValue:)),
                                 user: optText(12).flatMap(Sentiment.init(rawValue:)), correctedAt: optText(13))
        return CommentListing(comment: c, accountID: text(9), hasBrandReply: int64(10) != 0, labels: labels)
    }
}

private let storedRowPOSIX = Locale(identifier: "en_US_POSIX")

/// The current row of a SQLite statement as a ``StoredRow``.
struct SQLiteRow: StoredRow {
    let statement: RawStatement
    func isNull(_ i: Int) -> Bool { statement.isNull(Int32(i)) }
    func int64(_ i: Int) -> Int64 { statement.int64(Int32(i)) }
    func text(_ i: Int) -> String { statement.text(Int32(i)) }
}
