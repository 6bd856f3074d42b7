import Foundation
import SMMCore

/// web_sessions rows keyed as the bundle keys them (date, source, medium, campaign, content):
/// report rows that land on one key (several untagged social networks, say) are summed.
package struct WebSessionSums: Sendable {
    private var byKey: [String: WebSession] = [:]

    package init() {}

    package mutating func add(_ row: WebSession) {
        var s = row
        let key = [s.date.description, s.source.word, s.medium ?? "", s.campaign ?? "", s.content ?? ""]
            .joined(separator: "\u{1}")
        if let old = byKey[key] {
            func sum(_ a: Int64?, _ b: Int64?) -> Int64? { a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
            s.sessions += old.sessions
            s.users = sum(s.users, old.users); s.pageviews = sum(s.pageviews, old.pageviews)
            s.bounces = sum(s.bounces, old.bounces); s.goalCompletions = sum(s.goalCompletions, old.goalCompletions)
            s.durationSeconds = sum(s.durationSeconds, old.durationSeconds)
        }
        byKey[key] = s
    }

    /// The rows in key order.
    package var sorted: [WebSession] {
        byKey.values.sorted {
            ($0.date, $0.source.word, $0.medium ?? "", $0.campaign ?? "", $0.content ?? "")
                < ($1.date, $1.source.word, $1.medium ?? "", $1.campaign ?? "", $1.content ?? "")
        }
    }
}
