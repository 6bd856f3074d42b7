import Foundation

extension SVGChart {
    /// The series colours of report charts (the report is one self-contained file, so colours are inline).
    static let palette = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626"]

    /// A report chart: a line or column chart of a few series over a handful of periods, sized for a
    /// printed A4 column, with the last value written when there is one series and a legend when
    /// there are more. Axis labels are written by ``ReportFormat/axis(_:_:)``, as on the pages.
    package static func render(_ chart: ReportChart, format: ReportFormat, width: Double = 330, height: Double = 170) -> String {
        let left = 46.0, right = 10.0, top = 12.0, bottom = 24.0
        let plotW = width - left - right
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let n = max(chart.categories.count, 1)
        let names = chart.series.map(\.name).filter { !$0.isEmpty && $0 != chart.title }
        let span = chart.categories.isEmpty ? "" : chart.categories[0] + (n > 1 ? " – " + chart.categories[n - 1] : "")
        let description = ([chart.title] + names).joined(separator: ", ") + (span.isEmpty ? "" : ": " + span)
        var s = open(width: Int(width.rounded()), height: Int(height.rounded()), id: "chart-" + chart.id, title: chart.title,
                     description: description, kind: chart.style == .bar ? "columns" : "line")
        guard !values.isEmpty else {
            return s + empty(description, x: width / 2, y: height / 2, dy: nil)
        }
        let scale = ChartScale(covering: values, includingZero: chart.style == .bar)
        func x(_ i: Int) -> Double {
            chart.style == .bar ? left + plotW * (Double(i) + 0.5) / Double(n)
                : left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1))
        }
        func y(_ v: Double) -> Double { scale.position(v, from: height - bottom, to: top) }

        s += grid(scale, left: left, right: width - right, gap: 4, y: y) { format.axis($0, chart.format) }
        s += xAxis(chart.categories, x: x, y: height - 8, most: 8, lastAtEnd: chart.style != .bar)
        let seriesCount = max(chart.series.count, 1)
        for (k, series) in chart.series.enumerated() {
            let color = palette[k % palette.count]
            if chart.style == .bar {
                let slot = plotW / Double(n) * 0.7, w = slot / Double(seriesCount)
                for (i, v) in series.values.enumerated() {
                    guard let v, v.isFinite else { continue }
                    let x0 = x(i) - slot / 2 + w * Double(k), y0 = y(max(v, 0)), y1 = y(min(v, 0))
                    let opacity = i == n - 1 ? "1" : "0.55"
                    let label = i < chart.categories.count ? chart.categories[i] + ": " : ""
                    s += "<rect x=\"\(svgNumber(x0))\" y=\"\(svgNumber(y0))\" width=\"\(svgNumber(w - 1))\" height=\"\(svgNumber(max(y1 - y0, 0.5)))\" fill=\"\(color)\" fill-opacity=\"\(opacity)\">"
                        + "<title>" + HTML.escape(label + format.value(v, chart.format)) + "</title></rect>"
                }
            } else {
                let finite = series.values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
                s += polylines(finite, x: x, y: y, area: nil, color: color)
                s += dots(finite, labels: chart.categories, x: x, y: y, radius: (2, 3.2), color: color) { format.value($0, chart.format) }
            }
            if let last = series.values.last ?? nil, last.isFinite, seriesCount == 1 {
                let lx = min(x(n - 1), width - right - 2)
                s += "<text class=\"chart-last\" x=\"\(svgNumber(lx))\" y=\"\(svgNumber(max(y(last) - 6, 9)))\" text-anchor=\"end\">"
                    + HTML.escape(format.value(last, chart.format)) + "</text>"
            }
        }
        s += "</svg>"
        if chart.series.count > 1 {
            s += "<div class=\"legend\">" + chart.series.enumerated().map { k, series in
                "<span><i style=\"background:\(palette[k % palette.count])\"></i>\(HTML.escape(series.name))</span>"
            }.joined() + "</div>"
        }
        return s
    }
}
