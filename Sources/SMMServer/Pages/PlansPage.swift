import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

/// The plan list: every stored plan with its score and how many KPIs are met.
package struct PlansView: Sendable {
    struct Row: Sendable {
        var id: Int64
        var href: String
        var editHref: String
        var name: String
        var period: String
        var assignee: String
        var kpiCount: Int
        var score: String
        var status: String
        var statusLabel: String
        var meter: Int
    }
    var rows: [Row]
    var hasRows: Bool
    var canEdit: Bool
    var newHref: String
}

/// One plan: scorecard with forecast and status, the score over 6 periods, the SMART checks.
package struct PlanView: Sendable {
    struct KPIRow: Sendable {
        var name: String
        var target: String
        var weight: String
        var actual: String
        var previous: String
        var forecast: String
        var hasForecast: Bool
        var achievement: String
        var meter: Int
        var status: String
        var statusLabel: String
        var forecastStatus: String
        var forecastStatusLabel: String
        var hasForecastStatus: Bool
        var anomalies: String
        var hasAnomalies: Bool
    }
    struct Finding: Sendable { var ok: Bool; var criterion: String; var text: String }
    struct KPICheckRow: Sendable { var name: String; var achievability: String; var findings: [Finding] }

    var id: Int64
    var name: String
    var period: String
    var assignee: String
    var hasAssignee: Bool
    var scope: String
    var inProgress: Bool
    var asOf: String
    var score: String
    var scoreStatus: String
    var scoreStatusLabel: String
    var backHref: String
    var forecastScore: String
    var hasForecastScore: Bool
    var kpis: [KPIRow]
    var hasForecast: Bool
    var hasBonus: Bool
    var bonusTotal: String
    var bonusDetail: String
    var trendSVG: String
    var checks: [KPICheckRow]
    var notes: [String]
    var smartOK: Bool
    var editHref: String
    var deleteAction: String
    var canEdit: Bool
    var csrf: String
    var yaml: String
}

