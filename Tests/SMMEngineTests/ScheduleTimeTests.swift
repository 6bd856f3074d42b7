import Foundation
import SMMCore
import SMMEngine
import SMMReports
import Testing

@Suite struct ScheduleTimeTests {
    let moscow = TimeZone(identifier: "Europe/Moscow")!
    func instant(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    @Test("Mon 09:00 fires in the workspace's time zone, for the previous ISO week")
    func weekly() throws {
        let t = try ScheduleTime(kind: .weekly, parsing: "mon 09:00")
        #expect(t.text == "Mon 09:00")
        // 2024-11-25 is a Monday; 09:00 in Moscow is 06:00 UTC.
        let before = t.lastOccurrence(atOrBefore: instant("2024-11-25T05:59:00Z"), in: moscow)
        #expect(before.date == LocalDate(iso: "2024-11-18"))
        let after = t.lastOccurrence(atOrBefore: instant("2024-11-25T06:00:00Z"), in: moscow)
        #expect(after.date == LocalDate(iso: "2024-11-25") && after.instant == instant("2024-11-25T06:00:00Z"))
        #expect(t.period(firedOn: after.date).label == "2024-W47")
    }

    @Test("1 09:00 fires on the first of the month, for the previous month")
    func monthly() throws {
        let t = try ScheduleTime(kind: .monthly, parsing: "1 09:00")
        let fired = t.lastOccurrence(atOrBefore: instant("2024-12-10T12:00:00Z"), in: moscow)
        #expect(fired.date == LocalDate(iso: "2024-12-01"))
        #expect(t.period(firedOn: fired.date).label == "2024-11")
        let early = t.lastOccurrence(atOrBefore: instant("2025-01-01T05:00:00Z"), in: moscow)
        #expect(early.date == LocalDate(iso: "2024-12-01"))
    }

    @Test("Bad times are refused with a sentence showing the form", arguments: [
        (ReportKind.weekly, "Monday"), (.weekly, "Xyz 09:00"), (.weekly, "Mon 25:00"), (.monthly, "31 09:00"), (.monthly, "Mon 09:00"),
    ])
    func bad(kind: ReportKind, text: String) {
        #expect(throws: ScheduleError.badTime(kind: kind, text: text)) { try ScheduleTime(kind: kind, parsing: text) }
        let sentence = ScheduleError.badTime(kind: kind, text: text).localizedDescription
        #expect(sentence.contains(kind == .weekly ? "Mon 09:00" : "1 09:00"))
    }

    @Test("Delivery targets: telegram:CHAT and webhook:URL, anything else is a sentence")
    func targets() throws {
        #expect(try DeliveryTarget(parsing: "telegram:-100123") == .telegram(chatID: "-100123"))
        #expect(try DeliveryTarget(parsing: "webhook:https://example.com/h") == .webhook(URL(string: "https://example.com/h")!))
        for bad in ["email:a@b", "telegram:", "webhook:ftp://x", "webhook:nothing"] {
            #expect(throws: DeliveryError.badTarget(bad)) { try DeliveryTarget(parsing: bad) }
        }
    }

    @Test("Backoff doubles from the base up to the cap")
    func backoff() {
        let c = DeliveryConfiguration(baseDelay: .seconds(2), maxDelay: .seconds(10))
        #expect([1, 2, 3, 4, 5].map(c.backoff(afterAttempt:)) == [.seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
    }
}
