import Foundation
import SMMCore

/// One generation: the invented world, the open files and the running counters. The work is
/// a single pass over the days; each day writes the rows of every file that happen on it
/// (a post writes its snapshots and comments at once, they lie later in time).
final class DemoRun {
    let settings: DemoGenerator
    let cal: DemoCalendar
    let days: Int
    /// The last moment with data: 23:59:59 of the last day. Nothing is dated later.
    let exportAt: Int64
    var rng: DemoRandom
    let brands: [DemoBrand]
    let texts: [DemoTexts]
    var accounts: [DemoAccount] = []
    var campaigns: [DemoCampaign] = []
    /// Per account, its campaign indices by start day; per brand, its network-only campaigns.
    var accountCampaigns: [[Int]] = []
    var networkCampaigns: [Int] = []

    let wAccounts, wDaily, wPosts, wMetrics, wComments, wMessages, wMentions, wReviews: DemoFileWriter
    let wAds, wCosts, wWeb, wLeads, wDeals, wAudience, wSearches, wPlan, wWork: DemoFileWriter
    private let writers: [(BundleFile, DemoFileWriter)]

    var commentSeq = 0, messageSeq = 0, mentionSeq = 0, reviewSeq = 0
    var leadSeq = 0, dealSeq = 0, planSeq = 0, customerSeq = 0

    /// Per day: ad clicks of each active campaign, and post reach per brand and network.
    var todayAds: [(campaign: Int, clicks: Int)] = []
    var socialReach: [[Int]]
    /// Per day: messages received per brand (messenger leads follow them).
    var brandMessages: [Int]
    var brandFollowers: [Int]
    let brandCities: [Int]

    // Calendar facts per day index.
    let weekdays: [Int], months: [Int], monthDays: [Int], years: [Int]

    // Scratch reused by every post (comments are sorted per post).
    var entries: [DemoCommentEntry] = []
    var order: [Int] = []
    var rank: [Int] = []

    init(settings: DemoGenerator, zone: TimeZone, directory: URL) throws {
        self.settings = settings
        days = settings.days
        cal = DemoCalendar(first: settings.firstDate, days: days, timeZone: zone)
        exportAt = cal.start(of: days - 1) + 86399
        rng = DemoRandom(seed: settings.seed)
        let brandCount = settings.accounts <= 4 ? 1 : settings.accounts <= 12 ? 2 : 3
        brands = Array(DemoBrand.all.prefix(brandCount))
        texts = brands.map { DemoTexts(brand: $0) }
        func open(_ f: BundleFile) throws -> DemoFileWriter {
            try DemoFileWriter(url: directory.appendingPathComponent(f.fileName), header: f.columns.map(\.name))
        }
        wAccounts = try open(.accounts); wDaily = try open(.accountDaily); wPosts = try open(.posts)
        wMetrics = try open(.postMetrics); wComments = try open(.comments); wMessages = try open(.messages)
        wMentions = try open(.mentions); wReviews = try open(.reviews); wAds = try open(.adSpend)
        wCosts = try open(.otherCosts); wWeb = try open(.webSessions); wLeads = try open(.leads)
        wDeals = try open(.deals); wAudience = try open(.audience); wSearches = try open(.brandSearches)
        wPlan = try open(.contentPlan); wWork = try open(.workLog)
        writers = [(.accounts, wAccounts), (.accountDaily, wDaily), (.posts, wPosts), (.postMetrics, wMetrics),
                   (.comments, wComments), (.messages, wMessages), (.mentions, wMentions), (.reviews, wReviews),
                   (.adSpend, wAds), (.otherCosts, wCosts), (.webSessions, wWeb), (.leads, wLeads),
                   (.deals, wDeals), (.audience, wAudience), (.brandSearches, wSearches),
                   (.contentPlan, wPlan), (.workLog, wWork)]
        var wd: [Int] = [], mo: [Int] = [], md: [Int] = [], yr: [Int] = []
        for d in 0..<days {
            let date = cal.date(d)
            let (y, m, dd) = date.components
            wd.append(date.isoWeekday); mo.append(m); md.append(dd); yr.append(y)
        }
        weekdays = wd; months = mo; monthDays = md; years = yr
        socialReach = Array(repeating: Array(repeating: 0, count: DemoNetworkProfile.cycle.count), count: brandCount)
        brandMessages = Array(repeating: 0, count: brandCount)
        brandFollowers = Array(repeating: 0, count: brandCount)
        var cities = Array(repeating: Set<Int>(), count: brandCount)
        let made = (0..<settings.accounts).map {
            DemoRun.makeAccount($0, settings: settings, brandCount: brandCount,
                                brand: DemoBrand.all[($0 / DemoNetworkProfile.cycle.count) % brandCount])
        }
        for a in made { cities[a.brand].insert(a.city) }
        brandCities = cities.map(\.count)
        accounts = made
        planCampaigns()
    }

