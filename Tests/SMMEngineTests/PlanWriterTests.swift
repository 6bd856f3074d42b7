import Foundation
import SMMCore
import SMMEngine
import Testing

/// YAML written by the product reads back to the same plan.
@Suite struct PlanWriterTests {
    @Test("the example plan round-trips through the writer")
    func roundTrip() throws {
        let plan = try PlanReader.read(path: PlanFixtures.examplePlan.path)
        let text = PlanWriter.yaml(plan, header: ["a comment"], comments: [["why er_reach"]])
        #expect(text.hasPrefix("# a comment\n"))
        #expect(text.contains("  # why er_reach\n  - metric: er_reach"))
        #expect(try PlanReader.parse(text) == plan)
    }

    @Test("every target kind, odd names and exact numbers survive")
    func everyKind() throws {
        let plan = Plan(name: "Q \"4\": test\\plan\nnext", assignee: "Anna", period: try Period(parsing: "2024-11-03..2024-11-17"),
                        accounts: ["vk_main", "tg:1"], task: .ads, slaHours: Decimal(string: "1.5"), atRiskBelow: 75.5,
                        cap: 150, missingData: .zero,
                        persona: Persona([.city: ["Москва": Decimal(string: "0.25")!, "1": 1]]),
                        bonus: BonusRule(base: 1000.5, minScore: 0, salesPercent: 0.125),
                        kpis: [PlanKPI(metric: .cpc, target: .atMost(12.345678901), weight: 0.1),
                               PlanKPI(metric: .ctr, target: .atLeast(-1e-7)),
                               PlanKPI(metric: .roas, target: .growthPct(-12.5), reason: "yes: \"quoted\""),
                               PlanKPI(metric: .followersEnd, target: .reach(1e6, by: LocalDate(iso: "2026-01-31")!)),
                               PlanKPI(metric: .bounceRate, target: .between(-5, 35.25))])
        #expect(try PlanReader.parse(PlanWriter.yaml(plan)) == plan)
    }
}
