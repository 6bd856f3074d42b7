import Foundation

/// The report as Markdown (GitHub flavour): headings, pipe tables, findings as a list. Charts
/// become small tables of their numbers.
package enum MarkdownReport {
    package static func render(_ model: ReportModel) -> String {
        let fmt = ReportFormat(language: model.language, currency: model.currency)
        let t = ReportText(model.language)
        var out = "# \(model.title): \(fmt.period(model.period))\n\n"
        out += "\(model.subtitle)\n\n"
        out += "- \(t["meta.period"]): \(model.period.label) (\(model.period.from) – \(model.period.to))\n"
        out += "- \(t["meta.previous"]): \(model.previous.label) (\(model.previous.from) – \(model.previous.to))\n"
        out += "- \(t["meta.accounts"]): \(model.accounts.joined(separator: ", "))\n"
        out += "- \(t["meta.generated"]): \(model.generatedAt)\n\n"
        for section in model.sections {
            out += "## \(section.title)\n\n"
            for block in section.blocks {
                switch block {
                case .figures(let figures):
                    for f in figures {
                        out += "- **\(cell(f.label))**: \(fmt.value(f.value, f.format))" + (f.note.map { " (\($0))" } ?? "") + "\n"
                    }
                    out += "\n"
                case .kpis(let rows):
                    let scored = rows.contains { $0.target != nil }
                    var header = [t["col.metric"], t["col.value"], t["col.previous"], t["col.change"]]
                    if scored { header += [t["col.target"], t["col.achievement"], t["col.status"]] }
                    let body = rows.map { r -> [String] in
                        var c = [r.label, fmt.value(r.value, r.format), fmt.value(r.previous, r.format),
                                 r.changePct.map(fmt.change) ?? fmt.delta(r.changeAbs, r.format)]
                        if scored {
                            c += [r.target ?? "", fmt.value(r.achievement, .percent), r.status.map { t["status." + $0] } ?? ""]
                        }
                        return c
                    }
                    out += table(header, body, numeric: Set(1...3)) + "\n"
                case .chart(let chart):
                    out += "**\(cell(chart.title))**\n\n"
                    let header = [t["col.period"]] + chart.series.map(\.name)
                    let body = chart.categories.enumerated().map { i, c in
                        [c] + chart.series.map { fmt.value(i < $0.values.count ? $0.values[i] : nil, chart.format) }
                    }
                    out += table(header, body, numeric: Set(1...max(1, chart.series.count))) + "\n"
                case .table(let tbl):
                    out += "**\(cell(tbl.title))**\n\n"
                    var numeric = Set<Int>()
                    let body = tbl.rows.map { row in
                        row.enumerated().map { i, c -> String in
                            switch c {
                            case .number(let v, let f): numeric.insert(i); return fmt.value(v, f)
                            case .text(let s): return s
                            }
                        }
                    }
                    out += table(tbl.columns.map(\.title), body, numeric: numeric) + "\n"
                case .findings(let findings):
                    for f in findings {
                        let mark = f.tone == .good ? "✅" : f.tone == .bad ? "⚠️" : "ℹ️"
                        out += "- \(mark) \(f.text)\n"
                    }
                    out += "\n"
                case .text(let text):
                    out += "_\(text)_\n\n"
                }
            }
        }
        out += "---\n\n\(t["footer"])\n"
        return out
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }
}
