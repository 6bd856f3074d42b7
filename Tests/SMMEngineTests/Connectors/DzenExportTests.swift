import Foundation
import Logging
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// `import --format dzen`: Dzen Studio's publication statistics CSV → bundle rows → the Importer.
@Suite struct DzenExportTests {
    static let november = Period.month(year: 2026, month: 11)!
    static let collected = Instant(seconds: 1_795_132_800)  // 2026-11-20T00:00:00Z, as in the hand-written bundle

    func importExport(_ name: String, into store: SQLiteStore, account: String = "dzen_main",
                      timeZone: String? = "Europe/Moscow") async throws -> ImportReport {
        try await DzenExport.importFile(path: ConnectorFixtures.dir("dzen").appendingPathComponent(name).path,
                                        accountID: account, timeZone: timeZone, collectedAt: Self.collected,
                                        store: store, logger: Logger(label: "test"))
    }

    func expectedKPIs(_ tmp: TempDir) async throws -> KPIReport {
        let store = try tmp.store("hand.sqlite")
        _ = try importBundle(ConnectorFixtures.dir("dzen").appendingPathComponent("bundle").path, into: store)
        return try await KPIService(store: store).report(period: Self.november)
    }

    @Test(arguments: ["publications-ru.csv", "publications-en.csv"])
    func kpisEqualThoseOfTheHandWrittenBundle(file: String) async throws {
        let tmp = try TempDir(); defer { tmp.remove() }
        let store = try tmp.sqliteStore()
        let report = try await importExport(file, into: store)
        #expect(report.summary(.posts)?.imported == 4)
        #expect(report.summary(.postMetrics)?.imported == 4)
        #expect(report.summary(.accounts)?.imported == 1)
        let kpis = try await KPIService(store: store).report(period: Self.november)
        #expect(kpis == (try await expectedKPIs(tmp)))
        #expect(kpis.metrics.contains { $0.value != nil })
        let accounts = try await store.accounts()
        #expect(accounts == [Account(id: "dzen_main", network: .dzen, name: "dzen_main")])
        let warnings = report.warnings.map(\.description).joined(separator: "\n")
        #expect(warnings.contains("read-throughs of 1 publication not imported"))
        #expect(warnings.contains("views of 1 non-video publication not imported"))
        #expect(warnings.contains("subscriptions of 4 publications not imported"))
        #expect(warnings.contains("unknown column “Среднее время” ignored") == (file == "publications-ru.csv"))
    }

    @Test func reimportAddsNothingAndKeepsTheAccount() async throws {
        let tmp = try TempDir(); defer { tmp.remove() }
        let store = try tmp.sqliteStore()
        _ = try await importExport("publications-ru.csv", into: store)
        let before = try await store.rowCounts()
        let again = try await importExport("publications-en.csv", into: store)
        #expect(again.summary(.accounts)?.imported ?? 0 == 0)  // the account exists: no accounts row written
        #expect(try await store.rowCounts() == before)
        #expect(before[.posts] == 4 && before[.postMetrics] == 4 && before[.accounts] == 1)
    }

