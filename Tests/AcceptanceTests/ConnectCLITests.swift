import Foundation
import Testing

@Suite("smmkpi connect and sync")
struct ConnectCLITests {
    @Test("connect add needs a secret key and says how to make one")
    func missingKey() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try smmkpi(["connect", "add", "vk", "--token", "t", "--community", "brand",
                            "--secret-key-file", dir.appendingPathComponent("none.key").path,
                            "--db", dir.appendingPathComponent("x.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("The secret key from the file"))
        #expect(r.stderr.contains("openssl rand -base64 32"))
    }

    @Test("add, list and remove a connection; the token is stored encrypted and never printed")
    func lifecycle() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("secret.key")
        try Data(Data((0..<32).map { UInt8($0) }).base64EncodedString().utf8).write(to: key)
        let db = dir.appendingPathComponent("x.sqlite").path
        let common = ["--secret-key-file", key.path, "--db", db]

        let missing = try smmkpi(["connect", "add", "vk", "--token", "vk1.a.SECRET-TOKEN"] + common)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("A vk connection needs --community"))

        let add = try smmkpi(["connect", "add", "vk", "--token", "vk1.a.SECRET-TOKEN", "--community", "brand",
                              "--name", "brand-vk"] + common)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Added the vk connection “brand-vk”"))

        let list = try smmkpi(["connect", "list", "--db", db])
        #expect(list.stdout.contains("brand-vk") && list.stdout.contains("community=brand") && list.stdout.contains("never"))
        #expect(!list.stdout.contains("SECRET-TOKEN"))
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("x.sqlite") {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(bytes.range(of: Data("SECRET-TOKEN".utf8)) == nil, "\(name) holds the token in clear")
        }

        let unknown = try smmkpi(["connect", "add", "myspace", "--token", "t"] + common)
        #expect(unknown.stderr.contains("“myspace” is not a source smmkpi can connect to; the sources are vk, telegram, tgstat, metrica, vkads, amocrm, bitrix24, ok, ga4, direct, wordstat."))

        let removed = try smmkpi(["connect", "remove", "brand-vk", "--db", db])
        #expect(removed.status == 0 && removed.stdout.contains("Removed the connection “brand-vk”"))
        let again = try smmkpi(["connect", "remove", "brand-vk", "--db", db])
        #expect(again.status != 0 && again.stderr.contains("There is no connection named “brand-vk”"))

        let sync = try smmkpi(["sync"] + common)
        #expect(sync.status != 0 && sync.stderr.contains("There are no connections to sync"))
        let badDate = try smmkpi(["sync", "--from", "01.05.2024"] + common)
        #expect(badDate.status != 0 && badDate.stderr.contains("--from “01.05.2024” is not a date"))
    }
}
