import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIReportTests {
    @Test("change_abs and change_pct", arguments: [
        (12.0, 10.0, 2.0, 20.0), (5, -10, 15, 150), (3, 0, 3, nil), (nil, 4, nil, nil), (4, nil, nil, nil),
    ] as [(Double?, Double?, Double?, Double?)])
    func change(_ value: Double?, _ previous: Double?, _ abs: Double?, _ pct: Double?) {
        let r = KPIResult(id: .leads, value: value, previous: previous)
        #expect(r.changeAbs == abs)
        #expect(r.changePct == pct)
    }

    @Test("the report has every metric sorted by id, periods and the sorted scope")
    func shape() {
        let ds = Fx.dataset(accounts: [Fx.vk, Fx.tg])
        let report = Fx.report(ds, "2025-W01")
        #expect(report.metrics.map(\.id) == KPIID.allCases.sorted())
        #expect(report.metrics.map(\.id.rawValue) == report.metrics.map(\.id.rawValue).sorted())
        #expect(report.period.first == Fx.d("2024-12-30"))
        #expect(report.previous.label == "2024-W52")
        #expect(report.scopeAccounts == ["tg_main", "vk_main"])
        #expect(report.groups == nil)
    }

    @Test("JSON in the shape of kpi --format json, nulls written out")
    func json() throws {
        let ds = Fx.dataset { $0.posts = [Fx.post("p", at: "2024-11-02T00:00:00Z")] }
        let report = Fx.report(ds, metrics: [.postsPublished, .erReach], by: .topic)
        let data = try JSONEncoder().encode(report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["kind"] as? String == "month")
        #expect(period["label"] as? String == "2024-11")
        #expect(period["from"] as? String == "2024-11-01")
        #expect(period["to"] as? String == "2024-11-30")
        #expect((json["scope"] as? [String: Any])?["accounts"] as? [String] == ["vk_main"])
        #expect(json["currency"] as? String == "RUB")
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["id"] as? String } == ["er_reach", "posts_published"])
        #expect(metrics[0]["value"] is NSNull)
        #expect(metrics[0]["change_pct"] is NSNull)
        #expect(metrics[0]["unit"] as? String == "%")
        #expect(metrics[1]["value"] as? Double == 1)
        #expect(metrics[1]["better"] as? String == "-")
        #expect(metrics[1]["group"] as? String == "results")
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups[0]["key"] is NSNull)
    }

    static let newYear = Fx.dataset { ds in
        ds.posts = ["2020-12-27", "2020-12-28", "2021-01-03", "2021-01-04", "2021-01-10", "2021-01-11"].enumerated().map {
            Fx.post("p\($0.offset)", at: $0.element + "T12:00:00Z")
        }
    }

    @Test("an ISO week whose days lie in the previous calendar year: 2021-W01 follows 2020-W53")
    func isoWeekAcrossYears() {
        let report = Fx.report(Self.newYear, "2021-W01", metrics: [.postsPublished])
        // 2021-W01 is 4–10 Jan; 2020-W53 is 28 Dec – 3 Jan.
        #expect(report[.postsPublished]?.value == 2)
        #expect(report[.postsPublished]?.previous == 2)
        #expect(report.previous.label == "2020-W53")
    }

    @Test("a custom range across New Year and its previous range of the same length")
    func customAcrossYears() {
        let report = Fx.report(Self.newYear, "2021-01-03..2021-01-10", metrics: [.postsPublished])
        #expect(report[.postsPublished]?.value == 3)
        // 2020-12-26..2021-01-02.
        #expect(report.previous.label == "2020-12-26..2021-01-02")
        #expect(report[.postsPublished]?.previous == 2)
        #expect(report[.postsPublished]?.changePct == 50)
    }
}
