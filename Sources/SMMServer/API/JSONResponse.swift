import Foundation
import Hummingbird
import Logging
import NIOCore

extension Response {
    /// A JSON response of already-encoded bytes.
    package static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON response of a string the CLI's JSON writers made.
    package static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        json(Data(text.utf8), status: status)
    }

    /// A JSON response of an Encodable value (snake_case keys are spelled in the types).
    package static func json<T: Encodable>(encoding value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return json(try e.encode(value), status: status)
    }

    /// 204 No Content.
    package static var noContent: Response { Response(status: .noContent) }
}

extension Request {
    /// A query parameter, nil when absent or empty.
    package func query(_ name: String) -> String? {
        guard let v = uri.queryParameters[Substring(name)].map(String.init), !v.isEmpty else { return nil }
        return v
    }

    /// A comma-separated query parameter as a list, nil when absent.
    package func queryList(_ name: String) -> [String]? {
        query(name).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// The body as JSON of type T, or 400 with a sentence.
    package mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: some RequestContext, what: String) async throws -> T {
        let body = try await collectBody(upTo: 1_048_576)
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError.badRequest("The request body is not the JSON \(what) expected: \(Self.describe(error)).")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "the field “\(key.stringValue)” is missing"
        case DecodingError.typeMismatch(_, let c): return "a field has the wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let c): return "a value is missing at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "it is not valid JSON"
        default: return "it cannot be read"
        }
    }
}
