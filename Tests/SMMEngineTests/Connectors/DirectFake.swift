import Foundation

/// Yandex Direct Reports as a loopback server (connectors.md §10): `POST /json/v5/reports`;
/// three identical calls answer 201 (queued), 202 (building), then 200 with the TSV, each
/// wait given in the `retryIn` header; errors are JSON with `error_code`.
actor DirectFake {
    static let token = "direct-oauth-token"
    let faults = Faults()
    private var calls: [Data: Int] = [:]

    func handle(_ r: FakeRequest) async -> FakeResponse {
        if let fault = await faults.next(r.path) { return fault }
        guard r.headers["authorization"] == "Bearer \(Self.token)" else {
            return .json(#"{"error": {"request_id": "8695244274068608439", "error_code": 53, "error_string": "Authorization error", "error_detail": "Invalid OAuth token"}}"#, status: 400)
        }
        guard r.path == "/json/v5/reports", r.headers["returnmoneyinmicros"] == "false", r.headers["skipreportheader"] == "true" else {
            return .json(#"{"error": {"error_code": 8000, "error_string": "Invalid request", "error_detail": "headers"}}"#, status: 400)
        }
        let n = calls[r.body, default: 0] + 1
        calls[r.body] = n
        switch n {
        case 1: return FakeResponse(status: 201, headers: [("retryIn", "2"), ("reportsInQueue", "1")], body: "")
        case 2: return FakeResponse(status: 202, headers: [("retryIn", "3"), ("reportsInQueue", "1")], body: "")
        default:
            return FakeResponse(status: 200, headers: [("Content-Type", "text/tab-separated-values")],
                                body: ConnectorFixtures.text("direct", "report.tsv")!)
        }
    }
}
