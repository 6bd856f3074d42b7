import Foundation
import ZIPFoundation

/// A cell of a worksheet.
package enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String, XLSXStyle = .plain)
    case number(Double, XLSXStyle)
}

/// The cell styles the workbook defines (indexes into styles.xml `cellXfs`).
package enum XLSXStyle: Int, Sendable, CaseIterable {
    case plain = 0, header, integer, decimal, percent, money, title, oneDecimal, wrap, note

    /// The style numbers of a value format are shown in.
    package init(_ format: ValueFormat) {
        switch format {
        case .integer, .seconds: self = .integer
        case .decimal: self = .decimal
        case .percent: self = .percent
        case .money: self = .money
        case .minutes, .hours: self = .oneDecimal
        }
    }
}

/// A worksheet: rows of cells, column widths (in characters) and header rows to freeze.
package struct XLSXSheet: Sendable {
    package var name: String
    package var rows: [[XLSXCell]]
    package var columnWidths: [Double]
    /// Rows frozen at the top (0: none).
    package var frozenRows: Int
    package init(name: String, rows: [[XLSXCell]], columnWidths: [Double], frozenRows: Int) {
        self.name = name; self.rows = rows; self.columnWidths = columnWidths; self.frozenRows = frozenRows
    }
}

/// Writes an Office Open XML workbook (SpreadsheetML) with ZIPFoundation: numbers are stored as
/// numbers with number formats, text as inline strings, header rows frozen.
package enum XLSXWriter {
    package enum XLSXError: Error, LocalizedError {
        case cannotWrite(String)
        package var errorDescription: String? {
            switch self {
            case .cannotWrite(let reason): return "The workbook could not be written: \(reason)."
            }
        }
    }

    /// The workbook's bytes.
    package static func data(sheets: [XLSXSheet], currencySign: String) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.xlsx")
        do {
            let archive = try Archive(url: file, accessMode: .create)
            for (path, text) in parts(sheets: sheets, currencySign: currencySign) {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw XLSXError.cannotWrite("\(error)")
        }
        return try Data(contentsOf: file)
    }

    /// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, unique.
    package static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { raw in
            var base = String(raw.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            if base.isEmpty { base = "Sheet" }
            var name = base, n = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    static func parts(sheets: [XLSXSheet], currencySign: String) -> [(String, String)] {
        let names = sheetNames(sheets.map(\.name))
        var parts: [(String, String)] = []
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheetTypes)</Types>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        let sheetList = names.enumerated().map { i, name in
            "<sheet name=\"\(xml(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        parts.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>\(sheetList)</sheets></workbook>
            """))
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined() + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        parts.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """))
        parts.append(("xl/styles.xml", styles(currencySign: currencySign)))
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, selected: i == 0)))
        }
        return parts
    }

    static func styles(currencySign: String) -> String {
        // Custom formats: percent values are stored in percent units (12.3 is 12.3 %), the same
        // numbers as `kpi --format json`.
        let money = "#,##0.00\\ \"\(xml(currencySign))\""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="3"><numFmt numFmtId="164" formatCode="0.0\\ &quot;%&quot;"/><numFmt numFmtId="165" formatCode="\(money.replacingOccurrences(of: "\"", with: "&quot;"))"/><numFmt numFmtId="166" formatCode="#,##0.0"/></numFmts>\
            <fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font><font><i/><sz val="10"/><color rgb="FF6B7280"/><name val="Calibri"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDBEAFE"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF9CA3AF"/></bottom><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="10">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
            <xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }

    static func worksheet(_ sheet: XLSXSheet, selected: Bool) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            s += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            s += "<cols>" + sheet.columnWidths.enumerated().map { i, w in
                "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(String(format: "%.1f", w))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = column(c) + "\(r + 1)"
                switch cell {
                case .empty: continue
                case .text(let text, let style):
                    s += "<c r=\"\(ref)\" t=\"inlineStr\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><is><t xml:space=\"preserve\">\(xml(text))</t></is></c>"
                case .number(let v, let style):
                    guard v.isFinite else { continue }
                    s += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(number(v))</v></c>"
                }
            }
            s += "</row>"
        }
        s += "</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
        return s
    }

    /// A column letter: 0 → A, 25 → Z, 26 → AA.
    package static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The shortest text that reads back as the same Double (Swift's description).
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                // Control characters are not allowed in XML 1.0.
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
