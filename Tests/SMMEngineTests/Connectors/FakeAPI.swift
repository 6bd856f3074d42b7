import Foundation
import Hummingbird
import Logging
import HTTPTypes
import NIOCore

/// A request as the fake platform saw it.
struct FakeRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data
}

/// What the fake platform answers.
struct FakeResponse: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: String

    static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> FakeResponse {
        FakeResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }
}

/// Every request the fake received, in order.
actor RequestLog {
    private(set) var requests: [FakeRequest] = []
    func add(_ r: FakeRequest) { requests.append(r) }
    func count(path: String) -> Int { requests.filter { $0.path == path }.count }
}

/// A real HTTP server on 127.0.0.1 (a free port) that replays a platform's documented
/// answers: `handler` maps each request to a response. Runs for the duration of `body`.
enum FakeAPI {
    static func run<T: Sendable>(_ handler: @escaping @Sendable (FakeRequest) async -> FakeResponse,
                                 _ body: @Sendable (_ baseURL: String, _ log: RequestLog) async throws -> T) async throws -> T {
        let log = RequestLog()
        let router = Router()
        let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            var query: [String: String] = [:]
            for (k, v) in request.uri.queryParameters { query[String(k).removingPercentEncoding ?? String(k)] = String(v) }
            var headers: [String: String] = [:]
            for f in request.headers { headers[f.name.canonicalName] = f.value }
            let fake = FakeRequest(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
                                   body: Data(bytes.readableBytesView))
            await log.add(fake)
            let answer = await handler(fake)
            var fields = HTTPFields()
            for (k, v) in answer.headers { if let name = HTTPField.Name(k) { fields.append(HTTPField(name: name, value: v)) } }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
        }
        router.get("**", use: respond)
        router.post("**", use: respond)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "fake-api")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portSink.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            guard let port = await ports.first(where: { _ in true }) else { throw CancellationError() }
            let result = try await body("http://127.0.0.1:\(port)", log)
            group.cancelAll()
            return result
        }
    }
}
