import Foundation
import SMMCore
import SMMEngine
import Testing

/// Plan YAML (plans-and-scoring.md "Reading a plan"): what is read, and errors that name the
/// line, the field and the allowed values.
@Suite struct PlanReaderTests {
    static let minimal = """
        period: 2024-12
        kpis:
          - metric: er_reach
            target: {at_least: 3.2}
        """

    static func parse(_ text: String) throws -> Plan { try PlanReader.parse(text, source: "p.yaml") }

    /// The error a text gives, as the sentence the user reads.
    static func error(_ text: String) -> String {
        do {
            _ = try PlanReader.parse(text, source: "p.yaml")
            return "no error"
        } catch {
            return error.errorDescription ?? "\(error)"
        }
    }

    @Test("the spec's example plan reads completely")
    func examplePlan() throws {
        let url = PlanFixtures.examples.appendingPathComponent("expected/plan-2024-12.yaml")
        let plan = try PlanReader.read(path: url.path)
        #expect(plan.name == "December 2024 — Кофейня «Зерно» SMM")
        #expect(plan.assignee == "Анна Смирнова")
        #expect(plan.period == Period.month(year: 2024, month: 12))
        #expect(plan.task == .leads)
        #expect(plan.slaHours == 12)
        #expect(plan.atRiskBelow == 80 && plan.cap == 120 && plan.missingData == .exclude)
        #expect(plan.persona?.targets[.gender]?["female"] == Decimal(string: "0.7"))
        #expect(plan.persona?.targets[.age]?["25-34"] == Decimal(string: "0.5"))
        #expect(plan.bonus == BonusRule(base: 30_000, minScore: 70, salesPercent: 2))
        #expect(plan.kpis.map(\.metric) == [.erReach, .cpl, .reachTotal, .followersEnd, .responseSLARate, .bounceRate,
                                            .audienceMatch, .hoursSpent])
        #expect(plan.kpis[3].target == .reach(42_000, by: LocalDate(iso: "2025-02-28")!))
        #expect(plan.kpis[5].target == .between(25, 35))
        #expect(plan.kpis.map(\.weight) == [20, 25, 15, 15, 10, 5, 5, 5])
    }

    @Test("defaults: weight 1, at_risk_below 80, cap 120, exclude, no bonus, all accounts")
    func defaults() throws {
        let plan = try Self.parse(Self.minimal)
        #expect(plan.kpis[0].weight == 1)
        #expect(plan.atRiskBelow == 80 && plan.cap == 120 && plan.missingData == .exclude)
        #expect(plan.bonus == nil && plan.accounts == nil && plan.name == nil && plan.slaHours == nil)
        #expect(plan.settings.slaHours == 24)
    }

    @Test("quotes are optional: periods and dates as numbers, dates or strings mean the same", arguments: [
        ("2025", "2025"), ("\"2025\"", "2025"), ("2025-10", "2025-10"), ("'2025-10'", "2025-10"),
        ("2025-W05", "2025-W05"), ("2024-Q4", "2024-Q4"), ("2024-11-03..2024-11-17", "2024-11-03..2024-11-17"),
    ])
    func periodSpellings(written: String, label: String) throws {
        let plan = try Self.parse("period: \(written)\nkpis: [{metric: leads, target: {at_least: 1}}]")
        #expect(plan.period.label == label)
    }

    @Test("by: a bare date and a quoted date are the same")
    func byDate() throws {
        for by in ["2025-12-31", "\"2025-12-31\""] {
            let plan = try Self.parse("period: 2025-10\nkpis:\n  - metric: followers_end\n    target: {reach: 35000, by: \(by)}")
            #expect(plan.kpis[0].target == .reach(35_000, by: LocalDate(iso: "2025-12-31")!))
        }
    }

    @Test("metric ids are trimmed and case-insensitive; accounts trimmed; assignee trimmed")
    func trimming() throws {
        let plan = try Self.parse("""
            period: 2024-12
            assignee: "  Анна Смирнова "
            accounts: [" vk_main", "tg_main "]
            kpis:
              - metric: " ER_Reach "
                target: {at_least: 3}
                weight: 0
                reason: "  why  "
            """)
        #expect(plan.kpis[0].metric == .erReach)
        #expect(plan.kpis[0].weight == 0)
        #expect(plan.kpis[0].reason == "why")
        #expect(plan.accounts == ["vk_main", "tg_main"])
        #expect(plan.assignee == "Анна Смирнова")
    }

    @Test("negative growth and targets below zero are allowed")
    func negativeTargets() throws {
        let plan = try Self.parse("period: 2024-12\nkpis:\n  - {metric: cpl, target: {growth_pct: -15}}\n  - {metric: roi, target: {at_least: -10}}")
        #expect(plan.kpis.map(\.target) == [.growthPct(-15), .atLeast(-10)])
    }

    // MARK: Errors

    @Test("an unknown metric id is named, with where to find the ids")
    func unknownMetric() {
        let e = Self.error("period: 2024-12\nkpis:\n  - metric: er_rech\n    target: {at_least: 3}")
        #expect(e.contains("p.yaml, line 3, kpis #1.metric"))
        #expect(e.contains("“er_rech” is not a metric id"))
        #expect(e.contains("--list-metrics"))
    }

    @Test("an unknown target kind lists the kinds")
    func unknownTargetKind() {
        let e = Self.error("period: 2024-12\nkpis:\n  - metric: cpl\n    target: {atmost: 300}")
        #expect(e.contains("line 4"))
        #expect(e.contains("kpis #1 (cpl).target.atmost"))
        #expect(e.contains("at_least, at_most, growth_pct, reach, between, by"))
    }

    @Test("an unknown key (a typo) is an error naming the key and the allowed keys")
    func unknownKey() {
        let e = Self.error("period: 2024-12\nat_risk_bellow: 70\nkpis: [{metric: leads, target: {at_least: 1}}]")
        #expect(e.contains("line 2, at_risk_bellow"))
        #expect(e.contains("“at_risk_bellow” is not a known key"))
        #expect(e.contains("name, assignee, period, accounts, task, sla_hours, at_risk_below, cap, missing_data, persona, bonus, kpis"))
        let k = Self.error("period: 2024-12\nkpis:\n  - metric: leads\n    target: {at_least: 1}\n    wieght: 3")
        #expect(k.contains("line 5, kpis #1 (leads).wieght"))
        #expect(k.contains("metric, target, weight, reason"))
        let b = Self.error("period: 2024-12\nbonus: {base: 1, sales_pct: 2}\nkpis: [{metric: leads, target: {at_least: 1}}]")
        #expect(b.contains("bonus.sales_pct"))
    }

    @Test("the period is required and must parse", arguments: [
        ("kpis: [{metric: leads, target: {at_least: 1}}]", "a plan needs a `period`"),
        ("period:\nkpis: [{metric: leads, target: {at_least: 1}}]", "a plan needs a `period`"),
        ("period: 2024-13\nkpis: [{metric: leads, target: {at_least: 1}}]", "“2024-13” is not a period"),
        ("period: 2024-W5\nkpis: [{metric: leads, target: {at_least: 1}}]", "line 1, period"),
    ])
    func period(text: String, message: String) {
        #expect(Self.error(text).contains(message))
    }

    @Test("kpis must list at least one KPI", arguments: ["period: 2024-12", "period: 2024-12\nkpis: []",
                                                         "period: 2024-12\nkpis:"])
    func noKPIs(text: String) {
        let e = Self.error(text)
        #expect(e.contains("kpis"))
        #expect(e.contains("at least one KPI"))
    }

    @Test("a reach target needs by, and by must be a date")
    func reachNeedsBy() {
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: followers_end\n    target: {reach: 35000}")
            .contains("kpis #1 (followers_end).target.by: a reach target needs `by`"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: followers_end\n    target: {reach: 35000, by: 31.12.2025}")
            .contains("“31.12.2025” is not a date"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: leads\n    target: {at_least: 5, by: 2025-01-01}")
            .contains("`by` belongs only to a reach target"))
    }

    @Test("one target kind per KPI")
    func twoKinds() {
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: leads\n    target: {at_least: 5, at_most: 9}")
            .contains("has at_least and at_most"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: leads\n    target: 5").contains("must name its kind"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - metric: leads").contains("every KPI needs a `target`"))
    }

    @Test("weights: negative is an error, text is an error naming the field")
    func weights() {
        #expect(Self.error("period: 2024-12\nkpis:\n  - {metric: leads, target: {at_least: 5}, weight: -1}")
            .contains("kpis #1 (leads).weight: -1 is negative"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - {metric: leads, target: {at_least: 5}, weight: heavy}")
            .contains("“heavy” is not a number"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - {metric: leads, target: {at_least: '4,5'}}")
            .contains("write decimals with a point: 4.5"))
    }

    @Test("between needs [low, high] in order")
    func between() {
        #expect(Self.error("period: 2024-12\nkpis:\n  - {metric: bounce_rate, target: {between: [35, 25]}}")
            .contains("the low end 35 is above the high end 25"))
        #expect(Self.error("period: 2024-12\nkpis:\n  - {metric: bounce_rate, target: {between: 30}}")
            .contains("must be two numbers"))
    }

    @Test("enumerated settings list their allowed values")
    func settings() {
        let base = "\nkpis: [{metric: leads, target: {at_least: 1}}]"
        #expect(Self.error("period: 2024-12\ntask: sales" + base)
            .contains("“sales” is not a business task; use one of awareness, leads, engagement, loyalty, traffic, ads, collaborations"))
        #expect(Self.error("period: 2024-12\nmissing_data: skip" + base).contains("use exclude (default) or zero"))
        #expect(Self.error("period: 2024-12\ncap: 90" + base).contains("cap: 90 is below 100"))
        #expect(Self.error("period: 2024-12\nat_risk_below: 120" + base).contains("between 0 and 100"))
        #expect(Self.error("period: 2024-12\nsla_hours: 0" + base).contains("positive number of hours"))
        #expect(Self.error("period: 2024-12\npersona: {sex: {f: 1}}" + base)
            .contains("use gender, age, city, country, interest"))
        #expect(Self.error("period: 2024-12\naccounts: []" + base).contains("leave `accounts` out"))
    }

    @Test("invalid YAML names its line; an empty document and a non-mapping are explained")
    func invalidYAML() {
        let e = Self.error("period: 2024-12\nkpis:\n  - metric: leads\n    target: {at_least: 1\n  - metric: cpl")
        #expect(e.hasPrefix("p.yaml, line"))
        #expect(e.contains("not valid YAML"))
        #expect(Self.error("# nothing here\n").contains("the plan is empty"))
        #expect(Self.error("- a\n- b").contains("must be a mapping"))
        #expect(Self.error("period: 2024-12\nperiod: 2024-11\nkpis: [{metric: leads, target: {at_least: 1}}]")
            .contains("line 2, period: appears twice"))
    }

    @Test("a missing file is said so")
    func missingFile() {
        #expect(throws: PlanError.self) { try PlanReader.read(path: "/nonexistent/plan.yaml") }
    }
}
