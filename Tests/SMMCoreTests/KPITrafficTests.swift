import Foundation
import Testing
@testable import SMMCore

@Suite struct KPITrafficTests {
    static func row(_ date: String, _ source: String, sessions: Int64, users: Int64? = nil, pageviews: Int64? = nil,
                    bounces: Int64? = nil, goals: Int64? = nil, duration: Int64? = nil) -> WebSession {
        WebSession(date: Fx.d(date), source: Source(source), sessions: sessions, users: users, pageviews: pageviews,
                   bounces: bounces, goalCompletions: goals, durationSeconds: duration)
    }

    static let web = Fx.dataset(accounts: [Fx.vk, Fx.tg]) { ds in
        ds.webSessions = [
            row("2024-11-01", "VK", sessions: 100, users: 80, pageviews: 300, bounces: 30, goals: 5, duration: 6000),
            row("2024-11-02", "telegram", sessions: 50, users: 40, bounces: 10, goals: 1),
            row("2024-11-03", "instagram", sessions: 10, users: 9, pageviews: 20, goals: 0),  // no account there
            row("2024-11-04", "organic", sessions: 1000, users: 900, pageviews: 5000, goals: 50),
            row("2024-11-05", "other", sessions: 70, users: 60),
            row("2024-12-05", "other", sessions: 70, users: 60),
        ]
    }

    @Test("social rows: a network code other than other, compared case-insensitively")
    func socialSums() {
        let ds = Self.web
        #expect(Fx.value(.socialSessions, ds) == 160)
        #expect(Fx.value(.socialUsers, ds) == 129)
        #expect(Fx.value(.goalCompletions, ds) == 6)
        #expect(Fx.value(.socialSessions, ds, accounts: ["vk_main"]) == 100)
    }

    @Test("ratios use only the rows where every input is known")
    func ratios() {
        let ds = Self.web
        #expect(approx(Fx.value(.pagesPerSession, ds), 320.0 / 110))
        #expect(approx(Fx.value(.avgSessionSeconds, ds), 60))
        #expect(approx(Fx.value(.bounceRate, ds), 40.0 / 150 * 100))
        #expect(approx(Fx.value(.webConversionRate, ds), 6.0 / 160 * 100))
    }

    @Test("a period with only non-social rows is 0 in the all-accounts scope, null in a narrower one")
    func onlyNonSocial() {
        let ds = Self.web
        #expect(Fx.value(.socialSessions, ds, "2024-12") == 0)
        #expect(Fx.value(.socialSessions, ds, "2024-12", accounts: ["vk_main"]) == nil)
        #expect(Fx.value(.socialSessions, ds, "2024-10") == nil)
        #expect(Fx.value(.pagesPerSession, ds, "2024-12") == nil)
    }

    @Test("optional columns: never filled is null")
    func optionalColumns() {
        var ds = Self.web
        ds.presence = Fx.presence().unfilled("users", in: .webSessions).without("goal_completions", in: .webSessions)
        #expect(Fx.value(.socialUsers, ds) == nil)
        #expect(Fx.value(.goalCompletions, ds) == nil)
        #expect(Fx.value(.socialSessions, ds) == 160)
        ds.presence = Fx.presence().without(.webSessions)
        #expect(Fx.value(.socialSessions, ds) == nil)
    }
}
