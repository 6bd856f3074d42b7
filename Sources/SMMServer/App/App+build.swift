import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import SMMStore

/// The router of the web application and JSON API, with the routes it registered (for the
/// OpenAPI test and the authorization matrix).
package func buildRouter(services: AppServices, pages: any PageRoutes, registry: PrometheusCollectorRegistry) -> (Router<AppRequestContext>, Routes) {
    let router = Router(context: AppRequestContext.self)
    // Outermost first: observe everything, turn errors into APIError answers, then authenticate.
    router.add(middleware: ObservabilityMiddleware(registry: registry))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthMiddleware(services: services))
    router.add(middleware: CSRFMiddleware())

    let routes = Routes(services: services)
    SystemRoutes.add(to: router, registry: registry)
    LoginRoutes.add(to: router, services: services, pages: pages)
    let api = router.group("api/v1")
    AccountRoutes.add(to: api, base: "/api/v1/", routes: routes)
    let base = "/api/v1/workspaces/:workspace/"
    let ws = router.group("api/v1/workspaces/:workspace")
    KPIRoutes.add(to: ws, base: base, routes: routes)
    PlanRoutes.add(to: ws, base: base, routes: routes)
    AnomalyRoutes.add(to: ws, base: base, routes: routes)
    CommentRoutes.add(to: ws, base: base, routes: routes)
    ImportRoutes.add(to: ws, base: base, routes: routes)
    pages.addRoutes(to: router, routes: routes, services: services)
    return (router, routes)
}

/// The application `smmkpi serve` runs (and the tests run on a temporary database): the router
/// above on `configuration.host:port`, with `extraServices` (the report scheduler, connector
/// syncs, …) started and stopped with it under one graceful shutdown.
package func buildApplication(configuration: ServerConfiguration, databases: Databases, logger: Logger,
                              pages: any PageRoutes = MinimalPages(), extraServices: [any Service] = [],
                              registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) -> some ApplicationProtocol {
    let services = AppServices(databases: databases, configuration: configuration, logger: logger)
    let (router, _) = buildRouter(services: services, pages: pages, registry: registry)
    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                            serverName: configuration.serverName),
                       services: extraServices,
                       logger: logger)
}

/// A service started and stopped with the web server (ServiceLifecycle's `Service`).
package typealias BackgroundService = ServiceLifecycle.Service

/// Runs the application until SIGTERM or SIGINT, then shuts down gracefully (requests in flight
/// finish, `extraServices` are told to stop).
package func runServer(configuration: ServerConfiguration, databases: Databases, logger: Logger,
                       pages: any PageRoutes = MinimalPages(), extraServices: [any BackgroundService] = []) async throws {
    let app = buildApplication(configuration: configuration, databases: databases, logger: logger, pages: pages,
                               extraServices: extraServices)
    try await app.runService()
}

/// `/healthz`, `/metrics` and `/openapi.json`: no login needed.
enum SystemRoutes {
    static func add(to router: Router<AppRequestContext>, registry: PrometheusCollectorRegistry) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("/openapi.json") { _, _ in
            Response.json(OpenAPIDocument.json)
        }
    }
}
