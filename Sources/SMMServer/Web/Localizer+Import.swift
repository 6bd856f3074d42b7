import Foundation
import SMMBundle

/// A refused bundle in the page's language. English pages show the importer's sentence as the CLI
/// prints it; Russian pages say the bundle-level refusals (``BundleError``) in Russian. The reason
/// inside a sentence (a zip library's or the manifest reader's) stays as it was written.
extension Localizer {
    package func bundleError(_ e: BundleError) -> String {
        guard language == .ru else { return e.errorDescription ?? "\(e)" }
        switch e {
        case .notFound(let p):
            return "Пакет \(p) не найден: загрузите папку CSV-файлов или её .zip."
        case .noAccounts(let p):
            return "В \(p) нет accounts.csv: он нужен в каждом пакете (см. bundle-format.md)."
        case .badManifest(let reason):
            return "manifest.json нельзя использовать: \(reason)."
        case .unsafeZipEntry(let name):
            return "Файл «\(name)» в zip указывает за пределы папки пакета; ничего не импортировано. Создайте zip заново из папки пакета."
        case .badZip(let p, let reason):
            return "\(p) — не читаемый zip-файл (\(reason)); ничего не импортировано."
        case .unreadable(let f, let reason):
            return "\(f) не читается: \(reason)."
        }
    }
}
