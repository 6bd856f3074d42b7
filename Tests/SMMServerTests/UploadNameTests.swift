import Foundation
import Testing
@testable import SMMServer

@Suite struct UploadNameTests {
    @Test("uploaded file names lose their directories", arguments: [("../../x.zip", "x.zip"), ("C:\\a\\b.zip", "b.zip"), ("", "bundle.zip"), (".hidden", "bundle.zip"), ("data", "data.zip")])
    func safeName(raw: String, expected: String) {
        #expect(ImportPage.safeFileName(raw) == expected)
    }
}
