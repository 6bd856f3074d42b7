import Crypto
import Foundation

/// The OK API as a loopback server (connectors.md §5): `GET /fb.do?method=…`, every call's
/// `sig` checked per apiok.ru (md5 of the sorted pairs without sig/access_token + md5(token + secret)),
/// errors as `{"error_code", "error_msg", "error_data"}` with HTTP 200.
struct OKFake {
    static let applicationKey = "CBAFJIICABABABABA", secret = "0123456789ABCDEF0123456789ABCDEF", token = "ok-session-token"
    let faults = Faults()

    static func md5(_ s: String) -> String { Insecure.MD5.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined() }

    func handle(_ r: FakeRequest) async -> FakeResponse {
        let method = r.query["method"] ?? ""
        if let fault = await faults.next(method) { return fault }
        guard r.query["access_token"] == Self.token else {
            return .json(#"{"error_code": 102, "error_msg": "PARAM_SESSION_EXPIRED : Session expired", "error_data": null}"#,
                         headers: [("invocation-error", "102")])
        }
        let signed = r.query.filter { $0.key != "sig" && $0.key != "access_token" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined()
        guard r.query["application_key"] == Self.applicationKey, r.query["sig"] == Self.md5(signed + Self.md5(Self.token + Self.secret)) else {
            return .json(#"{"error_code": 104, "error_msg": "PARAM_SIGNATURE : Invalid signature", "error_data": null}"#)
        }
        guard r.query["format"] == "json", let text = ConnectorFixtures.text("ok", method + ".json") else {
            return .json(#"{"error_code": 3, "error_msg": "METHOD : Method does not exist", "error_data": null}"#)
        }
        return .json(text)
    }
}
