import Foundation
import Logging
import PostgresNIO
import SMMCore

extension PostgresStore: AnomalyStore {
    package func detectionInput() async throws -> DetectionInput {
        try await read("read the data for the cheating detector") { c in
            try await Self.readDetectionInput(c, logger: logger)
        }
    }

    /// The same reads as ``SQLiteStore/readDetectionInput(_:)``, in the same row order.
    static func readDetectionInput(_ c: PostgresConnection, logger: Logger) async throws -> DetectionInput {
        func each(_ query: PostgresQuery, _ body: (PGRow) throws -> Void) async throws {
            try await PostgresStore.each(c, query, logger: logger, body)
        }
        var input = DetectionInput(accounts: try await readAccounts(c, logger: logger))
        try await each("""
            SELECT account_id, date, followers, joined, "left", reach, views FROM account_daily ORDER BY account_id, date
            """) { r in
            input.days.append(AccountDay(accountID: r.text(0), date: r.date(1), followers: r.int64(2),
                                         joined: r.optInt64(3), left: r.optInt64(4), reach: r.optInt64(5),
                                         views: r.optInt64(6)))
        }
        // The latest snapshot per post.
        var latest: [String: PostMetrics] = [:]
        try await each("""
            SELECT DISTINCT ON (post_id) post_id, reach, impressions, video_views, likes, comments, reposts, saves
            FROM post_metrics ORDER BY post_id, collected_at DESC
            """) { r in
            let id = r.text(0)
            latest[id] = PostMetrics(postID: id, collectedAt: Instant(nanoseconds: 0), impressions: r.optInt64(2),
                                     reach: r.optInt64(1), likes: r.optInt64(4), comments: r.optInt64(5),
                                     reposts: r.optInt64(6), saves: r.optInt64(7), videoViews: r.optInt64(3))
        }
        try await each("""
            SELECT post_id, account_id, local_date, format, topic, promoted, partner FROM posts ORDER BY seq
            """) { r in
            input.posts.append(r.detectionPost(latest: latest))
        }
        // ad_spend summed per day and account; rows without an account per day and network.
        var ads = AdDayTotals()
        try await each("""
            SELECT date, account_id, network, spend, reach, impressions, clicks FROM ad_spend
            ORDER BY date, campaign, account_id, network
            """) { r in
            ads.add(date: r.date(0), account: r.keyText(1), network: r.keyText(2).flatMap(Network.init(rawValue:)),
                    spend: r.text(3), reach: r.optInt64(4), impressions: r.optInt64(5), clicks: r.optInt64(6))
        }
        input.ads = ads.sorted

        try await each("""
            SELECT local_date, network, count(*), coalesce(sum(reach), 0)::bigint, coalesce(max(reach), 0) FROM mentions
            GROUP BY local_date, network ORDER BY local_date, network NULLS FIRST
            """) { r in
            input.mentions.append(MentionDay(date: r.date(0), network: r.optText(1).flatMap(Network.init(rawValue:)),
                                             count: Int(r.int64(2)), reach: r.int64(3), maxReach: r.int64(4)))
        }
        return input
    }

    package func userComments(posts: [String]) async throws -> [String: [DetectionComment]] {
        guard !posts.isEmpty else { return [:] }
        return try await read("read the comments for the cheating detector") { c in
            var out: [String: [DetectionComment]] = [:]
            try await Self.each(c, """
                SELECT post_id, created_at, author_id, text FROM comments
                WHERE post_id = ANY(\(posts)) AND coalesce(from_brand, 0) = 0 ORDER BY seq
                """, logger: logger) { r in
                let dc = DetectionComment(postID: r.text(0), createdAt: Instant(nanoseconds: r.int64(1)),
                                          authorID: r.optText(2), text: r.optText(3))
                out[dc.postID, default: []].append(dc)
            }
            return out
        }
    }

    package func dataVersion() async throws -> String {
        try await read("read the data version") { c in
            let row = try await Self.first(c, "SELECT count(*), coalesce(max(import_id), 0) FROM imports", logger: logger)
            return "imports-\(row?.int64(0) ?? 0)-\(row?.int64(1) ?? 0)"
        }
    }

    package func cachedAnomalies(key: String) async throws -> [Anomaly]? {
        try await read("read the cached anomalies") { c -> [Anomaly]? in
            let stored = try await Self.first(c, "SELECT value FROM meta WHERE key = 'detection_cache_key'", logger: logger)
            guard stored?.text(0) == key else { return nil }
            let decoder = JSONDecoder()
            var out: [Anomaly] = []
            try await Self.each(c, "SELECT anomaly FROM anomaly_cache ORDER BY position", logger: logger) { r in
                out.append(try decoder.decode(Anomaly.self, from: Data(r.text(0).utf8)))
            }
            return out
        }
    }

    package func cacheAnomalies(_ anomalies: [Anomaly], key: String) async throws {
        let encoder = JSONEncoder()
        let rows = try anomalies.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let ids = anomalies.map(\.id), positions = anomalies.indices.map { Int64($0) }
        try await transaction("cache the anomalies") { c in
            try await c.query("DELETE FROM anomaly_cache", logger: logger)
            if !rows.isEmpty {
                try await c.query("""
                    INSERT INTO anomaly_cache (position, anomaly_id, anomaly)
                    SELECT * FROM unnest(\(positions)::bigint[], \(ids)::text[], \(rows)::text[])
                    """, logger: logger)
            }
            try await c.query("""
                INSERT INTO meta (key, value) VALUES ('detection_cache_key', \(key))
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """, logger: logger)
        }
    }

    package func verdictedAnomalies() async throws -> [Anomaly] {
        try await read("read the verdicts") { c in
            let decoder = JSONDecoder()
            var out: [Anomaly] = []
            try await Self.each(c, "SELECT anomaly FROM anomaly_verdicts ORDER BY date_from, account_id, anomaly_id",
                                logger: logger) { r in out.append(try decoder.decode(Anomaly.self, from: Data(r.text(0).utf8))) }
            return out
        }
    }

    package func recordVerdict(_ anomaly: Anomaly) async throws {
        guard let verdict = anomaly.verdict, anomaly.status != .open else {
            throw StoreError.failed(operation: "record the verdict", reason: "the anomaly has no verdict")
        }
        let json = String(decoding: try JSONEncoder().encode(anomaly), as: UTF8.self)
        let from = Int64(anomaly.from.dayNumber), to = Int64(anomaly.to.dayNumber), at = verdict.at.nanoseconds
        try await transaction("record the verdict") { c in
            try await c.query("""
                INSERT INTO anomaly_verdicts (anomaly_id, kind, account_id, date_from, date_to, status, note, decided_at, anomaly)
                VALUES (\(anomaly.id), \(anomaly.kind.rawValue), \(anomaly.accountID), \(from), \(to),
                        \(anomaly.status.rawValue), \(verdict.note), \(at), \(json))
                ON CONFLICT (anomaly_id) DO UPDATE SET kind = EXCLUDED.kind, account_id = EXCLUDED.account_id,
                    date_from = EXCLUDED.date_from, date_to = EXCLUDED.date_to, status = EXCLUDED.status,
                    note = EXCLUDED.note, decided_at = EXCLUDED.decided_at, anomaly = EXCLUDED.anomaly
                """, logger: logger)
            try await c.query("""
                INSERT INTO anomaly_verdict_log (anomaly_id, status, note, decided_at)
                VALUES (\(anomaly.id), \(anomaly.status.rawValue), \(verdict.note), \(at))
                """, logger: logger)
        }
    }
}
