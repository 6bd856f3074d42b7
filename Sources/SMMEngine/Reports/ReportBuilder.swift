import Foundation
import SMMCore
import SMMReports
import SMMStore

/// Assembles a ``ReportModel`` from the gathered values: sections in the order a director reads.
struct ReportBuilder {
    var input: ReportInput
    var t: ReportText
    var fmt: ReportFormat

    init(input: ReportInput) {
        self.input = input
        t = ReportText(input.request.language)
        fmt = ReportFormat(language: input.request.language, currency: input.full.currency)
    }

    var kind: ReportKind { input.request.kind }
    var period: Period { input.request.period }

    func build() -> ReportModel {
        let findings = ReportFindings(input: input, t: t, fmt: fmt).all()
        var sections = [kpiSection(), trendSection(), moversSection(findings: kind == .weekly ? findings : [])]
        if kind == .monthly {
            sections.append(scorecardSection())
        }
        sections += [anomalySection(), questionSection(), nextWeekSection()]
        if kind == .monthly {
            sections += [breakdownSection(), postsSection(), complianceSection(), costsSection(),
                         ReportSection(id: "findings", title: t["section.findings"],
                                       blocks: [findings.isEmpty ? .text(t["empty.findings"]) : .findings(findings)])]
        }
        sections.append(ReportSection(id: "all_kpis", title: t["section.all_kpis"], blocks: [.kpis(rows(KPIID.allCases))]))
        let generated = ISO8601DateFormatter.string(from: input.request.now, timeZone: TimeZone(identifier: "UTC")!,
                                                    formatOptions: [.withInternetDateTime])
        let accounts = input.scope.sortedAccountIDs
        let names = input.dataset.accounts.filter { input.scope.contains(account: $0.id) }
        // The brands when the accounts name them, else the accounts' names.
        let brands = names.map(\.brand).filter { $0 != "default" && !$0.isEmpty }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let subtitle = (brands.isEmpty ? names.map(\.name) : brands).joined(separator: " · ")
        return ReportModel(
            kind: kind, language: input.request.language, title: t["title." + kind.rawValue], subtitle: subtitle,
            period: Self.reportPeriod(period), previous: Self.reportPeriod(period.previous), currency: input.full.currency,
            timeZone: input.timeZone, accounts: accounts, generatedAt: generated, sections: sections)
    }

    static func reportPeriod(_ p: Period) -> ReportPeriod {
        ReportPeriod(label: p.label, from: p.first.description, to: p.last.description)
    }

    // MARK: - KPI rows

    /// The task's KPIs: the plan's, else the task's set, else the headline set.
    var taskKPIs: [KPIID] {
        if let plan = input.request.plan {
            var seen = Set<KPIID>()
            return plan.kpis.map(\.metric).filter { seen.insert($0).inserted }
        }
        if let task = input.request.task { return task.kpis }
        return ReportService.headline
    }

    func row(_ id: KPIID) -> KPIRow {
        let r = input.full[id]
        return KPIRow(id: id.rawValue, label: t.kpi(id), format: ValueFormat(id.unit), value: r?.value,
                      previous: r?.previous, better: Direction(id.better))
    }

    func rows(_ ids: [KPIID]) -> [KPIRow] { ids.map(row) }

    func kpiSection() -> ReportSection {
        var ids = taskKPIs
        // Cards without any number say nothing; the full table keeps them.
        if input.request.plan == nil { ids = ids.filter { input.full[$0]?.value != nil || input.full[$0]?.previous != nil } }
        return ReportSection(id: "kpis", title: t["section.kpis"], blocks: [.kpis(rows(ids))])
    }

    // MARK: - Trends

    func trendLabel(_ p: Period) -> String {
        switch p.kind {
        case .week: return (input.request.language == .ru ? "Н" : "W") + String(format: "%02d", Period.isoWeek(of: p.first).week)
        case .month: return fmt.shortMonth(p.first.month)
        default: return p.label
        }
    }

    func trendSection() -> ReportSection {
        let ids = Array(taskKPIs.prefix(6))
        let categories = input.trend.map(trendLabel)
        let charts = ids.map { id -> ReportBlock in
            let values = input.trend.map { input.engine.value(id, period: $0, scope: input.scope, options: input.options) }
            let style: ReportChart.Style = [.percent, .ratio].contains(id.unit) ? .line : .bar
            return .chart(ReportChart(id: id.rawValue, title: t.kpi(id), style: style, format: ValueFormat(id.unit),
                                      categories: categories, series: [.init(name: t.kpi(id), values: values)]))
        }
        let key = kind == .weekly ? "section.trends.weekly" : "section.trends.monthly"
        return ReportSection(id: "trends", title: t[key], blocks: charts)
    }

