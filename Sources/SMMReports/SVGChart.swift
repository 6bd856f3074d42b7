import Foundation

/// Inline SVG charts: a line or bar chart of a few series over a handful of periods, sized for
/// a printed A4 column. No scripts, no external fonts: the file stays self-contained.
package enum SVGChart {
    static let palette = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626"]

    package static func render(_ chart: ReportChart, format: ReportFormat, width: Double = 330, height: Double = 170) -> String {
        let left = 46.0, right = 10.0, top = 12.0, bottom = 24.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if chart.style == .bar || lo > 0 && lo < hi * 0.5 { lo = min(lo, 0) }
        if hi == lo { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.1) }
        let (tickLo, tickHi, step) = niceRange(lo, hi)
        lo = tickLo; hi = tickHi
        let n = max(chart.categories.count, 1)
        func x(_ i: Int) -> Double {
            chart.style == .bar ? left + plotW * (Double(i) + 0.5) / Double(n)
                : left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1))
        }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }

        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(chart.title))\">"
        var t = tickLo
        while t <= tickHi + step / 2 {
            let yy = y(t)
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(yy))\" y2=\"\(f(yy))\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>"
            s += "<text x=\"\(f(left - 4))\" y=\"\(f(yy + 3))\" text-anchor=\"end\" font-size=\"8\" fill=\"#6b7280\">\(HTML.escape(axis(t, chart.format, format)))</text>"
            t += step
        }
        let labelEvery = n > 8 ? Int((Double(n) / 8).rounded(.up)) : 1
        for (i, c) in chart.categories.enumerated() where i % labelEvery == 0 || i == n - 1 {
            s += "<text x=\"\(f(x(i)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" font-size=\"8\" fill=\"#6b7280\">\(HTML.escape(c))</text>"
        }
        let seriesCount = max(chart.series.count, 1)
        for (k, series) in chart.series.enumerated() {
            let color = palette[k % palette.count]
            if chart.style == .bar {
                let slot = plotW / Double(n) * 0.7, w = slot / Double(seriesCount)
                for (i, v) in series.values.enumerated() {
                    guard let v, v.isFinite else { continue }
                    let x0 = x(i) - slot / 2 + w * Double(k), y0 = y(max(v, 0)), y1 = y(min(v, 0))
                    let opacity = i == n - 1 ? "1" : "0.55"
                    s += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(w - 1))\" height=\"\(f(max(y1 - y0, 0.5)))\" fill=\"\(color)\" fill-opacity=\"\(opacity)\"/>"
                }
            } else {
                var path = "", pen = false
                for (i, v) in series.values.enumerated() {
                    guard let v, v.isFinite else { pen = false; continue }
                    path += (pen ? "L" : "M") + "\(f(x(i))),\(f(y(v)))"
                    pen = true
                }
                s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
                for (i, v) in series.values.enumerated() {
                    guard let v, v.isFinite else { continue }
                    s += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"\(i == n - 1 ? 3.2 : 2)\" fill=\"\(color)\"/>"
                }
            }
            if let last = series.values.last ?? nil, seriesCount == 1 {
                let lx = min(x(n - 1), width - right - 2)
                s += "<text x=\"\(f(lx))\" y=\"\(f(max(y(last) - 6, 9)))\" text-anchor=\"end\" font-size=\"9\" font-weight=\"600\" fill=\"#111827\">\(HTML.escape(format.value(last, chart.format)))</text>"
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

    /// Axis bounds on round numbers with 3–5 ticks.
    static func niceRange(_ lo: Double, _ hi: Double) -> (Double, Double, Double) {
        let raw = (hi - lo) / 4
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        return (floor(lo / step) * step, ceil(hi / step) * step, step)
    }

    static func axis(_ v: Double, _ valueFormat: ValueFormat, _ format: ReportFormat) -> String {
        let a = abs(v)
        let ru = format.language == .ru
        if a >= 1_000_000 { return format.plain(v / 1_000_000, places: a >= 10_000_000 ? 0 : 1) + (ru ? " млн" : "M") }
        if a >= 10_000 { return format.plain(v / 1000, places: 0) + (ru ? " тыс" : "k") }
        if valueFormat == .percent { return format.plain(v, places: a < 10 && v != v.rounded() ? 1 : 0) + "%" }
        return format.plain(v, places: v == v.rounded() ? 0 : 1)
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
