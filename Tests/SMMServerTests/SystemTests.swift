import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import SMMServer
import SMMStore
import Testing

@Suite("Health, metrics, OpenAPI")
struct SystemTests {
    @Test("/healthz answers ok; /metrics counts requests by route and status; answers carry security headers")
    func healthAndMetrics() async throws {
        let site = try await TestSite(importSmall: false)
        try await site.app().test(.live) { client in
            let h = try await client.execute(uri: "/healthz", method: .get)
            #expect(h.status == .ok)
            #expect(h.text == "ok\n")
            #expect(h.headers[.xContentTypeOptions] == "nosniff")
            _ = try await client.execute(uri: "/api/v1/me", method: .get)
            let nf = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(nf.status == .notFound)
            #expect(nf.errorCode == "not_found")
            let m = try await client.execute(uri: "/metrics", method: .get)
            #expect(m.status == .ok)
            #expect(m.text.contains(#"http_requests_total{method="GET",route="/healthz",status="200"} 1"#), "\(m.text)")
            #expect(m.text.contains(#"http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#))
            #expect(m.text.contains("http_request_duration_seconds_bucket"))
        }
    }

    @Test("Every registered API route is in /openapi.json and every path there is a registered route")
    func openAPIMatchesRoutes() async throws {
        let site = try await TestSite(importSmall: false)
        let (router, _) = buildRouter(services: site.services(), pages: MinimalPages(), registry: PrometheusCollectorRegistry())
        func normal(_ path: String) -> String {
            "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        }
        let documentedPrefixes = ["/api/", "/healthz", "/metrics", "/openapi.json"]
        let registered = Set(router.routes.map { "\($0.method.rawValue) \(normal($0.path.description))" }
            .filter { r in documentedPrefixes.contains { r.split(separator: " ")[1].hasPrefix($0) } })
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, ops) in paths {
            for method in ops.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(registered.count > 20)
        #expect(registered.subtracting(documented).isEmpty, "not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
        // Shared parameters, responses and bodies: every $ref resolves, and every component is used.
        var refs = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.insert(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(paths)
        collect(doc["components"] ?? [:])
        let components = try #require(doc["components"] as? [String: [String: Any]])
        var defined = Set<String>()
        for (kind, entries) in components where kind != "securitySchemes" {
            for name in entries.keys { defined.insert("#/components/\(kind)/\(name)") }
        }
        #expect(refs.subtracting(defined).isEmpty, "unresolved: \(refs.subtracting(defined).sorted())")
        #expect(defined.subtracting(refs).isEmpty, "unused: \(defined.subtracting(refs).sorted())")
        let parameterNames = Set((components["parameters"] ?? [:]).keys)
        #expect(parameterNames.isSuperset(of: ["workspace", "period", "accounts", "plan"]))
        #expect(components["responses"]?["Error"] != nil && components["responses"]?["Done"] != nil)

        try await site.app().test(.live) { client in
            let r = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(r.status == .ok)
            #expect(r.json?["paths"] != nil)
        }
    }
}
