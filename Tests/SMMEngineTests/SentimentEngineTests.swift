import Foundation
import SMMBundle
import SMMCore
import SMMEngine
import SMMStore
import Testing

/// A bundle with comments, mentions and reviews, some labelled in the bundle, some not.
private enum LabelBundle {
    static let files: [String: String] = [
        "manifest.json": #"{"format": "smm-bundle", "version": 1, "timezone": "Europe/Moscow", "currency": "RUB"}"#,
        "accounts.csv": "account_id,network,name,url,brand\nvk_main,vk,Зерно VK,,Зерно\n",
        "posts.csv": "post_id,account_id,published_at,format\np1,vk_main,2024-11-01T10:00:00+03:00,post\n",
        "comments.csv": """
            comment_id,post_id,created_at,author_id,text,from_brand,parent_id,sentiment
            c1,p1,2024-11-02T10:00:00+03:00,u1,Отличный кофе!,,,
            c2,p1,2024-11-02T11:00:00+03:00,u2,👍,,,
            c3,p1,2024-11-02T12:00:00+03:00,u3,"Ужасный сервис, больше не приду",,,positive
            c4,p1,2024-11-02T13:00:00+03:00,u4,Сколько стоит доставка в Химки?,,,
            c5,p1,2024-11-02T14:00:00+03:00,u5,Где вы находитесь?,,,
            c6,p1,2024-11-02T15:00:00+03:00,brand,"Добрый день! На Ленина, 5",true,c5,
            c7,p1,2024-11-02T16:00:00+03:00,u6,"Waited an hour, cold coffee",,,

            """,
        "mentions.csv": """
            mention_id,published_at,network,url,author,text,reach,sentiment
            m1,2024-11-03T10:00:00Z,telegram,,a,Лучшая кофейня района,100,
            m2,2024-11-03T11:00:00Z,telegram,,b,🔥🔥,100,

            """,
        "reviews.csv": """
            review_id,created_at,network,rating,text,sentiment
            r1,2024-11-04T10:00:00Z,Yandex Maps,,Очень вкусно и уютно,
            r2,2024-11-04T11:00:00Z,Yandex Maps,,Грязно и долго,

            """,
    ]
}

@Suite struct SentimentEngineTests {
    static let classifier = SentimentClassifier()
    let period = try! Period(parsing: "2024-11")

    func labels(_ store: TestStore, _ kind: LabeledKind, _ id: String) async throws -> LabeledText {
        let row = try await store.labeledText(kind, id: id)
        return try #require(row)
    }

    func shares(_ store: any Store) async throws -> [KPIID: Double?] {
        let report = try await KPIService(store: store).report(
            period: period, metrics: [.commentPositiveShare, .commentNegativeShare, .mentionPositiveShare, .positiveReviewShare])
        return Dictionary(uniqueKeysWithValues: report.metrics.map { ($0.id, $0.value) })
    }

    @Test("import labels texts without a given sentiment, keeps given labels, leaves letterless texts unclassified")
    func importClassifies() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try sentimentImport(try dir.bundle("bundle", LabelBundle.files), into: store)

        let c1 = try await labels(store, .comment, "c1")
        #expect(c1.model == .positive && c1.label == .positive && c1.source == .model)
        let c2 = try await labels(store, .comment, "c2")
        #expect(c2.label == nil && c2.source == nil)
        let c3 = try await labels(store, .comment, "c3")
        #expect(c3.given == .positive && c3.model == nil && c3.label == .positive && c3.source == .given)
        #expect(try await labels(store, .comment, "c7").label == .negative)
        // The brand's own reply is not classified: no sentiment share counts it.
        #expect(try await labels(store, .comment, "c6").model == nil)
        #expect(try await labels(store, .mention, "m1").label == .positive)
        #expect(try await labels(store, .mention, "m2").label == nil)
        #expect(try await labels(store, .review, "r1").label == .positive)
        #expect(try await labels(store, .review, "r2").label == .negative)

