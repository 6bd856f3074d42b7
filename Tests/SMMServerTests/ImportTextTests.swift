import Foundation
import Logging
import SMMBundle
import SMMCore
import SMMStore
import Testing
@testable import SMMServer

@Suite struct ImportTextTests {
    static let samples: [BundleError] = [
        .notFound(path: "bundle.zip"), .noAccounts(path: "bundle.zip"), .badManifest("it is not valid JSON"),
        .unsafeZipEntry("../etc/passwd"), .badZip(path: "bundle.zip", reason: "unreadable archive"),
        .unreadable(file: "posts.csv", reason: "permission denied"),
    ]
    /// Fails to compile when a case is added without a sample above.
    static func index(_ e: BundleError) -> Int {
        switch e {
        case .notFound: return 0
        case .noAccounts: return 1
        case .badManifest: return 2
        case .unsafeZipEntry: return 3
        case .badZip: return 4
        case .unreadable: return 5
        }
    }

    @Test("every bundle refusal has a Russian sentence naming the file, and the CLI's English one")
    func everyCase() {
        #expect(Set(Self.samples.map(Self.index)) == Set(0..<6))
        for e in Self.samples {
            let ru = Localizer(.ru).bundleError(e), en = Localizer(.en).bundleError(e)
            #expect(en == e.errorDescription)
            #expect(ru != en)
            #expect(ru.range(of: "[а-яё]", options: .regularExpression) != nil, "\(ru)")
            // The reasons inside stay as written; the rest is Russian.
            let own = ["it is not valid JSON", "unreadable archive", "permission denied"].reduce(ru) { $0.replacingOccurrences(of: $1, with: "") }
            #expect(!own.contains(" is not ") && !own.contains("nothing was") && !own.contains(" has no "), "\(ru)")
        }
        #expect(Localizer(.ru).bundleError(Self.samples[4]) == "bundle.zip — не читаемый zip-файл (unreadable archive); ничего не импортировано.")
    }

    @Test("a bad zip on a Russian import page is refused in Russian and writes nothing")
    func badZipRussian() async throws {
        let (store, dir) = try SmallBundleStore.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try await store.rowCounts()
        let view = await ImportPage(store: store, logger: Logger(label: "t"))
            .run(BundleUpload(fileName: "broken.zip", data: Data("not a zip".utf8)), skipBadRows: false,
                 base: "/w/default", csrf: "C", localizer: Localizer(.ru))
        #expect(!view.ok)
        #expect(view.messages.contains { $0.hasPrefix("broken.zip — не читаемый zip-файл") && $0.hasSuffix("ничего не импортировано.") },
                "\(view.messages)")
        #expect(try await store.rowCounts() == before)
    }
}
