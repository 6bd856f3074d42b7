import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIScopeTests {
    static let accounts = [Fx.vk, Fx.tg, Fx.vk2]

    @Test("a scope that lists every account is the all-accounts scope")
    func everyAccount() throws {
        let listed = try Scope(accounts: [" tg_main", "vk_two ", "vk_main"], of: Self.accounts)
        #expect(listed.isAllAccounts)
        #expect(listed == Scope.all(of: Self.accounts))
        #expect(listed.sortedAccountIDs == ["tg_main", "vk_main", "vk_two"])
        let some = try Scope(accounts: ["vk_main", "vk_two"], of: Self.accounts)
        #expect(!some.isAllAccounts)
        #expect(some.networks == [.vk])
    }

    @Test("an unknown account is an error that lists the known ones")
    func unknownAccount() {
        #expect(throws: ScopeError.unknownAccount("ok_main", known: ["tg_main", "vk_main", "vk_two"])) {
            try Scope(accounts: ["vk_main", "ok_main"], of: Self.accounts)
        }
        let message = ScopeError.unknownAccount("ok_main", known: ["tg_main"]).errorDescription ?? ""
        #expect(message.contains("ok_main") && message.contains("tg_main"))
    }

    @Test("rows with only a network count for N(A); rows with no network only for all accounts")
    func networkRows() throws {
        let vkOnly = try Scope(accounts: ["vk_main", "vk_two"], of: Self.accounts)
        let all = Scope.all(of: Self.accounts)
        #expect(vkOnly.counts(network: .vk))
        #expect(!vkOnly.counts(network: .youtube))
        #expect(!vkOnly.counts(network: nil))
        #expect(all.counts(network: .youtube))
        #expect(all.counts(network: nil))
        #expect(vkOnly.counts(source: Source("VK")))
        #expect(!vkOnly.counts(source: Source("organic")))
        #expect(all.counts(source: Source("organic")))
    }

    @Test("network-only rows of other_costs, mentions and web sessions follow N(A)")
    func networkOnlyRowsInMetrics() {
        let ds = Fx.dataset(accounts: Self.accounts) { ds in
            ds.otherCosts = [OtherCost(date: Fx.d("2024-11-01"), category: .tools, amount: 1, network: .vk),
                             OtherCost(date: Fx.d("2024-11-01"), category: .tools, amount: 10, network: .telegram),
                             OtherCost(date: Fx.d("2024-11-01"), category: .salary, amount: 100),
                             OtherCost(date: Fx.d("2024-11-01"), category: .content, amount: 1000, network: .youtube)]
        }
        #expect(Fx.value(.otherCosts, ds) == 1111)
        #expect(Fx.value(.otherCosts, ds, accounts: ["vk_main"]) == 1)
        #expect(Fx.value(.otherCosts, ds, accounts: ["vk_main", "tg_main"]) == 11)
        #expect(Fx.value(.otherCosts, ds, accounts: ["vk_main", "tg_main", "vk_two"]) == 1111)
    }

    @Test("an empty database is an all-accounts scope of no accounts")
    func emptyDatabase() {
        let ds = Fx.dataset(accounts: [])
        let report = Fx.report(ds)
        #expect(report.scopeAccounts.isEmpty)
        #expect(report[.postsPublished]?.value == 0)
        #expect(report[.followersEnd]?.value == nil)
    }
}
