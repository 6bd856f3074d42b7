import Foundation

/// A JSON value whose objects keep their key order, for output a person reads (cli.md prints
/// anomalies with `id` first and `evidence` last; Foundation's encoder does not keep order).
package indirect enum JSONValue: Hashable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }
    package func hash(into h: inout Hasher) { h.combine(text()) }

    /// Two-space indented text, `"key" : value` as Foundation's pretty printer writes it.
    package func text(indent: Int = 0) -> String {
        var out = ""
        write(&out, indent: indent)
        return out
    }

    private func write(_ out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in pairs.enumerated() {
                out += pad + JSONText.string(k) + " : "
                v.write(&out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += end + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += pad
                v.write(&out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += end + "]"
        case .string(let s): out += JSONText.string(s)
        case .int(let n): out += String(n)
        case .double(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }
}

extension Anomaly {
    /// The anomaly in cli.md's shape and key order.
    package var json: JSONValue {
        var o: [(String, JSONValue)] = [("id", .string(id)), ("kind", .string(kind.rawValue)),
                                        ("account_id", .string(accountID))]
        switch kind {
        case .boughtFollowers:
            o += [("from", .string(from.description)), ("to", .string(to.description)),
                  ("estimated_followers", .int(estimate)),
                  ("by_day", .object(byDay.map { ($0.date.description, .int($0.count)) }))]
        case .botEngagement, .botComments:
            o += [("post_id", postID.map(JSONValue.string) ?? .null), ("date", .string(from.description)),
                  (kind == .botEngagement ? "estimated_fake_interactions" : "estimated_fake_comments", .int(estimate))]
        }
        o += [("severity", .string(severity.rawValue)), ("score", .double(score)), ("status", .string(status.rawValue)),
              ("evidence", .object([("text", .string(evidence.text)),
                                    ("numbers", .object(evidence.numbers.map { ($0.name, .double($0.value)) }))]))]
        if let verdict {
            o.append(("verdict", .object([("at", .string(verdict.at.iso8601)),
                                          ("note", verdict.note.map(JSONValue.string) ?? .null)])))
        }
        return .object(o)
    }
}
