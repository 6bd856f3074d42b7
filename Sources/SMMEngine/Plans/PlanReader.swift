import Foundation
import SMMCore
import Yams

/// Reads plan YAML (plans-and-scoring.md "Reading a plan") into a ``Plan``, or throws a
/// ``PlanError`` naming the line, the field and the allowed values. Every scalar is read as
/// the text it is written as, so `period: 2025`, `"2025"` and `by: 2025-12-31` need no quotes.
///
/// Account ids are only trimmed here; whether they exist is the database's business
/// (``PlanService/validate(_:)``).
package struct PlanReader {
    /// Shown in errors: the file name, or "plan".
    let source: String

    package static let planKeys = ["name", "assignee", "period", "accounts", "task", "sla_hours", "at_risk_below",
                                   "cap", "missing_data", "persona", "bonus", "kpis"]
    package static let kpiKeys = ["metric", "target", "weight", "reason"]
    package static let targetKeys = Target.kindNames + ["by"]
    package static let bonusKeys = ["base", "min_score", "sales_percent"]

    /// Parses plan YAML text; `source` names it in errors.
    package static func parse(_ text: String, source: String = "plan") throws(PlanError) -> Plan {
        try PlanReader(source: source).plan(text)
    }

    /// Reads and parses a plan file.
    package static func read(path: String) throws(PlanError) -> Plan {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path)
                              ? "it is not a UTF-8 text file" : "there is no such file")
        }
        return try parse(text, source: path)
    }

    // MARK: - The document

    func plan(_ text: String) throws(PlanError) -> Plan {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, text: text)
        } catch {
            throw duplicateKeyError("\(error)", text: text) ?? fail(nil, nil, "this is not valid YAML (\(error))")
        }
        guard let root else { throw fail(nil, nil, "the plan is empty; it needs at least `period` and `kpis`") }
        let map = try mapping(root, "the plan", example: "period: 2025-10\nkpis:\n  - metric: er_reach\n    target: {at_least: 4.5}")
        let fields = try entries(map, field: nil, allowed: PlanReader.planKeys)

        guard let periodNode = fields["period"], let periodText = try optionalText(periodNode, "period") else {
            throw fail(map.mark, "period", "a plan needs a `period` (a week 2025-W05, a month 2024-11, a quarter 2024-Q4, a year 2024 or a range 2024-11-03..2024-11-17)")
        }
        let period: Period
        do {
            period = try Period(parsing: periodText)
        } catch {
            throw fail(periodNode.mark, "period", error.localizedDescription)
        }

        var plan = Plan(period: period, kpis: [])
        plan.name = try trimmedText(fields["name"], "name")
        plan.assignee = try trimmedText(fields["assignee"], "assignee")
        if let node = fields["accounts"] { plan.accounts = try accounts(node) }
        if let node = fields["task"], let text = try optionalText(node, "task") {
            let id = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard let task = BusinessTask(rawValue: id) else {
                throw fail(node.mark, "task", "“\(text)” is not a business task; use one of \(BusinessTask.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            plan.task = task
        }
        if let node = fields["sla_hours"], let text = try optionalText(node, "sla_hours") {
            guard let v = Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")),
                  Double(text.trimmingCharacters(in: .whitespaces)) != nil, v > 0 else {
                throw fail(node.mark, "sla_hours", "“\(text)” is not a positive number of hours (e.g. 24 or 1.5)")
            }
            plan.slaHours = v
        }
        if let node = fields["at_risk_below"], try optionalText(node, "at_risk_below") != nil {
            let v = try number(node, "at_risk_below")
            guard v >= 0, v <= 100 else {
                throw fail(node.mark, "at_risk_below", "\(Target.number(v)) is not a % between 0 and 100 (default 80)")
            }
            plan.atRiskBelow = v
        }
        if let node = fields["cap"], try optionalText(node, "cap") != nil {
            let v = try number(node, "cap")
            guard v >= 100 else {
                throw fail(node.mark, "cap", "\(Target.number(v)) is below 100: no KPI could ever be met; use 100 (no over-achievement) or more (default 120)")
            }
            plan.cap = v
        }
        if let node = fields["missing_data"], let text = try optionalText(node, "missing_data") {
            guard let m = MissingData(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw fail(node.mark, "missing_data", "“\(text)” is not allowed; use exclude (default) or zero")
            }
            plan.missingData = m
        }
        if let node = fields["persona"], !isNull(node) { plan.persona = try persona(node) }
        if let node = fields["bonus"], !isNull(node) { plan.bonus = try bonus(node) }

        guard let kpisNode = fields["kpis"], !isNull(kpisNode) else {
            throw fail(map.mark, "kpis", "a plan needs `kpis`, a list of at least one KPI (- metric: er_reach, target: {at_least: 4.5}, weight: 20)")
        }
        guard let list = kpisNode.sequence else {
            throw fail(kpisNode.mark, "kpis", "must be a list of KPIs, each starting with `- metric: ...`")
        }
        guard !list.isEmpty else {
            throw fail(kpisNode.mark, "kpis", "the list is empty; a plan needs at least one KPI")
        }
        for (i, node) in list.enumerated() { plan.kpis.append(try kpi(node, number: i + 1)) }
        return plan
    }

    // MARK: - Sections

    func accounts(_ node: Node) throws(PlanError) -> [String]? {
        if isNull(node) { return nil }
        var ids: [String] = []
        if let seq = node.sequence {
            for item in seq {
                guard let s = item.scalar?.string else {
                    throw fail(item.mark ?? node.mark, "accounts", "each account must be an account id, like vk_main")
                }
                ids.append(s)
            }
        } else if let s = node.scalar?.string {
            ids = s.split(separator: ",").map(String.init)
        } else {
            throw fail(node.mark, "accounts", "must be a list of account ids, like [vk_main, tg_channel]")
        }
        ids = ids.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            throw fail(node.mark, "accounts", "the list is empty; leave `accounts` out to cover every account")
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    func persona(_ node: Node) throws(PlanError) -> Persona {
        let map = try mapping(node, "persona", example: "persona:\n  gender: {female: 0.7, male: 0.3}")
        var targets: [AudienceDimension: [String: Decimal]] = [:]
        let allowed = AudienceDimension.allCases.map(\.rawValue)
        for (k, v) in map {
            let name = k.scalar?.string ?? ""
            let field = "persona.\(name)"
            guard let dimension = AudienceDimension(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw fail(k.mark, "persona", "“\(name)” is not an audience dimension; use \(allowed.joined(separator: ", "))")
            }
            guard targets[dimension] == nil else { throw fail(k.mark, field, "appears twice") }
            let buckets = try mapping(v, field, example: "\(name): {\"25-34\": 0.5, \"35-44\": 0.5}")
            var shares: [String: Decimal] = [:]
            for (b, s) in buckets {
                let bucket = (b.scalar?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard let text = s.scalar?.string,
                      let share = Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")),
                      Double(text.trimmingCharacters(in: .whitespaces)) != nil, share >= 0 else {
                    throw fail(s.mark ?? b.mark, "\(field).\(bucket)", "must be a share, a number ≥ 0 like 0.5")
                }
                shares[bucket, default: 0] += share
            }
            targets[dimension] = shares
        }
        return Persona(targets)
    }

    func bonus(_ node: Node) throws(PlanError) -> BonusRule {
        let map = try mapping(node, "bonus", example: "bonus:\n  base: 30000\n  min_score: 70\n  sales_percent: 2")
        let fields = try entries(map, field: "bonus", allowed: PlanReader.bonusKeys)
        var rule = BonusRule()
        for key in PlanReader.bonusKeys {
            guard let v = fields[key], try optionalText(v, "bonus.\(key)") != nil else { continue }
            let n = try number(v, "bonus.\(key)")
            guard n >= 0 else { throw fail(v.mark, "bonus.\(key)", "\(Target.number(n)) is negative; it must be 0 or more") }
            switch key {
            case "base": rule.base = n
            case "min_score": rule.minScore = n
            default: rule.salesPercent = n
            }
        }
        return rule
    }

    func kpi(_ node: Node, number i: Int) throws(PlanError) -> PlanKPI {
        var field = "kpis #\(i)"
        let map = try mapping(node, field, example: "- metric: er_reach\n  target: {at_least: 4.5}\n  weight: 20")
        // Name the KPI by its metric in every later error, when the metric reads.
        let written = map.first { $0.key.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased() == "metric" }
        if let id = written?.value.scalar.flatMap({ KPIID(parsing: $0.string) }) { field += " (\(id.rawValue))" }
        let fields = try entries(map, field: field, allowed: PlanReader.kpiKeys)
        guard let metricNode = fields["metric"], let text = try optionalText(metricNode, "\(field).metric") else {
            throw fail(map.mark, "\(field).metric", "every KPI needs a `metric` (a catalog id, e.g. er_reach; `smmkpi kpi --list-metrics` lists them)")
        }
        guard let metric = KPIID(parsing: text) else {
            throw fail(metricNode.mark, "\(field).metric", "“\(text)” is not a metric id of the KPI catalog; `smmkpi kpi --list-metrics` lists them (e.g. er_reach, cpl, followers_end)")
        }
        guard let targetNode = fields["target"], !isNull(targetNode) else {
            throw fail(map.mark, "\(field).target", "every KPI needs a `target`: one of \(Target.kindNames.joined(separator: ", ")), e.g. {at_least: 4.5}")
        }
        let target = try self.target(targetNode, field: "\(field).target")
        var weight = 1.0
        if let w = fields["weight"], try optionalText(w, "\(field).weight") != nil {
            weight = try number(w, "\(field).weight")
            guard weight >= 0 else {
                throw fail(w.mark, "\(field).weight", "\(Target.number(weight)) is negative; a weight is 0 (shown, not counted) or more")
            }
        }
        let reason = try trimmedText(fields["reason"], "\(field).reason")
        return PlanKPI(metric: metric, target: target, weight: weight, reason: reason)
    }

    func target(_ node: Node, field: String) throws(PlanError) -> Target {
        let kinds = Target.kindNames.joined(separator: ", ")
        guard let map = node.mapping else {
            throw fail(node.mark, field, "must name its kind, like {at_least: 4.5}; the kinds are \(kinds) (reach also needs `by`)")
        }
        let fields = try entries(map, field: field, allowed: PlanReader.targetKeys, what: "target kind")
        let present = Target.kindNames.filter { fields[$0] != nil }
        guard let kind = present.first else {
            throw fail(map.mark, field, "names no target kind; use one of \(kinds)")
        }
        guard present.count == 1 else {
            throw fail(map.mark, field, "has \(present.joined(separator: " and ")); a KPI has exactly one target kind (add the metric twice for two targets)")
        }
        let valueNode = fields[kind]!
        if fields["by"] != nil, kind != "reach" {
            throw fail(fields["by"]!.mark, "\(field).by", "`by` belongs only to a reach target ({reach: 35000, by: 2025-12-31})")
        }
        switch kind {
        case "at_least": return .atLeast(try number(valueNode, "\(field).at_least"))
        case "at_most": return .atMost(try number(valueNode, "\(field).at_most"))
        case "growth_pct": return .growthPct(try number(valueNode, "\(field).growth_pct"))
        case "reach":
            let x = try number(valueNode, "\(field).reach")
            guard let byNode = fields["by"], let text = try optionalText(byNode, "\(field).by") else {
                throw fail(map.mark, "\(field).by", "a reach target needs `by`, the date to reach it on, e.g. {reach: \(Target.number(x)), by: 2025-12-31}")
            }
            guard let by = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw fail(byNode.mark, "\(field).by", "“\(text)” is not a date; write it as YYYY-MM-DD, e.g. 2025-12-31")
            }
            return .reach(x, by: by)
        default:
            guard let seq = valueNode.sequence, seq.count == 2 else {
                throw fail(valueNode.mark, "\(field).between", "must be two numbers [low, high], e.g. {between: [25, 35]}")
            }
            let l = try number(seq[0], "\(field).between"), h = try number(seq[1], "\(field).between")
            guard l <= h else {
                throw fail(valueNode.mark, "\(field).between", "the low end \(Target.number(l)) is above the high end \(Target.number(h)); write [low, high]")
            }
            return .between(l, h)
        }
    }

    // MARK: - Helpers

    func fail(_ mark: Mark?, _ field: String?, _ problem: String) -> PlanError {
        .invalid(source: source, line: mark?.line, field: field, problem: problem)
    }

    func yamlError(_ error: YamlError, text: String) -> PlanError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .invalid(source: source, line: mark.line, field: nil, problem: "this is not valid YAML (\(problem))")
        default:
            return duplicateKeyError("\(error)", text: text)
                ?? .invalid(source: source, line: nil, field: nil, problem: "this is not valid YAML (\(error))")
        }
    }

    /// Yams refuses repeated keys without a position: find the repeated key's second line.
    func duplicateKeyError(_ message: String, text: String) -> PlanError? {
        guard message.contains("duplicated key"), let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        let key = String(rest[..<close])
        var seen = 0
        var line: Int?
        for (n, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = l.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == " " }
            if t.hasPrefix(key + ":") || t.hasPrefix("\"\(key)\":") {
                seen += 1
                if seen == 2 { line = n + 1; break }
            }
        }
        return .invalid(source: source, line: line, field: key,
                        problem: "appears twice; give each key once (a second value would silently replace the first)")
    }

    func mapping(_ node: Node, _ field: String, example: String) throws(PlanError) -> Node.Mapping {
        guard let map = node.mapping else {
            throw fail(node.mark, field, "must be a mapping of keys to values, like\n\(example)")
        }
        return map
    }

    /// The mapping's entries by (trimmed, lower-case) key; an unknown or repeated key is an error.
    func entries(_ map: Node.Mapping, field: String?, allowed: [String], what: String = "key") throws(PlanError) -> [String: Node] {
        var out: [String: Node] = [:]
        for (k, v) in map {
            guard let raw = k.scalar?.string else {
                throw fail(k.mark, field, "a key must be a plain word; the allowed \(what)s are \(allowed.joined(separator: ", "))")
            }
            let key = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let place = field.map { "\($0).\(raw)" } ?? raw
            guard allowed.contains(key) else {
                throw fail(k.mark, place, "“\(raw)” is not a known \(what); the allowed \(what)s are \(allowed.joined(separator: ", "))")
            }
            guard out[key] == nil else { throw fail(k.mark, place, "appears twice; give each \(what) once") }
            out[key] = v
        }
        return out
    }

    /// A null (`~`, `null`, or nothing) written as a plain scalar.
    func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The text of a scalar as written; nil for a null; an error for a list or mapping.
    func optionalText(_ node: Node, _ field: String) throws(PlanError) -> String? {
        if isNull(node) { return nil }
        guard let s = node.scalar else {
            throw fail(node.mark, field, "must be a single value, not a \(node.sequence != nil ? "list" : "mapping")")
        }
        return s.string
    }

    /// Trimmed text of an optional scalar; nil when absent, null or empty.
    func trimmedText(_ node: Node?, _ field: String) throws(PlanError) -> String? {
        guard let node, let text = try optionalText(node, field) else { return nil }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// A finite number written in decimal notation (`4.5`, `-10`, `1e3`).
    func number(_ node: Node, _ field: String) throws(PlanError) -> Double {
        guard let text = try optionalText(node, field) else { throw fail(node.mark, field, "needs a number") }
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let v = Double(t), v.isFinite, !t.lowercased().hasPrefix("0x") else {
            let hint = t.contains(",") ? " (write decimals with a point: \(t.replacingOccurrences(of: ",", with: ".")))" : ""
            throw fail(node.mark, field, "“\(text)” is not a number\(hint)")
        }
        return v
    }
}
