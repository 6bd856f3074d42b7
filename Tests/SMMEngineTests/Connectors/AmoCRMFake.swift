import Foundation

/// amoCRM API v4 as a loopback server (connectors.md §11): `GET /api/v4/leads` with Bearer
/// auth, `page` (1-based) and `limit`, `_links.next` while more pages remain, and HTTP 204
/// with an empty body past the last page.
struct AmoCRMFake {
    static let token = "amo-long-lived-token"
    let faults = Faults()

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        guard r.headers["authorization"] == "Bearer \(Self.token)" else {
            return FakeResponse(status: 401, headers: [("Content-Type", "application/problem+json")],
                                body: #"{"title": "Unauthorized", "type": "https://httpstatus.es/401", "status": 401, "detail": "Token is expired"}"#)
        }
        guard r.path == "/api/v4/leads", r.query["filter[updated_at][from]"] != nil,
              let root = (try? JSONSerialization.jsonObject(with: Data(ConnectorFixtures.text("amocrm", "leads.json")!.utf8))) as? [String: Any],
              let leads = (root["_embedded"] as? [String: Any])?["leads"] as? [Any] else {
            return FakeResponse(status: 400, headers: [("Content-Type", "application/problem+json")],
                                body: #"{"title": "Bad Request", "status": 400, "detail": "filter is required"}"#)
        }
        let page = Int(r.query["page"] ?? "1") ?? 1, limit = Int(r.query["limit"] ?? "50") ?? 50
        let start = (page - 1) * limit
        guard start < leads.count else { return FakeResponse(status: 204, headers: [], body: "") }
        let end = min(leads.count, start + limit)
        var links: [String: Any] = ["self": ["href": "https://acme.amocrm.ru/api/v4/leads?limit=\(limit)&page=\(page)"]]
        if end < leads.count { links["next"] = ["href": "https://acme.amocrm.ru/api/v4/leads?limit=\(limit)&page=\(page + 1)"] }
        let body: [String: Any] = ["_page": page, "_links": links, "_embedded": ["leads": Array(leads[start..<end])]]
        return FakeResponse(status: 200, headers: [("Content-Type", "application/hal+json")],
                            body: String(decoding: try! JSONSerialization.data(withJSONObject: body), as: UTF8.self))
    }
}
