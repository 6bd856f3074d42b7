import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Errors of delivery settings, as sentences.
package enum DeliveryError: Error, Equatable, LocalizedError {
    case badTarget(String)
    case missingToken
    case missingSecret

    package var errorDescription: String? {
        switch self {
        case .badTarget(let t):
            return "“\(t)” is not a delivery target; write telegram:CHAT_ID (e.g. telegram:-1001234567890) or webhook:URL (e.g. webhook:https://example.com/hooks/smmkpi)."
        case .missingToken:
            return "Telegram delivery needs the bot token: set SMMKPI_TELEGRAM_BOT_TOKEN in the environment of the process that delivers (serve or report run-due)."
        case .missingSecret:
            return "Webhook delivery signs every body: set SMMKPI_WEBHOOK_SECRET in the environment of the process that delivers (serve or report run-due)."
        }
    }
}

/// Where a scheduled report goes.
package enum DeliveryTarget: Equatable, Sendable, CustomStringConvertible {
    case telegram(chatID: String)
    case webhook(URL)

    /// `telegram:CHAT_ID` or `webhook:URL` (http or https).
    package init(parsing text: String) throws {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.lowercased().hasPrefix("telegram:") {
            let chat = String(s.dropFirst("telegram:".count))
            guard !chat.isEmpty, chat.allSatisfy({ $0.isNumber || $0 == "-" }) || chat.hasPrefix("@") else {
                throw DeliveryError.badTarget(text)
            }
            self = .telegram(chatID: chat)
        } else if s.lowercased().hasPrefix("webhook:") {
            let raw = String(s.dropFirst("webhook:".count))
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host?.isEmpty == false else { throw DeliveryError.badTarget(text) }
            self = .webhook(url)
        } else {
            throw DeliveryError.badTarget(text)
        }
    }

    package var description: String {
        switch self {
        case .telegram(let chat): return "telegram:\(chat)"
        case .webhook(let url): return "webhook:\(url.absoluteString)"
        }
    }
}

