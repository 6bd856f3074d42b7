import Foundation
import Testing
@testable import SMMCore

@Suite struct PeriodTests {
    @Test("2025-W01 starts on Monday 2024-12-30")
    func isoWeekCrossesYear() throws {
        let week = try Period(parsing: "2025-W01")
        #expect(week.kind == .week)
        #expect(week.first == LocalDate(year: 2024, month: 12, day: 30))
        #expect(week.last == LocalDate(year: 2025, month: 1, day: 5))
        #expect(week.label == "2025-W01")
    }

    @Test("2021-W01 runs from 2021-01-04 and follows 2020-W53")
    func previousWeekInPreviousIsoYear() throws {
        let week = try Period(parsing: "2021-W01")
        #expect(week.first == LocalDate(year: 2021, month: 1, day: 4))
        #expect(week.previous.label == "2020-W53")
        #expect(week.previous.first == LocalDate(year: 2020, month: 12, day: 28))
        #expect(week.previous.last == LocalDate(year: 2021, month: 1, day: 3))
    }

    @Test("the previous period of each kind", arguments: [
        ("2025-W05", "2025-W04"), ("2024-11", "2024-10"), ("2025-01", "2024-12"), ("2024-Q4", "2024-Q3"),
        ("2024-Q1", "2023-Q4"), ("2024", "2023"), ("2024-11-03..2024-11-17", "2024-10-19..2024-11-02"),
        ("2025-01-01..2025-01-01", "2024-12-31..2024-12-31"),
    ])
    func previous(_ text: String, _ expected: String) throws {
        #expect(try Period(parsing: text).previous.label == expected)
    }

    @Test("kinds, labels and bounds as cli.md prints them", arguments: [
        ("2025-W05", Period.Kind.week, "2025-01-27", "2025-02-02"), ("2024-11", .month, "2024-11-01", "2024-11-30"),
        ("2024-02", .month, "2024-02-01", "2024-02-29"), ("2024-Q4", .quarter, "2024-10-01", "2024-12-31"),
        ("2024", .year, "2024-01-01", "2024-12-31"), ("2024-11-03..2024-11-17", .custom, "2024-11-03", "2024-11-17"),
    ])
    func bounds(_ text: String, _ kind: Period.Kind, _ from: String, _ to: String) throws {
        let p = try Period(parsing: text)
        #expect(p.kind == kind)
        #expect(p.label == text)
        #expect(p.first.description == from)
        #expect(p.last.description == to)
    }

    @Test("bad spellings are errors", arguments: [
        "2024-W5", "2024-W53", "2020-W54", "2024-W00", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "24-11",
        "2024-11-17..2024-11-03", "2024-11-03..", "2024/11", "November", "", "2024-1", "2024-11-31..2024-12-01",
    ])
    func badSpellings(_ text: String) {
        #expect(throws: PeriodError.self) { try Period(parsing: text) }
    }

    @Test("an error names the text and shows the accepted spellings")
    func errorMessage() {
        do {
            _ = try Period(parsing: "2024-W5")
            Issue.record("no error")
        } catch {
            let message = error.localizedDescription
            #expect(message.contains("2024-W5"))
            #expect(message.contains("2025-W05"))
        }
    }
}
