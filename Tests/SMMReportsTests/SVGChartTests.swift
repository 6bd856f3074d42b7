import Foundation
import Testing
@testable import SMMReports

/// The one chart drawer: page charts (line, bars, sparkline) and report charts.
@Suite struct SVGChartTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("a line chart of 12 periods: accessible, one dot per value, a target line, ticks labelled")
    func line() {
        let points = (1...12).map { ChartPoint(label: "P\($0)", value: Double($0) * 10) }
        let svg = SVGChart.line(points: points, title: "ER <reach>", description: "12 periods", target: 100,
                                targetLabel: "Target", id: "er", format: { String(Int($0)) })
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"er-title er-desc\""))
        #expect(svg.contains("<title id=\"er-title\">ER &lt;reach&gt;</title>"))
        #expect(count("<circle", in: svg) == 12)
        #expect(svg.contains("class=\"chart-target\""))
        #expect(svg.contains("Target: 100"))
        #expect(svg.contains(">150</text>"))  // the top tick covers the largest value, 120
        #expect(svg.contains("P12"))
        #expect(count("<polyline", in: svg) == 1)
    }

    @Test("a period without data breaks the line")
    func gaps() {
        let points = [ChartPoint(label: "a", value: 1), ChartPoint(label: "b", value: 2), ChartPoint(label: "c", value: nil),
                      ChartPoint(label: "d", value: 3), ChartPoint(label: "e", value: 4)]
        let svg = SVGChart.line(points: points, title: "t", description: "d", id: "g", format: { "\($0)" })
        #expect(count("<polyline", in: svg) == 2)
        #expect(count("<circle", in: svg) == 4)
        #expect(!svg.contains("chart-target"))
    }

    @Test("a chart without values says so instead of drawing")
    func empty() {
        let svg = SVGChart.line(points: [ChartPoint(label: "a", value: nil)], title: "t", description: "No data",
                                id: "e", format: { "\($0)" })
        #expect(svg.contains("chart-empty"))
        #expect(!svg.contains("<polyline"))
        let bars = SVGChart.bars([], title: "t", description: "No data", id: "b")
        #expect(bars.contains("No data"))
    }

    @Test("bars are as long as their values, labelled and escaped")
    func bars() throws {
        let svg = SVGChart.bars([ChartBar(label: "video & reels", value: 200, display: "200"),
                                 ChartBar(label: "photo", value: 100, display: "100")],
                                title: "By format", description: "ER by format", id: "fmt", width: 420)
        #expect(count("<rect", in: svg) == 2)
        #expect(svg.contains("video &amp; reels"))
        let widths = svg.components(separatedBy: "width=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        // viewBox width first, then the svg width attribute is absent; bar widths follow.
        let barWidths = Array(widths.suffix(2))
        #expect(barWidths.count == 2)
        #expect(abs(barWidths[0] - 2 * barWidths[1]) < 0.1)
    }

    @Test("a sparkline draws the values present and marks the last")
    func sparkline() {
        let svg = SVGChart.sparkline([1, 3, nil, 2], label: "trend")
        #expect(svg.contains("aria-label=\"trend\""))
        #expect(count(",", in: svg.components(separatedBy: "points=\"")[1].prefix { $0 != "\"" }.description) == 3)
        #expect(svg.contains("<circle"))
        #expect(!SVGChart.sparkline([1], label: "x").contains("<polyline"))
    }

    @Test("nice scales cover the data with round ticks; bars include zero")
    func scale() {
        let s = ChartScale(covering: [3.2, 47.9])
        #expect(s.low == 0)
        #expect(s.high >= 47.9)
        #expect(s.ticks.first == 0)
        #expect(s.ticks == [0, 20, 40, 60])
        let flat = ChartScale(covering: [5, 5])
        #expect(flat.low < 5 && flat.high > 5)
        let wide = ChartScale(covering: [0, 873])
        #expect(wide.low == 0 && wide.high >= 873 && wide.ticks[1] == 250)
        #expect(ChartScale(covering: [600, 900], includingZero: true).low == 0)
        #expect(ChartScale(covering: [600, 900]).low > 0)
    }


    @Test("Gaps in a report line series break the line; columns skip missing values")
    func reportGaps() {
        let f = ReportFormat(language: .en, currency: "RUB")
        let line = SVGChart.render(ReportChart(id: "x", title: "x", style: .line, format: .integer, categories: ["a", "b", "c", "d"],
                                               series: [.init(name: "x", values: [1, nil, 3, 4])]), format: f)
        #expect(count("<polyline", in: line) == 2)
        #expect(count("<circle", in: line) == 3)
        let bars = SVGChart.render(ReportChart(id: "x", title: "x", style: .bar, format: .integer, categories: ["a", "b", "c"],
                                               series: [.init(name: "x", values: [1, nil, 3])]), format: f)
        #expect(count("<rect", in: bars) == 2)
    }

    @Test("a report chart is accessible like a page chart, its axis written as the pages write it, with a legend for several series")
    func reportChart() {
        let f = ReportFormat(language: .ru, currency: "RUB")
        let chart = ReportChart(id: "trend-revenue", title: "Выручка", style: .bar, format: .money,
                                categories: ["окт 24", "ноя 24"],
                                series: [.init(name: "ВК", values: [120_000, 250_000]), .init(name: "TG", values: [80_000, 90_000])])
        let svg = SVGChart.render(chart, format: f)
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"chart-trend-revenue-title chart-trend-revenue-desc\""))
        #expect(svg.contains("<title id=\"chart-trend-revenue-title\">Выручка</title>"))
        #expect(svg.contains("<desc id=\"chart-trend-revenue-desc\">Выручка, ВК, TG: окт 24 – ноя 24</desc>"))
        #expect(svg.contains(">" + f.axis(200_000, .money) + "</text>"))
        #expect(svg.contains("200\u{00A0}тыс.\u{00A0}₽"))
        #expect(svg.contains("class=\"legend\""))
        #expect(count("<rect", in: svg) == 4)
        let empty = SVGChart.render(ReportChart(id: "e", title: "E", style: .line, format: .integer, categories: ["a"],
                                                series: [.init(name: "E", values: [nil])]), format: f)
        #expect(empty.contains("chart-empty") && !empty.contains("<polyline"))
    }
}
