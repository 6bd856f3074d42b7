import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

/// The dashboard: KPI cards by area with the change against the previous period, trends of
/// the last 12 periods, breakdowns by format, topic and network, top and bottom posts.
package struct DashboardView: Sendable {
    struct Card: Sendable {
        var id: String
        var name: String
        var value: String
        var previous: String
        var hasDelta: Bool
        var delta: String
        var tone: String
        var toneLabel: String
        var spark: String
        var headline = false
    }
    struct Area: Sendable { var name: String; var cards: [Card] }
    struct ChartCard: Sendable { var title: String; var svg: String }
    struct PostRow: Sendable {
        var rank: Int
        var text: String
        var url: String?
        var hasURL: Bool
        var meta: String
        var metric: String
    }

    var picker: PeriodPickerView
    var periodTitle: String
    var previousTitle: String
    var scopeTitle: String
    var hasData: Bool
    var headline: [Card]
    var areas: [Area]
    var trends: [ChartCard]
    var breakdowns: [ChartCard]
    var topPosts: [PostRow]
    var bottomPosts: [PostRow]
    var hasPosts: Bool
    var jsonHref: String
}

/// Builds ``DashboardView`` from a workspace's store.
package struct DashboardPage: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    /// The metrics a director reads first, when they have data.
    static let headlineMetrics: [KPIID] = [.followersEnd, .netFollowerGrowth, .erReach, .reachTotal, .leads, .revenue, .cpl, .roi]

    /// The metrics charted over 12 periods, when they have data.
    static let trendMetrics: [KPIID] = [.erReach, .followersEnd, .reachTotal, .leads, .revenue, .cpl]

    package func build(query: [String: String], base: String, localizer l: Localizer) async throws -> DashboardView {
        let latest = try await store.dataRange()?.upperBound
        let accounts = try await store.accounts()
        let today = latest ?? LocalDate(dayNumber: Int32(Date().timeIntervalSince1970 / 86400))
        let (choice, problem) = PeriodChoice.from(query: query, latest: today)
        let scopeValue = query["scope"] ?? ""
        let scopeIDs = ScopeChoice.accounts(for: scopeValue, of: accounts)
        let action = base + "/dashboard"
        let picker = PeriodPickerView(action: action, choice: choice, latest: today,
                                      scopes: ScopeChoice.options(accounts: accounts, localizer: l),
                                      selectedScope: scopeValue, problem: problem, localizer: l)
        let period = choice.period
        var view = DashboardView(
            picker: picker, periodTitle: l.period(period), previousTitle: l.period(period.previous),
            scopeTitle: ScopeChoice.title(scopeValue, accounts: accounts, localizer: l),
            hasData: false, headline: [], areas: [], trends: [],
            breakdowns: [], topPosts: [], bottomPosts: [], hasPosts: false,
            jsonHref: base + "/reports/kpi.json?" + PageQuery.period(choice, scope: ""))
        guard !accounts.isEmpty else { return view }

        let periods = PeriodChoice.history(ending: period, count: 12)
        var dataset = try await store.dataset(window: periods[0].previous.first...period.last.adding(days: 1))
        if let anomalies = store as? any Store & AnomalyStore {
            dataset.boughtFollowers = try await AnomalyService(store: anomalies).boughtFollowers(
                window: periods[0].previous.first...period.last.adding(days: 1))
        }
        let scope = scopeIDs.flatMap { try? Scope(accounts: $0, of: dataset.accounts) } ?? Scope.all(of: dataset.accounts)
        let engine = KPIEngine(dataset: dataset)
        let history = periods.map { engine.report(period: $0, scope: scope) }
        let report = history[history.count - 1]
        let currency = report.currency
        view.hasData = report.metrics.contains { $0.value != nil }

        // Cards: the headline metrics, then every metric with a value now or before, by catalog area.
        var byID: [KPIID: DashboardView.Card] = [:]
        for area in KPIArea.allCases {
            let ids = KPIID.allCases.filter { $0.area == area }
            var cards: [DashboardView.Card] = []
            for id in ids {
                guard let r = report[id], r.value != nil || r.previous != nil else { continue }
                let tone = ChangeTone.of(id, changePct: r.changePct)
                let series = history.map { $0[id]?.value }
                cards.append(DashboardView.Card(
                    id: id.rawValue, name: l.name(id), value: l.value(r.value, of: id, currency: currency),
                    previous: l.value(r.previous, of: id, currency: currency),
                    hasDelta: tone != nil, delta: r.changePct.map(l.change) ?? "",
                    tone: tone?.rawValue ?? "neutral", toneLabel: tone.map { l.t("change." + $0.rawValue) } ?? "",
                    spark: SVGChart.sparkline(series, label: l.name(id) + ": " + l.t("dashboard.trend"))))
            }
            if !cards.isEmpty { view.areas.append(DashboardView.Area(name: l.name(area), cards: cards)) }
            for c in cards { if let id = KPIID(rawValue: c.id) { byID[id] = c } }
        }
        view.headline = Self.headlineMetrics.compactMap { byID[$0] }.map { var c = $0; c.headline = true; return c }

        // Trends with the target of a stored plan over this very period, when there is one.
        let targets = try await planTargets(for: period)
        for id in Self.trendMetrics {
            let points = zip(periods, history).map { ChartPoint(label: l.shortPeriod($0.0), value: $0.1[id]?.value) }
            guard points.contains(where: { $0.value != nil }) else { continue }
            let svg = SVGChart.line(points: points, title: l.name(id), description: l.name(id) + " — " + l.t("dashboard.trend"),
                                    target: targets[id], targetLabel: l.t("chart.target"), id: "trend-" + id.rawValue,
                                    format: { l.axisValue($0, of: id, currency: currency) })
            view.trends.append(DashboardView.ChartCard(title: l.name(id), svg: svg))
        }

        // Breakdowns: ER by format and topic, reach by network.
        let breakdowns: [(Breakdown, KPIID, String)] = [(.format, .erReach, "dashboard.byFormat"),
                                                         (.topic, .erReach, "dashboard.byTopic"),
                                                         (.network, .reachTotal, "dashboard.byNetwork")]
        for (by, metric, titleKey) in breakdowns {
            let groups = engine.report(period: period, scope: scope, metrics: [metric], breakdown: by).groups ?? []
            let bars = groups.compactMap { g -> ChartBar? in
                guard let v = g[metric]?.value else { return nil }
                return ChartBar(label: groupLabel(g.key, by: by, localizer: l), value: v,
                                display: l.value(v, of: metric, currency: currency))
            }.sorted { $0.value > $1.value }
            let title = l.t(titleKey) + " · " + l.name(metric)
            view.breakdowns.append(DashboardView.ChartCard(
                title: title, svg: SVGChart.bars(Array(bars.prefix(8)), title: title, description: bars.isEmpty ? l.t("chart.empty") : title,
                                                 id: "by-" + by.rawValue)))
        }

        // Posts of the period ranked by ER by reach.
        let ranked = dataset.posts.filter { period.contains($0.localDate) && scope.contains(account: $0.accountID) }
            .compactMap { post -> (Post, Double, Int64)? in
                guard let m = dataset.latestMetrics[post.id], let reach = m.reach, reach > 0, let i = m.interactions else { return nil }
                return (post, Double(i) / Double(reach) * 100, reach)
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func row(_ i: Int, _ item: (Post, Double, Int64)) -> DashboardView.PostRow {
            let text = item.0.text.map { String($0.prefix(140)) } ?? item.0.id
            let meta = [names[item.0.accountID] ?? item.0.accountID, l.t("format." + item.0.format.rawValue),
                        l.date(item.0.localDate), l.name(.reachTotal) + " " + l.number(Double(item.2))].joined(separator: " · ")
            return DashboardView.PostRow(rank: i + 1, text: text, url: item.0.url, hasURL: item.0.url != nil, meta: meta,
                                         metric: "ER " + l.percent(item.1))
        }
        view.topPosts = ranked.prefix(5).enumerated().map { row($0.offset, $0.element) }
        view.bottomPosts = ranked.suffix(min(5, max(0, ranked.count - 5))).reversed().enumerated().map {
            var r = row($0.offset, $0.element); r.rank = ranked.count - $0.offset; return r
        }
        view.hasPosts = !ranked.isEmpty
        return view
    }

    /// Targets of stored plans over exactly this period: a threshold to draw on a trend.
    func planTargets(for period: Period) async throws -> [KPIID: Double] {
        guard let plans = store as? any PlanStore else { return [:] }
        var out: [KPIID: Double] = [:]
        for stored in try await plans.plans() where stored.plan.period == period {
            for k in stored.plan.kpis where out[k.metric] == nil {
                switch k.target {
                case .atLeast(let x), .atMost(let x), .reach(let x, _): out[k.metric] = x
                case .between(let lo, let hi): out[k.metric] = (lo + hi) / 2
                case .growthPct: break
                }
            }
        }
        return out
    }

    func groupLabel(_ key: String?, by: Breakdown, localizer l: Localizer) -> String {
        guard let key else { return l.t("common.none") }
        switch by {
        case .format: return l.has("format." + key) ? l.t("format." + key) : key
        case .network: return l.has("network." + key) ? l.t("network." + key) : key
        default: return key
        }
    }
}

