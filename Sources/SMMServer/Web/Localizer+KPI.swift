import Foundation
import SMMCore
import SMMReports

extension Localizer {
    /// The metric's name in this language.
    package func name(_ id: KPIID) -> String { t("kpi." + id.rawValue) }

    /// The name of a catalog area.
    package func name(_ area: KPIArea) -> String { t("area." + area.rawValue) }

    /// A metric's value in its unit, as the reports write it (``ReportFormat/value(_:_:)``).
    package func value(_ v: Double?, of id: KPIID, currency: String) -> String {
        guard let v, v.isFinite else { return t("common.none") }
        return format(currency: currency).value(v, ValueFormat(id.unit))
    }

    /// A value for a chart axis (compact, with the unit's sign), as the report charts write it.
    package func axisValue(_ v: Double, of id: KPIID, currency: String) -> String {
        format(currency: currency).axis(v, ValueFormat(id.unit))
    }

    /// A signed percentage change: `+12,3 %`, `−4,0 %`.
    package func change(_ pct: Double) -> String { format().change(pct) }
}

/// Whether a change is good news for the metric (its `better` direction).
package enum ChangeTone: String, Sendable {
    case better, worse, same, neutral

    /// The tone of a relative change of a metric; changes under 0.05 % are `same`.
    package static func of(_ id: KPIID, changePct: Double?) -> ChangeTone? {
        guard let c = changePct, c.isFinite else { return nil }
        if abs(c) < 0.05 { return .same }
        switch id.better {
        case .up: return c > 0 ? .better : .worse
        case .down: return c < 0 ? .better : .worse
        case .neither: return .neutral
        }
    }
}
