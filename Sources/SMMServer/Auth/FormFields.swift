import Foundation
import Hummingbird
import Logging
import NIOCore

/// Reads fields of url-encoded and multipart forms (the few the server itself needs: CSRF token,
/// login, an uploaded file).
package enum FormFields {
    /// The decoded fields of an `application/x-www-form-urlencoded` body.
    package static func urlEncoded(_ body: ByteBuffer) -> [String: String] {
        let text = String(buffer: body)
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let k = decode(kv[0]) else { continue }
            out[k] = kv.count > 1 ? decode(kv[1]) ?? "" : ""
        }
        return out
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// One field of a url-encoded or multipart form body, nil when absent.
    package static func field(_ name: String, body: ByteBuffer, contentType: String) -> String? {
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            return multipart(body, contentType: contentType).first { $0.name == name && $0.filename == nil }
                .map { String(decoding: $0.data, as: UTF8.self) }
        }
        return urlEncoded(body)[name]
    }

    /// A part of a multipart form.
    package struct Part: Sendable {
        package var name: String
        package var filename: String?
        package var data: [UInt8]
    }

    /// The parts of a `multipart/form-data` body (RFC 7578); empty when the boundary is missing.
    package static func multipart(_ body: ByteBuffer, contentType: String) -> [Part] {
        guard let b = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count) else { return [] }
        let boundary = Array(("--" + b.trimmingCharacters(in: CharacterSet(charactersIn: "\""))).utf8)
        let bytes = Array(body.readableBytesView)
        var parts: [Part] = []
        var starts: [Int] = []
        var i = 0
        while let at = find(boundary, in: bytes, from: i) {
            starts.append(at)
            i = at + boundary.count
        }
        for (n, start) in starts.enumerated() where n + 1 < starts.count {
            var from = start + boundary.count
            if from + 1 < bytes.count, bytes[from] == 13, bytes[from + 1] == 10 { from += 2 }
            var end = starts[n + 1]
            if end >= 2, bytes[end - 2] == 13, bytes[end - 1] == 10 { end -= 2 }
            guard from <= end, let headEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: from), headEnd <= end else { continue }
            let head = String(decoding: bytes[from..<headEnd], as: UTF8.self)
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") })
            else { continue }
            func param(_ key: String) -> String? {
                for piece in disposition.split(separator: ";") {
                    let t = piece.trimmingCharacters(in: .whitespaces)
                    if t.lowercased().hasPrefix(key + "=") {
                        return String(t.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    }
                }
                return nil
            }
            guard let name = param("name") else { continue }
            parts.append(Part(name: name, filename: param("filename"), data: Array(bytes[(headEnd + 4)..<end])))
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