    // MARK: - What moved

    func moversSection(findings: [Finding]) -> ReportSection {
        var blocks: [ReportBlock] = []
        if !findings.isEmpty { blocks.append(.findings(findings)) }
        let movers = input.full.metrics
            .filter { $0.id.group == .results && $0.changePct != nil && $0.id.better != .neither }
            .sorted { abs($0.changePct!) > abs($1.changePct!) || abs($0.changePct!) == abs($1.changePct!) && $0.id < $1.id }
            .prefix(8)
        if !movers.isEmpty { blocks.append(.kpis(movers.map { row($0.id) })) }
        blocks.append(.table(formatTable(id: "formats_moved", title: t["table.formats_moved"])))
        let ranked = PostPerformance.ranked(PostPerformance.posts(in: input.dataset, period: period, scope: input.scope))
        if !ranked.top.isEmpty {
            blocks.append(.table(postTable(id: "top_posts", title: t["table.top_posts"], Array(ranked.top.prefix(3)))))
        }
        return ReportSection(id: "movers", title: t["section.movers"], blocks: blocks)
    }

    func formatTable(id: String, title: String) -> ReportTable {
        let report = input.engine.report(period: period, scope: input.scope, options: input.options,
                                         metrics: [.postsPublished, .reachTotal, .erReach], breakdown: .format)
        let columns = [("group", t["col.format"]), ("posts", t["col.posts"]), ("posts_previous", t["col.previous"]),
                       ("reach", t["col.reach"]), ("reach_previous", t["col.previous"]), ("er", t["col.er"]),
                       ("er_previous", t["col.previous"])]
        let rows = (report.groups ?? []).map { g -> [ReportCell] in
            [.text(g.key ?? "—"),
             .number(g[.postsPublished]?.value, .integer), .number(g[.postsPublished]?.previous, .integer),
             .number(g[.reachTotal]?.value, .integer), .number(g[.reachTotal]?.previous, .integer),
             .number(g[.erReach]?.value, .percent), .number(g[.erReach]?.previous, .percent)]
        }
        return ReportTable(id: id, title: title, columns: columns.map { .init(key: $0.0, title: $0.1) }, rows: rows)
    }

    func postTable(id: String, title: String, _ posts: [PostPerformance]) -> ReportTable {
        let columns = [("date", t["col.date"]), ("account", t["col.account"]), ("format", t["col.format"]),
                       ("post", t["col.post"]), ("reach", t["col.reach"]), ("interactions", t["col.interactions"]),
                       ("er", t["col.er"])]
        let rows = posts.map { p -> [ReportCell] in
            let text = (p.post.text ?? p.post.topic ?? p.post.id).replacingOccurrences(of: "\n", with: " ")
            return [.text(p.post.localDate.description), .text(p.post.accountID), .text(p.post.format.rawValue),
                    .text(Self.shorten(text, 70)), .number(p.reach.map(Double.init), .integer),
                    .number(p.interactions.map(Double.init), .integer), .number(p.erReach, .percent)]
        }
        return ReportTable(id: id, title: title, columns: columns.map { .init(key: $0.0, title: $0.1) }, rows: rows)
    }

