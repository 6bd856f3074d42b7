import Foundation
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// Where the shared fixtures and the built binary are.
enum Fixtures {
    /// The repository root: /work/main/Tests/SMMEngineTests/TestSupport.swift → /work/main.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/spec/examples` next to the repository. `SMMKPI_SPEC_DIR` overrides it; it may name
    /// the examples folder itself or the spec folder that holds `examples/`.
    static let examples: URL = {
        if let dir = ProcessInfo.processInfo.environment["SMMKPI_SPEC_DIR"], !dir.isEmpty {
            let url = URL(fileURLWithPath: dir)
            let nested = url.appendingPathComponent("examples")
            if FileManager.default.fileExists(atPath: nested.appendingPathComponent("small-bundle").path) {
                return nested
            }
            return url
        }
        return repo.deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
    }()

    static var smallBundle: URL { examples.appendingPathComponent("small-bundle") }

    /// The smmkpi executable: `SMMKPI_BIN`, else the one built next to this test bundle, else
    /// `<repo>/.build/debug/smmkpi`.
    static var binary: URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let bin = ProcessInfo.processInfo.environment["SMMKPI_BIN"], !bin.isEmpty {
            return URL(fileURLWithPath: bin)
        }
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            // macOS runs the tests from inside smmkpiPackageTests.xctest/Contents/MacOS.
            while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
            candidates.append(dir.appendingPathComponent("smmkpi"))
        }
        candidates.append(repo.appendingPathComponent(".build/debug/smmkpi"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }
}

