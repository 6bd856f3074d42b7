import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIIDTests {
    @Test("the catalog has 85 metric ids, every one with an area")
    func count() {
        #expect(KPIID.allCases.count == 85)
        #expect(Set(KPIID.allCases.map(\.rawValue)).count == 85)
        #expect(KPIID.allCases.filter { $0.area == .costs }.count == 15)
    }

    @Test("unit, better and group match every expected file of the spec's examples",
          .enabled(if: KPIExampleBundle.isAvailable))
    func attributesMatchExamples() throws {
        let dir = KPIExampleBundle.examplesDirectory.appendingPathComponent("expected")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasPrefix("kpi-") && $0.hasSuffix(".json")
        }
        #expect(!files.isEmpty)
        var seen = Set<KPIID>()
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(file).path))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for m in json["metrics"] as? [[String: Any]] ?? [] {
                let id = try #require(KPIID(rawValue: m["id"] as? String ?? ""), "\(m["id"] ?? "")")
                seen.insert(id)
                #expect(id.unit.rawValue == m["unit"] as? String, "\(id)")
                #expect(id.better.rawValue == m["better"] as? String, "\(id)")
                #expect(id.group.rawValue == m["group"] as? String, "\(id)")
            }
        }
        // The examples print every metric except the detector-dependent one.
        #expect(Set(KPIID.allCases).subtracting(seen) == [.netFollowerGrowthClean])
    }

    @Test("kinds: hard results and soft interaction quality")
    func kinds() {
        #expect(KPIID.ctr.kind == .hard)
        #expect(KPIID.erReach.kind == .soft)
        #expect(KPIID.pagesPerSession.kind == .soft)
        #expect(KPIID.webConversionRate.kind == .hard)
        #expect(KPIID.netFollowerGrowthClean.kind == .hard)
        #expect(KPIID.cpc.kind == .hard)
        #expect(KPIID.brandSearchVolume.kind == .hard)
        #expect(KPIID.avgRating.kind == .soft)
        #expect(KPIID.allCases.filter { $0.kind == .hard }.count == 34)
    }

    @Test("ids parse trimmed and case-insensitive")
    func parsing() {
        #expect(KPIID(parsing: " ER_Reach ") == .erReach)
        #expect(KPIID(parsing: "response_SLA_rate") == .responseSLARate)
        #expect(KPIID(parsing: "er reach") == nil)
    }

    @Test("business tasks and their default KPI sets")
    func tasks() {
        #expect(BusinessTask.allCases.count == 7)
        #expect(BusinessTask.awareness.kpis == [.reachTotal, .accountReach, .netFollowerGrowthClean, .brandMentions,
                                                .brandSearchVolume])
        #expect(BusinessTask.ads.kpis == [.cpc, .ctr, .adCtr, .roas, .cpl])
        #expect(BusinessTask.collaborations.kpis == [.collabReach, .collabErReach, .collabJoined])
        #expect(BusinessTask(rawValue: "loyalty")?.kpis.contains(.commentReplyRate) == true)
    }

    @Test("breakdown dimensions and the post metrics")
    func breakdowns() {
        #expect(Breakdown.allCases.map(\.rawValue) == ["account", "network", "format", "topic", "campaign", "partner"])
        #expect(Breakdown.postMetrics.count == 17)
        #expect(Breakdown.format.metrics == Breakdown.postMetrics)
        #expect(Breakdown.account.metrics.count == 85)
        #expect(Breakdown.postMetrics.allSatisfy { [.engagement, .content].contains($0.area) })
    }
}