    func run(progress: ((String, Int) -> Void)?) throws -> DemoSummary {
        writeAccounts()
        for day in 0..<days {
            todayAds.removeAll(keepingCapacity: true)
            for b in brands.indices {
                for n in socialReach[b].indices { socialReach[b][n] = 0 }
                brandMessages[b] = 0
                brandFollowers[b] = 0
            }
            for i in accounts.indices where day >= accounts[i].launchDay { accountDay(i, day) }
            writeNetworkAds(day)
            for b in brands.indices {
                writeMentions(b, day)
                writeReviews(b, day)
            }
            writeWeb(day)
            writeCosts(day)
            writeWork(day)
            let monthEnds = day == days - 1 || monthDays[day + 1] == 1
            if monthEnds {
                writeSearches(day)
                progress?(String(cal.date(day).description.prefix(7)), writtenRows)
            }
        }
        for (_, w) in writers { try w.close() }
        var rows: [BundleFile: Int] = [:]
        for (f, w) in writers { rows[f] = w.rows }
        let summary = DemoSummary(rows: rows, firstDate: cal.first, lastDate: cal.date(days - 1))
        progress?("done", summary.totalRows)
        return summary
    }

    var writtenRows: Int { writers.reduce(0) { $0 + $1.1.rows } }

    // MARK: - Calendar shapes

    /// December peak, summer dip.
    static let season: [Double] = [0.92, 0.9, 0.98, 0.97, 0.95, 0.88, 0.85, 0.87, 1.0, 1.03, 1.08, 1.22]
    static let postsByWeekday: [Double] = [1.12, 1.15, 1.1, 1.1, 1.05, 0.6, 0.5]
    static let reachByWeekday: [Double] = [0.95, 1.0, 1.0, 1.0, 0.97, 1.08, 1.12]
    static let inboxByWeekday: [Double] = [1.1, 1.1, 1.05, 1.05, 1.0, 0.85, 0.8]
    static let webByWeekday: [Double] = [1.08, 1.1, 1.06, 1.05, 0.98, 0.85, 0.88]
    /// People's activity by local hour (posting, commenting, writing).
    static let postHours: [Double] = [0, 0, 0, 0, 0, 0, 0.2, 1, 2.5, 3, 2, 1.5, 2.5, 2, 1.5, 1.2, 1.2, 1.5, 2.5, 3, 3,
                                      2.5, 1.5, 0.5]
    static let peopleHours: [Double] = [0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2, 2.5, 2.6, 2.6, 2.8, 2.7, 2.5, 2.4,
                                        2.4, 2.6, 3, 3.4, 3.6, 3.2, 2.4, 1.4]

    func season(_ day: Int) -> Double { DemoRun.season[months[day] - 1] }

    /// A random moment of day `day` drawn by the hour weights.
    func moment(_ day: Int, hours: [Double]) -> Int64 {
        let h = rng.weighted(hours)
        return cal.start(of: day) + Int64(h * 3600 + rng.int(3600))
    }

    /// The day after `t` at `hour`:`minute` local (for "answered next morning").
    func nextMorning(after t: Int64, hour: Int) -> Int64 {
        let day = cal.day(of: t)
        let sameDay = cal.start(of: day) + Int64(hour * 3600)
        return t < sameDay ? sameDay : cal.start(of: day + 1) + Int64(hour * 3600)
    }
}

/// One comment of a post before it is written: when, what, and which comment it answers.
struct DemoCommentEntry {
    var time: Int64
    var kind: DemoCommentKind
    var english: Bool
    var fromBrand: Bool
    /// Index of the answered entry, or -1.
    var parent: Int
    /// For a question, the question index (its answer is chosen from the same index).
    var item: Int
}
