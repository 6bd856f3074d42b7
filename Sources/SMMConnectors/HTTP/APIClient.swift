import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// One HTTP request of a connector. `label` names it in logs and errors ("wall.get"): URLs
/// are never logged, since VK, TGStat and Telegram carry tokens in the query or path.
package struct APIRequest: Sendable {
    package enum Method: String, Sendable { case GET, POST }
    package var method: Method
    package var url: String
    package var headers: [(String, String)]
    package var body: Data?
    package var label: String

    package init(_ method: Method = .GET, url: String, headers: [(String, String)] = [], body: Data? = nil,
                 label: String) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.label = label
    }

    /// `base` + `path` + the query, percent-encoded.
    package static func url(_ base: String, _ path: String, query: [(String, String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let q = query.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        let sep = path.isEmpty || path.hasPrefix("/") ? "" : "/"
        return trimmedBase + sep + path + (q.isEmpty ? "" : "?" + q.joined(separator: "&"))
    }
}

/// The answer: status, headers and the whole body.
package struct APIResponse: Sendable {
    package var status: Int
    package var headers: [(String, String)]
    package var body: Data

    package init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// The first header of this name (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The body as JSON, nil when it is not JSON.
    package var json: LooseJSON? { LooseJSON(data: body) }

    /// `Retry-After` in seconds, if given.
    package var retryAfter: Duration? {
        header("Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { .seconds($0) }
    }
}

/// How a connector reads one answer (its source's error table).
package enum CallOutcome<Value: Sendable>: Sendable {
    case success(Value)
    /// Transient: try again after the source's wait, or the backoff when nil.
    case retry(after: Duration?, reason: String)
    /// A daily/monthly quota is exhausted: stop the source for this run.
    case quota(String)
    /// Nothing to retry: the error the user sees.
    case fatal(ConnectorError)
    /// This item is not accessible (VK 210/212): go on without it.
    case skip(String)
}

/// The HTTP layer of every connector: AsyncHTTPClient plus the retry table.
package struct APIClient: Sendable {
    package var http: HTTPClient
    package var policy: RetryPolicy
    package var source: SourceKind
    package var timeout: TimeAmount

    package init(http: HTTPClient, source: SourceKind, policy: RetryPolicy = RetryPolicy(),
                 timeout: TimeAmount = .seconds(60)) {
        self.http = http; self.source = source; self.policy = policy; self.timeout = timeout
    }

    /// One attempt: the answer, or a transport error.
    package func send(_ request: APIRequest) async throws -> APIResponse {
        var r = HTTPClientRequest(url: request.url)
        r.method = request.method == .GET ? .GET : .POST
        for (k, v) in request.headers { r.headers.add(name: k, value: v) }
        if let body = request.body { r.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await http.execute(r, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return APIResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                           body: Data(buffer.readableBytesView))
    }

    /// Sends `request` until `classify` accepts the answer, retrying what it calls retryable
    /// (and transport failures) per ``RetryPolicy``. Returns nil for a skipped item; throws
    /// ``QuotaReached`` for a quota and ``ConnectorError`` for everything fatal.
    package func call<Value: Sendable>(_ request: APIRequest, logger: Logger,
                                       classify: (APIResponse) -> CallOutcome<Value>) async throws -> Value? {
        var attempt = 0
        while true {
            attempt += 1
            let outcome: CallOutcome<Value>
            do {
                let response = try await send(request)
                outcome = classify(response)
            } catch let error as CancellationError {
                throw error
            } catch {
                // Transport failures (refused, reset, timed out) are transient (connectors.md §0.2).
                outcome = .retry(after: nil, reason: "the connection failed (\(error))")
            }
            switch outcome {
            case .success(let v): return v
            case .skip(let why):
                logger.info("\(source.rawValue) \(request.label): skipped (\(why))")
                return nil
            case .quota(let why):
                logger.warning("\(source.rawValue) \(request.label): quota reached (\(why))")
                throw QuotaReached(why)
            case .fatal(let error):
                logger.error("\(source.rawValue) \(request.label): \(error.localizedDescription)")
                throw error
            case .retry(let after, let why):
                let wait = policy.delay(afterAttempt: attempt, requested: after)
                guard attempt < policy.maxAttempts, wait <= policy.maxWait else {
                    throw ConnectorError.retriesExhausted(source: source, method: request.label, attempts: attempt, detail: why)
                }
                logger.notice("\(source.rawValue) \(request.label): attempt \(attempt) failed (\(why)); retrying in \(wait)")
                try await policy.sleep(wait)
            }
        }
    }

    /// The shared reading of HTTP status codes that every source agrees on: 429 and 5xx are
    /// retryable (honouring Retry-After), 401 is an expired token, 403 no access.
    package func classifyStatus<Value>(_ r: APIResponse, method: String, detail: String? = nil) -> CallOutcome<Value>? {
        let what = detail ?? "HTTP \(r.status)"
        switch r.status {
        case 200..<300: return nil
        case 429, 500..<600: return .retry(after: r.retryAfter, reason: what)
        case 401: return .fatal(.tokenExpired(source: source, detail: what))
        case 403: return .fatal(.noAccess(source: source, detail: what))
        default: return .fatal(.rejected(source: source, method: method, detail: what))
        }
    }
}
