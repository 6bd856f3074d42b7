import Foundation

/// One point of a line chart: an x label and a value (nil = no data, a gap in the line).
package struct ChartPoint: Sendable, Equatable {
    package var label: String
    package var value: Double?
    package init(label: String, value: Double?) { self.label = label; self.value = value }
}

/// One bar of a bar chart.
package struct ChartBar: Sendable, Equatable {
    package var label: String
    package var value: Double
    /// The value as the page shows it (localized, with unit).
    package var display: String
    /// A CSS class suffix colouring the bar (`positive`, `negative`, ...); nil for the default colour.
    package var tone: String?
    package init(label: String, value: Double, display: String, tone: String? = nil) {
        self.label = label; self.value = value; self.display = display; self.tone = tone
    }
}

/// Charts drawn by the server as inline SVG: pure functions from values to markup, accessible
/// (`role="img"`, `aria-labelledby` a `<title>` and `<desc>`), coloured through CSS classes.
package enum SVGChart {
    /// A line chart of periods (oldest first) with y-axis ticks, x labels, the last value marked
    /// and an optional dashed target line.
    package static func line(points: [ChartPoint], title: String, description: String, target: Double? = nil,
                             targetLabel: String = "", id: String, width: Int = 460, height: Int = 220,
                             format: (Double) -> String) -> String {
        let w = Double(width), h = Double(height)
        let left = 64.0, right = 16.0, top = 16.0, bottom = 34.0
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        var out = open(width: width, height: height, id: id, title: title, description: description, kind: "line")
        guard !points.isEmpty, !values.isEmpty else {
            out += "<text class=\"chart-empty\" x=\"\(svgNumber(w / 2))\" y=\"\(svgNumber(h / 2))\" text-anchor=\"middle\">"
                + HTML.escape(description) + "</text></svg>"
            return out
        }
        let scale = ChartScale(covering: values)
        func y(_ v: Double) -> Double { scale.position(v, from: h - bottom, to: top) }
        let step = points.count > 1 ? (w - left - right) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { points.count > 1 ? left + Double(i) * step : (left + w - right) / 2 }

        out += "<g class=\"chart-grid\">"
        for t in scale.ticks {
            let ty = svgNumber(y(t))
            out += "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(w - right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text class=\"chart-tick\" x=\"\(svgNumber(left - 8))\" y=\"\(ty)\" dy=\"0.32em\" text-anchor=\"end\">"
                + HTML.escape(format(t)) + "</text>"
        }
        out += "</g><g class=\"chart-x\">"
        let every = max(1, Int((Double(points.count) / 6).rounded(.up)))
        for (i, p) in points.enumerated() where (points.count - 1 - i) % every == 0 {
            let anchor = points.count > 1 && i == points.count - 1 ? "end" : "middle"
            out += "<text class=\"chart-tick\" x=\"\(svgNumber(x(i)))\" y=\"\(svgNumber(h - bottom + 20))\" text-anchor=\"\(anchor)\">"
                + HTML.escape(p.label) + "</text>"
        }
        out += "</g>"
        if let target {
            let ty = svgNumber(y(target))
            out += "<g class=\"chart-target\"><line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(w - right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text x=\"\(svgNumber(w - right))\" y=\"\(ty)\" dy=\"-0.4em\" text-anchor=\"end\">"
                + HTML.escape(targetLabel.isEmpty ? format(target) : targetLabel + ": " + format(target)) + "</text></g>"
        }
        // The line breaks where a period has no data.
        var segments: [[(Double, Double)]] = [[]]
        for (i, p) in points.enumerated() {
            if let v = p.value { segments[segments.count - 1].append((x(i), y(v))) }
            else if !segments[segments.count - 1].isEmpty { segments.append([]) }
        }
        for seg in segments where !seg.isEmpty {
            let coords = seg.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
            if seg.count > 1 {
                let base = svgNumber(y(max(scale.low, min(scale.high, 0))))
                out += "<polygon class=\"chart-area\" points=\"\(svgNumber(seg[0].0)),\(base) \(coords) \(svgNumber(seg[seg.count - 1].0)),\(base)\"/>"
            }
            out += "<polyline class=\"chart-line\" points=\"\(coords)\"/>"
        }
        for (i, p) in points.enumerated() {
            guard let v = p.value else { continue }
            let last = i == points.count - 1
            out += "<circle class=\"\(last ? "chart-dot chart-dot-last" : "chart-dot")\" cx=\"\(svgNumber(x(i)))\" cy=\"\(svgNumber(y(v)))\" r=\"\(last ? "4.5" : "3")\">"
                + "<title>" + HTML.escape(p.label + ": " + format(v)) + "</title></circle>"
        }
        return out + "</svg>"
    }

    /// A horizontal bar chart, longest bar first as given, each bar labelled with its value.
    package static func bars(_ bars: [ChartBar], title: String, description: String, id: String,
                             width: Int = 420) -> String {
        let rowHeight = 30.0, top = 4.0
        let height = Int(top * 2 + rowHeight * Double(max(1, bars.count)))
        var out = open(width: width, height: height, id: id, title: title, description: description, kind: "bars")
        guard !bars.isEmpty else {
            out += "<text class=\"chart-empty\" x=\"\(width / 2)\" y=\"\(height / 2)\" dy=\"0.32em\" text-anchor=\"middle\">"
                + HTML.escape(description) + "</text></svg>"
            return out
        }
        let w = Double(width)
        let labelWidth = 120.0, valueWidth = 92.0
        let maxValue = max(bars.map { abs($0.value) }.max() ?? 1, 1e-12)
        let span = w - labelWidth - valueWidth
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let length = max(2, abs(bar.value) / maxValue * span)
            let tone = bar.tone.map { " tone-" + $0.filter { $0.isLetter || $0 == "-" || $0 == "_" } } ?? ""
            out += "<g class=\"chart-bar\(tone)\"><title>" + HTML.escape(bar.label + ": " + bar.display) + "</title>"
            out += "<text class=\"chart-label\" x=\"\(svgNumber(labelWidth - 10))\" y=\"\(svgNumber(y + rowHeight / 2))\" dy=\"0.32em\" text-anchor=\"end\">"
                + HTML.escape(truncated(bar.label, 18)) + "</text>"
            out += "<rect x=\"\(svgNumber(labelWidth))\" y=\"\(svgNumber(y + 6))\" width=\"\(svgNumber(length))\" height=\"\(svgNumber(rowHeight - 12))\" rx=\"4\"/>"
            out += "<text class=\"chart-value\" x=\"\(svgNumber(labelWidth + length + 8))\" y=\"\(svgNumber(y + rowHeight / 2))\" dy=\"0.32em\">"
                + HTML.escape(bar.display) + "</text></g>"
        }
        return out + "</svg>"
    }

    /// A small trend line for a KPI card: no axes, the last point marked.
    package static func sparkline(_ values: [Double?], label: String, width: Int = 120, height: Int = 32) -> String {
        let w = Double(width), h = Double(height), pad = 3.0
        var out = "<svg class=\"sparkline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
            + "<title>" + HTML.escape(label) + "</title>"
        let present = values.compactMap { $0 }
        guard present.count >= 2, let lo = present.min(), let hi = present.max() else { return out + "</svg>" }
        let step = (w - 2 * pad) / Double(max(1, values.count - 1))
        func y(_ v: Double) -> Double { hi == lo ? h / 2 : h - pad - (v - lo) / (hi - lo) * (h - 2 * pad) }
        var coords: [String] = []
        var last: (Double, Double)?
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            let p = (pad + Double(i) * step, y(v))
            coords.append("\(svgNumber(p.0)),\(svgNumber(p.1))")
            last = p
        }
        out += "<polyline points=\"\(coords.joined(separator: " "))\"/>"
        if let last { out += "<circle cx=\"\(svgNumber(last.0))\" cy=\"\(svgNumber(last.1))\" r=\"2.5\"/>" }
        return out + "</svg>"
    }

    private static func open(width: Int, height: Int, id: String, title: String, description: String, kind: String) -> String {
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "<svg class=\"chart chart-kind-\(kind)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
            + "preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"\(safe)-title \(safe)-desc\">"
            + "<title id=\"\(safe)-title\">" + HTML.escape(title) + "</title>"
            + "<desc id=\"\(safe)-desc\">" + HTML.escape(description) + "</desc>"
    }

    private static func truncated(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
