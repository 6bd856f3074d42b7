import Foundation
import Logging
import SMMCore

/// Bitrix24 REST through an incoming webhook (connectors.md §12): `crm.lead.list` → leads.csv,
/// closed deals of `crm.deal.list` → deals.csv, both by modification date in the window.
/// Mapping: docs/connectors/bitrix24.md.
package struct Bitrix24Connector: Connector {
    package let source = SourceKind.bitrix24
    let client: APIClient
    /// `https://portal.bitrix24.ru/rest/<user>/<code>`: the secret is in the path.
    let webhook: String

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        var w = try config.require("webhook")
        while w.hasSuffix("/") { w.removeLast() }
        guard w.hasPrefix("https://") || w.hasPrefix("http://127.0.0.1") || w.hasPrefix("http://localhost") else {
            throw ConnectorError.badParameter(source: .bitrix24, name: "webhook",
                                              detail: "must be the https:// address of an incoming webhook (Bitrix24 refuses plain http)")
        }
        webhook = w
    }

    /// Errors: `{"error": "CODE", "error_description": "…"}`, also inside HTTP 200 (§12 table).
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        let json = r.json
        let code = json?["error"].string
        if r.status == 200, code == nil {
            guard let json, json["result"].array != nil else {
                return .fatal(.malformed(source: .bitrix24, method: method, detail: "no \"result\" list"))
            }
            return .success(json)
        }
        let message = "Bitrix24 HTTP \(r.status) \(code ?? "")\(json?["error_description"].string.map { ": \($0)" } ?? "")"
        switch (r.status, code ?? "") {
        case (503, _), (429, _), (500...599, _): return .retry(after: r.retryAfter, reason: message)
        case (_, "expired_token"), (_, "NO_AUTH_FOUND"), (_, "INVALID_CREDENTIALS"), (_, "invalid_token"):
            return .fatal(.tokenExpired(source: .bitrix24, detail: message))
        case (401, _), (403, _), (_, "insufficient_scope"), (_, "user_access_error"), (_, "ACCESS_DENIED"):
            return .fatal(.noAccess(source: .bitrix24, detail: message))
        default: return .fatal(.rejected(source: .bitrix24, method: method, detail: message))
        }
    }

    /// An instant as Bitrix24 writes dates: ISO 8601 with the workspace's offset.
    static func iso(_ instant: Instant, _ clock: ZoneClock) -> String {
        let offset = Int64(clock.offset(atEpochSecond: instant.seconds))
        let local = Instant(seconds: instant.seconds + offset).iso8601.dropLast()  // …T00:00:00
        let sign = offset < 0 ? "-" : "+"
        return local + String(format: "%@%02d:%02d", sign, abs(offset) / 3600, (abs(offset) / 60) % 60)
    }

    /// Pages a list method (`start = next` until `next` is absent; 50 a page).
    func list(_ method: String, select: [String], range: Range<Instant>, clock: ZoneClock, logger: Logger) async throws -> [LooseJSON] {
        var out: [LooseJSON] = []
        var start: Int64 = 0
        while true {
            let body: [String: Any] = [
                "select": select, "order": ["ID": "ASC"], "start": start,
                "filter": [">=DATE_MODIFY": Self.iso(range.lowerBound, clock), "<DATE_MODIFY": Self.iso(range.upperBound, clock)],
            ]
            let request = APIRequest(.POST, url: webhook + "/\(method).json", headers: [("Content-Type", "application/json")],
                                     body: try JSONSerialization.data(withJSONObject: body), label: method)
            guard let page = try await client.call(request, logger: logger, classify: { Self.classify($0, method: method) })
            else { break }
            out += page["result"].items
            guard let next = page["next"].int, next > start else { break }
            start = next
        }
        return out
    }

    func instant(_ text: String?, _ clock: ZoneClock, method: String) throws -> Instant? {
        guard let text, !text.isEmpty else { return nil }
        guard let written = ValueParser.run(text, ValueParser.dateTime) else {
            throw ConnectorError.malformed(source: .bitrix24, method: method, detail: "“\(text)” is not an ISO 8601 date")
        }
        return written.resolve(in: clock)
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let clock = ZoneClock(timeZone: request.timeZone)
        var rows = BundleRows()
        rows.declare(.leads, ["campaign", "content"])
        rows.declare(.deals, ["lead_id", "status"])
        let range = request.instantRange
        let leads = try await list("crm.lead.list", select: ["ID", "DATE_CREATE", "SOURCE_ID", "STATUS_SEMANTIC_ID",
                                                             "UTM_SOURCE", "UTM_CAMPAIGN", "UTM_CONTENT"],
                                   range: range, clock: clock, logger: logger)
        for l in leads {
            guard let id = l["ID"].string, let created = try instant(l["DATE_CREATE"].string, clock, method: "crm.lead.list") else {
                throw ConnectorError.malformed(source: .bitrix24, method: "crm.lead.list", detail: "a lead without ID or DATE_CREATE")
            }
            rows.leads.append(Lead(id: "b24_lead_\(id)", createdAt: created, localDate: clock.localDate(of: created),
                                   source: SourceWords.source(utm: l["UTM_SOURCE"].string, fallback: l["SOURCE_ID"].string),
                                   campaign: l["UTM_CAMPAIGN"].string.flatMap { $0.isEmpty ? nil : $0 },
                                   content: l["UTM_CONTENT"].string.flatMap { $0.isEmpty ? nil : $0 }))
        }
        let deals = try await list("crm.deal.list", select: ["ID", "CLOSED", "CLOSEDATE", "OPPORTUNITY", "CURRENCY_ID",
                                                             "LEAD_ID", "STAGE_SEMANTIC_ID"],
                                   range: range, clock: clock, logger: logger)
        for d in deals {
            let semantic = d["STAGE_SEMANTIC_ID"].string
            guard d["CLOSED"].bool == true, semantic == "S" || semantic == "F" else { continue }
            guard let id = d["ID"].string, let closed = try instant(d["CLOSEDATE"].string, clock, method: "crm.deal.list") else {
                throw ConnectorError.malformed(source: .bitrix24, method: "crm.deal.list", detail: "a closed deal without ID or CLOSEDATE")
            }
            let lead = d["LEAD_ID"].string.flatMap { $0.isEmpty || $0 == "0" ? nil : "b24_lead_\($0)" }
            rows.deals.append(Deal(id: "b24_deal_\(id)", closedAt: closed, localDate: clock.localDate(of: closed),
                                   amount: d["OPPORTUNITY"].decimal ?? 0, leadID: lead, status: semantic == "S" ? .won : .lost))
        }
        return FetchResult(rows: rows, cursor: SyncCursor(syncedThrough: request.window.upperBound))
    }
}
