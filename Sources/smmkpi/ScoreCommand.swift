import ArgumentParser
import Foundation
import SMMCore
import SMMEngine

enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, md
}

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "The scorecard of a plan: achievement per KPI, status, score, bonus and forecasts.",
        discussion: """
            PLAN is a plan YAML file or the name or id of a stored plan (smmkpi plan list).
            While the plan's period is in progress, every KPI also gets a forecast for the end of
            the period and the status it would earn.
            """)

    @Argument(help: "A plan YAML file, or a stored plan's name or id.")
    var plan: String

    @Option(name: .long, help: "Evaluate as if today were this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(name: .long, help: "Also evaluate the plan on the N−1 periods of its kind before its period (N in all).")
    var history: Int?

    @Option(name: .long, help: "table, json or md.")
    var format: ScoreFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let asOf, LocalDate(iso: asOf.trimmingCharacters(in: .whitespaces)) == nil {
            throw ValidationError("--as-of “\(asOf)” is not a date; write it as YYYY-MM-DD, e.g. 2024-12-15.")
        }
        if let history, !(1...60).contains(history) {
            throw ValidationError("--history takes a number of periods from 1 to 60, e.g. --history 6.")
        }
    }

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.score"))
        let loaded = try await PlanService(store: store).load(plan)
        try await PlanService(store: store).validate(loaded.plan)
        // Open and confirmed anomalies of the detector warn on the KPIs they can inflate.
        let service = ScoringService(store: store, anomalies: anomalySource(for: store))
        let day = asOf.flatMap { LocalDate(iso: $0.trimmingCharacters(in: .whitespaces)) }
        if let history {
            let cards = try await service.history(loaded.plan, periods: history, asOf: day)
            switch format {
            case .json: print(try ScoreJSON.encode(ScoreHistoryJSON(history: cards)))
            case .md: print(ScorecardView.historyMarkdown(cards))
            case .table: print(ScorecardView.historyTable(cards))
            }
            return
        }
        let card = try await service.scorecard(loaded.plan, asOf: day)
        switch format {
        case .json: print(try ScoreJSON.encode(card))
        case .md: print(ScorecardView.markdown(card))
        case .table: print(ScorecardView.table(card))
        }
    }
}


/// Human-readable scorecards: a table with colours on a terminal, and Markdown.
enum ScorecardView {
    static func statusText(_ s: KPIStatus?, paint: Bool = true) -> String {
        guard let s else { return "" }
        let text = s.rawValue.replacingOccurrences(of: "_", with: " ")
        guard paint else { return text }
        switch s {
        case .met: return Terminal.paint(text, .green)
        case .atRisk: return Terminal.paint(text, .yellow)
        case .missed: return Terminal.paint(text, .red)
        case .noData: return Terminal.paint(text, .dim)
        }
    }

    static func value(_ v: Double?, _ id: KPIID, _ currency: String, paint: Bool = true) -> String {
        guard let v else { return paint ? Terminal.paint("no data", .dim) : "no data" }
        return KPIView.number(v, id.unit, currency: currency)
    }

    static func threshold(_ t: Threshold?, _ id: KPIID, _ currency: String, paint: Bool = true) -> String {
        switch t {
        case .value(let x)?: return value(x, id, currency, paint: paint)
        case .range(let l, let h)?: return value(l, id, currency, paint: paint) + " … " + value(h, id, currency, paint: paint)
        case nil: return paint ? Terminal.paint("—", .dim) : "—"
        }
    }

    static func percent(_ a: Double?) -> String { a.map { String(format: "%.1f %%", $0) } ?? "—" }

    static func money(_ v: Double, _ currency: String) -> String {
        let whole = Int(v.rounded(.towardZero))
        let cents = Int((abs(v - Double(whole)) * 100).rounded())
        let (w, c) = cents == 100 ? (whole + (v < 0 ? -1 : 1), 0) : (whole, cents)
        return "\(Terminal.grouped(w)).\(String(format: "%02d", c)) \(currency)"
    }

