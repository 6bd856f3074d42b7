import Foundation
import Testing
@testable import SMMCore

@Suite struct KPIServiceTests {
    static func message(_ id: String, _ received: String, _ answered: String?) -> Message {
        Message(id: id, accountID: "vk_main", receivedAt: Fx.t(received), localDate: Fx.d(String(received.prefix(10))),
                firstResponseAt: answered.map(Fx.t))
    }

    static let inbox = Fx.dataset { ds in
        ds.messages = [
            message("m1", "2024-11-01T10:00:00Z", "2024-11-02T10:00:00Z"),  // exactly 24 h: within
            message("m2", "2024-11-02T10:00:00Z", "2024-11-03T10:00:00.000000001Z"),  // 1 ns late
            message("m3", "2024-11-03T10:00:00Z", "2024-11-03T10:30:00Z"),  // 30 min
            message("m4", "2024-11-30T23:00:00Z", nil),  // received just before the data ends: not within
            message("m5", "2024-10-31T23:00:00Z", "2024-10-31T23:01:00Z"),  // October
        ]
    }

    @Test("the SLA is inclusive: a reply exactly at the limit is within")
    func slaBoundary() {
        #expect(Fx.value(.inquiries, Self.inbox) == 4)
        #expect(Fx.value(.unanswered, Self.inbox) == 1)
        #expect(approx(Fx.value(.responseSLARate, Self.inbox), 50))
    }

    @Test("a fractional SLA in hours", arguments: [("0.5", 25.0), ("0.49", 0.0), ("24.000000000000000001", 50.0), ("48", 75.0)])
    func fractionalSLA(_ hours: String, _ expected: Double) {
        let options = KPIOptions(slaHours: Decimal(string: hours)!)
        #expect(approx(Fx.value(.responseSLARate, Self.inbox, options: options), expected))
    }

    @Test("median_response_minutes: the mean of the middle two for an even count")
    func medianEven() {
        // 30, 1440, 1440 + 1 ns: the middle one.
        #expect(Fx.value(.medianResponseMinutes, Self.inbox) == 1440)
        var ds = Self.inbox
        ds.messages.append(Self.message("m6", "2024-11-04T10:00:00Z", "2024-11-04T10:10:00Z"))
        // 10, 30, 1440, 1440+ε → (30 + 1440) / 2.
        #expect(approx(Fx.value(.medianResponseMinutes, ds), 735))
        ds.messages.append(Self.message("m7", "2024-11-05T10:00:00Z", "2024-11-05T10:00:00Z"))
        #expect(approx(Fx.value(.medianResponseMinutes, ds), 30))
    }

    @Test("without first_response_at the response metrics are null; an empty period is 0 or null")
    func nulls() {
        var ds = Self.inbox
        ds.presence = Fx.presence().without("first_response_at", in: .messages)
        #expect(Fx.value(.inquiries, ds) == 4)
        #expect(Fx.value(.unanswered, ds) == nil)
        #expect(Fx.value(.responseSLARate, ds) == nil)
        #expect(Fx.value(.medianResponseMinutes, ds) == nil)
        #expect(Fx.value(.inquiries, Self.inbox, "2024-09") == 0)
        #expect(Fx.value(.responseSLARate, Self.inbox, "2024-09") == nil)
        #expect(Fx.value(.medianResponseMinutes, Self.inbox, "2024-09") == nil)
        ds.presence = Fx.presence().without(.messages)
        #expect(Fx.value(.inquiries, ds) == nil)
    }
}