/// The scope choices of the picker: all accounts, each network, each account.
package enum ScopeChoice {
    package static func options(accounts: [Account], localizer l: Localizer) -> [(String, String)] {
        var out = [("", l.t("scope.all"))]
        let networks = Set(accounts.map(\.network)).sorted()
        if networks.count > 1 {
            out += networks.map { ("net:" + $0.rawValue, l.t("scope.network") + ": " + networkName($0, l)) }
        }
        out += accounts.sorted { $0.name < $1.name }.map { ("acc:" + $0.id, $0.name + " (" + networkName($0.network, l) + ")") }
        return out
    }

    /// The account ids of a scope value; nil for all accounts (or a value that names nothing).
    package static func accounts(for value: String, of accounts: [Account]) -> [String]? {
        if value.hasPrefix("acc:") {
            let id = String(value.dropFirst(4))
            return accounts.contains { $0.id == id } ? [id] : nil
        }
        if value.hasPrefix("net:"), let n = Network(code: String(value.dropFirst(4))) {
            let ids = accounts.filter { $0.network == n }.map(\.id)
            return ids.isEmpty ? nil : ids
        }
        return nil
    }

    package static func title(_ value: String, accounts: [Account], localizer l: Localizer) -> String {
        options(accounts: accounts, localizer: l).first { $0.0 == value }?.1 ?? l.t("scope.all")
    }

    static func networkName(_ n: Network, _ l: Localizer) -> String { l.t("network." + n.rawValue) }
}
