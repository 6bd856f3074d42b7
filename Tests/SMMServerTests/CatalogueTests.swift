import Foundation
import SMMCore
import Testing
@testable import SMMServer

@Suite struct CatalogueTests {
    @Test("Russian and English catalogues have the same keys, none empty")
    func sameKeys() {
        let ru = Catalogue.strings(.ru), en = Catalogue.strings(.en)
        let onlyRU = Set(ru.keys).subtracting(en.keys).sorted()
        let onlyEN = Set(en.keys).subtracting(ru.keys).sorted()
        #expect(onlyRU.isEmpty, "keys missing in English: \(onlyRU)")
        #expect(onlyEN.isEmpty, "keys missing in Russian: \(onlyEN)")
        for (key, value) in ru where value.trimmingCharacters(in: .whitespaces).isEmpty { Issue.record("ru \(key) is empty") }
        for (key, value) in en where value.trimmingCharacters(in: .whitespaces).isEmpty { Issue.record("en \(key) is empty") }
    }

    @Test("every KPI id and area has a name in both languages", arguments: UILanguage.allCases)
    func kpiNames(_ language: UILanguage) {
        let l = Localizer(language)
        #expect(KPIID.allCases.count == 85)
        for id in KPIID.allCases { #expect(l.has("kpi." + id.rawValue), "\(language) lacks kpi.\(id.rawValue)") }
        for area in KPIArea.allCases { #expect(l.has("area." + area.rawValue)) }
        for status in KPIStatus.allCases { #expect(l.has("status." + status.rawValue)) }
    }

    @Test("Russian KPI names differ from English ones where a word is translated")
    func translated() {
        #expect(Localizer(.ru).name(.followersEnd) == "Подписчики")
        #expect(Localizer(.en).name(.followersEnd) == "Followers")
        #expect(Localizer(.ru).t("nav.dashboard") != Localizer(.en).t("nav.dashboard"))
    }

    @Test("every key the templates and view models use is in the catalogue")
    func usedKeys() throws {
        for key in try UsedKeys.scan() {
            #expect(Localizer(.ru).has(key), "ru lacks \(key)")
            #expect(Localizer(.en).has(key), "en lacks \(key)")
        }
    }

    @Test("keys built at run time exist: networks, formats, statuses, roles, SMART criteria, target kinds")
    func dynamicKeys() {
        var keys: [String] = []
        keys += Network.allCases.map { "network." + $0.rawValue }
        keys += PostFormat.allCases.map { "format." + $0.rawValue }
        keys += Sentiment.allCases.map { "sentiment." + $0.rawValue } + ["sentiment.none"]
        keys += AnomalyKind.allCases.map { "anomalyKind." + $0.rawValue }
        keys += AnomalyStatus.allCases.map { "anomalies." + $0.rawValue }
        keys += SMARTCriterion.allCases.map { "smart." + $0.rawValue }
        keys += Achievability.allCases.map { "achievability." + $0.rawValue }
        keys += Target.kindNames.map { "target." + $0 }
        keys += ["owner", "director", "specialist", "client"].flatMap { ["role." + $0, "roleHint." + $0] }
        keys += PagePermissions(role: "owner").pages.map { "nav." + $0 }
        keys += PeriodChoice.kinds.map { "period." + $0.rawValue }
        keys += ["all", "positive", "neutral", "negative", "unanswered"].map { "comments." + $0 }
        keys += ["better", "worse", "same", "neutral"].map { "change." + $0 }
        keys += UILanguage.allCases.map { "lang." + $0.rawValue }
        for key in keys {
            #expect(Localizer(.ru).has(key), "ru lacks \(key)")
            #expect(Localizer(.en).has(key), "en lacks \(key)")
        }
    }

    @Test("every evidence figure the detectors write has a label in both languages")
    func evidenceNames() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SMMCore/Detection")
        var names = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for part in text.components(separatedBy: "EvidenceNumber(\"").dropFirst() {
                names.insert(String(part.prefix { $0 != "\"" }))
            }
        }
        #expect(names.count >= 30)
        for name in names {
            #expect(Localizer(.ru).has("evidence." + name), "ru lacks evidence.\(name)")
            #expect(Localizer(.en).has("evidence." + name), "en lacks evidence.\(name)")
        }
        #expect(Localizer(.ru).evidenceName("joined_ratio") == "вступления к обычным")
        #expect(Localizer(.en).evidenceName("not_a_figure") == "not a figure")
    }
}
