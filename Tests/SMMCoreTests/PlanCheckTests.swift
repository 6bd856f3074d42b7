import Foundation
import SMMCore
import Testing

/// The SMART checks (plans-and-scoring.md "Plan checks (SMART)").
@Suite struct PlanCheckTests {
    static let november = Period.month(year: 2025, month: 11)!

    /// Values over the months before November 2025, oldest first.
    static func history(_ values: [Double?]) -> [HistoryPoint] {
        var p = november
        var out: [HistoryPoint] = []
        for v in values.reversed() {
            p = p.previous
            out.insert(HistoryPoint(period: p, value: v), at: 0)
        }
        return out
    }

    static func verdict(_ t: Target, _ values: [Double?], _ metric: KPIID = .leads) -> (Achievability, String) {
        SMARTCheck.achievability(t, metric: metric, history: history(values), period: november)
    }

    // Monthly changes of this history: +10 %, +10 %, −10 %, +20 % … median +10 %, best +20 %.
    static let growing: [Double?] = [100, 110, 121, 108.9, 130.68]

    @Test("achievable: within the median change seen is realistic")
    func realistic() {
        let (v, text) = Self.verdict(.atLeast(140), Self.growing)
        #expect(v == .realistic)
        #expect(text.contains("needs +7.1 %"))
        #expect(text.contains("the best month of the last 5 grew +20.0 %"))
    }

    @Test("achievable: above the median but within the best change is ambitious")
    func ambitious() {
        #expect(Self.verdict(.atLeast(150), Self.growing).0 == .ambitious)
        #expect(Self.verdict(.growthPct(18), Self.growing).0 == .ambitious)
    }

    @Test("achievable: beyond the best change seen is unrealistic, and says by how much")
    func unrealistic() {
        let (v, text) = Self.verdict(.growthPct(40), Self.growing)
        #expect(v == .unrealistic)
        #expect(text.contains("needs +40.0 %"))
    }

    @Test("achievable: a reduction compares with the falls seen (cpl at most)")
    func reduction() {
        let cpl: [Double?] = [1000, 950, 1000, 900, 950]  // −5 %, +5.3 %, −10 %, +5.6 %
        #expect(Self.verdict(.atMost(900), cpl, .cpl).0 == .ambitious)
        #expect(Self.verdict(.atMost(700), cpl, .cpl).0 == .unrealistic)
        #expect(Self.verdict(.atMost(960), cpl, .cpl).0 == .realistic)
        #expect(Self.verdict(.growthPct(-3), cpl, .cpl).0 == .ambitious)
    }

    @Test("achievable: a target the last period already reached is realistic when most periods reached it")
    func alreadyThere() {
        let (v, text) = Self.verdict(.atLeast(105), Self.growing)
        #expect(v == .realistic)
        #expect(text.contains("already at or above 105; 4 of the 5 months with data in the last 5 reached it"))
        // Reached last month, but only 2 of 5 months did: ambitious.
        #expect(Self.verdict(.atLeast(120), Self.growing).0 == .ambitious)
        #expect(Self.verdict(.between(100, 200), Self.growing).0 == .realistic)
    }

    @Test("achievable: without history the verdict is unknown")
    func unknown() {
        #expect(Self.verdict(.atLeast(10), [nil, nil, nil]).0 == .unknown)
        #expect(Self.verdict(.atLeast(10), []).0 == .unknown)
        // One month with data shows no change from one month to the next.
        let (v, text) = Self.verdict(.atLeast(200), [nil, 100])
        #expect(v == .unknown)
        #expect(text.contains("only 1 month with data"))
    }

    @Test("achievable: values that are not all positive compare levels (roi)")
    func levels() {
        let roi: [Double?] = [-20, -5, 10, -10]
        #expect(Self.verdict(.atLeast(0), roi, .roi).0 == .ambitious)
        #expect(Self.verdict(.atLeast(-8), roi, .roi).0 == .realistic)
        #expect(Self.verdict(.atLeast(50), roi, .roi).0 == .unrealistic)
    }

    @Test("achievable: a reach target is judged on this period's step of the trajectory")
    func reachStep() throws {
        let by = try #require(LocalDate(iso: "2026-04-30"))  // six months: this month needs 1/6 of the way
        let followers: [Double?] = [1000, 1010, 1020, 1030, 1040]
        let (v, text) = Self.verdict(.reach(1100, by: by), followers, .followersEnd)
        // T = 1040 + 60 × 30/181 ≈ 1049.94: +1.0 %, about the usual monthly growth.
        #expect(v == .realistic)
        #expect(text.contains("1040 → 1049.94"))
        // T ≈ 1199: +15 % in a month that never grew more than +1 %.
        #expect(Self.verdict(.reach(2000, by: by), followers, .followersEnd).0 == .unrealistic)
    }

    @Test("a gap before the plan's period uses the latest value and says so")
    func gap() {
        let (_, text) = Self.verdict(.atLeast(200), [100, 120, nil])
        #expect(text.contains("latest data, 2025-09"))
    }

    // MARK: The five criteria

