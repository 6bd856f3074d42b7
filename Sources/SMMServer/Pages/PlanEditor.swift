import Foundation
import SMMCore
import SMMEngine
import SMMStore

/// The plan editor: a form of targets, weights and bonus, read into a ``Plan`` with errors
/// that name the field; the SMART checks shown after a check or a save.
package struct PlanEditorView: Sendable {
    typealias Option = SelectOption
    struct Row: Sendable {
        var index: Int
        var metrics: [Option]
        var kinds: [Option]
        var value: String
        var value2: String
        var by: String
        var weight: String
    }
    var title: String
    var action: String
    var checkAction: String
    var csrf: String
    var name: String
    var assignee: String
    var period: String
    var accounts: String
    var rows: [Row]
    var bonusBase: String
    var bonusMinScore: String
    var bonusSalesPercent: String
    var errors: [String]
    var hasErrors: Bool
    var checks: [PlanView.KPICheckRow]
    var notes: [String]
    var hasChecks: Bool
    var smartOK: Bool
    var cancelHref: String
}

/// A form's fields, as submitted (`kpi.0.metric`, `kpi.0.kind`, `kpi.0.value`, ...).
package struct PlanForm: Sendable, Equatable {
    package struct KPIRow: Sendable, Equatable {
        package var metric = ""
        package var kind = "at_least"
        package var value = ""
        package var value2 = ""
        package var by = ""
        package var weight = ""
        var isBlank: Bool { metric.isEmpty && value.isEmpty && weight.isEmpty }
    }
    package var name = ""
    package var assignee = ""
    package var period = ""
    package var accounts = ""
    package var kpis: [KPIRow] = []
    package var bonusBase = ""
    package var bonusMinScore = ""
    package var bonusSalesPercent = ""

    package init() {}

    /// Reads the submitted fields.
    package init(fields f: [String: String]) {
        name = f["name"] ?? ""; assignee = f["assignee"] ?? ""; period = f["period"] ?? ""
        accounts = f["accounts"] ?? ""
        bonusBase = f["bonus_base"] ?? ""; bonusMinScore = f["bonus_min_score"] ?? ""
        bonusSalesPercent = f["bonus_sales_percent"] ?? ""
        for i in 0..<PlanForm.maxRows {
            let p = "kpi.\(i)."
            var r = KPIRow()
            r.metric = f[p + "metric"] ?? ""; r.kind = f[p + "kind"] ?? "at_least"; r.value = f[p + "value"] ?? ""
            r.value2 = f[p + "value2"] ?? ""; r.by = f[p + "by"] ?? ""; r.weight = f[p + "weight"] ?? ""
            if !r.isBlank { kpis.append(r) }
        }
    }

    package static let maxRows = 12

    /// The form of a stored plan.
    package init(plan: Plan) {
        name = plan.name ?? ""; assignee = plan.assignee ?? ""; period = plan.period.label
        accounts = plan.accounts?.joined(separator: ", ") ?? ""
        if let b = plan.bonus {
            bonusBase = PlanWriter.number(b.base); bonusMinScore = PlanWriter.number(b.minScore)
            bonusSalesPercent = PlanWriter.number(b.salesPercent)
        }
        kpis = plan.kpis.map { k in
            var r = KPIRow(metric: k.metric.rawValue, kind: k.target.kindName, weight: PlanWriter.number(k.weight))
            switch k.target {
            case .atLeast(let x), .atMost(let x), .growthPct(let x): r.value = PlanWriter.number(x)
            case .reach(let x, let by): r.value = PlanWriter.number(x); r.by = by.description
            case .between(let lo, let hi): r.value = PlanWriter.number(lo); r.value2 = PlanWriter.number(hi)
            }
            return r
        }
    }

    /// Reads `4,5`, `4.5`, `1 000`; nil for anything else.
    static func number(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// The plan the form describes, on top of `base` (the stored plan's other settings), or the
    /// list of what is wrong, each naming its field.
    package func plan(base: Plan?, localizer l: Localizer) -> Result<Plan, PlanFormErrors> {
        var errors: [String] = []
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(l.t("planForm.nameRequired")) }
        var period: Period?
        do { period = try Period(parsing: self.period) } catch {
            errors.append(l.t("planForm.period") + " “\(self.period)”: " + l.t("planForm.periodHint"))
        }
        var kpis: [PlanKPI] = []
        if self.kpis.isEmpty { errors.append(l.t("planForm.noKPIs")) }
        for (i, r) in self.kpis.enumerated() {
            let where_ = l.t("planForm.row") + " \(i + 1)"
            guard let metric = KPIID(parsing: r.metric) else {
                errors.append(where_ + ": " + l.t("planForm.metric")); continue
            }
            guard let weight = PlanForm.number(r.weight), weight >= 0 else {
                errors.append(where_ + " (" + l.name(metric) + "): " + l.t("planForm.weight")); continue
            }
            guard let x = PlanForm.number(r.value) else {
                errors.append(where_ + " (" + l.name(metric) + "): " + l.t("planForm.value")); continue
            }
            let target: Target
            switch r.kind {
            case "at_most": target = .atMost(x)
            case "growth_pct": target = .growthPct(x)
            case "between":
                guard let y = PlanForm.number(r.value2), y >= x else {
                    errors.append(where_ + " (" + l.name(metric) + "): " + l.t("planForm.between")); continue
                }
                target = .between(x, y)
            case "reach":
                guard let by = LocalDate(iso: r.by.trimmingCharacters(in: .whitespaces)) else {
                    errors.append(where_ + " (" + l.name(metric) + "): " + l.t("planForm.by")); continue
                }
                target = .reach(x, by: by)
            default: target = .atLeast(x)
            }
            kpis.append(PlanKPI(metric: metric, target: target, weight: weight,
                                reason: base?.kpis.first { $0.metric == metric }?.reason))
        }
        var bonus: BonusRule?
        let bonusFields = [bonusBase, bonusMinScore, bonusSalesPercent].map { $0.trimmingCharacters(in: .whitespaces) }
        if bonusFields.contains(where: { !$0.isEmpty }) {
            let base = bonusFields[0].isEmpty ? 0 : PlanForm.number(bonusFields[0])
            let minScore = bonusFields[1].isEmpty ? 0 : PlanForm.number(bonusFields[1])
            let sales = bonusFields[2].isEmpty ? 0 : PlanForm.number(bonusFields[2])
            if let base, let minScore, let sales, base >= 0, minScore >= 0, sales >= 0 {
                bonus = BonusRule(base: base, minScore: minScore, salesPercent: sales)
            } else {
                errors.append(l.t("planForm.bonus"))
            }
        }
        guard errors.isEmpty, let period else { return .failure(PlanFormErrors(messages: errors)) }
        let accounts = self.accounts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var plan = base ?? Plan(period: period, kpis: kpis)
        plan.name = name
        plan.assignee = assignee.trimmingCharacters(in: .whitespaces).isEmpty ? nil : assignee.trimmingCharacters(in: .whitespaces)
        plan.period = period
        plan.accounts = accounts.isEmpty ? nil : accounts
        plan.kpis = kpis
        plan.bonus = bonus
        return .success(plan)
    }
}

