import SMMCore

/// The names of the catalog's metrics (kpi-catalog.md ids → names a marketing director reads),
/// one table per language, shared by the reports and the web pages so that a metric has the same
/// name on the dashboard and in the report a director forwards.
package enum KPINames {
    /// The metric's name in Russian or English; the id when a name is missing.
    package static func name(_ id: KPIID, russian: Bool) -> String {
        (russian ? ru : en)[id.rawValue] ?? id.rawValue
    }
}