    static func shorten(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    // MARK: - Scorecard

    func scorecardSection() -> ReportSection {
        guard let card = input.scorecard else {
            return ReportSection(id: "scorecard", title: t["section.scorecard"], blocks: [.text(t["empty.scorecard"])])
        }
        var figures = [Figure(id: "score", label: t["figure.score"], value: card.score, format: .percent)]
        if let bonus = card.bonus {
            let note = t["figure.bonus_score_part"] + " " + fmt.value(bonus.scorePart, .money) + " · "
                + t["figure.bonus_sales_part"] + " " + fmt.value(bonus.salesPart, .money)
            figures.append(Figure(id: "bonus", label: t["figure.bonus"], value: bonus.total, format: .money, note: note))
        }
        let rows = card.kpis.map { k -> KPIRow in
            var r = KPIRow(id: k.metric.rawValue, label: t.kpi(k.metric), format: ValueFormat(k.metric.unit),
                           value: k.actual, previous: k.previous, better: Direction(k.metric.better))
            r.target = targetText(k)
            r.status = k.status.rawValue
            r.achievement = k.achievement
            return r
        }
        return ReportSection(id: "scorecard", title: t["section.scorecard"], blocks: [.figures(figures), .kpis(rows)])
    }

    func targetText(_ k: KPIScore) -> String {
        let f = ValueFormat(k.metric.unit)
        switch k.evaluation.threshold {
        case .range(let l, let h)?: return fmt.value(l, f) + " … " + fmt.value(h, f)
        case .value(let x)?:
            switch k.kpi.target {
            case .atMost: return "≤ " + fmt.value(x, f)
            case .growthPct(let g) where g < 0: return "≤ " + fmt.value(x, f)
            default: return "≥ " + fmt.value(x, f)
            }
        case nil: return "—"
        }
    }

    // MARK: - Anomalies, questions, next week

    func anomalySection() -> ReportSection {
        let list = input.anomalies
        var blocks: [ReportBlock] = [.figures([Figure(id: "open_anomalies", label: t["figure.anomalies"],
                                                      value: Double(list.count), format: .integer)])]
        if list.isEmpty {
            blocks.append(.text(t["empty.anomalies"]))
        } else {
            let columns = [("id", "ID"), ("kind", t["col.kind"]), ("account", t["col.account"]), ("from", t["col.from"]),
                           ("to", t["col.to"]), ("estimate", t["col.estimate"])]
            let rows = list.sorted { $0.from < $1.from || $0.from == $1.from && $0.id < $1.id }.map { a -> [ReportCell] in
                let kindKey = a.kind == .boughtFollowers ? "anomaly.bought_followers" : a.kind == .botComments ? "anomaly.bot_comments" : "anomaly.bot_likes"
                return [.text(a.id), .text(t[kindKey]), .text(a.accountID), .text(a.from.description), .text(a.to.description),
                        .number(Double(a.estimate), .integer)]
            }
            blocks.append(.table(ReportTable(id: "anomalies", title: t["table.anomalies"],
                                             columns: columns.map { .init(key: $0.0, title: $0.1) }, rows: rows)))
            blocks.append(.text(t["note.anomalies"]))
        }
        return ReportSection(id: "anomalies", title: t["section.anomalies"], blocks: blocks)
    }

    func questionSection() -> ReportSection {
        let list = input.questions
        var blocks: [ReportBlock] = [.figures([Figure(id: "unanswered_questions", label: t["figure.unanswered"],
                                                      value: Double(list.count), format: .integer)])]
        if list.isEmpty {
            blocks.append(.text(t["empty.questions"]))
        } else {
            let shown = list.suffix(10).reversed()
            let rows = shown.map { q -> [ReportCell] in
                [.text(String(q.listing.comment.localDate.description)), .text(q.listing.accountID),
                 .text(Self.shorten((q.listing.comment.text ?? "").replacingOccurrences(of: "\n", with: " "), 110))]
            }
            blocks.append(.table(ReportTable(id: "questions", title: t["table.questions"],
                                             columns: [.init(key: "date", title: t["col.date"]),
                                                       .init(key: "account", title: t["col.account"]),
                                                       .init(key: "text", title: t["col.text"])], rows: rows)))
            if list.count > shown.count { blocks.append(.text(t.fill("note.more", ["n": "\(list.count - shown.count)"]))) }
        }
        return ReportSection(id: "questions", title: t["section.questions"], blocks: blocks)
    }

    func nextWeekSection() -> ReportSection {
        let next = input.nextWeek
        let items = input.dataset.planItems.filter { next.contains($0.item.dueDate) && input.scope.contains(account: $0.item.accountID) }
            .sorted { $0.item.dueAt < $1.item.dueAt || $0.item.dueAt == $1.item.dueAt && $0.item.id < $1.item.id }
        var blocks: [ReportBlock] = [.figures([Figure(id: "plan_items_next_week", label: t["figure.plan_items"],
                                                      value: Double(items.count), format: .integer,
                                                      note: fmt.date(next.first.description) + " – " + fmt.date(next.last.description))])]
        if items.isEmpty {
            blocks.append(.text(t["empty.next_week"]))
        } else {
            let shown = items.prefix(15)
            let rows = shown.map { f -> [ReportCell] in
                let state = f.postLocalDate != nil ? t["state.published"]
                    : f.item.approved == true ? t["state.approved"] : f.item.approved == false ? t["state.not_approved"] : t["state.planned"]
                return [.text(f.item.dueDate.description), .text(f.item.accountID), .text(f.item.format ?? "—"),
                        .text(f.item.topic ?? "—"), .text(state)]
            }
            blocks.append(.table(ReportTable(id: "plan_items", title: t["table.plan_items"],
                                             columns: [.init(key: "date", title: t["col.date"]),
                                                       .init(key: "account", title: t["col.account"]),
                                                       .init(key: "format", title: t["col.format"]),
                                                       .init(key: "topic", title: t["col.topic"]),
                                                       .init(key: "state", title: t["col.state"])], rows: rows)))
            if items.count > shown.count { blocks.append(.text(t.fill("note.more", ["n": "\(items.count - shown.count)"]))) }
        }
        return ReportSection(id: "next_week", title: t["section.next_week"], blocks: blocks)
    }

    // MARK: - Monthly parts

    func breakdownSection() -> ReportSection {
        var blocks: [ReportBlock] = [.table(formatTable(id: "by_format", title: t["table.by_format"]))]
        for (dimension, titleKey) in [(Breakdown.topic, "table.by_topic"), (.network, "table.by_network")] {
            let metrics: [KPIID] = [.postsPublished, .reachTotal, .interactionsTotal, .erReach]
            let report = input.engine.report(period: period, scope: input.scope, options: input.options, metrics: metrics,
                                             breakdown: dimension)
            let columns = [("group", dimension == .topic ? t["col.topic"] : t["col.network"]), ("posts", t["col.posts"]),
                           ("reach", t["col.reach"]), ("interactions", t["col.interactions"]), ("er", t["col.er"]),
                           ("er_previous", t["col.previous"])]
            let rows = (report.groups ?? []).map { g -> [ReportCell] in
                [.text(g.key ?? "—"), .number(g[.postsPublished]?.value, .integer), .number(g[.reachTotal]?.value, .integer),
                 .number(g[.interactionsTotal]?.value, .integer), .number(g[.erReach]?.value, .percent),
                 .number(g[.erReach]?.previous, .percent)]
            }
            blocks.append(.table(ReportTable(id: "by_" + dimension.rawValue, title: t[titleKey],
                                             columns: columns.map { .init(key: $0.0, title: $0.1) }, rows: rows)))
        }
        return ReportSection(id: "breakdowns", title: t["section.breakdowns"], blocks: blocks)
    }

    func postsSection() -> ReportSection {
        let ranked = PostPerformance.ranked(PostPerformance.posts(in: input.dataset, period: period, scope: input.scope))
        guard !ranked.top.isEmpty else {
            return ReportSection(id: "posts", title: t["section.posts"], blocks: [.text(t["empty.posts"])])
        }
        let n = min(5, max(1, ranked.top.count / 2))
        return ReportSection(id: "posts", title: t["section.posts"], blocks: [
            .table(postTable(id: "top_posts", title: t["table.top_posts"], Array(ranked.top.prefix(n)))),
            .table(postTable(id: "bottom_posts", title: t["table.bottom_posts"], Array(ranked.bottom.prefix(n)))),
        ])
    }

    func complianceSection() -> ReportSection {
        ReportSection(id: "compliance", title: t["section.compliance"], blocks: [
            .kpis(rows([.planItems, .planCompletionRate, .planOnTimeRate, .postsPublished, .hoursSpent, .postsPerHour])),
        ])
    }

    func costsSection() -> ReportSection {
        let ids: [KPIID] = [.adSpend, .otherCosts, .totalCost, .leads, .cpl, .cpa, .sales, .revenue, .cac, .roas, .roi]
        let chartIDs: [KPIID] = [.totalCost, .revenue]
        let values = chartIDs.map { id in input.trend.map { input.engine.value(id, period: $0, scope: input.scope, options: input.options) } }
        let chart = ReportChart(id: "cost_revenue", title: t.kpi(.totalCost) + " / " + t.kpi(.revenue), style: .bar,
                                format: .money, categories: input.trend.map(trendLabel),
                                series: zip(chartIDs, values).map { .init(name: t.kpi($0), values: $1) })
        let roi = ReportChart(id: "roi", title: t.kpi(.roi), style: .line, format: .percent,
                              categories: input.trend.map(trendLabel),
                              series: [.init(name: t.kpi(.roi), values: input.trend.map {
                                  input.engine.value(.roi, period: $0, scope: input.scope, options: input.options) })])
        return ReportSection(id: "costs", title: t["section.costs"], blocks: [.kpis(rows(ids)), .chart(chart), .chart(roi)])
    }
}

extension ISO8601DateFormatter {
    fileprivate static func string(from date: Date, timeZone: TimeZone, formatOptions: ISO8601DateFormatter.Options) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = formatOptions
        return f.string(from: date)
    }
}
