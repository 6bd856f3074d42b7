import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIDisciplineTests {
    static func item(_ id: String, due: String, published: String?, approved: Bool? = nil) -> PlanItemFact {
        let dueAt = Fx.t(due)
        let post = published.map(Fx.t)
        return PlanItemFact(item: PlanItem(id: id, accountID: "vk_main", dueAt: dueAt, dueDate: Fx.d(String(due.prefix(10))),
                                           postID: published == nil ? nil : "post-" + id, approved: approved),
                            postPublishedAt: post, postLocalDate: published.map { Fx.d(String($0.prefix(10))) })
    }

    static let plan = Fx.dataset { ds in
        ds.planItems = [
            item("i1", due: "2024-11-05T23:59:59Z", published: "2024-11-05T23:59:59Z"),  // at the deadline: on time
            item("i2", due: "2024-11-06T12:00:00Z", published: "2024-11-06T12:00:01Z"),  // late, still in P
            item("i3", due: "2024-11-07T12:00:00Z", published: "2024-11-01T12:00:00Z", approved: false),
            item("i4", due: "2024-11-30T12:00:00Z", published: "2024-12-01T09:00:00Z"),  // published after P
            item("i5", due: "2024-11-08T12:00:00Z", published: nil),  // no post
            item("i6", due: "2024-12-01T12:00:00Z", published: "2024-11-20T12:00:00Z"),  // due in December
        ]
        ds.posts = (1...6).map { Fx.post("x\($0)", at: "2024-11-0\($0)T10:00:00Z") }
        ds.workLog = [
            WorkLogEntry(date: Fx.d("2024-11-01"), person: " Анна Смирнова ", hours: Decimal(string: "2.5")!),
            WorkLogEntry(date: Fx.d("2024-11-02"), person: "Игорь", hours: Decimal(string: "0.1")!),
            WorkLogEntry(date: Fx.d("2024-11-03"), person: "Анна Смирнова", hours: Decimal(string: "0.2")!),
            WorkLogEntry(date: Fx.d("2024-12-01"), person: "Анна Смирнова", hours: 8),
        ]
    }

    @Test("plan items: completion by the last day of P, on time by due_at and approval")
    func planRates() {
        #expect(Fx.value(.planItems, Self.plan) == 5)
        #expect(approx(Fx.value(.planCompletionRate, Self.plan), 60))
        #expect(approx(Fx.value(.planOnTimeRate, Self.plan), 20))
        #expect(Fx.value(.planCompletionRate, Self.plan, "2024-10") == nil)
        #expect(Fx.value(.planItems, Self.plan, "2024-10") == 0)
    }

    @Test("plan rates read posts.csv")
    func planFiles() {
        var ds = Self.plan
        ds.presence = Fx.presence().without(.posts)
        #expect(Fx.value(.planItems, ds) == 5)
        #expect(Fx.value(.planCompletionRate, ds) == nil)
        ds.presence = Fx.presence().without(.contentPlan)
        #expect(Fx.value(.planItems, ds) == nil)
    }

    @Test("hours_spent: every row, or the assignee's rows after trimming both; exact decimals")
    func hours() {
        #expect(Fx.value(.hoursSpent, Self.plan) == 2.8)
        #expect(Fx.value(.hoursSpent, Self.plan, options: KPIOptions(assignee: "Анна Смирнова  ")) == 2.7)
        #expect(approx(Fx.value(.postsPerHour, Self.plan), 6 / 2.8))
        #expect(Fx.value(.hoursSpent, Self.plan, options: KPIOptions(assignee: "Пётр")) == 0)
        #expect(Fx.value(.postsPerHour, Self.plan, options: KPIOptions(assignee: "Пётр")) == nil)
        var ds = Self.plan
        ds.presence = Fx.presence().without(.workLog)
        #expect(Fx.value(.hoursSpent, ds) == nil)
    }

    @Test("work_log is never scoped by account")
    func hoursNotScoped() {
        var ds = Self.plan
        ds.accounts = [Fx.vk, Fx.tg]
        #expect(Fx.value(.hoursSpent, ds, accounts: ["tg_main"]) == 2.8)
    }
}
