import Foundation

/// Messages in P: messages of scope accounts received in P.
struct MessageTotals {
    var count: Int64 = 0
    var unanswered: Int64 = 0
    var withinSLA: Int64 = 0
    /// first_response_at − received_at of answered messages, in nanoseconds (never negative).
    var responseTimes: [Int64] = []

    init(_ c: KPICalculator) {
        let sla = c.options.slaNanoseconds
        for account in c.scopeAccounts {
            for m in c.index.messages[account] ?? [] where c.period.contains(m.localDate) {
                count += 1
                guard let answered = m.firstResponseAt else {
                    unanswered += 1  // not within the SLA, however recent
                    continue
                }
                let time = max(0, answered.nanoseconds - m.receivedAt.nanoseconds)
                responseTimes.append(time)
                if time <= sla { withinSLA += 1 }  // a reply exactly at the limit is within
            }
        }
    }
}

extension KPICalculator {
    /// Service (работа с клиентским сервисом).
    func service(_ id: KPIID) -> Double? {
        guard presence.has(.messages) else { return nil }
        let hasResponses = presence.has(.messages, column: "first_response_at")
        let m = messageTotals
        switch id {
        case .inquiries:
            /// messages in P
            return Double(m.count)
        case .unanswered:
            /// messages in P without first_response_at
            return hasResponses ? Double(m.unanswered) : nil
        case .responseSLARate:
            /// messages in P answered within the SLA / all messages in P (answered or not) × 100
            return hasResponses ? ratio(m.withinSLA, m.count, scale: 100) : nil
        case .medianResponseMinutes:
            /// median of (first_response_at − received_at) in minutes over answered messages in P
            /// (even count: mean of the middle two)
            guard hasResponses, !m.responseTimes.isEmpty else { return nil }
            let sorted = m.responseTimes.sorted()
            let mid = sorted.count / 2
            let nanos = sorted.count % 2 == 1
                ? Double(sorted[mid]) : (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
            return nanos / 60_000_000_000
        default:
            preconditionFailure("\(id) is not a service metric")
        }
    }
}
