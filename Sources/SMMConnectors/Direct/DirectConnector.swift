import Foundation
import Logging
import SMMCore

/// Yandex Direct Reports (API v5; connectors.md §10): a CAMPAIGN_PERFORMANCE_REPORT by day,
/// polled while Direct builds it (201/202 with `retryIn`), TSV → ad_spend.csv.
/// Mapping: docs/connectors/direct.md.
package struct DirectConnector: Connector {
    package let source = SourceKind.direct
    let client: APIClient
    let baseURL: String
    let token: String
    let clientLogin: String?
    let network: Network
    let accountID: String?

    package init(config: ConnectionConfig, client: APIClient) throws {
        self.client = client
        baseURL = config.baseURL
        token = try config.require("token")
        clientLogin = config.optional("client_login")
        let n = config.optional("network") ?? "other"
        guard let code = Network(code: n) else {
            throw ConnectorError.badParameter(source: .direct, name: "network", detail: "“\(n)” is not a network code (vk, telegram, ok, other, …)")
        }
        network = code
        accountID = config.optional("account_id")
    }

    /// 200 = the TSV; 201/202 = queued or building, ask again after `retryIn`; errors are JSON (§10).
    static func classify(_ r: APIResponse, method: String) -> CallOutcome<String> {
        switch r.status {
        case 200: return .success(String(decoding: r.body, as: UTF8.self))
        case 201, 202:
            let wait = r.header("retryIn").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { Duration.seconds($0) }
            return .retry(after: wait ?? .seconds(5), reason: "the report is being built (HTTP \(r.status))")
        default: break
        }
        let e = r.json?["error"]
        let code = e?["error_code"].int ?? 0
        let message = "Direct HTTP \(r.status) error \(code): \(e?["error_string"].string ?? "")\(e?["error_detail"].string.map { " – \($0)" } ?? "")"
        switch code {
        case 53: return .fatal(.tokenExpired(source: .direct, detail: message))
        case 54, 58, 513, 3000, 3001: return .fatal(.noAccess(source: .direct, detail: message))
        case 152: return .quota(message)
        case 52, 506, 1000, 1001, 1002: return .retry(after: nil, reason: message)
        default:
            if r.status >= 500 || message.localizedCaseInsensitiveContains("queue") { return .retry(after: nil, reason: message) }
            return .fatal(.rejected(source: .direct, method: method, detail: message))
        }
    }

    package func fetch(_ request: FetchRequest, logger: Logger) async throws -> FetchResult {
        var rows = BundleRows()
        rows.declare(.adSpend, ["network", "impressions", "clicks"] + (accountID == nil ? [] : ["account_id"]))
        let from = request.window.lowerBound.description, to = request.window.upperBound.description
        let body: [String: Any] = ["params": [
            "SelectionCriteria": ["DateFrom": from, "DateTo": to],
            "FieldNames": ["Date", "CampaignId", "CampaignName", "Impressions", "Clicks", "Cost"],
            // The same body (and name) while polling; a new name for other parameters (§10).
            "ReportName": "smmkpi \(from) \(to) \(clientLogin ?? "")", "ReportType": "CAMPAIGN_PERFORMANCE_REPORT",
            "DateRangeType": "CUSTOM_DATE", "Format": "TSV", "IncludeVAT": "YES", "IncludeDiscount": "NO",
        ]]
        var headers = [("Authorization", "Bearer \(token)"), ("Accept-Language", "en"), ("processingMode", "auto"),
                       ("returnMoneyInMicros", "false"), ("skipReportHeader", "true"), ("skipReportSummary", "true"),
                       ("Content-Type", "application/json; charset=utf-8")]
        if let clientLogin { headers.append(("Client-Login", clientLogin)) }
        let r = APIRequest(.POST, url: APIRequest.url(baseURL, "json/v5/reports", query: []), headers: headers,
                           body: try JSONSerialization.data(withJSONObject: body), label: "reports")
        var partial: String?
        do {
            if let tsv = try await client.call(r, logger: logger, classify: { Self.classify($0, method: "reports") }) {
                rows.adSpend = try parse(tsv)
            }
        } catch let quota as QuotaReached {
            partial = quota.detail
        }
        return FetchResult(rows: rows, request: request, partial: partial)
    }

    /// The TSV with its column header (names, not positions, are read); `--` is empty.
    func parse(_ tsv: String) throws -> [AdSpend] {
        var lines = tsv.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let iDate = header.firstIndex(of: "Date"), let iID = header.firstIndex(of: "CampaignId"),
              let iName = header.firstIndex(of: "CampaignName"), let iShows = header.firstIndex(of: "Impressions"),
              let iClicks = header.firstIndex(of: "Clicks"), let iCost = header.firstIndex(of: "Cost") else {
            throw ConnectorError.malformed(source: .direct, method: "reports", detail: "no column header with Date, CampaignId, CampaignName, Impressions, Clicks, Cost")
        }
        lines.removeFirst()
        let width = header.count
        var names: [String: Set<String>] = [:]
        for l in lines where l.count == width { names[l[iName], default: []].insert(l[iID]) }
        func cell(_ l: [String], _ i: Int) -> String? { l[i] == "--" || l[i].isEmpty ? nil : l[i] }
        return try lines.map { l in
            guard l.count == width, let date = LocalDate(iso: l[iDate]) else {
                throw ConnectorError.malformed(source: .direct, method: "reports", detail: "a row that is not \(width) tab-separated cells with a date")
            }
            let name = l[iName]
            let campaign = (names[name]?.count ?? 0) > 1 ? "\(name) #\(l[iID])" : name
            let spend = cell(l, iCost).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } ?? 0
            return AdSpend(date: date, campaign: campaign, spend: spend, network: network, accountID: accountID,
                           impressions: cell(l, iShows).flatMap { Int64($0) }, clicks: cell(l, iClicks).flatMap { Int64($0) })
        }
    }
}
