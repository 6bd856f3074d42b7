import Foundation
import Logging
import SMMCore

/// amoCRM API v4 (connectors.md §11): the leads updated in the window → leads.csv (source and
/// campaign from the UTM tracking fields), and those closed as won (142) or lost (143) →
/// deals.csv. Mapping: docs/connectors/amocrm.md.
package struct AmoCRMConnector: Connector {
    package let source = SourceKind.amocrm
    let client: APIClient
    let baseURL: String
    let token: String
    /// A custom field (by name) read as the source when a lead has no UTM source, e.g. "Канал".
    let sourceField: String?
    let pageSize: Int

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        let explicit = config.settings["base_url"]?.trimmingCharacters(in: .whitespaces) ?? ""
        baseURL = explicit.isEmpty ? "https://\(try config.require("subdomain")).amocrm.ru" : explicit
        token = try config.require("token")
        sourceField = config.optional("source_field")
        pageSize = min(max(try config.integer("page_size", default: 250), 1), 250)
    }

    /// Success is hal+json; an empty list is 204 with no body; errors are problem+json (§11).
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        if r.status == 204 { return .success(LooseJSON(nil)) }
        let json = r.json
        if r.status == 200 {
            guard let json, json.isObject else {
                return .fatal(.malformed(source: .amocrm, method: method, detail: "the body is not a JSON object"))
            }
            return .success(json)
        }
        let message = "amoCRM HTTP \(r.status): \(json?["title"].string ?? "")\(json?["detail"].string.map { " – \($0)" } ?? "")"
        switch r.status {
        case 429, 500...599: return .retry(after: r.retryAfter, reason: message)
        case 401: return .fatal(.tokenExpired(source: .amocrm, detail: message))
        case 402: return .fatal(.noAccess(source: .amocrm, detail: message + " (the account's subscription has expired)"))
        case 403: return .fatal(.noAccess(source: .amocrm, detail: message))
        default: return .fatal(.rejected(source: .amocrm, method: method, detail: message))
        }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        let clock = ZoneClock(timeZone: request.timeZone)
        var rows = BundleRows()
        rows.declare(.leads, ["campaign", "content"])
        rows.declare(.deals, ["lead_id", "status"])
        let range = request.instantRange
        var page = 1
        while true {
            let url = APIRequest.url(baseURL, "api/v4/leads", query: [
                ("limit", "\(pageSize)"), ("page", "\(page)"), ("order[id]", "asc"),
                ("filter[updated_at][from]", "\(range.lowerBound.seconds)"),
                ("filter[updated_at][to]", "\(range.upperBound.seconds - 1)"),
            ])
            let r = APIRequest(.GET, url: url, headers: [("Authorization", "Bearer \(token)")], label: "api/v4/leads")
            guard let answer = try await client.call(r, logger: logger, classify: { Self.classify($0, method: "api/v4/leads") }),
                  answer.exists else { break }
            for lead in answer["_embedded"]["leads"].items { try add(lead, to: &rows, clock: clock) }
            guard answer["_links"]["next"]["href"].string != nil else { break }
            page += 1
        }
        return FetchResult(rows: rows, cursor: SyncCursor(syncedThrough: request.window.upperBound))
    }

    func add(_ lead: LooseJSON, to rows: inout BundleRows, clock: ZoneClock) throws {
        guard let id = lead["id"].int, let created = lead["created_at"].int else {
            throw ConnectorError.malformed(source: .amocrm, method: "api/v4/leads", detail: "a lead without id or created_at")
        }
        if lead["is_deleted"].bool == true { return }
        // custom_fields_values is null, not [], when nothing is filled.
        var tracking: [String: String] = [:], named: [String: String] = [:]
        for f in lead["custom_fields_values"].items {
            guard let value = f["values"][0]["value"].string, !value.isEmpty else { continue }
            if let code = f["field_code"].string { tracking[code] = value }
            if let name = f["field_name"].string { named[name] = value }
        }
        let utmSource = tracking["UTM_SOURCE"] ?? named["utm_source"]
        let at = Instant(seconds: created)
        rows.leads.append(Lead(id: "amo_\(id)", createdAt: at, localDate: clock.localDate(of: at),
                               source: SourceWords.source(utm: utmSource, fallback: sourceField.flatMap { named[$0] }),
                               campaign: tracking["UTM_CAMPAIGN"] ?? named["utm_campaign"],
                               content: tracking["UTM_CONTENT"] ?? named["utm_content"]))
        // 142 (won) and 143 (lost) are the fixed closing statuses of every pipeline.
        let status = lead["status_id"].int
        guard status == 142 || status == 143, let closed = lead["closed_at"].int else { return }
        let closedAt = Instant(seconds: closed)
        rows.deals.append(Deal(id: "amo_\(id)", closedAt: closedAt, localDate: clock.localDate(of: closedAt),
                               amount: lead["price"].decimal ?? 0, leadID: "amo_\(id)", status: status == 142 ? .won : .lost))
    }
}
