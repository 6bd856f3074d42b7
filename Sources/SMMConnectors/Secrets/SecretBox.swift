import Crypto
import Foundation

/// Errors of the secret key and of sealed credentials, as sentences.
package enum SecretError: Error, Equatable, LocalizedError {
    case missingKey
    case badKey(origin: String, reason: String)
    case cannotOpen

    package var errorDescription: String? {
        switch self {
        case .missingKey:
            return "Connection credentials are encrypted and no key is configured: set SMMKPI_SECRET_KEY to 32 random bytes in base64 (make one with `openssl rand -base64 32`) or pass --secret-key-file FILE."
        case .badKey(let origin, let reason):
            return "The secret key from \(origin) \(reason); it must be 32 bytes written in base64 (make one with `openssl rand -base64 32`)."
        case .cannotOpen:
            return "The stored credentials cannot be decrypted with this secret key (it is not the key they were stored with); use that key, or add the connection again with `smmkpi connect add`."
        }
    }
}

/// Seals and opens connection credentials with AES-256-GCM. The sealed form is the
/// combined nonce ‖ ciphertext ‖ tag; a fresh random nonce per seal.
package struct SecretBox: Sendable {
    /// The 32 key bytes (SymmetricKey itself is not Sendable).
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    package init(key: SymmetricKey) { keyBytes = key.withUnsafeBytes { Data($0) } }

    /// The key from `SMMKPI_SECRET_KEY` (base64 of 32 bytes) or, when given, from a key file
    /// holding the same base64 text (or the 32 raw bytes). The file wins over the variable.
    package static func load(environment: [String: String], keyFile: String?) throws -> SecretBox {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else {
                throw SecretError.badKey(origin: "the file \(keyFile)", reason: "cannot be read")
            }
            if data.count == 32 { return SecretBox(key: SymmetricKey(data: data)) }
            return try SecretBox(base64: String(decoding: data, as: UTF8.self), origin: "the file \(keyFile)")
        }
        guard let text = environment["SMMKPI_SECRET_KEY"], !text.isEmpty else { throw SecretError.missingKey }
        return try SecretBox(base64: text, origin: "SMMKPI_SECRET_KEY")
    }

    package init(base64 text: String, origin: String) throws {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SecretError.badKey(origin: origin, reason: "is not base64")
        }
        guard data.count == 32 else {
            throw SecretError.badKey(origin: origin, reason: "is \(data.count) bytes long")
        }
        keyBytes = data
    }

    /// Encrypts a credentials dictionary (JSON inside).
    package func seal(_ credentials: [String: String]) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        let plain = try e.encode(credentials)
        guard let combined = try AES.GCM.seal(plain, using: key).combined else { throw SecretError.cannotOpen }
        return combined
    }

    /// Decrypts what ``seal(_:)`` produced; throws ``SecretError/cannotOpen`` for another key
    /// or altered bytes.
    package func open(_ sealed: Data) throws -> [String: String] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            let plain = try AES.GCM.open(box, using: key)
            return try JSONDecoder().decode([String: String].self, from: plain)
        } catch {
            throw SecretError.cannotOpen
        }
    }
}