        // comments_count rows: c1..c5, c7 (c6 is the brand's); classified: c1, c3, c4, c5, c7.
        let s = try await shares(store)
        let classified = ["c1", "c3", "c4", "c5", "c7"]
        var positive = 0.0, negative = 0.0
        for id in classified {
            let l = try await labels(store, .comment, id).label
            if l == .positive { positive += 1 }
            if l == .negative { negative += 1 }
        }
        #expect(s[.commentPositiveShare] == positive / 5 * 100)
        #expect(s[.commentNegativeShare] == negative / 5 * 100)
        #expect(s[.mentionPositiveShare] == 100)
        #expect(s[.positiveReviewShare] == 50)
    }

    @Test("a correction counts at once and survives re-import and reclassify")
    func correctionsSurvive() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        let bundle = try dir.bundle("bundle", LabelBundle.files)
        try sentimentImport(bundle, into: store)
        let service = SentimentService(store: store, classifier: Self.classifier)
        let before = try await shares(store)

        let row = try await service.label(.comment, id: "c1", as: .negative)
        #expect(row.user == .negative && row.label == .negative && row.source == .user && row.model == .positive)
        _ = try await service.label(.comment, id: "c3", as: .neutral)  // over a given label
        _ = try await service.label(.review, id: "r2", as: .positive)
        _ = try await service.label(.comment, id: "c2", as: .positive)  // letterless, but the user says so
        let after = try await shares(store)
        #expect(after[.commentNegativeShare] != before[.commentNegativeShare])
        #expect(after[.positiveReviewShare] == 100)

        try sentimentImport(bundle, into: store)
        #expect(try await shares(store) == after)
        let summary = try await service.reclassify()
        #expect(summary.corrected == 4)
        #expect(summary.given == 1)
        #expect(summary.unclassified == 3)  // c2, m2, and c6: the brand's own comment
        #expect(summary.changed == 0)
        #expect(try await shares(store) == after)
        #expect(try await labels(store, .comment, "c1").label == .negative)
        #expect(try await labels(store, .comment, "c3").label == .neutral)

        // A re-import that changes a text re-labels it by the model; the correction still wins.
        var changed = LabelBundle.files
        changed["comments.csv"] = changed["comments.csv"]!.replacingOccurrences(of: "Отличный кофе!", with: "Кошмар")
        try sentimentImport(try dir.bundle("changed", changed), into: store)
        let c1 = try await labels(store, .comment, "c1")
        #expect(c1.model == .negative && c1.label == .negative && c1.source == .user)

        // Clearing the correction brings the model's label back.
        _ = try await service.label(.comment, id: "c3", as: nil)
        #expect(try await labels(store, .comment, "c3").source == .given)

        let csv = SentimentService.correctionsCSV(try await service.corrections())
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "kind,id,label,text,given,model,corrected_at")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("comment,c1,negative,Кошмар,,negative,"))
    }

    @Test("a correction of an unknown id is an error that names it")
    func unknownID() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try sentimentImport(try dir.bundle("bundle", LabelBundle.files), into: store)
        await #expect(throws: LabelError.unknownRow(kind: .mention, id: "nope")) {
            try await SentimentService(store: store, classifier: Self.classifier).label(.mention, id: "nope", as: .positive)
        }
    }

    @Test("reclassify replaces model labels written by another model and removes stale ones")
    func reclassifyReplaces() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        let lexiconOnly = SentimentClassifier(lexicon: SentimentLexiconData.text, model: nil, version: "old")
        _ = try Importer(store: store, classifier: lexiconOnly).run(bundle: try dir.bundle("bundle", LabelBundle.files))
        let s = try await SentimentService(store: store, classifier: Self.classifier).reclassify()
        #expect(s.classified == 7)  // c1, c4, c5, c7, m1, r1, r2 (not c6, the brand's reply)
        #expect(try await labels(store, .comment, "c1").model == .positive)
    }

    @Test("labels follow the last row of a key, across classification batches")
    func batchesAndRepeatedKeys() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        var files = LabelBundle.files
        var comments = "comment_id,post_id,created_at,author_id,text,from_brand,parent_id,sentiment\n"
        comments += "a,p1,2024-11-02T10:00:00+03:00,u,Отличный кофе!,,,\n"
        comments += "b,p1,2024-11-02T10:00:00+03:00,u,Отличный кофе!,,,negative\n"
        for i in 0..<9000 {
            comments += "x\(i),p1,2024-11-03T10:00:00+03:00,u,\(i % 2 == 0 ? "Ужасный сервис" : "Спасибо и вкусно"),,,\n"
        }
        comments += "a,p1,2024-11-02T10:00:00+03:00,u,Отличный кофе!,,,neutral\n"  // now given: no model label
        comments += "b,p1,2024-11-02T10:00:00+03:00,u,Ужасный сервис,,,\n"  // now unlabelled: the model's
        files["comments.csv"] = comments
        try sentimentImport(try dir.bundle("big", files), into: store)
        let a = try await labels(store, .comment, "a")
        #expect(a.given == .neutral && a.model == nil)
        let b = try await labels(store, .comment, "b")
        #expect(b.given == nil && b.model == .negative)
        #expect(try await labels(store, .comment, "x8998").model == .negative)
        #expect(try await labels(store, .comment, "x8999").model == .positive)
        // A re-import of the same bundle changes nothing.
        let before = try await SentimentService(store: store, classifier: Self.classifier).reclassify()
        try sentimentImport(try dir.bundle("big2", files), into: store)
        let after = try await SentimentService(store: store, classifier: Self.classifier).reclassify()
        #expect(after.changed == 0 && before.changed == 0 && after.classified == 9001 + 3)  // b and x…, m1, r1, r2
    }

    @Test("unanswered questions: customer questions without a from_brand reply")
    func unansweredQuestions() async throws {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try sentimentImport(try dir.bundle("bundle", LabelBundle.files), into: store)
        let service = SentimentService(store: store, classifier: Self.classifier)
        let open = try await service.comments(CommentQuery(period: period, unansweredQuestions: true))
        #expect(open.map(\.listing.comment.id) == ["c4"])
        let all = try await service.comments(CommentQuery(period: period))
        #expect(all.map(\.listing.comment.id) == ["c1", "c2", "c3", "c4", "c5", "c7"])
        #expect(all.first { $0.listing.comment.id == "c5" }?.listing.hasBrandReply == true)
        #expect(all.filter(\.isQuestion).map(\.listing.comment.id) == ["c4", "c5"])
        let negative = try await service.comments(CommentQuery(period: period, sentiment: .negative))
        #expect(negative.map(\.listing.comment.id).contains("c7"))
        let december = try await service.comments(CommentQuery(period: try Period(parsing: "2024-12"), unansweredQuestions: true))
        #expect(december.isEmpty)
    }
}

