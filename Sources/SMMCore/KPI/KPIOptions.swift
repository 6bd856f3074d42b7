import Foundation

/// A plan's target audience for audience_match: dimension → bucket → target share.
package struct Persona: Hashable, Sendable {
    /// Target shares as written (not yet normalised; buckets not yet trimmed).
    package var targets: [AudienceDimension: [String: Decimal]]

    package init(_ targets: [AudienceDimension: [String: Decimal]]) { self.targets = targets }

    /// The dimensions that take part, with buckets trimmed (equal trimmed names add up)
    /// and shares normalised to sum 1; a dimension whose targets sum to 0 or less is left out.
    func normalised() -> [AudienceDimension: [String: Double]] {
        var out: [AudienceDimension: [String: Double]] = [:]
        for (dimension, buckets) in targets {
            var merged: [String: Decimal] = [:]
            for (bucket, share) in buckets {
                merged[bucket.trimmingCharacters(in: .whitespacesAndNewlines), default: 0] += share
            }
            let total = merged.values.reduce(Decimal(0), +)
            guard total > 0 else { continue }
            out[dimension] = merged.mapValues { ($0 / total).double }
        }
        return out
    }
}

/// What a computation takes from a plan (cli.md `kpi --plan`, plans-and-scoring.md).
package struct KPIOptions: Hashable, Sendable {
    /// The service SLA in hours (may be fractional); 24 unless the plan sets `sla_hours`.
    package var slaHours: Decimal
    /// The plan's persona; audience_match is null without one.
    package var persona: Persona?
    /// The plan's assignee: only work_log rows whose person equals it after trimming both count.
    package var assignee: String?

    package init(slaHours: Decimal = 24, persona: Persona? = nil, assignee: String? = nil) {
        self.slaHours = slaHours; self.persona = persona; self.assignee = assignee
    }

    /// The SLA in whole nanoseconds, rounded down: a response time in nanoseconds is within the
    /// SLA exactly when it is ≤ this (the comparison stays exact for fractional hours).
    var slaNanoseconds: Int64 {
        var exact = slaHours * 3_600_000_000_000
        var floored = Decimal()
        NSDecimalRound(&floored, &exact, 0, .down)
        if floored < 0 { return -1 }
        if floored > Decimal(Int64.max) { return Int64.max }
        return Int64(floored.description) ?? Int64.max
    }

    /// The trimmed assignee, when it selects rows.
    var trimmedAssignee: String? {
        assignee.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

extension Decimal {
    /// The nearest Double (through the decimal text, so the rounding is correct).
    var double: Double { Double(description) ?? NSDecimalNumber(decimal: self).doubleValue }
}
