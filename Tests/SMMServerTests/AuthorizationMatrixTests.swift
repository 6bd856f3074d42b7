import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import SMMCore
import SMMEngine
import SMMServer
import SMMStore
import Testing

/// Every registered route × every role (and no login) × own/other workspace → the expected status.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    /// A request that exercises the route when access is granted.
    struct Sample {
        var uri: String  // `{ws}` is replaced by the workspace
        var contentType: String?
        var body: [UInt8]?
    }

    static func samples() throws -> [String: Sample] {
        let yaml = Array(try Data(contentsOf: Fixtures.planYAML))
        let zip = try ZipWriter.zip(folder: Fixtures.smallBundle)
        let json = "application/json"
        return [
            "GET /api/v1/me": Sample(uri: "/api/v1/me"),
            "GET /api/v1/me/tokens": Sample(uri: "/api/v1/me/tokens"),
            "POST /api/v1/me/tokens": Sample(uri: "/api/v1/me/tokens", contentType: json, body: Array(#"{"name": "m"}"#.utf8)),
            "DELETE /api/v1/me/tokens/{token}": Sample(uri: "/api/v1/me/tokens/999999"),
            "GET /api/v1/workspaces": Sample(uri: "/api/v1/workspaces"),
            "POST /api/v1/workspaces": Sample(uri: "/api/v1/workspaces", contentType: json, body: Array(#"{"slug": "m-\#(UUID().uuidString.prefix(8).lowercased())"}"#.utf8)),
            "GET /api/v1/users": Sample(uri: "/api/v1/users"),
            "POST /api/v1/users": Sample(uri: "/api/v1/users", contentType: json, body: Array(#"{"login": "m\#(UUID().uuidString.prefix(8))", "password": "matrix-password"}"#.utf8)),
            "GET /api/v1/workspaces/{workspace}": Sample(uri: "/api/v1/workspaces/{ws}"),
            "GET /api/v1/workspaces/{workspace}/kpi": Sample(uri: "/api/v1/workspaces/{ws}/kpi?period=2024-11"),
            "GET /api/v1/workspaces/{workspace}/plans": Sample(uri: "/api/v1/workspaces/{ws}/plans"),
            "POST /api/v1/workspaces/{workspace}/plans": Sample(uri: "/api/v1/workspaces/{ws}/plans?name=matrix", contentType: "application/yaml", body: yaml),
            "POST /api/v1/workspaces/{workspace}/plan-check": Sample(uri: "/api/v1/workspaces/{ws}/plan-check", contentType: "application/yaml", body: yaml),
            "GET /api/v1/workspaces/{workspace}/plans/{plan}": Sample(uri: "/api/v1/workspaces/{ws}/plans/keep"),
            "DELETE /api/v1/workspaces/{workspace}/plans/{plan}": Sample(uri: "/api/v1/workspaces/{ws}/plans/matrix"),
            "GET /api/v1/workspaces/{workspace}/plans/{plan}/score": Sample(uri: "/api/v1/workspaces/{ws}/plans/keep/score?as_of=2024-12-31"),
            "GET /api/v1/workspaces/{workspace}/anomalies": Sample(uri: "/api/v1/workspaces/{ws}/anomalies"),
            "POST /api/v1/workspaces/{workspace}/anomalies/{anomaly}/confirm": Sample(uri: "/api/v1/workspaces/{ws}/anomalies/bf:none:2024-01-01/confirm"),
            "POST /api/v1/workspaces/{workspace}/anomalies/{anomaly}/dismiss": Sample(uri: "/api/v1/workspaces/{ws}/anomalies/bf:none:2024-01-01/dismiss"),
            "GET /api/v1/workspaces/{workspace}/comments": Sample(uri: "/api/v1/workspaces/{ws}/comments?period=2024-12&unanswered=true"),
            "POST /api/v1/workspaces/{workspace}/comments/{comment}/sentiment": Sample(uri: "/api/v1/workspaces/{ws}/comments/none/sentiment", contentType: json, body: Array(#"{"label": "positive"}"#.utf8)),
            "POST /api/v1/workspaces/{workspace}/imports": Sample(uri: "/api/v1/workspaces/{ws}/imports", contentType: "application/zip", body: zip),
        ]
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case unauthenticated, noWorkspace, forbidden, allowed
        var description: String {
            switch self {
            case .unauthenticated: return "401"
            case .noWorkspace: return "404 no_workspace"
            case .forbidden: return "403"
            case .allowed: return "allowed"
            }
        }
    }

    static func expected(_ entry: RouteEntry, role: Role?, own: Bool, mayWrite: Bool) -> Outcome {
        guard let role else { return .unauthenticated }
        let workspaceRoute = entry.path.contains("{workspace}")
        if workspaceRoute && !own && role != .owner { return .noWorkspace }
        if let min = entry.access.minRole, role < min { return .forbidden }
        if entry.access.write && !mayWrite { return .forbidden }
        return .allowed
    }

    static func observed(_ r: TestResponse) -> Outcome? {
        switch (r.status.code, r.errorCode) {
        case (401, _): return .unauthenticated
        case (404, "no_workspace"): return .noWorkspace
        case (403, "forbidden"): return .forbidden
        case (500..., _), (403, _): return nil
        default: return .allowed
        }
    }

    @Test("Every route answers as its role and scope allow; no route reads another workspace")
    func matrix() async throws {
        let site = try await TestSite()
        // beta has data too, so a leak would answer 200 rather than "no data".
        let beta = try await site.databases.workspace(slug: "beta", create: false)
        _ = try Importer(store: try site.databases.store(for: beta), logger: site.logger).run(bundle: Fixtures.smallBundle.path)
        var plan = try PlanReader.parse(try String(contentsOf: Fixtures.planYAML, encoding: .utf8))
        plan.name = "keep"
        for slug in ["alpha", "beta"] {
            let ws = try await site.databases.workspace(slug: slug, create: false)
            _ = try await site.services().workspace(ws).plans.save(plan)
        }
        let services = site.services()
        let (_, routes) = buildRouter(services: services, pages: MinimalPages(), registry: PrometheusCollectorRegistry())
        let samples = try Self.samples()
        let missing = routes.entries.filter { $0.path.hasPrefix("/api/") }.map { "\($0.method) \($0.path)" }.filter { samples[$0] == nil }
        #expect(missing.isEmpty, "routes without a sample request: \(missing)")

        var tokens: [Role: (read: String, write: String)] = [:]
        for role in Role.allCases {
            tokens[role] = (try await site.token(role, scopes: [.read]), try await site.token(role, scopes: [.read, .write]))
        }
        let tokenTable = tokens
        let (failures, checked) = try await site.app().test(.live) { client -> ([String], Int) in
            var failures: [String] = []
            var checked = 0
            for entry in routes.entries where entry.path.hasPrefix("/api/") {
                let sample = samples["\(entry.method) \(entry.path)"]!
                for role in [nil] + Role.allCases.map(Optional.some) {
                    for own in [true, false] {
                        for write in [true, false] where role != nil || write {
                            if !entry.path.contains("{workspace}") && !own { continue }
                            let uri = sample.uri.replacingOccurrences(of: "{ws}", with: own ? "alpha" : "beta")
                            var h: HTTPFields = [:]
                            if let role { h[.authorization] = "Bearer \(write ? tokenTable[role]!.write : tokenTable[role]!.read)" }
                            if let t = sample.contentType { h[.contentType] = t }
                            let r = try await client.execute(uri: uri, method: entry.method, headers: h, body: sample.body.map { ByteBuffer(bytes: $0) })
                            let want = Self.expected(entry, role: role, own: own, mayWrite: write)
                            let got = Self.observed(r)
                            checked += 1
                            if got != want {
                                failures.append("\(entry.method) \(uri) as \(role?.rawValue ?? "anonymous")\(write ? "" : " (read token)"): want \(want), got \(r.status.code) \(r.text.prefix(200))")
                            }
                            if want == .allowed, entry.method == .get, !(200..<300).contains(Int(r.status.code)) {
                                failures.append("\(entry.method) \(uri) as \(role?.rawValue ?? "-"): \(r.status.code) \(r.text.prefix(200))")
                            }
                        }
                    }
                }
            }
            return (failures, checked)
        }
        #expect(checked > 300)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