    static func plan(_ kpis: [PlanKPI], task: BusinessTask? = .leads) -> Plan {
        Plan(name: "t", period: november, task: task, kpis: kpis)
    }

    static func presence(_ files: Set<BundleFile>, columns: [BundleFile: Set<String>] = [:]) -> Presence {
        Presence(files: files, columns: columns, filledColumns: columns)
    }

    @Test("relevant: in the task's set, or with a reason; otherwise a warning naming the set")
    func relevant() {
        let p = Self.plan([PlanKPI(metric: .leads, target: .atLeast(10)),
                           PlanKPI(metric: .erReach, target: .atLeast(3)),
                           PlanKPI(metric: .likesTotal, target: .atLeast(3), reason: "the owner asked for it")])
        let c = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], presence: nil, history: [:])
        let relevant = c.kpis.map { $0.findings.first { $0.criterion == .relevant }! }
        #expect(relevant.map(\.ok) == [true, false, true])
        #expect(relevant[1].text.contains("not in the leads set"))
        #expect(relevant[2].text.contains("the owner asked for it"))
        let noTask = SMARTCheck.check(plan: Self.plan([PlanKPI(metric: .leads, target: .atLeast(1))], task: nil),
                                      scopeAccounts: ["vk"], presence: nil, history: [:])
        #expect(noTask.kpis[0].findings.first { $0.criterion == .relevant }?.ok == false)
    }

    @Test("time-bound: a trajectory date before the period starts warns")
    func timeBound() throws {
        let early = try #require(LocalDate(iso: "2025-10-31"))
        let fine = try #require(LocalDate(iso: "2025-11-01"))
        let p = Self.plan([PlanKPI(metric: .leads, target: .reach(10, by: early)),
                           PlanKPI(metric: .leads, target: .reach(10, by: fine)),
                           PlanKPI(metric: .leads, target: .atLeast(10))])
        let c = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], presence: nil, history: [:])
        #expect(c.kpis.map { $0.findings.first { $0.criterion == .timeBound }!.ok } == [false, true, true])
    }

    @Test("measurable: the files and columns the metric needs; audience_match needs a persona")
    func measurable() {
        let p = Self.plan([PlanKPI(metric: .leads, target: .atLeast(10)),
                           PlanKPI(metric: .qualifiedLeads, target: .atLeast(3)),
                           PlanKPI(metric: .audienceMatch, target: .atLeast(80))])
        let c = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], presence: Self.presence([.leads, .accountDaily, .audience]),
                                 history: [:])
        let m = c.kpis.map { $0.findings.first { $0.criterion == .measurable }! }
        #expect(m[0].ok)
        #expect(!m[1].ok)
        #expect(m[1].text.contains("leads.csv (column qualified)"))
        #expect(!m[2].ok)
        #expect(m[2].text.contains("persona"))
        let withColumn = SMARTCheck.check(plan: p, scopeAccounts: ["vk"],
                                          presence: Self.presence([.leads], columns: [.leads: ["qualified"]]), history: [:])
        #expect(withColumn.kpis[1].findings.first { $0.criterion == .measurable }!.ok)
    }

    @Test("measurable: brand_search_volume with some accounts is always null")
    func allAccountsOnly() {
        let p = Self.plan([PlanKPI(metric: .brandSearchVolume, target: .atLeast(10))], task: .awareness)
        let presence = Self.presence([.brandSearches])
        let some = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], allAccounts: false, presence: presence, history: [:])
        #expect(some.kpis[0].findings.first { $0.criterion == .measurable }?.ok == false)
        let all = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], allAccounts: true, presence: presence, history: [:])
        #expect(all.kpis[0].findings.first { $0.criterion == .measurable }?.ok == true)
    }

    @Test("specific: the scope must have accounts")
    func specific() {
        let p = Self.plan([PlanKPI(metric: .leads, target: .atLeast(10))])
        #expect(SMARTCheck.check(plan: p, scopeAccounts: [], presence: nil, history: [:]).kpis[0].findings[0].ok == false)
        #expect(SMARTCheck.check(plan: p, scopeAccounts: ["vk_main"], presence: nil, history: [:]).kpis[0].findings[0].ok)
    }

    @Test("plan notes: task KPIs left out, raw follower growth, all weights 0")
    func notes() {
        let p = Self.plan([PlanKPI(metric: .leads, target: .atLeast(10), weight: 0),
                           PlanKPI(metric: .netFollowerGrowth, target: .atLeast(10), weight: 0)])
        let c = SMARTCheck.check(plan: p, scopeAccounts: ["vk"], presence: nil, history: [:])
        #expect(c.notes.contains { $0.contains("also suggests web_conversion_rate") })
        #expect(c.notes.contains { $0.contains("net_follower_growth_clean") })
        #expect(c.notes.contains { $0.contains("every weight is 0") })
        #expect(c.warningCount >= 3)
    }

    @Test("every metric lists what it reads")
    func everyMetricHasInputs() {
        #expect(KPIID.allCases.allSatisfy { !$0.inputs.isEmpty })
    }
}
