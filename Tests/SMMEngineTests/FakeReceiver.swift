import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A loopback HTTP server on 127.0.0.1 that plays the Telegram Bot API (`/tg/bot<TOKEN>/sendDocument`)
/// and a webhook receiver (`/hook`), answering from a script and recording every request.
actor FakeReceiver {
    struct Reply: Sendable {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        /// Wait this long before answering (a request in flight).
        var delaySeconds: Double = 0
        static let telegramOK = Reply(status: 200, body: #"{"ok":true,"result":{"message_id":1}}"#)
        static let ok = Reply(status: 200, body: #"{"received":true}"#)
    }

    struct Captured: Sendable {
        var path: String
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private var script: [Reply] = []
    private(set) var requests: [Captured] = []
    private(set) var port = 0

    func play(_ replies: [Reply]) { script = replies }
    func setPort(_ p: Int) { port = p }

    func next(_ captured: Captured) -> Reply {
        requests.append(captured)
        return script.isEmpty ? (captured.path.hasPrefix("/tg") ? .telegramOK : .ok) : script.removeFirst()
    }

    /// Starts the server; `body` runs while it listens; the server stops after.
    static func with<T: Sendable>(_ body: @Sendable (FakeReceiver) async throws -> T) async throws -> T {
        let receiver = FakeReceiver()
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let buffer = try await request.body.collect(upTo: 50_000_000)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let reply = await receiver.next(Captured(path: request.uri.path, headers: headers, body: Data(buffer.readableBytesView)))
            if reply.delaySeconds > 0 { try await Task.sleep(for: .seconds(reply.delaySeconds)) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (k, v) in reply.headers { fields[HTTPField.Name(k)!] = v }
            return Response(status: .init(code: reply.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        router.post("/tg/:bot/sendDocument", use: handler)
        router.post("/hook", use: handler)
        var quiet = Logger(label: "fake-receiver")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in await receiver.setPort(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        for _ in 0..<500 where await receiver.port == 0 { try await Task.sleep(for: .milliseconds(10)) }
        return try await body(receiver)
    }

    var telegramURL: String { "http://127.0.0.1:\(port)/tg" }
    var webhookURL: String { "http://127.0.0.1:\(port)/hook" }
}