@Suite struct SentimentCSVTests {
    static let classifier = SentimentClassifier()

    func run(_ input: String, column: String = "text", format: SentimentOutputFormat = .csv,
             language: LanguageChoice = .auto) throws -> String {
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let path = dir.path("in.csv")
        try Data(input.utf8).write(to: URL(fileURLWithPath: path))
        var out = ""
        try SentimentCSVLabeler(classifier: Self.classifier, language: language, column: column, format: format)
            .run(url: URL(fileURLWithPath: path), source: "in.csv") { out += $0 }
        return out
    }

    @Test("CSV: the example of cli.md, byte for byte")
    func cliExample() throws {
        let out = try run("id,text\n1,Отличный кофе!\n2,👍\n3,\"Waited an hour, cold coffee\"\n")
        #expect(out == "id,text,sentiment\n1,Отличный кофе!,positive\n2,👍,\n3,\"Waited an hour, cold coffee\",negative\n")
    }

    @Test("CSV: a BOM, CRLF, a header matched case-insensitively and trimmed; an existing sentiment column is replaced in place")
    func replacesInPlace() throws {
        let out = try run("\u{FEFF}ID, Sentiment ,Comment \r\n1,x,Ужасно\r\n2,,\r\n", column: "comment")
        #expect(out == "ID,\" Sentiment \",\"Comment \"\n1,negative,Ужасно\n2,,\n")
    }

    @Test("CSV: cell values are written back unchanged, quoted where needed")
    func unchangedCells() throws {
        let out = try run("text,note\n\"Спасибо, очень вкусно\",\"он сказал \"\"да\"\"\"\n  Класс  ,\n")
        #expect(out == "text,note,sentiment\n\"Спасибо, очень вкусно\",\"он сказал \"\"да\"\"\",positive\n\"  Класс  \",,positive\n")
    }

