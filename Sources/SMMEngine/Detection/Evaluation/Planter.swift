import Foundation
import SMMCore

/// The CSV surgery of ``PlantedBundle``: loads the files it changes, plants, writes them back.
struct Planter {
    let dir: URL
    let demo: DemoGenerator
    let plan: PlantingPlan
    let clock: ZoneClock
    var rng: DemoRandom

    var daily: CSVTable
    var metrics: CSVTable
    let posts: CSVTable
    let networks: [String: String]
    let accountOrder: [String]
    /// Row index of (account, day index); -1 when the account has no row that day.
    var dailyIndex: [String: [Int]] = [:]
    /// Post ids per account and day index; snapshot rows per post (latest last).
    var postsByDay: [String: [Int: [String]]] = [:]
    var snapshots: [String: [Int]] = [:]
    var postInfo: [String: (account: String, day: Int, published: Instant)] = [:]
    /// The demo's own giveaway posts (bot likes go on ordinary posts).
    var giveawayPosts: Set<String> = []
    /// Day ranges already used per account (events are kept apart so the truth is clear).
    var busy: [String: [ClosedRange<Int>]] = [:]

    var newAds: [[String]] = []
    var newMentions: [[String]] = []
    var newComments: [[String]] = []
    let adHeader: [String], mentionHeader: [String], commentHeader: [String]

    var dailyRows: Int { daily.rows.count }
    var days: Int { demo.days }

    init(directory: URL, demo: DemoGenerator, plan: PlantingPlan) throws {
        dir = directory
        self.demo = demo
        self.plan = plan
        clock = ZoneClock(timeZone: TimeZone(identifier: demo.timeZone) ?? TimeZone(identifier: "UTC")!)
        rng = DemoRandom(seed: demo.seed, stream: 777_777)
        func url(_ f: BundleFile) -> URL { directory.appendingPathComponent(f.fileName) }
        let accounts = try CSVTable(url: url(.accounts))
        let idCol = accounts.column("account_id"), netCol = accounts.column("network")
        accountOrder = accounts.rows.map { $0[idCol] }
        networks = Dictionary(accounts.rows.map { ($0[idCol], $0[netCol]) }, uniquingKeysWith: { a, _ in a })
        daily = try CSVTable(url: url(.accountDaily))
        metrics = try CSVTable(url: url(.postMetrics))
        posts = try CSVTable(url: url(.posts))
        adHeader = try CSVTable.header(of: url(.adSpend))
        mentionHeader = try CSVTable.header(of: url(.mentions))
        commentHeader = try CSVTable.header(of: url(.comments))

        let first = demo.firstDate
        let a = daily.column("account_id"), d = daily.column("date")
        for (i, r) in daily.rows.enumerated() {
            guard let date = LocalDate(iso: r[d]) else { continue }
            let k = first.days(to: date)
            guard k >= 0, k < demo.days else { continue }
            dailyIndex[r[a], default: [Int](repeating: -1, count: demo.days)][k] = i
        }
        let pid = posts.column("post_id"), pacc = posts.column("account_id"), pat = posts.column("published_at")
        let ptopic = posts.column("topic")
        for r in posts.rows {
            if r[ptopic] == "giveaway" { giveawayPosts.insert(r[pid]) }
            guard let written = ValueParser.run(r[pat], ValueParser.dateTime) else { continue }
            let instant = written.resolve(in: clock)
            let k = first.days(to: clock.localDate(of: instant))
            postsByDay[r[pacc], default: [:]][k, default: []].append(r[pid])
            postInfo[r[pid]] = (r[pacc], k, instant)
        }
        let mid = metrics.column("post_id")
        for (i, r) in metrics.rows.enumerated() { snapshots[r[mid], default: []].append(i) }
        let purchases = demo.plantedPurchases()
        for a in accountOrder {
            if let planted = purchases.first(where: { $0.accountID == a }) {
                let k = first.days(to: planted.from)
                busy[a] = [(k - 35)...(k + 40)]
            }
        }
    }

