import Foundation
import SMMReports
import Hummingbird
import Logging
import SMMStore

/// Every error a route gives back, in one shape: `{"error": {"code", "message", "problems": [...]}}`
/// for the API, a short HTML page for the browser. `message` is the sentence the CLI would print.
package struct APIError: Error, HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    /// A stable, machine-readable code (`unauthenticated`, `forbidden`, `bad_request`, ...).
    package var code: String
    package var message: String
    /// Further sentences (an import's refused rows, one per problem).
    package var problems: [String]
    /// Extra response headers (Retry-After on 429).
    package var headers: HTTPFields

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String, problems: [String] = [],
                 headers: HTTPFields = [:]) {
        self.status = status; self.code = code; self.message = message; self.problems = problems; self.headers = headers
    }

    package static let unauthenticated = APIError(.unauthorized, "unauthenticated",
        "Log in first, or send an API token in the Authorization header (Bearer …).")
    package static func forbidden(_ why: String) -> APIError { APIError(.forbidden, "forbidden", why) }
    package static func notFound(_ what: String) -> APIError { APIError(.notFound, "not_found", what) }
    package static func badRequest(_ why: String, problems: [String] = []) -> APIError {
        APIError(.badRequest, "bad_request", why, problems: problems)
    }
    package static let csrf = APIError(.forbidden, "csrf",
        "The form has expired or did not come from this site: reload the page and try again.")

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        let wantsHTML = !request.uri.path.hasPrefix("/api/")
            && (request.headers[.accept]?.contains("text/html") ?? false)
        if wantsHTML && status == .unauthorized {
            // A page that needs a login sends the browser to the login form and back.
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            let escaped = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            headers[.location] = "/login?next=\(escaped)"
            return Response(status: .seeOther, headers: headers)
        }
        if wantsHTML {
            headers[.contentType] = "text/html; charset=utf-8"
            let items = problems.map { "<li>\(HTML.escape($0))</li>" }.joined()
            let body = "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(status.code)</title></head><body>"
                + "<main><h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1><p>\(HTML.escape(message))</p>"
                + (items.isEmpty ? "" : "<ul>\(items)</ul>") + "<p><a href=\"/\">Home</a></p></main></body></html>"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        headers[.contentType] = "application/json; charset=utf-8"
        let body = ErrorBody(error: .init(code: code, message: message, problems: problems))
        let data = try JSONEncoder().encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Inner: Encodable { var code: String; var message: String; var problems: [String] }
        var error: Inner
    }
}

/// Turns any error a route throws into an ``APIError``: typed errors keep their sentences as 400s
/// or 404s; anything else is a 500 whose detail goes to the log only.
package struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as any HTTPResponseError {
            if error.status == .notFound {
                throw APIError.notFound("There is no page \(request.uri.path): check the address.")
            }
            throw APIError(error.status, "http_\(error.status.code)", error.status.reasonPhrase)
        } catch let error as StoreError {
            context.logger.error("store error: \(error)")
            throw APIError(.internalServerError, "store", error.errorDescription ?? "The database failed.")
        } catch let error as any LocalizedError where error.errorDescription != nil {
            throw APIError.badRequest(error.errorDescription!)
        } catch {
            context.logger.error("unhandled error: \(String(reflecting: error))")
            throw APIError(.internalServerError, "internal", "Something went wrong on the server; the log has the details.")
        }
    }
}
