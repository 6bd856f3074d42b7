import Foundation

/// The catalogue keys the server's sources use: `t("key")` in Swift and `{{t.key}}` in templates.
enum UsedKeys {
    static func scan() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SMMServer")
        var keys = Set<String>()
        let swiftCall = try NSRegularExpression(pattern: #"\bt\("([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)"\)"#)
        let template = try NSRegularExpression(pattern: #"\{\{\{?t\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}"#)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard ["swift", "mustache", "html"].contains(url.pathExtension) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for regex in [swiftCall, template] {
                for m in regex.matches(in: text, range: range) {
                    if let r = Range(m.range(at: 1), in: text) { keys.insert(String(text[r])) }
                }
            }
        }
        return keys
    }
}
