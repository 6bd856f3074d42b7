import Foundation

/// One metric over a period and its previous period (kpi-catalog.md "Change").
package struct KPIResult: Hashable, Sendable {
    package var id: KPIID
    /// null means no data.
    package var value: Double?
    package var previous: Double?

    package init(id: KPIID, value: Double?, previous: Double?) {
        self.id = id; self.value = value; self.previous = previous
    }

    /// value − previous; null when either is null.
    package var changeAbs: Double? { Self.changeAbs(value, previous) }

    /// (value − previous) / |previous| × 100; null when either is null or previous is 0.
    package var changePct: Double? { Self.changePct(value, previous) }

    /// value − previous; null when either is null (kpi-catalog.md "Change").
    package static func changeAbs(_ value: Double?, _ previous: Double?) -> Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }

    /// (value − previous) / |previous| × 100; null when either is null or previous is 0.
    package static func changePct(_ value: Double?, _ previous: Double?) -> Double? {
        guard let value, let previous, previous != 0 else { return nil }
        return (value - previous) / abs(previous) * 100
    }

    /// The metric's attributes, from ``KPIID``.
    package var unit: KPIUnit { id.unit }
    package var better: KPIBetter { id.better }
    package var group: KPIGroupName { id.group }
}

/// One group of a breakdown (`kpi --by`): its key (null for posts with an empty value) and metrics.
package struct KPIGroup: Hashable, Sendable {
    package var key: String?
    /// Sorted by id.
    package var metrics: [KPIResult]
    package init(key: String?, metrics: [KPIResult]) { self.key = key; self.metrics = metrics }

    /// The group's result for one metric.
    package subscript(_ id: KPIID) -> KPIResult? { metrics.first { $0.id == id } }
}

/// The KPIs of a period and scope, as `kpi --format json` prints them (cli.md).
package struct KPIReport: Hashable, Sendable {
    package var period: Period
    package var previous: Period
    /// The scope's account ids, sorted.
    package var scopeAccounts: [String]
    package var currency: String
    /// Sorted by id.
    package var metrics: [KPIResult]
    /// Present with a breakdown: groups sorted by key, the null key last.
    package var groups: [KPIGroup]?

    package init(period: Period, previous: Period, scopeAccounts: [String], currency: String,
                 metrics: [KPIResult], groups: [KPIGroup]? = nil) {
        self.period = period; self.previous = previous; self.scopeAccounts = scopeAccounts
        self.currency = currency; self.metrics = metrics; self.groups = groups
    }

    /// The result for one metric of the scope.
    package subscript(_ id: KPIID) -> KPIResult? { metrics.first { $0.id == id } }
}

// MARK: - JSON in the shape of cli.md "kpi --format json"

extension KPIResult: Encodable {
    private enum Keys: String, CodingKey {
        case id, value, previous, unit, better, group
        case changeAbs = "change_abs", changePct = "change_pct"
    }

    /// Writes every field, nulls included.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(value, forKey: .value)
        try c.encode(previous, forKey: .previous)
        try c.encode(changeAbs, forKey: .changeAbs)
        try c.encode(changePct, forKey: .changePct)
        try c.encode(unit.rawValue, forKey: .unit)
        try c.encode(better.rawValue, forKey: .better)
        try c.encode(group.rawValue, forKey: .group)
    }
}

extension KPIGroup: Encodable {
    private enum Keys: String, CodingKey { case key, metrics }
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(key, forKey: .key)
        try c.encode(metrics, forKey: .metrics)
    }
}

extension KPIReport: Encodable {
    private enum Keys: String, CodingKey { case period, previous, scope, currency, metrics, groups }
    private enum PeriodKeys: String, CodingKey { case kind, label, from, to }
    private enum ScopeKeys: String, CodingKey { case accounts }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        for (key, p) in [(Keys.period, period), (Keys.previous, previous)] {
            var pc = c.nestedContainer(keyedBy: PeriodKeys.self, forKey: key)
            try pc.encode(p.kind.rawValue, forKey: .kind)
            try pc.encode(p.label, forKey: .label)
            try pc.encode(p.first, forKey: .from)
            try pc.encode(p.last, forKey: .to)
        }
        var sc = c.nestedContainer(keyedBy: ScopeKeys.self, forKey: .scope)
        try sc.encode(scopeAccounts, forKey: .accounts)
        try c.encode(currency, forKey: .currency)
        try c.encode(metrics, forKey: .metrics)
        if let groups { try c.encode(groups, forKey: .groups) }
    }
}
