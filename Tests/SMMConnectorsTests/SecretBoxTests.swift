import Foundation
import SMMConnectors
import Testing

@Suite struct SecretBoxTests {
    static let keyText = Data((0..<32).map { UInt8($0) }).base64EncodedString()

    @Test("Credentials sealed with a key open with the same key, and the sealed bytes do not contain them")
    func roundTrip() throws {
        let box = try SecretBox.load(environment: ["SMMKPI_SECRET_KEY": Self.keyText], keyFile: nil)
        let sealed = try box.seal(["token": "vk1.a.secret-token"])
        #expect(try box.open(sealed) == ["token": "vk1.a.secret-token"])
        #expect(!String(decoding: sealed, as: UTF8.self).contains("secret-token"))
        #expect(try box.seal(["token": "x"]) != box.seal(["token": "x"]))  // a fresh nonce each time
    }

    @Test("Another key, or altered bytes, cannot open the credentials")
    func wrongKey() throws {
        let box = try SecretBox(base64: Self.keyText, origin: "test")
        let other = try SecretBox(base64: Data(repeating: 9, count: 32).base64EncodedString(), origin: "test")
        var sealed = try box.seal(["token": "t"])
        #expect(throws: SecretError.cannotOpen) { try other.open(sealed) }
        sealed[sealed.count - 1] ^= 1
        #expect(throws: SecretError.cannotOpen) { try box.open(sealed) }
    }

    @Test("No key configured, a short key and a non-base64 key are refused with a sentence saying how to make one")
    func keyErrors() throws {
        #expect(throws: SecretError.missingKey) { try SecretBox.load(environment: [:], keyFile: nil) }
        #expect(SecretError.missingKey.errorDescription?.contains("openssl rand -base64 32") == true)
        #expect(throws: SecretError.badKey(origin: "SMMKPI_SECRET_KEY", reason: "is 16 bytes long")) {
            try SecretBox.load(environment: ["SMMKPI_SECRET_KEY": Data(count: 16).base64EncodedString()], keyFile: nil)
        }
        #expect(throws: SecretError.badKey(origin: "SMMKPI_SECRET_KEY", reason: "is not base64")) {
            try SecretBox.load(environment: ["SMMKPI_SECRET_KEY": "not base64 at all!"], keyFile: nil)
        }
    }

    @Test("A key file (base64 text or 32 raw bytes) wins over the environment variable")
    func keyFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("key.b64"), raw = dir.appendingPathComponent("key.bin")
        try Data((Self.keyText + "\n").utf8).write(to: text)
        try Data((0..<32).map { UInt8($0) }).write(to: raw)
        let env = ["SMMKPI_SECRET_KEY": Data(repeating: 1, count: 32).base64EncodedString()]
        let sealed = try SecretBox(base64: Self.keyText, origin: "test").seal(["token": "t"])
        #expect(try SecretBox.load(environment: env, keyFile: text.path).open(sealed) == ["token": "t"])
        #expect(try SecretBox.load(environment: env, keyFile: raw.path).open(sealed) == ["token": "t"])
        #expect(throws: SecretError.badKey(origin: "the file /nonexistent/key", reason: "cannot be read")) {
            try SecretBox.load(environment: env, keyFile: "/nonexistent/key")
        }
    }
}
