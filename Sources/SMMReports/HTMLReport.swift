import Foundation

/// HTML escaping for text and attribute values.
package enum HTML {
    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// One self-contained HTML file: inline CSS, inline SVG charts, no scripts, no external
/// resources; laid out for A4 when printed (the PDF is this page printed by Chromium).
package enum HTMLReport {
    package static func render(_ model: ReportModel) -> String {
        let fmt = ReportFormat(language: model.language, currency: model.currency)
        let t = ReportText(model.language)
        var h = """
            <!DOCTYPE html>
            <html lang="\(model.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(model.title)) · \(HTML.escape(model.period.label))</title>
            <style>\(css)</style>
            </head>
            <body>
            <header class="top">
            <div class="kind">\(HTML.escape(model.subtitle))</div>
            <h1>\(HTML.escape(model.title))</h1>
            <div class="period">\(HTML.escape(fmt.period(model.period))) <span class="label">\(HTML.escape(model.period.label))</span></div>
            <dl class="meta">
            <div><dt>\(t["meta.previous"])</dt><dd>\(HTML.escape(fmt.period(model.previous)))</dd></div>
            <div><dt>\(t["meta.accounts"])</dt><dd>\(HTML.escape(model.accounts.joined(separator: ", ")))</dd></div>
            <div><dt>\(t["meta.timezone"])</dt><dd>\(HTML.escape(model.timeZone))</dd></div>
            <div><dt>\(t["meta.generated"])</dt><dd>\(HTML.escape(model.generatedAt))</dd></div>
            </dl>
            </header>
            <main>

            """
        for section in model.sections {
            h += "<section id=\"\(HTML.escape(section.id))\" class=\"s-\(HTML.escape(section.id))\">\n<h2>\(HTML.escape(section.title))</h2>\n"
            var charts: [ReportChart] = []
            func flushCharts() {
                guard !charts.isEmpty else { return }
                h += "<div class=\"charts\">" + charts.map { c in
                    "<figure><figcaption>\(HTML.escape(c.title))</figcaption>\(SVGChart.render(c, format: fmt))</figure>"
                }.joined() + "</div>\n"
                charts = []
            }
            for block in section.blocks {
                if case .chart(let c) = block { charts.append(c); continue }
                flushCharts()
                switch block {
                case .chart: break
                case .figures(let figures): h += figuresHTML(figures, fmt)
                case .kpis(let rows):
                    h += section.id == "kpis" ? cardsHTML(rows, fmt, t) : kpiTableHTML(rows, fmt, t)
                case .table(let table): h += tableHTML(table, fmt)
                case .findings(let findings): h += findingsHTML(findings)
                case .text(let text): h += "<p class=\"note\">\(HTML.escape(text))</p>\n"
                }
            }
            flushCharts()
            h += "</section>\n"
        }
        h += "</main>\n<footer>\(HTML.escape(t["footer"]))</footer>\n</body>\n</html>\n"
        return h
    }

    static func changeHTML(_ row: KPIRow, _ fmt: ReportFormat) -> String {
        guard let pct = row.changePct else {
            if let d = row.changeAbs, d != 0 { return "<span class=\"chg\">\(HTML.escape(fmt.delta(d, row.format)))</span>" }
            return "<span class=\"chg flat\">—</span>"
        }
        let cls = row.changeIsGood.map { $0 ? "good" : "bad" } ?? "flat"
        let arrow = pct > 0 ? "▲" : pct < 0 ? "▼" : "="
        return "<span class=\"chg \(cls)\">\(arrow) \(HTML.escape(fmt.change(pct)))</span>"
    }

    static func cardsHTML(_ rows: [KPIRow], _ fmt: ReportFormat, _ t: ReportText) -> String {
        "<div class=\"cards\">" + rows.map { r in
            let status = r.status.map { "<span class=\"badge st-\($0)\">\(HTML.escape(t["status." + $0]))</span>" } ?? ""
            return """
                <div class="card"><div class="name">\(HTML.escape(r.label))</div>\
                <div class="val">\(HTML.escape(fmt.value(r.value, r.format)))</div>\
                <div class="sub">\(changeHTML(r, fmt)) <span class="prev">\(t["col.previous"].lowercased()) \(HTML.escape(fmt.value(r.previous, r.format)))</span>\(status)</div></div>
                """
        }.joined() + "</div>\n"
    }

    static func kpiTableHTML(_ rows: [KPIRow], _ fmt: ReportFormat, _ t: ReportText) -> String {
        let scored = rows.contains { $0.target != nil }
        var h = "<table class=\"kpis\"><thead><tr><th>\(t["col.metric"])</th><th class=\"n\">\(t["col.value"])</th><th class=\"n\">\(t["col.previous"])</th><th class=\"n\">\(t["col.change"])</th>"
        if scored { h += "<th>\(t["col.target"])</th><th class=\"n\">\(t["col.achievement"])</th><th>\(t["col.status"])</th>" }
        h += "</tr></thead><tbody>"
        for r in rows {
            h += "<tr><td>\(HTML.escape(r.label))</td><td class=\"n\">\(HTML.escape(fmt.value(r.value, r.format)))</td><td class=\"n\">\(HTML.escape(fmt.value(r.previous, r.format)))</td><td class=\"n\">\(changeHTML(r, fmt))</td>"
            if scored {
                let status = r.status.map { "<span class=\"badge st-\($0)\">\(HTML.escape(t["status." + $0]))</span>" } ?? ""
                h += "<td>\(HTML.escape(r.target ?? ""))</td><td class=\"n\">\(HTML.escape(fmt.value(r.achievement, .percent)))</td><td>\(status)</td>"
            }
            h += "</tr>"
        }
        return h + "</tbody></table>\n"
    }

    static func figuresHTML(_ figures: [Figure], _ fmt: ReportFormat) -> String {
        "<div class=\"figures\">" + figures.map { f in
            "<div class=\"figure\"><div class=\"name\">\(HTML.escape(f.label))</div><div class=\"big\">\(HTML.escape(fmt.value(f.value, f.format)))</div>"
                + (f.note.map { "<div class=\"sub\">\(HTML.escape($0))</div>" } ?? "") + "</div>"
        }.joined() + "</div>\n"
    }

    static func tableHTML(_ table: ReportTable, _ fmt: ReportFormat) -> String {
        let numeric = table.columns.indices.map { i in
            table.rows.contains { row in i < row.count && { if case .number = row[i] { return true } else { return false } }() }
        }
        var h = "<div class=\"tbl\"><h3>\(HTML.escape(table.title))</h3><table><thead><tr>"
        for (i, c) in table.columns.enumerated() { h += "<th\(numeric[i] ? " class=\"n\"" : "")>\(HTML.escape(c.title))</th>" }
        h += "</tr></thead><tbody>"
        for row in table.rows {
            h += "<tr>"
            for cell in row {
                switch cell {
                case .number(let v, let f): h += "<td class=\"n\">\(HTML.escape(fmt.value(v, f)))</td>"
                case .text(let s): h += "<td>\(HTML.escape(s))</td>"
                }
            }
            h += "</tr>"
        }
        return h + "</tbody></table></div>\n"
    }

    static func findingsHTML(_ findings: [Finding]) -> String {
        "<ul class=\"findings\">" + findings.map { "<li class=\"f-\($0.tone.rawValue)\">\(HTML.escape($0.text))</li>" }.joined() + "</ul>\n"
    }

    static let css = """
        :root{--ink:#111827;--mute:#6b7280;--line:#e5e7eb;--good:#15803d;--bad:#b91c1c;--accent:#2563eb}
        *{box-sizing:border-box}
        body{margin:0;font-family:Inter,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:var(--ink);font-size:12px;line-height:1.45;background:#fff}
        header.top{background:linear-gradient(120deg,#1e3a8a,#2563eb);color:#fff;padding:22px max(32px,calc((100% - 1000px)/2)) 18px}
        header .kind{font-size:11px;letter-spacing:.08em;text-transform:uppercase;opacity:.85}
        h1{margin:4px 0 2px;font-size:24px;font-weight:700}
        .period{font-size:16px;font-weight:500}.period .label{font-size:11px;opacity:.75;margin-left:6px}
        dl.meta{display:flex;flex-wrap:wrap;gap:4px 22px;margin:10px 0 0;font-size:10.5px;opacity:.92}
        dl.meta div{display:flex;gap:5px}dl.meta dt{opacity:.75}dl.meta dd{margin:0}
        main{padding:8px max(32px,calc((100% - 1000px)/2)) 0}
        section{margin:16px 0 6px}
        h2{font-size:15px;margin:0 0 8px;padding-bottom:4px;border-bottom:2px solid var(--accent);break-after:avoid}
        h3{font-size:12px;margin:8px 0 4px;color:#374151}
        .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}
        .card,.figure{border:1px solid var(--line);border-radius:8px;padding:8px 10px;break-inside:avoid;background:#fafafa}
        .card .name,.figure .name{font-size:10.5px;color:var(--mute)}
        .card .val{font-size:19px;font-weight:700;margin:2px 0}
        .card .sub,.figure .sub{font-size:10px;color:var(--mute)}
        .figures{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:8px}.figure{min-width:150px}
        .figure .big{font-size:24px;font-weight:700;color:#1e3a8a}
        .chg{font-weight:600;white-space:nowrap}.chg.good{color:var(--good)}.chg.bad{color:var(--bad)}.chg.flat{color:var(--mute)}
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px}
        figure{margin:0;break-inside:avoid}figcaption{font-size:11px;font-weight:600;margin-bottom:2px}
        svg.chart{width:100%;height:auto;display:block}
        .chart-grid line{stroke:#e5e7eb;stroke-width:1}.chart-tick{font-size:8px;fill:#6b7280}
        .chart-line{fill:none;stroke-width:2;stroke-linejoin:round}.chart-last{font-size:9px;font-weight:600;fill:#111827}
        .legend{font-size:9.5px;color:var(--mute);display:flex;gap:10px}.legend i{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:3px;vertical-align:-1px}
        table{width:100%;border-collapse:collapse;font-size:10.5px;margin-bottom:6px}
        th{text-align:left;font-weight:600;color:#374151;border-bottom:1.5px solid #d1d5db;padding:4px 6px;background:#f3f4f6}
        td{padding:3px 6px;border-bottom:1px solid var(--line);vertical-align:top}
        tr{break-inside:avoid}tbody tr:nth-child(even) td{background:#fbfbfc}
        .n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .tbl{break-inside:auto}
        .badge{display:inline-block;border-radius:9px;padding:0 7px;font-size:9.5px;font-weight:600;margin-left:4px}
        .st-met{background:#dcfce7;color:#166534}.st-at_risk{background:#fef3c7;color:#92400e}.st-missed{background:#fee2e2;color:#991b1b}.st-no_data{background:#f3f4f6;color:#4b5563}
        ul.findings{list-style:none;padding:0;margin:0}
        ul.findings li{border-left:4px solid var(--accent);background:#f8fafc;padding:6px 10px;margin:0 0 6px;break-inside:avoid;font-size:11.5px}
        ul.findings li.f-good{border-color:var(--good)}ul.findings li.f-bad{border-color:var(--bad)}
        p.note{color:var(--mute);margin:4px 0}
        footer{margin:18px max(32px,calc((100% - 1000px)/2)) 24px;padding-top:8px;border-top:1px solid var(--line);font-size:9.5px;color:var(--mute)}
        @page{size:A4;margin:10mm 0 12mm}
        @media print{
          body{font-size:10.5px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
          header.top{padding:16px 24px 14px}main{padding:0 24px}footer{margin:12px 24px 0}
          .cards{grid-template-columns:repeat(4,1fr)}.card .val{font-size:16px}
          section{break-inside:auto}.s-all_kpis{break-before:page}
        }
        @media (max-width:700px){.cards{grid-template-columns:1fr 1fr}.charts{grid-template-columns:1fr}}
        """
}