    func save() throws {
        func url(_ f: BundleFile) -> URL { dir.appendingPathComponent(f.fileName) }
        try daily.write(to: url(.accountDaily))
        try metrics.write(to: url(.postMetrics))
        try CSVTable.append(newAds, to: url(.adSpend))
        try CSVTable.append(newMentions, to: url(.mentions))
        try CSVTable.append(newComments, to: url(.comments))
    }

    // MARK: - Cells

    func cell(_ account: String, _ day: Int, _ column: String) -> Int? {
        guard let row = dailyIndex[account]?[day], row >= 0 else { return nil }
        return Int(daily.rows[row][daily.column(column)])
    }

    /// Adds to a counter of account_daily when the cell has a value (a gap stays a gap).
    mutating func add(_ account: String, _ day: Int, _ column: String, _ v: Int) {
        guard day >= 0, day < days, let row = dailyIndex[account]?[day], row >= 0 else { return }
        let c = daily.column(column)
        guard let old = Int(daily.rows[row][c]) else { return }
        daily.rows[row][c] = String(max(0, old + v))
    }

    /// Joins (or unfollows, negative `left`) on a day, with the followers of every later day.
    mutating func addJoins(_ account: String, _ day: Int, joined: Int = 0, left: Int = 0) {
        add(account, day, "joined", joined)
        add(account, day, "left", left)
        for k in day..<days { add(account, k, "followers", joined - left) }
    }

    func median(_ account: String, _ column: String, before day: Int, span: Int = 28) -> Double {
        var v = (max(0, day - span)..<day).compactMap { cell(account, $0, column) }.map(Double.init)
        return RobustStats.median(&v) ?? 0
    }

    mutating func scaleSnapshots(_ post: String, _ columns: [String: Double]) {
        for row in snapshots[post] ?? [] {
            for (col, f) in columns {
                guard let c = metrics.header.firstIndex(of: col), let v = Double(metrics.rows[row][c]) else { continue }
                metrics.rows[row][c] = String(Int((v * f).rounded()))
            }
        }
    }

    mutating func addToSnapshots(_ post: String, _ column: String, _ extra: Int) {
        guard let c = metrics.header.firstIndex(of: column) else { return }
        for row in snapshots[post] ?? [] {
            guard let v = Int(metrics.rows[row][c]) else { continue }
            metrics.rows[row][c] = String(v + extra)
        }
    }

    func latest(_ post: String, _ column: String) -> Int? {
        guard let c = metrics.header.firstIndex(of: column), let row = snapshots[post]?.last else { return nil }
        return Int(metrics.rows[row][c])
    }

    /// A free day for an event of `length` days needing `before` and `after` quiet days.
    mutating func freeDay(_ account: String, length: Int, before: Int = 30, after: Int = 35) -> Int? {
        let lo = 45, hi = days - max(20, length + 5)
        guard hi > lo, let rows = dailyIndex[account] else { return nil }
        for _ in 0..<60 {
            let d = rng.int(in: lo...hi)
            guard rows[d] >= 0, rows[max(0, d - 28)] >= 0 else { continue }
            let span = (d - before)...(d + length + after)
            if (busy[account] ?? []).contains(where: { $0.overlaps(span) }) { continue }
            busy[account, default: []].append(span)
            return d
        }
        return nil
    }

    /// A post of the account on a free day, with a snapshot and some reach.
    mutating func freePost(_ account: String, minReach: Int = 100, before: Int = 20, after: Int = 20) -> (String, Int)? {
        for _ in 0..<40 {
            guard let d = freeDay(account, length: 0, before: before, after: after) else { return nil }
            let ids = (postsByDay[account]?[d] ?? []).filter {
                !giveawayPosts.contains($0) && (latest($0, "reach") ?? 0) >= minReach && (latest($0, "likes") ?? 0) >= 5
            }
            if let id = ids.first { return (id, d) }
            busy[account]?.removeLast()
        }
        return nil
    }

    func date(_ day: Int) -> LocalDate { demo.firstDate.adding(days: day) }

    func row(_ header: [String], _ values: [String: String]) -> [String] { header.map { values[$0] ?? "" } }

    mutating func logUniform(_ a: Double, _ b: Double) -> Double { a * DemoMath.exp(rng.unit() * DemoMath.log(b / a)) }
}
