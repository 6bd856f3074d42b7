import Foundation
import Logging

/// VK API calls (connectors.md §1): `GET <base>/<method>?…&v=5.199`, the token in an
/// `Authorization: Bearer` header (so it never sits in a URL), errors in a 200 body.
struct VKAPI: Sendable {
    static let version = "5.199"
    let client: APIClient
    let baseURL: String
    let token: String

    /// Calls a method; nil when VK says the item is not accessible (210/212: skip it).
    func call(_ method: String, _ params: [(String, String)], logger: Logger) async throws -> LooseJSON? {
        let url = APIRequest.url(baseURL, method, query: params + [("v", Self.version)])
        let request = APIRequest(.GET, url: url, headers: [("Authorization", "Bearer \(token)")], label: method)
        return try await client.call(request, logger: logger) { r in classify(r, method: method) }
    }

    func classify(_ r: APIResponse, method: String) -> CallOutcome<LooseJSON> {
        if let status: CallOutcome<LooseJSON> = client.classifyStatus(r, method: method) { return status }
        guard let json = r.json, json.isObject else {
            return .fatal(.malformed(source: .vk, method: method, detail: "the body is not a JSON object"))
        }
        let error = json["error"]
        if error.exists {
            let code = error["error_code"].int ?? -1
            let message = "VK error \(code): \(error["error_msg"].string ?? "no message")"
            switch code {
            case 6: return .retry(after: .seconds(1), reason: message)
            case 1, 9, 10: return .retry(after: nil, reason: message)
            case 29: return .quota(message)
            case 5: return .fatal(.tokenExpired(source: .vk, detail: message))
            case 7, 14, 15, 17, 200, 203: return .fatal(.noAccess(source: .vk, detail: message))
            case 210, 212: return .skip(message)
            default: return .fatal(.rejected(source: .vk, method: method, detail: message))
            }
        }
        let response = json["response"]
        guard response.exists else {
            return .fatal(.malformed(source: .vk, method: method, detail: "neither \"response\" nor \"error\" in the body"))
        }
        return .success(response)
    }
}
