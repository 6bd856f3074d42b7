import Foundation

/// The parts of a `multipart/form-data` body (the upload form without JavaScript): fields as
/// text, files as bytes with their file name.
package struct MultipartForm: Sendable {
    package var fields: [String: String] = [:]
    package var files: [String: BundleUpload] = [:]

    /// The boundary of a `multipart/form-data; boundary=...` content type.
    package static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for part in contentType.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                return String(p.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Parses a body; parts it cannot read are left out.
    package init(body: Data, boundary: String) {
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var cursor = body.startIndex
        var starts: [Data.Index] = []
        while let r = body.range(of: delimiter, in: cursor..<body.endIndex) {
            starts.append(r.upperBound)
            cursor = r.upperBound
        }
        for (i, start) in starts.enumerated() where i + 1 < starts.count {
            let end = starts[i + 1] - delimiter.count
            // A part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
            guard end - start > 4, let h = body.range(of: headerEnd, in: start..<end) else { continue }
            let headers = String(decoding: body[start..<h.lowerBound], as: UTF8.self)
            var contentEnd = end
            if contentEnd - h.upperBound >= 2, body[contentEnd - 2] == 13, body[contentEnd - 1] == 10 { contentEnd -= 2 }
            let content = body.subdata(in: h.upperBound..<contentEnd)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") })
            else { continue }
            let params = MultipartForm.parameters(String(disposition))
            guard let name = params["name"] else { continue }
            if let fileName = params["filename"] {
                files[name] = BundleUpload(fileName: fileName, data: content)
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
    }

    static func parameters(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        for piece in header.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
            out[key] = kv[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return out
    }
}