    @Test("JSON: every column as a string and sentiment, null without letters")
    func json() throws {
        let out = try run("id,text,sentiment\n1,Отличный кофе!,negative\n2,,\n", format: .json)
        #expect(out == """
            [
              {"id": "1", "text": "Отличный кофе!", "sentiment": "positive"},
              {"id": "2", "text": "", "sentiment": null}
            ]

            """)
        #expect(try run("id,text\n", format: .json) == "[]\n")
        let data = Data(try run("id,text\n1,\"a \"\"b\"\" \\\\ c\"\n", format: .json).utf8)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(parsed.first?["text"] as? String == "a \"b\" \\\\ c")
    }

    @Test("a missing column names it and lists the header")
    func missingColumn() throws {
        #expect(throws: SentimentCSVError.missingColumn(source: "in.csv", column: "text", header: ["id", "body"])) {
            try run("id, body\n1,x\n")
        }
        let message = SentimentCSVError.missingColumn(source: "in.csv", column: "text", header: ["id", "body"]).errorDescription
        #expect(message?.contains("“text”") == true && message?.contains("“body”") == true)
    }

    @Test("an empty input and a row with too many fields are errors")
    func badInput() throws {
        #expect(throws: SentimentCSVError.noHeader(source: "in.csv")) { try run("") }
        #expect(throws: SentimentCSVError.fieldCount(source: "in.csv", line: 3, fields: 3, header: 2)) {
            try run("id,text\n1,ok\n2,a,b\n")
        }
    }

    @Test("--lang is applied to every row; auto picks per row")
    func language() throws {
        let both = "text\nОтличный кофе!\nTerrible service\n"
        #expect(try run(both, language: .auto) == "text,sentiment\nОтличный кофе!,positive\nTerrible service,negative\n")
        #expect(try run(both, language: .ru).hasSuffix("Terrible service,negative\n"))
    }

    @Test("the smmkpi binary prints the same as cli.md, and reads standard input or a file")
    func binary() throws {
        guard let bin = SentimentTempDir.binary else { return }
        let dir = try SentimentTempDir()
        defer { dir.remove() }
        let path = dir.path("in.csv")
        try Data("id,text\n1,Отличный кофе!\n2,👍\n3,\"Waited an hour, cold coffee\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try sentimentRun(["sentiment", path], binary: bin, in: dir.url)
        #expect(r.status == 0)
        #expect(r.stdout == "id,text,sentiment\n1,Отличный кофе!,positive\n2,👍,\n3,\"Waited an hour, cold coffee\",negative\n")
        let j = try sentimentRun(["sentiment", path, "--format", "json", "--lang", "auto"], binary: bin, in: dir.url)
        #expect(j.status == 0 && j.stdout.hasPrefix("[\n  {\"id\": \"1\""))
        let missing = try sentimentRun(["sentiment", path, "--column", "body"], binary: bin, in: dir.url)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no column “body”"))
        #expect(missing.stdout.isEmpty)
    }
}

// Helpers of their own, so that these tests need nothing from other test files.

/// A fresh temporary folder for one test.
struct SentimentTempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-sentiment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func store() throws -> TestStore { try TestBackend.store(sqlitePath: path("smmkpi.sqlite")) }

    /// Writes a bundle folder from file texts; returns its path.
    func bundle(_ name: String, _ files: [String: String]) throws -> String {
        let dir = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(file)) }
        return dir.path
    }

    /// The smmkpi executable built next to the test bundle (`SMMKPI_BIN` overrides it).
    static var binary: URL? {
        if let bin = ProcessInfo.processInfo.environment["SMMKPI_BIN"], !bin.isEmpty { return URL(fileURLWithPath: bin) }
        guard let first = CommandLine.arguments.first else { return nil }
        var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
        while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
        let bin = dir.appendingPathComponent("smmkpi")
        return FileManager.default.isExecutableFile(atPath: bin.path) ? bin : nil
    }
}

func sentimentImport(_ path: String, into store: any Store) throws {
    _ = try Importer(store: store).run(bundle: path)
}

/// Runs the built smmkpi; output through files so that a large output never blocks.
func sentimentRun(_ arguments: [String], binary: URL, in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let r = try runSMMKPI(arguments, binary: binary, in: directory)
    return (r.status, r.stdout, r.stderr)
}