/// What is wrong with a submitted plan form, one sentence per problem.
package struct PlanFormErrors: Error, Sendable, Equatable {
    package var messages: [String]
}

extension PlansPage {
    /// The editor's view: the form as given (or the stored plan's), errors and SMART checks.
    package func editor(form: PlanForm, storedID: Int64?, base: String, csrf: String, errors: [String],
                        check: PlanCheck?, localizer l: Localizer) -> PlanEditorView {
        var rows = form.kpis
        while rows.count < max(form.kpis.count + 2, 5) && rows.count < PlanForm.maxRows { rows.append(PlanForm.KPIRow(kind: "at_least")) }
        let metricOptions = KPIID.allCases.map { ($0.rawValue, l.name($0)) }.sorted { $0.1 < $1.1 }
        let kinds = ["at_least", "at_most", "growth_pct", "between", "reach"]
        let viewRows = rows.enumerated().map { i, r in
            PlanEditorView.Row(
                index: i,
                metrics: [PlanEditorView.Option(value: "", label: "—", selected: r.metric.isEmpty)]
                    + metricOptions.map { PlanEditorView.Option(value: $0.0, label: $0.1, selected: $0.0 == r.metric) },
                kinds: kinds.map { PlanEditorView.Option(value: $0, label: l.t("target." + $0), selected: $0 == r.kind) },
                value: r.value, value2: r.value2, by: r.by, weight: r.weight)
        }
        let action = storedID.map { "\(base)/plans/\($0)/edit" } ?? "\(base)/plans/new"
        let checks = check?.kpis.map { c in
            PlanView.KPICheckRow(name: l.name(c.kpi.metric), achievability: l.t("achievability." + c.achievability.rawValue),
                                 findings: c.findings.map { PlanView.Finding(ok: $0.ok, criterion: l.t("smart." + $0.criterion.rawValue), text: l.finding($0)) })
        } ?? []
        return PlanEditorView(
            title: storedID == nil ? l.t("plans.new") : l.t("plans.edit") + ": " + form.name,
            action: action, checkAction: base + "/plans/check", csrf: csrf, name: form.name, assignee: form.assignee,
            period: form.period, accounts: form.accounts, rows: viewRows, bonusBase: form.bonusBase,
            bonusMinScore: form.bonusMinScore, bonusSalesPercent: form.bonusSalesPercent, errors: errors,
            hasErrors: !errors.isEmpty, checks: checks, notes: check?.planNotes.map { l.note($0) } ?? [], hasChecks: check != nil,
            smartOK: (check?.warningCount ?? 1) == 0,
            cancelHref: storedID.map { "\(base)/plans/\($0)" } ?? "\(base)/plans")
    }