    static func header(_ c: Scorecard) -> [String] {
        var who: [String] = []
        if let a = c.assignee { who.append("assignee \(a)") }
        if let t = c.task { who.append("task \(t.rawValue)") }
        let state = c.inProgress ? "in progress" : (c.asOf < c.period.first ? "not started" : "ended")
        return [
            "Scorecard: \(c.name ?? "(unnamed plan)")" + (who.isEmpty ? "" : " — " + who.joined(separator: ", ")),
            "Period \(c.period.label) (\(c.period.first) – \(c.period.last)), \(state) as of \(c.asOf); previous \(c.previous.label)",
            "Accounts \(c.scopeAccounts.joined(separator: ", ")) · SLA \(Target.number(c.settings.slaHours)) h · at risk from \(Target.number(c.settings.atRiskBelow)) % · cap \(Target.number(c.settings.cap)) % · missing data: \(c.settings.missingData.rawValue)",
        ]
    }

    static func footer(_ c: Scorecard) -> [String] {
        var out: [String] = []
        let counting = c.kpis.filter(\.counts).count
        if let s = c.score {
            out.append("Score \(String(format: "%.2f", s)) points of \(Target.number(c.settings.cap)) (\(counting) of \(c.kpis.count) KPIs count)")
        } else {
            out.append("Score: none (no KPI with data counts)")
        }
        if let f = c.forecastScore { out.append("Forecast score at the end of \(c.period.label): \(String(format: "%.2f", f))") }
        if let b = c.bonus {
            let scoreText = c.score.map { String(format: "%.2f", $0) } ?? "none"
            let paid = (c.score ?? -1) >= b.rule.minScore && c.score != nil
            var line = "Bonus \(money(b.total, c.currency)) = score part \(money(b.scorePart, c.currency))"
            line += paid ? " (\(Target.number(b.rule.base)) × \(scoreText) / 100)" : " (score \(scoreText) is under min_score \(Target.number(b.rule.minScore)))"
            line += " + sales part \(money(b.salesPart, c.currency)) (\(Target.number(b.rule.salesPercent)) % of revenue \(b.revenue.map { money($0, c.currency) } ?? "no data"))"
            out.append(line)
            let drivers = c.bonusDrivers.sorted { $0.kpi.weight > $1.kpi.weight }
                .map { "\($0.metric.rawValue) (weight \(Target.number($0.kpi.weight)))" }
            out.append("Bonus drivers: " + (drivers.isEmpty ? "none" : drivers.joined(separator: ", "))
                       + (b.rule.salesPercent > 0 ? "; the sales part follows revenue" : ""))
        } else {
            out.append("Bonus: the plan has no bonus section")
        }
        for k in c.kpis where !k.anomalies.isEmpty {
            out.append("⚠ \(k.metric.rawValue): suspected cheating in scope and period (\(k.anomalies.joined(separator: ", "))); check `smmkpi anomalies` before paying a bonus on it")
        }
        return out
    }

    static func table(_ c: Scorecard) -> String {
        var out = header(c)
        out[0] = Terminal.paint(out[0], .bold)
        out.append("")
        var head = ["metric", "group", "kind", "target", "weight", "actual", "previous", "threshold", "achievement", "status"]
        if c.inProgress { head += ["forecast", "forecast status"] }
        head.append("bonus")
        var rows: [[String]] = []
        for k in c.kpis {
            var row = [k.metric.rawValue + (k.anomalies.isEmpty ? "" : Terminal.paint(" ⚠", .yellow)),
                       k.metric.group.rawValue, k.metric.kind.rawValue, k.kpi.target.summary,
                       Target.number(k.kpi.weight), value(k.actual, k.metric, c.currency),
                       value(k.previous, k.metric, c.currency), threshold(k.evaluation.threshold, k.metric, c.currency),
                       percent(k.achievement), statusText(k.status)]
            if c.inProgress { row += [value(k.forecast, k.metric, c.currency), statusText(k.forecastStatus)] }
            row.append(k.bonusPart.map { money($0, c.currency) } ?? "")
            rows.append(row)
        }
        let numeric: Set<Int> = c.inProgress ? [4, 5, 6, 7, 8, 10, 12] : [4, 5, 6, 7, 8, 10]
        out.append(Terminal.table(head, rows, rightAligned: numeric))
        out.append("")
        out += footer(c)
        return out.joined(separator: "\n")
    }

