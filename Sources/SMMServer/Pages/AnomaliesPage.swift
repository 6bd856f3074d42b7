import Foundation
import SMMCore
import SMMEngine
import SMMReports
import SMMStore

/// Anomalies of a period with their evidence and the confirm/dismiss forms.
package struct AnomaliesView: Sendable {
    struct Figure: Sendable { var name: String; var value: String }
    struct Row: Sendable {
        var id: String
        var kind: String
        var kindLabel: String
        var account: String
        var dates: String
        var estimate: String
        var confidence: String
        var evidence: String
        var figures: [Figure]
        var spark: String
        var status: String
        var statusLabel: String
        var isOpen: Bool
        var verdictNote: String
        var hasNote: Bool
        var postURL: String
        var hasPost: Bool
    }
    var picker: PeriodPickerView
    var periodTitle: String
    var rows: [Row]
    var hasRows: Bool
    var openCount: Int
    var canReview: Bool
    var csrf: String
    var reviewAction: String
    var back: String
}

package struct AnomaliesPage: Sendable {
    package var store: any Store
    package init(store: any Store) { self.store = store }

    package func build(query: [String: String], base: String, path: String, canReview: Bool, csrf: String,
                       localizer l: Localizer) async throws -> AnomaliesView {
        let accounts = try await store.accounts()
        let latest = try await store.dataRange()?.upperBound ?? LocalDate(dayNumber: Int32(Date().timeIntervalSince1970 / 86400))
        var q = query
        if q["kind"] == nil && q["period"] == nil && q["from"] == nil { q["kind"] = "quarter" }
        let (choice, problem) = PeriodChoice.from(query: q, latest: latest)
        let scopeValue = query["scope"] ?? ""
        let picker = PeriodPickerView(action: base + "/anomalies", choice: choice, latest: latest,
                                      scopes: ScopeChoice.options(accounts: accounts, localizer: l),
                                      selectedScope: scopeValue, problem: problem, localizer: l)
        var view = AnomaliesView(picker: picker, periodTitle: l.period(choice.period), rows: [], hasRows: false, openCount: 0,
                                 canReview: canReview, csrf: csrf, reviewAction: base + "/anomalies/review", back: path)
        guard !accounts.isEmpty else { return view }
        let service = try AnomalyService(anyStore: store)
        let listing = try await service.list(period: choice.period, accounts: ScopeChoice.accounts(for: scopeValue, of: accounts))
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let posts = try await postURLs(listing.anomalies.compactMap(\.postID), window: choice.period)
        let currency = try await store.settings()?.currency ?? "RUB"
        view.rows = listing.anomalies.map { a in
            let dates = a.from == a.to ? l.date(a.from) : l.date(a.from) + " – " + l.date(a.to)
            let series = a.byDay.map { Optional(Double($0.count)) }
            return AnomaliesView.Row(
                id: a.id, kind: a.kind.rawValue, kindLabel: l.t("anomalyKind." + a.kind.rawValue),
                account: names[a.accountID] ?? a.accountID, dates: dates, estimate: l.number(Double(a.estimate)),
                confidence: l.percent(a.score * 100, digits: 0), evidence: l.evidence(a, currency: currency),
                figures: a.evidence.numbers.prefix(6).map { AnomaliesView.Figure(name: l.evidenceName($0.name),
                                                                                 value: l.number($0.value, digits: $0.value == $0.value.rounded() ? 0 : 2)) },
                spark: series.count >= 2 ? SVGChart.sparkline(series, label: l.t("anomalies.byDay")) : "",
                status: a.status.rawValue, statusLabel: l.t("anomalies." + a.status.rawValue), isOpen: a.status == .open,
                verdictNote: a.verdict?.note ?? "", hasNote: a.verdict?.note != nil,
                postURL: a.postID.flatMap { posts[$0] } ?? "", hasPost: a.postID.flatMap { posts[$0] } != nil)
        }
        view.hasRows = !view.rows.isEmpty
        view.openCount = listing.anomalies.filter { $0.status == .open }.count
        return view
    }

    func postURLs(_ ids: [String], window: Period) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let wanted = Set(ids)
        let dataset = try await store.dataset(window: window.first...window.last.adding(days: 1))
        var out: [String: String] = [:]
        for p in dataset.posts where wanted.contains(p.id) { if let u = p.url { out[p.id] = u } }
        return out
    }

    /// Records a verdict (`confirmed` or `dismissed`) with an optional note.
    package func review(id: String, verdict: String, note: String?) async throws -> Anomaly {
        guard let status = AnomalyStatus(rawValue: verdict), status != .open else {
            throw AnomalyRequestError.notAVerdict(verdict)
        }
        let now = Instant(nanoseconds: Int64((Date().timeIntervalSince1970 * 1_000_000_000).rounded()))
        return try await AnomalyService(anyStore: store).review(id: id, status: status, note: note, at: now)
    }
}

extension Localizer {
    /// The label of an evidence figure (`joined_ratio` → «вступления к обычным»); an unknown name is
    /// shown as written, underscores as spaces.
    func evidenceName(_ name: String) -> String {
        has("evidence." + name) ? t("evidence." + name) : name.replacingOccurrences(of: "_", with: " ")
    }
}
