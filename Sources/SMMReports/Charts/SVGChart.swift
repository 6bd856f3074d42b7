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

/// The one chart drawer of smmkpi: inline SVG for the web pages (``line(points:title:description:target:targetLabel:id:width:height:format:)``,
/// ``bars(_:title:description:id:width:)``, ``sparkline(_:label:width:height:)``) and the reports
/// (``render(_:format:width:height:)``). Pure functions from values to markup, accessible (`role="img"`,
/// `aria-labelledby` a `<title>` and `<desc>`), no scripts; the pages colour them through CSS classes,
/// the reports' inline stylesheet and attributes do the same for a self-contained file.
package enum SVGChart {
    /// A line chart of periods (oldest first) with y-axis ticks, x labels, the last value marked
    /// and an optional dashed target line.
    package static func line(points: [ChartPoint], title: String, description: String, target: Double? = nil,
                             targetLabel: String = "", id: String, width: Int = 460, height: Int = 220,
                             format: (Double) -> String) -> String {
        let w = Double(width), h = Double(height)
        let right = 16.0, top = 16.0, bottom = 34.0
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        var out = open(width: width, height: height, id: id, title: title, description: description, kind: "line")
        guard !points.isEmpty, !values.isEmpty else {
            return out + empty(description, x: w / 2, y: h / 2, dy: nil)
        }
        let scale = ChartScale(covering: values)
        // Room for the longest tick label (about 7 px a character at 12 px), so `300 тыс. ₽` is not cut off.
        let left = max(64, Double(scale.ticks.map { format($0).count }.max() ?? 0) * 7 + 14)
        func y(_ v: Double) -> Double { scale.position(v, from: h - bottom, to: top) }
        let step = points.count > 1 ? (w - left - right) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { points.count > 1 ? left + Double(i) * step : (left + w - right) / 2 }

        out += grid(scale, left: left, right: w - right, gap: 8, y: y, label: format)
        out += xAxis(points.map(\.label), x: x, y: h - bottom + 20, most: 6, lastAtEnd: true)
        if let target {
            let ty = svgNumber(y(target))
            out += "<g class=\"chart-target\"><line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(w - right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text x=\"\(svgNumber(w - right))\" y=\"\(ty)\" dy=\"-0.4em\" text-anchor=\"end\">"
                + HTML.escape(targetLabel.isEmpty ? format(target) : targetLabel + ": " + format(target)) + "</text></g>"
        }
        let values2 = points.map(\.value)
        out += polylines(values2, x: x, y: y, area: y(max(scale.low, min(scale.high, 0))), color: nil)
        out += dots(values2, labels: points.map(\.label), x: x, y: y, radius: (3, 4.5), color: nil, format: format)
        return out + "</svg>"
    }

    /// A horizontal bar chart, longest bar first as given, each bar labelled with its value.
    package static func bars(_ bars: [ChartBar], title: String, description: String, id: String,
                             width: Int = 420) -> String {
        let rowHeight = 30.0, top = 4.0
        let height = Int(top * 2 + rowHeight * Double(max(1, bars.count)))
        var out = open(width: width, height: height, id: id, title: title, description: description, kind: "bars")
        guard !bars.isEmpty else {
            return out + empty(description, x: Double(width / 2), y: Double(height / 2), dy: "0.32em")
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

    // MARK: Parts shared by the page and report charts

    /// The opening tag with the accessible name (`<title>`) and description (`<desc>`).
    static func open(width: Int, height: Int, id: String, title: String, description: String, kind: String) -> String {
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "<svg class=\"chart chart-kind-\(kind)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
            + "preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"\(safe)-title \(safe)-desc\">"
            + "<title id=\"\(safe)-title\">" + HTML.escape(title) + "</title>"
            + "<desc id=\"\(safe)-desc\">" + HTML.escape(description) + "</desc>"
    }

    /// The sentence a chart without values shows instead of a drawing, and the closing tag.
    static func empty(_ text: String, x: Double, y: Double, dy: String?) -> String {
        "<text class=\"chart-empty\" x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\"" + (dy.map { " dy=\"\($0)\"" } ?? "")
            + " text-anchor=\"middle\">" + HTML.escape(text) + "</text></svg>"
    }

    /// Horizontal grid lines at the scale's ticks, each labelled `gap` pixels left of the plot.
    static func grid(_ scale: ChartScale, left: Double, right: Double, gap: Double, y: (Double) -> Double,
                     label: (Double) -> String) -> String {
        var out = "<g class=\"chart-grid\">"
        for t in scale.ticks {
            let ty = svgNumber(y(t))
            out += "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text class=\"chart-tick\" x=\"\(svgNumber(left - gap))\" y=\"\(ty)\" dy=\"0.32em\" text-anchor=\"end\">"
                + HTML.escape(label(t)) + "</text>"
        }
        return out + "</g>"
    }

    /// The x labels: at most about `most` of them, counted back from the last, which always shows
    /// (right-aligned with `lastAtEnd`, so it stays inside the drawing).
    static func xAxis(_ labels: [String], x: (Int) -> Double, y: Double, most: Int, lastAtEnd: Bool) -> String {
        var out = "<g class=\"chart-x\">"
        let every = max(1, Int((Double(labels.count) / Double(most)).rounded(.up)))
        for (i, label) in labels.enumerated() where (labels.count - 1 - i) % every == 0 {
            let anchor = lastAtEnd && labels.count > 1 && i == labels.count - 1 ? "end" : "middle"
            out += "<text class=\"chart-tick\" x=\"\(svgNumber(x(i)))\" y=\"\(svgNumber(y))\" text-anchor=\"\(anchor)\">"
                + HTML.escape(label) + "</text>"
        }
        return out + "</g>"
    }

    /// A series as polylines that break where a value is missing; with `area` (the baseline's y),
    /// each piece is filled down to it. `color` strokes the line (reports); nil leaves it to CSS.
    static func polylines(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double, area: Double?,
                          color: String?) -> String {
        var segments: [[(Double, Double)]] = [[]]
        for (i, v) in values.enumerated() {
            if let v { segments[segments.count - 1].append((x(i), y(v))) }
            else if !segments[segments.count - 1].isEmpty { segments.append([]) }
        }
        var out = ""
        let stroke = color.map { " stroke=\"\($0)\"" } ?? ""
        for seg in segments where !seg.isEmpty {
            let coords = seg.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
            if seg.count > 1, let area {
                let base = svgNumber(area)
                out += "<polygon class=\"chart-area\" points=\"\(svgNumber(seg[0].0)),\(base) \(coords) \(svgNumber(seg[seg.count - 1].0)),\(base)\"/>"
            }
            out += "<polyline class=\"chart-line\" points=\"\(coords)\"\(stroke)/>"
        }
        return out
    }

    /// A dot per value, the last one larger, each with its label and value as a tooltip.
    static func dots(_ values: [Double?], labels: [String], x: (Int) -> Double, y: (Double) -> Double,
                     radius: (Double, Double), color: String?, format: (Double) -> String) -> String {
        var out = ""
        let paint = color.map { " fill=\"\($0)\" stroke=\"\($0)\"" } ?? ""
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            let last = i == values.count - 1
            out += "<circle class=\"\(last ? "chart-dot chart-dot-last" : "chart-dot")\" cx=\"\(svgNumber(x(i)))\" cy=\"\(svgNumber(y(v)))\" r=\"\(svgNumber(last ? radius.1 : radius.0))\"\(paint)>"
                + "<title>" + HTML.escape((i < labels.count ? labels[i] + ": " : "") + format(v)) + "</title></circle>"
        }
        return out
    }

    private static func truncated(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
