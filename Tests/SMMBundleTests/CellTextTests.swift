import Foundation
import SMMBundle
import Testing

/// Trimming (Unicode White_Space) and NFC of bundle cells.
@Suite struct CellTextTests {
    @Test("Unicode white space is trimmed at both ends", arguments: [
        " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
        "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", " \u{A0}\u{3000}\t ",
    ])
    func trimsWhiteSpace(space: String) {
        #expect(trimmed(space + "Кофе, зерно" + space) == "Кофе, зерно")
        #expect(trimmed(space + "x") == "x")
        #expect(trimmed("x" + space) == "x")
        #expect(trimmed(space).isEmpty)
    }

    @Test("white space inside a value is kept")
    func keepsInnerSpace() {
        #expect(trimmed("\u{A0} a\u{A0}\u{3000}b \u{3000}") == "a\u{A0}\u{3000}b")
    }

    @Test("characters that look blank but are not White_Space stay", arguments: [
        "\u{200B}", "\u{FEFF}", "\u{180E}", "\u{2060}", "\u{00AD}",
    ])
    func keepsNonWhiteSpace(c: String) {
        #expect(trimmed(c + "x" + c) == c + "x" + c)
    }

    @Test("trimming agrees with the Unicode White_Space property for every BMP character")
    func agreesWithUnicode() {
        var disagreements: [String] = []
        for v in UInt32(1)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            let trims = trimmed(s + "x" + s) == "x"
            if trims != scalar.properties.isWhitespace { disagreements.append(String(format: "U+%04X", v)) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("text is normalised to NFC: a decomposed й becomes one character")
    func nfc() throws {
        let decomposed = Array("и\u{0306}".utf8)  // и + combining breve
        let s = try #require(cellString(decomposed))
        #expect(Array(s.unicodeScalars) == ["\u{0439}"])
        let cafe = try #require(cellString(Array("Cafe\u{0301} «Зерно» й".utf8)))
        #expect(Array(cafe.unicodeScalars) == Array("Caf\u{E9} «Зерно» \u{0439}".unicodeScalars))
    }

    @Test("text already in NFC is returned unchanged", arguments: [
        "plain ascii", "Кофейня «Зерно» — лучшая!", "☕️👍🏽 ok", "€ 12,50", "ü ß é", "日本語",
    ])
    func nfcUnchanged(text: String) throws {
        let s = try #require(cellString(Array(text.utf8)))
        #expect(Array(s.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("the NFC shortcut agrees with full NFC for Latin, Cyrillic, punctuation, symbols and emoji")
    func nfcShortcutAgrees() {
        var disagreements: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0x20...0x2FFF, 0x1F000...0x1FAFF]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let s = "a" + String(scalar)
                let ours = Array(CellText.nfc(s).unicodeScalars)
                let full = Array(s.precomposedStringWithCanonicalMapping.unicodeScalars)
                if ours != full { disagreements.append(String(format: "U+%04X", v)) }
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("bytes that are not UTF-8 give nil", arguments: [
        [0xFF], [0xC3], [0xC0, 0xAF], [0x61, 0xE2, 0x82], [0xED, 0xA0, 0x80], [0x61, 0x80, 0x62],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(cellString(bytes) == nil)
    }
}
