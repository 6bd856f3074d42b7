import Foundation
import GRDB
import SMMCore

extension SQLiteStore: AnomalyStore {
    package func detectionInput() async throws -> DetectionInput {
        try guarded("read the data for the cheating detector") {
            try pool.read { db in try SQLiteStore.readDetectionInput(db) }
        }
    }

    static func readDetectionInput(_ db: Database) throws -> DetectionInput {
        var input = DetectionInput(accounts: try readAccounts(db))
        try RawStatement(db, """
            SELECT account_id, date, followers, joined, "left", reach, views FROM account_daily
            """).forEach { r in
            input.days.append(AccountDay(accountID: r.text(0), date: r.date(1), followers: r.int64(2),
                                         joined: r.optInt64(3), left: r.optInt64(4), reach: r.optInt64(5),
                                         views: r.optInt64(6)))
        }

        // Latest snapshot per post: the primary key orders snapshots by (post_id, collected_at),
        // so the last row of each post wins; one scan instead of a lookup per post.
        var latest: [String: PostMetrics] = [:]
        try RawStatement(db, """
            SELECT post_id, reach, impressions, video_views, likes, comments, reposts, saves FROM post_metrics
            ORDER BY post_id, collected_at
            """).forEach { r in
            let id = r.text(0)
            latest[id] = PostMetrics(postID: id, collectedAt: Instant(nanoseconds: 0), impressions: r.optInt64(2),
                                     reach: r.optInt64(1), likes: r.optInt64(4), comments: r.optInt64(5),
                                     reposts: r.optInt64(6), saves: r.optInt64(7), videoViews: r.optInt64(3))
        }
        try RawStatement(db, """
            SELECT post_id, account_id, local_date, format, topic, promoted, partner FROM posts
            """).forEach { r in
            input.posts.append(SQLiteRow(statement: r).detectionPost(latest: latest))
        }

        // ad_spend summed per day and account; rows without an account per day and network.
        var ads = AdDayTotals()
        try RawStatement(db, """
            SELECT date, account_id, network, spend, reach, impressions, clicks FROM ad_spend
            """).forEach { r in
            ads.add(date: r.date(0), account: r.keyText(1), network: r.keyText(2).flatMap(Network.init(rawValue:)),
                    spend: r.text(3), reach: r.optInt64(4), impressions: r.optInt64(5), clicks: r.optInt64(6))
        }
        input.ads = ads.sorted

        try RawStatement(db, """
            SELECT local_date, network, count(*), coalesce(sum(reach), 0), coalesce(max(reach), 0) FROM mentions
            GROUP BY local_date, network ORDER BY local_date, network
            """).forEach { r in
            input.mentions.append(MentionDay(date: r.date(0), network: r.optText(1).flatMap(Network.init(rawValue:)),
                                             count: Int(r.int64(2)), reach: r.int64(3), maxReach: r.int64(4)))
        }
        return input
    }

    package func userComments(posts: [String]) async throws -> [String: [DetectionComment]] {
        guard !posts.isEmpty else { return [:] }
        return try guarded("read the comments for the cheating detector") {
            try pool.read { db in
                let ids = String(decoding: try JSONEncoder().encode(posts), as: UTF8.self)
                let s = try RawStatement(db, """
                    SELECT post_id, created_at, author_id, text FROM comments
                    WHERE post_id IN (SELECT value FROM json_each(?1)) AND coalesce(from_brand, 0) = 0
                    """)
                s.bind(1, ids)
                var out: [String: [DetectionComment]] = [:]
                try s.forEach { r in
                    let c = DetectionComment(postID: r.text(0), createdAt: Instant(nanoseconds: r.int64(1)),
                                             authorID: r.optText(2), text: r.optText(3))
                    out[c.postID, default: []].append(c)
                }
                return out
            }
        }
    }

    package func dataVersion() async throws -> String {
        try guarded("read the data version") {
            try pool.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(import_id), 0) FROM imports")
                let n: Int64 = row?[0] ?? 0, last: Int64 = row?[1] ?? 0
                return "imports-\(n)-\(last)"
            }
        }
    }

    package func cachedAnomalies(key: String) async throws -> [Anomaly]? {
        try guarded("read the cached anomalies") {
            try pool.read { db -> [Anomaly]? in
                guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'detection_cache_key'") == key else {
                    return nil
                }
                let decoder = JSONDecoder()
                var out: [Anomaly] = []
                try RawStatement(db, "SELECT anomaly FROM anomaly_cache ORDER BY position").forEach { r in
                    out.append(try decoder.decode(Anomaly.self, from: Data(r.text(0).utf8)))
                }
                return out
            }
        }
    }

    package func cacheAnomalies(_ anomalies: [Anomaly], key: String) async throws {
        let encoder = JSONEncoder()
        let rows = try anomalies.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try guarded("cache the anomalies") {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM anomaly_cache")
                let insert = try RawStatement(db, "INSERT INTO anomaly_cache (position, anomaly_id, anomaly) VALUES (?1, ?2, ?3)")
                for (i, a) in anomalies.enumerated() {
                    insert.bind(1, i)
                    insert.bind(2, a.id)
                    insert.bind(3, rows[i])
                    try insert.run()
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('detection_cache_key', ?)",
                               arguments: [key])
            }
        }
    }

    package func verdictedAnomalies() async throws -> [Anomaly] {
        try guarded("read the verdicts") {
            try pool.read { db in
                let decoder = JSONDecoder()
                var out: [Anomaly] = []
                try RawStatement(db, "SELECT anomaly FROM anomaly_verdicts ORDER BY date_from, account_id, anomaly_id")
                    .forEach { r in out.append(try decoder.decode(Anomaly.self, from: Data(r.text(0).utf8))) }
                return out
            }
        }
    }

    package func recordVerdict(_ anomaly: Anomaly) async throws {
        guard let verdict = anomaly.verdict, anomaly.status != .open else {
            throw StoreError.failed(operation: "record the verdict", reason: "the anomaly has no verdict")
        }
        let json = String(decoding: try JSONEncoder().encode(anomaly), as: UTF8.self)
        try guarded("record the verdict") {
            try pool.write { db in
                let upsert = try RawStatement(db, """
                    INSERT OR REPLACE INTO anomaly_verdicts (anomaly_id, kind, account_id, date_from, date_to, status,
                        note, decided_at, anomaly) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    """)
                upsert.bind(1, anomaly.id)
                upsert.bind(2, anomaly.kind.rawValue)
                upsert.bind(3, anomaly.accountID)
                upsert.bind(4, anomaly.from.dayNumber)
                upsert.bind(5, anomaly.to.dayNumber)
                upsert.bind(6, anomaly.status.rawValue)
                upsert.bind(7, verdict.note)
                upsert.bind(8, verdict.at.nanoseconds)
                upsert.bind(9, json)
                try upsert.run()
                let log = try RawStatement(db, """
                    INSERT INTO anomaly_verdict_log (anomaly_id, status, note, decided_at) VALUES (?1, ?2, ?3, ?4)
                    """)
                log.bind(1, anomaly.id)
                log.bind(2, anomaly.status.rawValue)
                log.bind(3, verdict.note)
                log.bind(4, verdict.at.nanoseconds)
                try log.run()
            }
        }
    }
}