    /// Reads a submitted form; `save` stores the plan when it reads and validates. Returns the
    /// stored id when saved, else the editor to show again.
    package func submit(fields: [String: String], storedID: Int64?, save: Bool, base: String, csrf: String,
                        localizer l: Localizer) async throws -> (savedID: Int64?, view: PlanEditorView) {
        let form = PlanForm(fields: fields)
        let existing = try await storedID.asyncMap { try await PlanService(store: store).stored(String($0))?.plan } ?? nil
        switch form.plan(base: existing, localizer: l) {
        case .failure(let e):
            return (nil, editor(form: form, storedID: storedID, base: base, csrf: csrf, errors: e.messages, check: nil, localizer: l))
        case .success(let plan):
            let advisor = PlanAdvisor(store: store, anomalies: anomalySource(for: store))
            let check = try await advisor.check(plan)
            if save {
                do {
                    if let storedID, let old = try await PlanService(store: store).stored(String(storedID)),
                       old.name != plan.name {
                        // A rename: the stored plan is saved under its new name and the old one removed.
                        let saved = try await PlanService(store: store).save(plan)
                        _ = try await PlanService(store: store).delete(String(old.id))
                        return (saved.stored.id, editor(form: form, storedID: saved.stored.id, base: base, csrf: csrf, errors: [], check: check, localizer: l))
                    }
                    let saved = try await PlanService(store: store).save(plan)
                    return (saved.stored.id, editor(form: form, storedID: saved.stored.id, base: base, csrf: csrf, errors: [], check: check, localizer: l))
                } catch let error as PlanError {
                    return (nil, editor(form: form, storedID: storedID, base: base, csrf: csrf,
                                        errors: [error.errorDescription ?? String(describing: error)], check: check, localizer: l))
                }
            }
            return (nil, editor(form: form, storedID: storedID, base: base, csrf: csrf, errors: [], check: check, localizer: l))
        }
    }
}

extension Optional {
    func asyncMap<T>(_ body: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await body(self)
    }
}