/// A fresh temporary folder for one test; `remove()` deletes it.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("smmkpi-engine-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Opens (creating) a real SQLite database file in this folder.
    func store(_ name: String = "smmkpi.sqlite") throws -> TestStore {
        try TestBackend.store(sqlitePath: path(name))
    }

    /// A SQLite file whatever the backend: for tests that hand the file to the binary or read it as a file.
    func sqliteStore(_ name: String = "smmkpi.sqlite") throws -> SQLiteStore {
        try SQLiteStore(path: path(name))
    }

    /// Writes a bundle folder from file texts (`name.csv` → contents); returns its path.
    @discardableResult
    func bundle(_ name: String = "bundle", _ files: [String: String]) throws -> String {
        try bundle(name, bytes: files.mapValues { Array($0.utf8) })
    }

    /// Writes a bundle folder from raw file bytes; returns its path.
    @discardableResult
    func bundle(_ name: String, bytes files: [String: [UInt8]]) throws -> String {
        let dir = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (file, bytes) in files {
            try Data(bytes).write(to: dir.appendingPathComponent(file))
        }
        return dir.path
    }

    /// Copies a bundle folder here, so a test can change one of its files.
    func copy(_ source: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// Imports a bundle into a store with the engine's importer.
@discardableResult
func importBundle(_ path: String, into store: any Store, options: ImportOptions = ImportOptions()) throws -> ImportReport {
    try Importer(store: store).run(bundle: path, options: options)
}

/// Exports a store into `directory` and returns every written file's bytes by name.
func exportFiles(_ store: any Store, to directory: String) async throws -> [String: Data] {
    _ = try await Exporter(store: store).run(to: directory)
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
        out[name] = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
    return out
}

/// Rows of one exported CSV file as text lines (header first); LF line ends, as export writes.
func exportedLines(_ files: [String: Data], _ name: String) -> [String] {
    guard let data = files[name] else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

extension ImportReport {
    /// The summary of one file, if the bundle had it.
    func summary(_ file: BundleFile) -> FileImportSummary? { files.first { $0.file == file } }

    /// Every warning as one text.
    var warningText: String { warnings.map(\.description).joined(separator: "\n") }
}

// MARK: - Zip archives

/// Writes a zip archive of stored (uncompressed) entries: enough for tests to build bundles with
/// exactly the entry names they need, including hostile ones such as `../evil.csv`.
enum ZipWriter {
    struct Entry {
        var path: String
        var data: Data
    }

    static func write(_ entries: [Entry], to url: URL) throws {
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.path.utf8)
            let crc = crc32(entry.data)
            let offset = UInt32(out.count)
            let isDirectory = entry.path.hasSuffix("/")
            // Local file header.
            out.le32(0x0403_4B50); out.le16(20); out.le16(0x0800); out.le16(0)  // UTF-8 names, stored
            out.le16(0); out.le16(0x21)  // 1980-01-01 00:00
            out.le32(crc); out.le32(UInt32(entry.data.count)); out.le32(UInt32(entry.data.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out.append(name); out.append(entry.data)
            // Central directory record.
            central.le32(0x0201_4B50); central.le16(0x031E); central.le16(20); central.le16(0x0800); central.le16(0)
            central.le16(0); central.le16(0x21)
            central.le32(crc); central.le32(UInt32(entry.data.count)); central.le32(UInt32(entry.data.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(isDirectory ? (0o040755 << 16) | 0x10 : 0o100644 << 16)
            central.le32(offset)
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.le32(0x0605_4B50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        try out.write(to: url)
    }

    /// Zips a bundle folder as `zip -r bundle.zip folder` would: entries under `prefix/`.
    static func zip(folder: URL, prefix: String?, to url: URL) throws {
        var entries: [Entry] = []
        if let prefix { entries.append(Entry(path: prefix + "/", data: Data())) }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            entries.append(Entry(path: prefix.map { "\($0)/\(name)" } ?? name, data: data))
        }
        try write(entries, to: url)
    }

    private static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

private extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xFFFF)); le16(UInt16(v >> 16)) }
}

// MARK: - Running the binary

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built smmkpi with arguments; output goes through files so a large output never blocks.
func runSMMKPI(_ arguments: [String], binary: URL, in directory: URL) throws -> CommandResult {
    let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close(); try errHandle.close()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

// MARK: - A small valid bundle

/// A tiny bundle that uses every file of the format, written from strings; tests change one file.
/// Every text carries its sentiment, so no import needs to load the sentiment model (which takes
/// a few tenths of a second in a debug build).
enum MiniBundle {
    static let manifest = #"{"format": "smm-bundle", "version": 1, "timezone": "Europe/Moscow", "currency": "RUB"}"#

    static let files: [String: String] = [
        "manifest.json": manifest,
        "accounts.csv": """
            account_id,network,name,url,brand
            vk_main,vk,Зерно VK,https://vk.com/zerno,Зерно
            tg_main,telegram,Зерно TG,,Зерно

            """,
        "account_daily.csv": """
            account_id,date,followers,joined,left,reach
            vk_main,2024-11-01,1000,12,2,500
            vk_main,2024-11-02,1010,11,1,520
            tg_main,2024-11-01,300,,,

            """,
        "posts.csv": """
            post_id,account_id,published_at,format,text
            p1,vk_main,2024-11-01T10:00:00+03:00,post,Привет
            p2,tg_main,2024-11-02 12:00,clip,"Hello, world"

            """,
        "post_metrics.csv": """
            post_id,collected_at,likes,reach
            p1,2024-11-03T10:00Z,10,100
            p2,2024-11-03T10:00Z,5,50

            """,
        "comments.csv": """
            comment_id,post_id,created_at,text,from_brand,parent_id,sentiment
            c1,p1,2024-11-01T11:00+03:00,Класс,false,,positive
            c2,p1,2024-11-01T12:00+03:00,Спасибо,true,c1,positive

            """,
        "messages.csv": """
            message_id,account_id,received_at,first_response_at,kind
            m1,vk_main,2024-11-01T10:00Z,2024-11-01T11:00Z,dm

            """,
        "mentions.csv": """
            mention_id,published_at,network,text,reach,sentiment
            n1,2024-11-01T09:00Z,VK,Зерно — лучший кофе,300,positive

            """,
        "reviews.csv": """
            review_id,created_at,network,rating,text,sentiment
            r1,2024-11-01T10:00Z,Yandex Maps,5,Отлично,positive

            """,
        "ad_spend.csv": """
            date,campaign,spend,network,account_id,clicks
            2024-11-01,autumn,1500.50,vk,vk_main,40

            """,
        "other_costs.csv": """
            date,category,amount,network
            2024-11-01,salary,30000,
            2024-11-01,tools,990,
            2024-11-02,content,5000,vk

            """,
        "web_sessions.csv": """
            date,source,medium,campaign,content,sessions,users
            2024-11-01,vk,social,autumn,,120,100
            2024-11-01,organic,,,,300,250

            """,
        "leads.csv": """
            lead_id,created_at,source,qualified
            l1,2024-11-01T12:00+03:00,vk,yes

            """,
        "deals.csv": """
            deal_id,closed_at,amount,lead_id,status
            d1,2024-11-02T12:00+03:00,4500,l1,won

            """,
        "audience.csv": """
            account_id,date,dimension,bucket,share
            vk_main,2024-11-01,gender,female,0.6
            vk_main,2024-11-01,gender,male,0.4

            """,
        "brand_searches.csv": """
            month,query,count
            2024-11,зерно кофейня,120

            """,
        "content_plan.csv": """
            item_id,account_id,due_at,format,post_id,approved
            i1,vk_main,2024-11-01,post,p1,true

            """,
        "work_log.csv": """
            date,person,hours,task
            2024-11-01,Анна,3.5,posts
            2024-11-02,Анна,2,replies

            """,
    ]

    /// Rows per table after importing ``files`` into an empty database.
    static let counts: [BundleFile: Int] = [
        .accounts: 2, .accountDaily: 3, .posts: 2, .postMetrics: 2, .comments: 2, .messages: 1, .mentions: 1,
        .reviews: 1, .adSpend: 1, .otherCosts: 3, .webSessions: 2, .leads: 1, .deals: 1, .audience: 2,
        .brandSearches: 1, .contentPlan: 1, .workLog: 2,
    ]

    /// The files with some replaced.
    static func with(_ changes: [String: String]) -> [String: String] {
        files.merging(changes) { _, new in new }
    }
}
