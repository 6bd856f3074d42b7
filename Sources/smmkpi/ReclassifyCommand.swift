import ArgumentParser
import Foundation
import SMMCore
import SMMEngine
import SMMStore

struct ReclassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclassify",
        abstract: "Label again, with this version's model, every comment, mention and review without a given sentiment.",
        discussion: "Labels from the bundle and user corrections (smmkpi label) are never changed.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(logger: makeLogger("smmkpi.reclassify"))
        let service = SentimentService(store: store)
        let s = try await service.reclassify()
        print("Classified \(Terminal.grouped(s.classified)) texts with model \(service.classifier.version): \(Terminal.grouped(s.changed)) labels changed.")
        print("Kept \(Terminal.grouped(s.given)) labels given in the bundles and \(Terminal.grouped(s.corrected)) user corrections; \(Terminal.grouped(s.unclassified)) rows stay unclassified (no text with letters, or the brand's own comments).")
    }
}