/// Delivery settings from configuration (the environment): secrets never enter the database.
package struct DeliveryConfiguration: Sendable {
    package var telegramToken: String?
    /// The Bot API base URL (tests point it at a loopback server).
    package var telegramAPI: String
    package var webhookSecret: String?
    /// Attempts per delivery, the first included.
    package var maxAttempts: Int
    /// The first backoff; it doubles with each attempt up to `maxDelay`.
    package var baseDelay: Duration
    package var maxDelay: Duration
    /// The longest `retry_after` honoured in one wait.
    package var maxRetryAfter: Duration
    package var requestTimeoutSeconds: Int64

    package init(telegramToken: String? = nil, telegramAPI: String = "https://api.telegram.org", webhookSecret: String? = nil,
                 maxAttempts: Int = 5, baseDelay: Duration = .seconds(2), maxDelay: Duration = .seconds(120),
                 maxRetryAfter: Duration = .seconds(900), requestTimeoutSeconds: Int64 = 60) {
        self.telegramToken = telegramToken; self.telegramAPI = telegramAPI; self.webhookSecret = webhookSecret
        self.maxAttempts = maxAttempts; self.baseDelay = baseDelay; self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter; self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    /// SMMKPI_TELEGRAM_BOT_TOKEN, SMMKPI_TELEGRAM_API_URL, SMMKPI_WEBHOOK_SECRET.
    package init(environment: [String: String]) {
        func nonEmpty(_ k: String) -> String? { environment[k].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(telegramToken: nonEmpty("SMMKPI_TELEGRAM_BOT_TOKEN"),
                  telegramAPI: nonEmpty("SMMKPI_TELEGRAM_API_URL") ?? "https://api.telegram.org",
                  webhookSecret: nonEmpty("SMMKPI_WEBHOOK_SECRET"))
    }

    /// The wait before attempt `n + 1` after attempt `n` failed in a retryable way.
    package func backoff(afterAttempt n: Int) -> Duration {
        var d = baseDelay
        for _ in 1..<max(n, 1) where d < maxDelay { d = d * 2 }
        return min(d, maxDelay)
    }
}

/// What one delivery carries.
package struct DeliveryPayload: Sendable {
    package var fileName: String
    package var mimeType: String
    /// The report file (sent to Telegram).
    package var document: Data
    /// The report's JSON (posted to webhooks).
    package var json: Data
    package var caption: String
    /// The same for every attempt and every process: `schedule-<id>:<period>`.
    package var idempotencyKey: String
    package init(fileName: String, mimeType: String, document: Data, json: Data, caption: String, idempotencyKey: String) {
        self.fileName = fileName; self.mimeType = mimeType; self.document = document; self.json = json
        self.caption = caption; self.idempotencyKey = idempotencyKey
    }
}

/// The outcome of one HTTP attempt.
package enum AttemptOutcome: Sendable, Equatable {
    case delivered(status: Int)
    /// 429, 5xx or no answer: try again, after `after` when the receiver said how long.
    case retry(status: Int?, after: Duration?, reason: String)
    /// Any other answer: the receiver will not take it; never retried.
    case refused(status: Int, reason: String)
}

/// Sends reports to Telegram (Bot API `sendDocument`) and webhooks (POST of the JSON, signed).
package struct ReportDelivery: Sendable {
    package var configuration: DeliveryConfiguration
    package var http: HTTPClient
    package var logger: Logger

    package init(configuration: DeliveryConfiguration, http: HTTPClient = .shared, logger: Logger = Logger(label: "smmkpi.delivery")) {
        self.configuration = configuration; self.http = http; self.logger = logger
    }

    /// `sha256=<hex HMAC-SHA256 of body with secret>`: the `X-SMMKPI-Signature` header.
    package static func signature(body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Checks that the target can be delivered to with this configuration.
    package func check(_ target: DeliveryTarget) throws {
        switch target {
        case .telegram: if configuration.telegramToken == nil { throw DeliveryError.missingToken }
        case .webhook: if configuration.webhookSecret == nil { throw DeliveryError.missingSecret }
        }
    }

    /// One HTTP attempt.
    package func attempt(_ payload: DeliveryPayload, to target: DeliveryTarget) async -> AttemptOutcome {
        do {
            try check(target)
        } catch {
            return .refused(status: 0, reason: error.localizedDescription)
        }
        var request: HTTPClientRequest
        switch target {
        case .telegram(let chat):
            let base = configuration.telegramAPI.hasSuffix("/") ? String(configuration.telegramAPI.dropLast()) : configuration.telegramAPI
            request = HTTPClientRequest(url: "\(base)/bot\(configuration.telegramToken!)/sendDocument")
            let boundary = "smmkpi-" + UUID().uuidString
            request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.body = .bytes(Self.multipart(boundary: boundary, fields: [("chat_id", chat), ("caption", String(payload.caption.prefix(1024)))],
                                                 file: ("document", payload.fileName, payload.mimeType, payload.document)))
        case .webhook(let url):
            request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-SMMKPI-Signature", value: Self.signature(body: payload.json, secret: configuration.webhookSecret!))
            request.headers.add(name: "X-SMMKPI-Delivery", value: payload.idempotencyKey)
            request.body = .bytes(payload.json)
        }
        request.method = .POST
        request.headers.add(name: "User-Agent", value: "smmkpi")
        let where_ = Self.host(target)
        do {
            let response = try await http.execute(request, timeout: .seconds(configuration.requestTimeoutSeconds))
            let body = try await response.body.collect(upTo: 1 << 20)
            let text = String(buffer: body)
            let status = Int(response.status.code)
            let headerWait = response.headers.first(name: "Retry-After").flatMap(Double.init).map { Duration.seconds($0) }
            var description: String?
            var bodyWait: Duration?
            if case .telegram = target, let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                description = json["description"] as? String
                if let params = json["parameters"] as? [String: Any], let after = params["retry_after"] as? NSNumber {
                    bodyWait = .seconds(after.doubleValue)
                }
                if (200..<300).contains(status), json["ok"] as? Bool == false {
                    return .refused(status: status, reason: "\(where_) answered ok=false: \(redact(description ?? "no description"))")
                }
            }
            if (200..<300).contains(status) { return .delivered(status: status) }
            let reason = "\(where_) answered HTTP \(status)" + (description.map { ": " + redact($0) } ?? "")
            if status == 429 || (500..<600).contains(status) {
                return .retry(status: status, after: bodyWait ?? headerWait, reason: reason)
            }
            return .refused(status: status, reason: reason)
        } catch {
            return .retry(status: nil, after: nil, reason: "\(where_) could not be reached: \(redact(String(describing: error)))")
        }
    }

    /// Error text without the bot token.
    func redact(_ s: String) -> String {
        guard let token = configuration.telegramToken, !token.isEmpty else { return s }
        return s.replacingOccurrences(of: token, with: "<token>")
    }

    static func host(_ target: DeliveryTarget) -> String {
        switch target {
        case .telegram: return "the Telegram Bot API"
        case .webhook(let url): return "the webhook at \(url.host ?? "?")"
        }
    }

    /// A multipart/form-data body: text fields, then one file.
    static func multipart(boundary: String, fields: [(String, String)], file: (name: String, fileName: String, mime: String, data: Data)) -> Data {
        var d = Data()
        func add(_ s: String) { d.append(contentsOf: Array(s.utf8)) }
        for (name, value) in fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        let safeName = file.fileName.replacingOccurrences(of: "\"", with: "")
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(safeName)\"\r\nContent-Type: \(file.mime)\r\n\r\n")
        d.append(file.data)
        add("\r\n--\(boundary)--\r\n")
        return d
    }
}
