import AsyncHTTPClient
import Foundation
@testable import SMMConnectors
import Testing

/// The VK error table of connectors.md §1.4 (errors come with HTTP 200).
@Suite struct VKClassifyTests {
    static let api = VKAPI(client: APIClient(http: .shared, source: .vk), baseURL: "http://127.0.0.1:1/method", token: "t")

    static func outcome(_ body: String, status: Int = 200) -> String {
        switch api.classify(APIResponse(status: status, headers: [], body: Data(body.utf8)), method: "wall.get") {
        case .success: return "success"
        case .retry(let after, _): return after.map { "retry \($0)" } ?? "retry"
        case .quota: return "quota"
        case .skip: return "skip"
        case .fatal(let e):
            switch e {
            case .tokenExpired: return "token"
            case .noAccess: return "access"
            case .rejected: return "rejected"
            case .malformed: return "malformed"
            default: return "fatal"
            }
        }
    }

    static func error(_ code: Int) -> String { #"{"error": {"error_code": \#(code), "error_msg": "m"}}"# }

    @Test("Each documented code falls in its class", arguments: [
        (1, "retry"), (10, "retry"), (9, "retry"), (6, "retry 1.0 seconds"), (29, "quota"), (5, "token"),
        (7, "access"), (15, "access"), (14, "access"), (17, "access"), (200, "access"), (203, "access"),
        (18, "rejected"), (30, "rejected"), (100, "rejected"), (113, "rejected"), (210, "skip"), (212, "skip"),
    ])
    func codes(code: Int, expected: String) {
        #expect(Self.outcome(Self.error(code)) == expected)
    }

    @Test("A response envelope succeeds; HTTP 5xx retries; a body that is not JSON, or has neither key, is malformed")
    func shapes() {
        #expect(Self.outcome(#"{"response": {"count": 0, "items": []}}"#) == "success")
        #expect(Self.outcome("<html>bad gateway</html>", status: 502) == "retry")
        #expect(Self.outcome("<html>oops</html>") == "malformed")
        #expect(Self.outcome(#"{"something": 1}"#) == "malformed")
    }
}