    static func markdown(_ c: Scorecard) -> String {
        var out = ["# " + header(c)[0], ""] + header(c).dropFirst().map { "- " + $0 } + [""]
        var head = ["metric", "group", "kind", "target", "weight", "actual", "previous", "threshold", "achievement", "status"]
        if c.inProgress { head += ["forecast", "forecast status"] }
        head.append("bonus")
        out.append("| " + head.joined(separator: " | ") + " |")
        out.append("|" + head.map { _ in " --- |" }.joined())
        for k in c.kpis {
            var row = [k.metric.rawValue + (k.anomalies.isEmpty ? "" : " ⚠"), k.metric.group.rawValue,
                       k.metric.kind.rawValue, k.kpi.target.summary, Target.number(k.kpi.weight),
                       value(k.actual, k.metric, c.currency, paint: false),
                       value(k.previous, k.metric, c.currency, paint: false),
                       threshold(k.evaluation.threshold, k.metric, c.currency, paint: false), percent(k.achievement),
                       statusText(k.status, paint: false)]
            if c.inProgress {
                row += [value(k.forecast, k.metric, c.currency, paint: false), statusText(k.forecastStatus, paint: false)]
            }
            row.append(k.bonusPart.map { money($0, c.currency) } ?? "")
            out.append("| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        out.append("")
        out += footer(c).map { "- " + $0 }
        return out.joined(separator: "\n")
    }

    static func historyRows(_ cards: [Scorecard], paint: Bool) -> (head: [String], rows: [[String]]) {
        guard let last = cards.last else { return ([], []) }
        let head = ["metric", "target", "weight"] + cards.map(\.period.label)
        var rows: [[String]] = []
        for (i, k) in last.kpis.enumerated() {
            var row = [k.metric.rawValue, k.kpi.target.summary, Target.number(k.kpi.weight)]
            for c in cards {
                let line = c.kpis[i]
                row.append(line.achievement == nil ? statusText(line.status, paint: paint)
                           : "\(percent(line.achievement)) \(statusText(line.status, paint: paint))")
            }
            rows.append(row)
        }
        rows.append(["score", "", ""] + cards.map { c in c.score.map { String(format: "%.2f", $0) } ?? "—" })
        if last.bonus != nil {
            rows.append(["bonus", "", ""] + cards.map { c in c.bonus.map { money($0.total, c.currency) } ?? "—" })
        }
        return (head, rows)
    }

    static func historyTable(_ cards: [Scorecard]) -> String {
        guard let last = cards.last else { return "" }
        var out = [Terminal.paint("Trend: \(last.name ?? "(unnamed plan)") over the last \(cards.count) \(last.period.kind.rawValue == "custom" ? "period" : last.period.kind.rawValue)s", .bold),
                   "Accounts \(last.scopeAccounts.joined(separator: ", ")) · as of \(last.asOf)", ""]
        let (head, rows) = historyRows(cards, paint: true)
        out.append(Terminal.table(head, rows, rightAligned: Set(3..<head.count)))
        for c in cards where c.inProgress {
            out.append("\(c.period.label) is in progress; its forecast score is \(c.forecastScore.map { String(format: "%.2f", $0) } ?? "unknown").")
        }
        return out.joined(separator: "\n")
    }

    static func historyMarkdown(_ cards: [Scorecard]) -> String {
        guard let last = cards.last else { return "" }
        var out = ["# Trend: \(last.name ?? "(unnamed plan)")", "", "- Accounts \(last.scopeAccounts.joined(separator: ", ")) · as of \(last.asOf)", ""]
        let (head, rows) = historyRows(cards, paint: false)
        out.append("| " + head.joined(separator: " | ") + " |")
        out.append("|" + head.map { _ in " --- |" }.joined())
        out += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return out.joined(separator: "\n")
    }
}
