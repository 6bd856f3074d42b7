import Foundation
import Testing
@testable import SMMServer

@Suite struct MultipartTests {
    @Test("a multipart body gives its fields and its file bytes")
    func parse() throws {
        let boundary = "----x123"
        let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x0D, 0x0A, 0x00, 0xFF])
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"b.zip\"\r\nContent-Type: application/zip\r\n\r\n".utf8))
        body.append(zip)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\(boundary)") == boundary)
        #expect(MultipartForm.boundary(contentType: "application/json") == nil)
        let form = MultipartForm(body: body, boundary: boundary)
        #expect(form.fields["csrf_token"] == "abc")
        #expect(form.files["bundle"]?.fileName == "b.zip")
        #expect(form.files["bundle"]?.data == zip)
    }

    @Test("uploaded file names lose their directories", arguments: [("../../x.zip", "x.zip"), ("C:\\a\\b.zip", "b.zip"), ("", "bundle.zip"), (".hidden", "bundle.zip"), ("data", "data.zip")])
    func safeName(raw: String, expected: String) {
        #expect(ImportPage.safeFileName(raw) == expected)
    }
}
