import Foundation
import SMMCore

extension Localizer {
    /// The metric's name in this language.
    package func name(_ id: KPIID) -> String { t("kpi." + id.rawValue) }

    /// The name of a catalog area.
    package func name(_ area: KPIArea) -> String { t("area." + area.rawValue) }

    /// A metric's value in its unit: percent, money in the workspace currency, durations, counts.
    package func value(_ v: Double?, of id: KPIID, currency: String) -> String {
        guard let v, v.isFinite else { return t("common.none") }
        switch id.unit {
        case .percent: return percent(v)
        case .money: return money(v, currency: currency)
        case .count: return number(v, digits: abs(v) < 100 && v != v.rounded() ? 1 : 0)
        case .ratio: return number(v, digits: 2)
        case .seconds:
            if v >= 90 {
                let m = Int((v / 60).rounded(.down)), s = Int(v.rounded()) - m * 60
                return "\(m)" + Localizer.nbsp + t("unit.minutes") + " \(s)" + Localizer.nbsp + t("unit.seconds")
            }
            return number(v, digits: 0) + Localizer.nbsp + t("unit.seconds")
        case .minutes: return number(v, digits: v < 10 ? 1 : 0) + Localizer.nbsp + t("unit.minutes")
        case .hours: return number(v, digits: 1) + Localizer.nbsp + t("unit.hours")
        }
    }

    /// A value for a chart axis (compact, with the unit's sign).
    package func axisValue(_ v: Double, of id: KPIID, currency: String) -> String {
        switch id.unit {
        case .percent: return percent(v, digits: abs(v) < 10 && v != v.rounded() ? 1 : 0)
        case .money:
            let c = compact(v)
            let symbol = Localizer.symbol(currency)
            return language == .ru || symbol == currency.uppercased() ? c + Localizer.nbsp + symbol : symbol + c
        default: return compact(v)
        }
    }

    /// A signed percentage change: `+12,3 %`, `−4,0 %`.
    package func change(_ pct: Double) -> String {
        let body = percent(abs(pct))
        if pct > 0.05 { return "+" + body }
        if pct < -0.05 { return Localizer.minus + body }
        return body
    }
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
