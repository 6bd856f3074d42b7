import Foundation
import SMMCore
import Testing
@testable import SMMReports

/// A small report with every kind of block.
func sampleModel(_ language: ReportLanguage) -> ReportModel {
    let t = ReportText(language)
    let rows = [
        KPIRow(id: "reach_total", label: t.kpi(.reachTotal), format: .integer, value: 12345, previous: 10000, better: .up),
        KPIRow(id: "er_reach", label: t.kpi(.erReach), format: .percent, value: 12.3, previous: 15, better: .up),
        KPIRow(id: "cpl", label: t.kpi(.cpl), format: .money, value: 1234.5, previous: nil, better: .down),
    ]
    let chart = ReportChart(id: "reach_total", title: t.kpi(.reachTotal), style: .bar, format: .integer,
                            categories: ["W45", "W46", "W47"], series: [.init(name: "reach", values: [100, nil, 300])])
    let line = ReportChart(id: "er_reach", title: t.kpi(.erReach), style: .line, format: .percent,
                           categories: ["W45", "W46", "W47"], series: [.init(name: "er", values: [1.5, 2.5, 2])])
    let table = ReportTable(id: "top_posts", title: t["table.top_posts"],
                            columns: [.init(key: "post", title: t["col.post"]), .init(key: "er", title: t["col.er"])],
                            rows: [[.text("Quiz <b>&</b>"), .number(9.75, .percent)]])
    let finding = Finding(rule: "frequency_vs_er", tone: .bad, text: "ER fell 18 % while posting frequency doubled",
                          figures: ["er_change_pct": -18])
    return ReportModel(
        kind: .weekly, language: language, title: t["title.weekly"], subtitle: "Coffee", period:
            ReportPeriod(label: "2024-W47", from: "2024-11-18", to: "2024-11-24"),
        previous: ReportPeriod(label: "2024-W46", from: "2024-11-11", to: "2024-11-17"), currency: "RUB",
        timeZone: "Europe/Moscow", accounts: ["tg_main", "vk_main"], generatedAt: "2024-11-25T06:00:00Z",
        sections: [
            ReportSection(id: "kpis", title: t["section.kpis"], blocks: [.kpis(rows)]),
            ReportSection(id: "trends", title: t["section.trends.weekly"], blocks: [.chart(chart), .chart(line)]),
            ReportSection(id: "movers", title: t["section.movers"], blocks: [.findings([finding]), .table(table),
                                                                               .figures([Figure(id: "score", label: "Score", value: 87.5, format: .percent)]),
                                                                               .text("note")]),
        ])
}

@Suite struct ReportFormatTests {
    @Test("Russian numbers: 1 234,5 and 12,3 % with no-break spaces")
    func russian() {
        let f = ReportFormat(language: .ru, currency: "RUB")
        #expect(f.plain(1234.5, places: 1) == "1\u{00A0}234,5")
        #expect(f.value(12.34, .percent) == "12,3\u{00A0}%")
        #expect(f.value(1234.5, .money) == "1\u{00A0}234,50\u{00A0}₽")
        #expect(f.value(-1234567, .integer) == "\u{2212}1\u{00A0}234\u{00A0}567")
        #expect(f.change(12.34) == "+12,3\u{00A0}%")
        #expect(f.period(ReportPeriod(label: "2024-11", from: "2024-11-01", to: "2024-11-30")) == "Ноябрь 2024")
        #expect(f.period(ReportPeriod(label: "2024-W47", from: "2024-11-18", to: "2024-11-24")) == "Неделя 2024-W47 (18–24 ноября 2024)")
    }

    @Test("English numbers: 1,234.5 and 12.3%")
    func english() {
        let f = ReportFormat(language: .en, currency: "USD")
        #expect(f.plain(1234.5, places: 1) == "1,234.5")
        #expect(f.value(12.34, .percent) == "12.3%")
        #expect(f.value(nil, .percent) == "—")
        #expect(f.value(25000, .money) == "$25,000")
        #expect(f.value(1736.09, .money) == "$1,736.09")
        #expect(f.period(ReportPeriod(label: "2024-12-30", from: "2024-12-30", to: "2025-01-05")) == "30 Dec 2024 – 5 Jan 2025")
    }

    @Test("Every catalog metric has a label in both languages")
    func labels() {
        for id in KPIID.allCases {
            #expect(KPINames.ru[id.rawValue] != nil && KPINames.en[id.rawValue] != nil, "\(id)")
        }
    }
}

