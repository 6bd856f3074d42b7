import Foundation

/// The report as a workbook: a summary sheet, then one sheet per section. Each block is a small
/// table with a bold header row; the first header row of a sheet is frozen.
package enum XLSXReport {
    package static func render(_ model: ReportModel) throws -> Data {
        let fmt = ReportFormat(language: model.language, currency: model.currency)
        let t = ReportText(model.language)
        var sheets: [XLSXSheet] = []
        let summary: [[XLSXCell]] = [
            [.text(model.title, .header), .text(model.subtitle, .header)],
            [.text(t["meta.period"]), .text(fmt.period(model.period) + " (\(model.period.label))")],
            [.text(t["meta.previous"]), .text(fmt.period(model.previous) + " (\(model.previous.label))")],
            [.text(t["meta.accounts"]), .text(model.accounts.joined(separator: ", "))],
            [.text(t["meta.currency"]), .text(model.currency)],
            [.text(t["meta.timezone"]), .text(model.timeZone)],
            [.text(t["meta.generated"]), .text(model.generatedAt)],
        ]
        sheets.append(XLSXSheet(name: model.language == .ru ? "Сводка" : "Summary", rows: summary,
                                columnWidths: [24, 60], frozenRows: 1))
        for section in model.sections {
            var rows: [[XLSXCell]] = []
            var frozen = 0
            for block in section.blocks {
                let (title, header, body) = table(block, t)
                if !rows.isEmpty { rows.append([]) }
                if let title, !rows.isEmpty || frozen > 0 { rows.append([.text(title, .title)]) }
                if let header {
                    rows.append(header.map { .text($0, .header) })
                    if frozen == 0 && rows.count == 1 { frozen = 1 }
                }
                rows += body
            }
            sheets.append(XLSXSheet(name: section.title, rows: rows, columnWidths: widths(rows, fmt), frozenRows: frozen))
        }
        return try XLSXWriter.data(sheets: sheets, currencySign: fmt.currencySign)
    }

    /// A block as (title, header, rows).
    static func table(_ block: ReportBlock, _ t: ReportText) -> (String?, [String]?, [[XLSXCell]]) {
        switch block {
        case .figures(let figures):
            return (nil, [t["col.metric"], t["col.value"]],
                    figures.map { f in [.text(f.label), f.value.map { .number($0, XLSXStyle(f.format)) } ?? .empty, .text(f.note ?? "")] })
        case .kpis(let rows):
            let scored = rows.contains { $0.target != nil }
            var header = [t["col.id"], t["col.metric"], t["col.value"], t["col.previous"], t["col.change_abs"], t["col.change_pct"]]
            if scored { header += [t["col.target"], t["col.achievement"], t["col.status"]] }
            let body = rows.map { r -> [XLSXCell] in
                let style = XLSXStyle(r.format)
                var c: [XLSXCell] = [.text(r.id), .text(r.label), num(r.value, style), num(r.previous, style),
                                     num(r.changeAbs, style), num(r.changePct, .percent)]
                if scored { c += [.text(r.target ?? ""), num(r.achievement, .percent), .text(r.status.map { t["status." + $0] } ?? "")] }
                return c
            }
            return (nil, header, body)
        case .chart(let chart):
            let body = chart.categories.enumerated().map { i, category -> [XLSXCell] in
                [.text(category)] + chart.series.map { num(i < $0.values.count ? $0.values[i] : nil, XLSXStyle(chart.format)) }
            }
            return (chart.title, [t["col.period"]] + chart.series.map(\.name), body)
        case .table(let table):
            let body = table.rows.map { row in
                row.map { cell -> XLSXCell in
                    switch cell {
                    case .number(let v, let f): return num(v, XLSXStyle(f))
                    case .text(let s): return .text(s)
                    }
                }
            }
            return (table.title, table.columns.map(\.title), body)
        case .findings(let findings):
            return (nil, [t["col.rule"], t["col.finding"]], findings.map { [.text($0.rule), .text($0.text, .wrap)] })
        case .text(let text):
            return (nil, nil, [[.text(text, .note)]])
        }
    }

    static func num(_ v: Double?, _ style: XLSXStyle) -> XLSXCell {
        guard let v, v.isFinite else { return .empty }
        return .number(v, style)
    }

    static func widths(_ rows: [[XLSXCell]], _ fmt: ReportFormat) -> [Double] {
        var w: [Double] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                let len: Int
                switch cell {
                case .empty: len = 0
                case .text(let s, let style): len = style == .title || style == .note ? 0 : s.count
                case .number(let v, _): len = fmt.plain(v, places: 2).count + 2
                }
                while w.count <= i { w.append(8) }
                w[i] = max(w[i], min(Double(len) + 2, 70))
            }
        }
        return w
    }
}
