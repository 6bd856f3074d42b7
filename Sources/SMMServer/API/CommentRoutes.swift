import Foundation
import Hummingbird
import Logging
import SMMCore
import SMMEngine
import SMMStore

/// Comments with their sentiment, unanswered questions, and sentiment corrections.
enum CommentRoutes {
    struct LabelBody: Decodable { var label: String? }

    static func add(to group: RouterGroup<AppRequestContext>, base: String, routes: Routes) {
        // ?period= (required), accounts, sentiment=positive|neutral|negative, unanswered=true, include_brand=true.
        routes.workspace(group, .get, "comments", base: base, access: Access(.specialist)) { request, _, ws in
            guard let raw = request.query("period") else {
                throw APIError.badRequest("Give period, e.g. period=2024-11.")
            }
            let p = try Period(parsing: raw)
            var sentiment: Sentiment?
            if let s = request.query("sentiment") {
                guard let v = Sentiment(rawValue: s) else {
                    throw APIError.badRequest("“\(s)” is not a sentiment: use positive, neutral or negative.")
                }
                sentiment = v
            }
            let query = CommentQuery(period: p, accounts: request.queryList("accounts"),
                                     unansweredQuestions: try flag(request, "unanswered"), sentiment: sentiment,
                                     excludeBrand: !(try flag(request, "include_brand")))
            return Response.json(CommentsJSON.json(try await ws.sentiment.comments(query), period: p))
        }
        // Body {"label": "positive"|"neutral"|"negative"|null}: the user's correction (null removes it).
        routes.workspace(group, .post, "comments/:comment/sentiment", base: base, access: Access(.specialist, write: true)) { request, context, ws in
            var request = request
            let body = try await request.decodeJSON(LabelBody.self, context: context, what: "label ({\"label\": \"positive\"})")
            var label: Sentiment?
            if let l = body.label {
                guard let v = Sentiment(rawValue: l) else {
                    throw APIError.badRequest("“\(l)” is not a sentiment: use positive, neutral, negative or null.")
                }
                label = v
            }
            let id = context.parameters.get("comment") ?? ""
            do {
                let labeled = try await ws.sentiment.label(.comment, id: id, as: label)
                return try Response.json(encoding: LabelJSON(labeled))
            } catch let e as LabelError {
                throw APIError.notFound(e.errorDescription ?? "There is no comment “\(id)”.")
            }
        }
    }

    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let v = request.query(name) else { return false }
        switch v.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.badRequest("\(name) takes true or false.")
        }
    }

    struct LabelJSON: Encodable {
        var kind: String, id: String, label: String?, source: String?, text: String?, given: String?, model: String?, user: String?, corrected_at: String?
        init(_ t: LabeledText) {
            kind = t.kind.rawValue; id = t.id; label = t.label?.rawValue; source = t.source?.rawValue; text = t.text; given = t.given?.rawValue; model = t.model?.rawValue
            user = t.user?.rawValue; corrected_at = t.correctedAt
        }
    }
}