@Suite struct ReportRenderTests {
    @Test("HTML is one self-contained file with inline SVG charts and the language's labels", arguments: ReportLanguage.allCases)
    func html(language: ReportLanguage) {
        let html = HTMLReport.render(sampleModel(language))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("<polyline class=\"chart-line\" points=\""))
        #expect(html.contains("<rect"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("Quiz &lt;b&gt;&amp;&lt;/b&gt;"))
        if language == .ru {
            #expect(html.contains("Ключевые показатели"))
            #expect(html.contains("Охват публикаций"))
            #expect(html.contains("12\u{00A0}345"))
            #expect(html.contains("12,3\u{00A0}%"))
        } else {
            #expect(html.contains("Key metrics"))
            #expect(html.contains("Post reach"))
            #expect(html.contains("12,345"))
            #expect(html.contains("12.3%"))
        }
    }

    @Test("Markdown has headings, pipe tables and the findings")
    func markdown() {
        let md = MarkdownReport.render(sampleModel(.en))
        #expect(md.hasPrefix("# Weekly SMM snapshot: Week 2024-W47 (18–24 Nov 2024)"))
        #expect(md.contains("## Key metrics"))
        #expect(md.contains("| Post reach | 12,345 | 10,000 | +23.4% |"))
        #expect(md.contains("| W46 | — |"))
        #expect(md.contains("- ⚠️ ER fell 18 % while posting frequency doubled"))
    }

    @Test("JSON keeps raw numbers and lists every metric with value and previous")
    func json() throws {
        let text = try JSONReport.render(sampleModel(.ru))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [String: [String: Any]])
        #expect(metrics["reach_total"]?["value"] as? Double == 12345)
        #expect(metrics["er_reach"]?["previous"] as? Double == 15)
        #expect(metrics["cpl"]?["previous"] is NSNull)
        #expect((object["period"] as? [String: String])?["label"] == "2024-W47")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["kpis", "trends", "movers"])
    }

    @Test("XLSX parts: numbers stored as numbers with formats, inline strings, frozen header, column widths")
    func xlsxParts() throws {
        let sheets = [XLSXSheet(name: "Key: metrics/1", rows: [[.text("metric", .header), .text("value", .header)],
                                                               [.text("reach & <co>"), .number(12345, .integer)],
                                                               [.text("er"), .number(12.3, .percent)]],
                                columnWidths: [20, 12], frozenRows: 1)]
        let parts = Dictionary(uniqueKeysWithValues: XLSXWriter.parts(sheets: sheets, currencySign: "₽"))
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<c r=\"B2\" s=\"\(XLSXStyle.integer.rawValue)\"><v>12345</v></c>"))
        #expect(sheet.contains("<c r=\"B3\" s=\"\(XLSXStyle.percent.rawValue)\"><v>12.3</v></c>"))
        #expect(sheet.contains("t=\"inlineStr\"") && sheet.contains("reach &amp; &lt;co&gt;"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"20.0\" customWidth=\"1\"/>"))
        #expect(parts["xl/workbook.xml"]?.contains("name=\"Key- metrics-1\"") == true)
        #expect(parts["xl/styles.xml"]?.contains("numFmtId=\"164\"") == true)
        #expect(parts["[Content_Types].xml"]?.contains("/xl/worksheets/sheet1.xml") == true)
        #expect(XLSXWriter.column(0) == "A" && XLSXWriter.column(25) == "Z" && XLSXWriter.column(26) == "AA")
        #expect(XLSXWriter.sheetNames(["A", "a", String(repeating: "x", count: 40)]) == ["A", "a (2)", String(repeating: "x", count: 31)])
    }

    @Test("An XLSX workbook is a zip with the OOXML parts")
    func xlsxZip() throws {
        let data = try XLSXReport.render(sampleModel(.en))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let text = String(decoding: data, as: UTF8.self)
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet4.xml"] {
            #expect(text.contains(part), "\(part)")
        }
    }

    @Test("PDF without Chromium is a sentence naming the install command")
    func chromiumMissing() throws {
        #expect(throws: PDFError.chromiumMissing) {
            try PDFRenderer.locate(environment: ["PATH": "/nonexistent"])
        }
        #expect(PDFError.chromiumMissing.localizedDescription.contains("apt-get install chromium"))
        #expect(throws: PDFError.chromiumMissing) {
            try PDFRenderer.locate(environment: ["SMMKPI_CHROMIUM": "/nonexistent/chromium"])
        }
    }
}