    @Test func aBadDateIsASentenceWithLineAndColumnAndNothingIsWritten() async throws {
        let tmp = try TempDir(); defer { tmp.remove() }
        let path = tmp.path("bad.csv")
        try """
        Название;Ссылка;Дата публикации;Тип;Показы
        Первая;https://dzen.ru/a/A1;01.11.2026;Статья;10
        Вторая;https://dzen.ru/a/A2;31.11.2026 10:00;Статья;20

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try tmp.sqliteStore()
        let error = await #expect(throws: DzenExportError.self) {
            try await DzenExport.importFile(path: path, accountID: "dzen_main", timeZone: nil, collectedAt: nil,
                                            store: store, logger: Logger(label: "test"))
        }
        #expect(error?.message.hasPrefix("bad.csv, line 3, column Дата публикации: “31.11.2026 10:00” is not a date") == true)
        #expect(error?.message.contains("ДД.ММ.ГГГГ") == true)
        #expect(try await store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func aBadNumberNamesTheCell() throws {
        let text = "url,published_at,type,likes\nhttps://dzen.ru/a/A1,2026-11-01,article,12k\n"
        #expect(throws: DzenExportError.self) {
            try DzenExport.convert(text: text, file: "x.csv", accountID: "d", clock: ZoneClock(timeZone: .gmt),
                                   collectedAt: Self.collected, addAccount: true)
        }
        do {
            _ = try DzenExport.convert(text: text, file: "x.csv", accountID: "d", clock: ZoneClock(timeZone: .gmt),
                                       collectedAt: Self.collected, addAccount: true)
        } catch let e as DzenExportError {
            #expect(e.message.hasPrefix("x.csv, line 2, column likes: “12k” is not a count"))
        }
    }

    @Test func aMissingColumnIsASentence() throws {
        let text = "Название;Ссылка;Показы\nПервая;https://dzen.ru/a/A1;10\n"
        #expect {
            try DzenExport.convert(text: text, file: "x.csv", accountID: "d", clock: ZoneClock(timeZone: .gmt),
                                   collectedAt: Self.collected, addAccount: true)
        } throws: { e in
            (e as? DzenExportError)?.message
                == "x.csv has no column дата публикации (published_at): export it from Dzen Studio with that column, or add a column named «дата публикации» or published_at."
        }
        let noLink = "title,published_at,type\nA,2026-11-01,post\n"
        #expect {
            try DzenExport.convert(text: noLink, file: "y.csv", accountID: "d", clock: ZoneClock(timeZone: .gmt),
                                   collectedAt: Self.collected, addAccount: true)
        } throws: { e in
            (e as? DzenExportError)?.message.hasPrefix("y.csv has no column ссылка (url) and no column id") == true
        }
    }

    @Test func anAccountOfAnotherNetworkIsRefused() async throws {
        let tmp = try TempDir(); defer { tmp.remove() }
        let store = try tmp.sqliteStore()
        _ = try importBundle(try tmp.bundle("vk", ["accounts.csv": "account_id,network,name\nvk_main,vk,VK\n"]), into: store)
        await #expect(throws: DzenExportError("The account vk_main is a vk account: give the id of a Dzen account, or a new id with --account.")) {
            try await importExport("publications-en.csv", into: store, account: "vk_main", timeZone: nil)
        }
    }

    func refusal(_ text: String, file: String = "x.csv") -> String? {
        do {
            _ = try DzenExport.convert(text: text, file: file, accountID: "d", clock: ZoneClock(timeZone: .gmt),
                                       collectedAt: Self.collected, addAccount: true)
            return nil
        } catch {
            return (error as? DzenExportError)?.message
        }
    }

    @Test func linksThatAreNotDzenLinksAreRefusedWhenThereIsNoIDColumn() throws {
        let message = refusal("title,url,published_at,type\nA,https://vk.example/vk_main/1,2026-11-01,post\n")
        #expect(message?.hasPrefix("x.csv has no Dzen id or link column: its column url holds “https://vk.example/vk_main/1” on line 2, which is not a Dzen link") == true)
        #expect(message?.contains("docs/connectors/dzen.md") == true)
        #expect(message?.hasSuffix("Nothing was imported.") == true)
        // with an id column, the link is only stored
        #expect(refusal("id,url,published_at,type\nA1,https://example.org/a,2026-11-01,post\n") == nil)
        #expect(refusal("url,published_at,type\nhttps://zen.yandex.ru/media/c/A1,2026-11-01,post\n") == nil)
    }

    @Test func aBundlePostsFileIsRefused() throws {
        let text = "post_id,account_id,published_at,format,url\ndzen-1,dzen_main,2026-11-01,article,https://dzen.ru/a/A1\n"
        #expect(refusal(text, file: "posts.csv")?.hasPrefix("posts.csv is a bundle file (columns post_id, account_id), not a Dzen Studio export") == true)
    }

    @Test func aRepeatedPublicationIsRefusedNotCollapsed() throws {
        let text = "url,published_at,type\nhttps://dzen.ru/a/A1,2026-11-01,post\nhttps://dzen.ru/a/A1?from=feed,2026-11-02,post\n"
        #expect(refusal(text) == "x.csv, line 3: the publication A1 is already on line 2; a Dzen Studio export has one row per publication, so remove the repeated row or export the file again; nothing was imported.")
    }
}

