import Foundation

/// The JSON of `smmkpi kpi --format json` (and of every `--format json`), shared by the CLI and
/// the web API so both print the same document.
package enum KPIJSON {
    /// Pretty-printed, slashes unescaped.
    package static func data<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(value)
    }

    package static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}
