import Foundation
import SMMCore
import SMMStore

/// The JSON of `smmkpi comments --format json` and of `/api/v1/.../comments`.
package enum CommentsJSON {
    package static func json(_ rows: [CommentRow], period p: Period) -> String {
        let head = "{\n  \"period\": {\"kind\": \"\(p.kind.rawValue)\", \"label\": \(JSONText.string(p.label)), "
            + "\"from\": \"\(p.first)\", \"to\": \"\(p.last)\"},\n  \"comments\": ["
        let items = rows.map { r -> String in
            let c = r.listing.comment
            let l = r.listing.labels
            func opt(_ s: String?) -> String { s.map(JSONText.string) ?? "null" }
            return "\n    {\"comment_id\": \(JSONText.string(c.id)), \"account_id\": \(JSONText.string(r.listing.accountID)), "
                + "\"post_id\": \(JSONText.string(c.postID)), \"created_at\": \"\(c.createdAt.iso8601)\", "
                + "\"author_id\": \(opt(c.authorID)), \"text\": \(opt(c.text)), "
                + "\"sentiment\": \(opt(l.label?.rawValue)), \"source\": \(opt(l.source?.rawValue)), "
                + "\"question\": \(r.isQuestion), \"answered\": \(r.listing.hasBrandReply), \"meaningful\": \(r.isMeaningful)}"
        }
        return head + items.joined(separator: ",") + (items.isEmpty ? "]\n}" : "\n  ]\n}")
    }
}
