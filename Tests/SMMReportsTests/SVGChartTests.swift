import Foundation
import Testing
@testable import SMMReports

@Suite struct SVGChartTests {
    @Test("Axis bounds are round numbers around the data")
    func niceRange() {
        let (lo, hi, step) = SVGChart.niceRange(0, 873)
        #expect(lo == 0 && hi >= 873 && step == 250)
    }

    @Test("Gaps in a line series break the line; bars skip missing values")
    func gaps() {
        let f = ReportFormat(language: .en, currency: "RUB")
        let line = SVGChart.render(ReportChart(id: "x", title: "x", style: .line, format: .integer, categories: ["a", "b", "c"],
                                               series: [.init(name: "x", values: [1, nil, 3])]), format: f)
        #expect(line.components(separatedBy: "M").count - 1 >= 2)
        let bars = SVGChart.render(ReportChart(id: "x", title: "x", style: .bar, format: .integer, categories: ["a", "b", "c"],
                                               series: [.init(name: "x", values: [1, nil, 3])]), format: f)
        #expect(bars.components(separatedBy: "<rect").count - 1 == 2)
    }
}
