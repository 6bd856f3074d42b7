import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Prometheus
import SMMStore

/// One structured access-log line per request (method, path, status, duration, user, ip) and the
/// Prometheus request metrics: `http_requests_total{method,route,status}` and
/// `http_request_duration_seconds{method,route}`. The metrics go to this application's registry
/// (no process-wide bootstrap, so several apps can run in one test process).
package struct ObservabilityMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let factory: PrometheusMetricsFactory

    package init(registry: PrometheusCollectorRegistry) {
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                             .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                             .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10)]
        self.factory = f
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let status: HTTPResponse.Status
        do {
            let response = try await next(request, context)
            status = response.status
            record(request, context, status, start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context, error.status, start)
            throw error
        } catch {
            record(request, context, .internalServerError, start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, _ start: UInt64) {
        let nanos = DispatchTime.now().uptimeNanoseconds - start
        // The route template keeps the label set small (`/api/v1/workspaces/{workspace}/kpi`).
        let route = context.endpointPath ?? "unmatched"
        Counter(label: "http_requests_total",
                dimensions: [("method", request.method.rawValue), ("route", route), ("status", String(status.code))],
                factory: factory).increment()
        Metrics.Timer(label: "http_request_duration_seconds", dimensions: [("method", request.method.rawValue), ("route", route)],
                      factory: factory).recordNanoseconds(Int64(nanos))
        var meta: Logger.Metadata = [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(status.code), "ms": .string(String(format: "%.1f", Double(nanos) / 1e6)),
            "ip": .string(context.remoteIP),
        ]
        if let user = context.identity?.user.login { meta["user"] = .string(user) }
        context.logger.info("request", metadata: meta)
    }
}

/// Headers every answer carries: no sniffing, no framing, no referrer to other sites.
package struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