/// Builds the plan pages from a workspace's store, as `smmkpi score` and `plan check` do.
package struct PlansPage: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    var scoring: ScoringService { ScoringService(store: store, anomalies: anomalySource(for: store)) }

    package func list(base: String, canEdit: Bool, localizer l: Localizer) async throws -> PlansView {
        let plans = try await PlanService(store: store).list()
        var rows: [PlansView.Row] = []
        for stored in plans {
            let card = try? await scoring.scorecard(stored.plan)
            let status = Self.overall(card)
            rows.append(PlansView.Row(
                id: stored.id, href: "\(base)/plans/\(stored.id)", editHref: "\(base)/plans/\(stored.id)/edit",
                name: stored.name, period: l.period(stored.plan.period), assignee: stored.plan.assignee ?? l.t("common.none"),
                kpiCount: stored.plan.kpis.count, score: card?.score.map { l.number($0, digits: 1) } ?? l.t("common.none"),
                status: status.rawValue, statusLabel: l.t("status." + status.rawValue),
                meter: Int(min(100, max(0, card?.score ?? 0)))))
        }
        return PlansView(rows: rows, hasRows: !rows.isEmpty, canEdit: canEdit, newHref: base + "/plans/new")
    }

    /// The status a score earns against the plan's thresholds (100 met, at_risk_below at risk).
    static func overall(_ card: Scorecard?) -> KPIStatus {
        guard let card, let score = card.score else { return .noData }
        if score >= 100 { return .met }
        if score >= card.settings.atRiskBelow { return .atRisk }
        return .missed
    }

    package func plan(id: Int64, base: String, canEdit: Bool, csrf: String, localizer l: Localizer) async throws -> PlanView? {
        guard let stored = try await PlanService(store: store).stored(String(id)) else { return nil }
        let plan = stored.plan
        let history = try await scoring.history(plan, periods: 6)
        let card = history[history.count - 1]
        let currency = card.currency
        let rows = card.kpis.map { k -> PlanView.KPIRow in
            let a = k.achievement
            return PlanView.KPIRow(
                name: l.name(k.metric), target: Self.target(k.kpi.target, metric: k.metric, currency: currency, localizer: l),
                weight: l.number(k.kpi.weight, digits: k.kpi.weight == k.kpi.weight.rounded() ? 0 : 1),
                actual: l.value(k.actual, of: k.metric, currency: currency),
                previous: l.value(k.previous, of: k.metric, currency: currency),
                forecast: l.value(k.forecast, of: k.metric, currency: currency), hasForecast: k.forecast != nil,
                achievement: a.map { l.percent($0, digits: 0) } ?? l.t("common.none"),
                meter: Int(min(100, max(0, a ?? 0))), status: k.status.rawValue, statusLabel: l.t("status." + k.status.rawValue),
                forecastStatus: k.forecastStatus?.rawValue ?? "", forecastStatusLabel: k.forecastStatus.map { l.t("status." + $0.rawValue) } ?? "",
                hasForecastStatus: k.forecastStatus != nil,
                anomalies: k.anomalies.joined(separator: ", "), hasAnomalies: !k.anomalies.isEmpty)
        }
        let points = history.map { ChartPoint(label: l.shortPeriod($0.period), value: $0.score) }
        let trend = SVGChart.line(points: points, title: l.t("plans.trend"), description: l.t("plans.trend") + ": " + (plan.name ?? ""),
                                  target: 100, targetLabel: l.t("chart.target"), id: "plan-trend",
                                  format: { l.number($0, digits: 0) })
        let check = try await PlanAdvisor(store: store, anomalies: anomalySource(for: store)).check(plan)
        let checks = check.kpis.map { c in
            PlanView.KPICheckRow(name: l.name(c.kpi.metric), achievability: l.t("achievability." + c.achievability.rawValue),
                                 findings: c.findings.map { PlanView.Finding(ok: $0.ok, criterion: l.t("smart." + $0.criterion.rawValue), text: l.finding($0)) })
        }
        var bonusDetail = ""
        if let b = card.bonus {
            bonusDetail = "\(l.t("plans.bonusBase")): \(l.money(b.rule.base, currency: currency)) · \(l.t("plans.bonusMinScore")): \(l.number(b.rule.minScore)) · \(l.t("plans.bonusSalesPercent")): \(l.percent(b.rule.salesPercent))"
        }
        let status = Self.overall(card)
        return PlanView(
            id: stored.id, name: stored.name, period: l.period(plan.period), assignee: plan.assignee ?? "",
            hasAssignee: plan.assignee != nil,
            scope: plan.accounts.map { $0.joined(separator: ", ") } ?? l.t("scope.all"),
            inProgress: card.inProgress, asOf: l.date(card.asOf),
            score: card.score.map { l.number($0, digits: 1) } ?? l.t("common.none"), scoreStatus: status.rawValue,
            scoreStatusLabel: l.t("status." + status.rawValue), backHref: base + "/plans",
            forecastScore: card.forecastScore.map { l.number($0, digits: 1) } ?? "", hasForecastScore: card.forecastScore != nil,
            kpis: rows, hasForecast: card.inProgress, hasBonus: card.bonus != nil,
            bonusTotal: card.bonus.map { l.money($0.total, currency: currency) } ?? "", bonusDetail: bonusDetail,
            trendSVG: trend, checks: checks, notes: check.planNotes.map { l.note($0) }, smartOK: check.warningCount == 0,
            editHref: "\(base)/plans/\(stored.id)/edit", deleteAction: "\(base)/plans/\(stored.id)/delete",
            canEdit: canEdit, csrf: csrf, yaml: PlanWriter.yaml(plan))
    }

    /// A target in words: `≥ 4,5 %`, `≤ 500 ₽`, `+10 % к прошлому периоду`, `12 000 к 31.12.2026`, `25–35 %`.
    static func target(_ t: Target, metric: KPIID, currency: String, localizer l: Localizer) -> String {
        func v(_ x: Double) -> String { l.value(x, of: metric, currency: currency) }
        switch t {
        case .atLeast(let x): return "≥ " + v(x)
        case .atMost(let x): return "≤ " + v(x)
        case .growthPct(let g): return l.change(g) + " " + l.t("target.vsPrevious")
        case .reach(let x, let by): return v(x) + " " + l.t("target.by") + " " + l.date(by)
        case .between(let lo, let hi): return v(lo) + " – " + v(hi)
        }
    }
}
