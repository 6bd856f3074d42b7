import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SMMServer
import SMMStore
import Testing

@Suite("JSON API")
struct APITests {
    @Test("GET …/kpi answers exactly what `smmkpi kpi --format json` prints, for every KPI case of the spec")
    func kpiEqualsCLI() async throws {
        let site = try await TestSite()
        let token = try await site.token(.client, scopes: [.read])
        let db = site.dir.appendingPathComponent("cli.sqlite").path
        let imported = try runSMMKPI(["import", Fixtures.smallBundle.path, "--db", db, "--quiet"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let cases: [(query: String, args: [String])] = [
            ("period=2024-11", ["--period", "2024-11"]),
            ("period=2024-W50", ["--period", "2024-W50"]),
            ("period=2024-12", ["--period", "2024-12"]),
            ("period=2024-11&by=format", ["--period", "2024-11", "--by", "format"]),
            ("period=2024-W50&accounts=vk_main", ["--period", "2024-W50", "--accounts", "vk_main"]),
            ("period=2024-11&task=leads", ["--period", "2024-11", "--task", "leads"]),
        ]
        try await site.app().test(.live) { client in
            for c in cases {
                let cli = try runSMMKPI(["kpi"] + c.args + ["--db", db, "--format", "json"])
                try #require(cli.status == 0, "\(cli.stderr)")
                for _ in 0..<2 {  // the second answer comes from the cache
                    let r = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi?\(c.query)", method: .get,
                                                     headers: [.authorization: "Bearer \(token)"])
                    #expect(r.status == .ok)
                    #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
                    // Same document; JSONEncoder's key order is not stable between processes on Linux.
                    let api = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? NSDictionary
                    let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? NSDictionary
                    #expect(api != nil && api == expected, "\(c.query)")
                }
            }
            // networks= keeps the accounts of those networks.
            let byNet = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi?period=2024-11&networks=vk", method: .get,
                                                 headers: [.authorization: "Bearer \(token)"])
            let scope = (byNet.json?["scope"] as? [String: Any])?["accounts"] as? [String]
            #expect(scope?.isEmpty == false && scope?.allSatisfy { $0.hasPrefix("vk") } == true, "\(byNet.text)")
            // Bad input: 400 with the CLI's sentence.
            let bad = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi?period=2024-13", method: .get,
                                               headers: [.authorization: "Bearer \(token)"])
            #expect(bad.status == .badRequest)
            #expect(bad.errorCode == "bad_request")
            let none = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(none.status == .badRequest)
        }
    }

    @Test("Workspaces are apart: the same request on a workspace without data says so, never shows another's")
    func isolation() async throws {
        let site = try await TestSite()
        let owner = try await site.token(.owner, scopes: [.read])
        try await site.app().test(.live) { client in
            let alpha = try await client.execute(uri: "/api/v1/workspaces/alpha/kpi?period=2024-11", method: .get, headers: [.authorization: "Bearer \(owner)"])
            #expect(alpha.status == .ok)
            let beta = try await client.execute(uri: "/api/v1/workspaces/beta/kpi?period=2024-11", method: .get, headers: [.authorization: "Bearer \(owner)"])
            #expect(beta.status == .badRequest)
            #expect(beta.text.contains("has no data yet"))
            let settings = try await client.execute(uri: "/api/v1/workspaces/beta", method: .get, headers: [.authorization: "Bearer \(owner)"])
            #expect((settings.json?["accounts"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Import: a good zip is imported (201); a zip with a bad row or not a zip writes nothing and lists the problems")
    func importUpload() async throws {
        let site = try await TestSite(importSmall: false)
        let token = try await site.token(.specialist, scopes: [.read, .write])
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/zip"]
        let good = try ZipWriter.zip(folder: Fixtures.smallBundle)
        // The same bundle with one impossible value in posts.csv.
        var files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.smallBundle.path).sorted().map {
            ($0, Array(try Data(contentsOf: Fixtures.smallBundle.appendingPathComponent($0))))
        }
        let i = try #require(files.firstIndex { $0.0 == "account_daily.csv" })
        var lines = String(decoding: files[i].1, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[1] = "2024-02-31"
        lines[1] = cells.joined(separator: ",")
        files[i].1 = Array(lines.joined(separator: "\n").utf8)
        let bad = ZipWriter.zip(files)
        let beta = try await site.databases.workspace(slug: "beta", create: false)
        let store = try site.databases.store(for: beta)
        try await site.app().test(.live) { client in
            let badAnswer = try await client.execute(uri: "/api/v1/workspaces/alpha/imports?name=week.zip", method: .post, headers: auth,
                                                     body: ByteBuffer(bytes: bad))
            #expect(badAnswer.status == .unprocessableContent)
            let err = try #require(badAnswer.json?["error"] as? [String: Any])
            #expect(err["code"] as? String == "import_rejected")
            #expect((err["message"] as? String)?.hasPrefix("week.zip was not imported") == true)
            let problems = err["problems"] as? [String] ?? []
            #expect(problems.contains { $0.contains("account_daily.csv") && $0.contains("2024-02-31") }, "\(problems)")
            #expect(!badAnswer.text.contains("smmkpi-upload-"), "no temporary paths in messages")
            let alpha = try await site.databases.workspace(slug: "alpha", create: false)
            #expect(try await site.databases.store(for: alpha).rowCounts().values.reduce(0, +) == 0, "nothing half-imported")

            let notZip = try await client.execute(uri: "/api/v1/workspaces/alpha/imports", method: .post, headers: auth,
                                                  body: ByteBuffer(string: "account_id,network\n"))
            #expect(notZip.status == .badRequest)
            #expect(notZip.text.contains("is not a .zip file"))

            let ok = try await client.execute(uri: "/api/v1/workspaces/alpha/imports?name=small.zip", method: .post, headers: auth,
                                              body: ByteBuffer(bytes: good))
            #expect(ok.status == .created, "\(ok.text)")
            #expect(ok.json?["bundle"] as? String == "small.zip")
            #expect((ok.json?["rows_imported"] as? Int ?? 0) > 0)
            #expect(try await site.databases.store(for: alpha).rowCounts().values.reduce(0, +) > 0)
            #expect(try await store.rowCounts().values.reduce(0, +) == 0, "beta untouched")

            // The same upload as a browser form (multipart) with the session's CSRF field.
            var b = Browser()
            try await b.login(client, "specialist", "password-specialist")
            let csrf = try #require(try await site.databases.home.session(tokenHash: Secrets.hash(b.cookies["smmkpi_session"]!), now: Date())?.csrfToken)
            let boundary = "XyZ\(UUID().uuidString)"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(csrf)\r\n".utf8)
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"again.zip\"\r\nContent-Type: application/zip\r\n\r\n".utf8)
            body += good + Array("\r\n--\(boundary)--\r\n".utf8)
            var h: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
            h[.cookie] = b.cookieHeader
            let form = try await client.execute(uri: "/api/v1/workspaces/alpha/imports", method: .post, headers: h, body: ByteBuffer(bytes: body))
            #expect(form.status == .created, "\(form.text)")
            #expect(form.json?["bundle"] as? String == "again.zip")
        }
    }

    @Test("Plans: create from YAML, list, get, score as `smmkpi score --format json`, check, delete")
    func plans() async throws {
        let site = try await TestSite()
        let token = try await site.token(.specialist, scopes: [.read, .write])
        let yaml = try String(contentsOf: Fixtures.planYAML, encoding: .utf8)
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        var yamlFields = auth
        yamlFields[.contentType] = "application/yaml"
        let yamlHeaders = yamlFields
        let db = site.dir.appendingPathComponent("cli.sqlite").path
        _ = try runSMMKPI(["import", Fixtures.smallBundle.path, "--db", db, "--quiet"])
        let cli = try runSMMKPI(["score", Fixtures.planYAML.path, "--db", db, "--format", "json", "--as-of", "2024-12-31"])
        try #require(cli.status == 0, "\(cli.stderr)")
        try await site.app().test(.live) { client in
            let created = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .post, headers: yamlHeaders,
                                                   body: ByteBuffer(string: yaml))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json?["id"] as? Int)
            let again = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .post, headers: yamlHeaders,
                                                 body: ByteBuffer(string: yaml))
            #expect(again.status == .ok, "a plan of the same name is replaced")
            let list = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .get, headers: auth)
            #expect(list.text.contains("December 2024"))
            let get = try await client.execute(uri: "/api/v1/workspaces/alpha/plans/\(id)", method: .get, headers: auth)
            #expect(get.json?["id"] as? Int == id)
            let score = try await client.execute(uri: "/api/v1/workspaces/alpha/plans/\(id)/score?as_of=2024-12-31", method: .get, headers: auth)
            #expect(score.status == .ok)
            let a = try JSONSerialization.jsonObject(with: Data(score.body.readableBytesView)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
            let differing = (b ?? [:]).keys.filter { k in !((a?[k] as? NSObject)?.isEqual(b?[k]) ?? false) }.sorted()
            #expect(differing.isEmpty, "differs from the CLI: \(differing) \(differing.map { "\(a?[$0] ?? "nil") vs \(b?[$0] ?? "nil")" })")
            #expect(a?.count == b?.count)
            let history = try await client.execute(uri: "/api/v1/workspaces/alpha/plans/\(id)/score?history=3&as_of=2024-12-31", method: .get, headers: auth)
            #expect((history.json?["history"] as? [Any])?.count == 3)
            let check = try await client.execute(uri: "/api/v1/workspaces/alpha/plan-check", method: .post, headers: yamlHeaders,
                                                 body: ByteBuffer(string: yaml))
            #expect(check.status == .ok)
            #expect(check.json?["kpis"] is [Any])
            let broken = try await client.execute(uri: "/api/v1/workspaces/alpha/plans", method: .post, headers: yamlHeaders,
                                                  body: ByteBuffer(string: "name: x\nperiod: 2024-13\nkpis: []\n"))
            #expect(broken.status == .badRequest)
            #expect(broken.errorCode == "bad_request")
            let del = try await client.execute(uri: "/api/v1/workspaces/alpha/plans/\(id)", method: .delete, headers: auth)
            #expect(del.status == .noContent)
            let gone = try await client.execute(uri: "/api/v1/workspaces/alpha/plans/\(id)", method: .get, headers: auth)
            #expect(gone.status == .notFound)
            #expect(gone.errorCode == "not_found")
        }
    }

    @Test("Comments with filters and a sentiment correction; anomalies list; unknown anomaly is 404")
    func commentsAndAnomalies() async throws {
        let site = try await TestSite()
        let token = try await site.token(.director, scopes: [.read, .write])
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        var jsonFields = auth
        jsonFields[.contentType] = "application/json"
        let json = jsonFields
        try await site.app().test(.live) { client in
            let all = try await client.execute(uri: "/api/v1/workspaces/alpha/comments?period=2024-12", method: .get, headers: auth)
            #expect(all.status == .ok, "\(all.text)")
            let comments = try #require(all.json?["comments"] as? [[String: Any]])
            try #require(!comments.isEmpty)
            let first = try #require(comments.first?["comment_id"] as? String)
            let fixed = try await client.execute(uri: "/api/v1/workspaces/alpha/comments/\(first)/sentiment", method: .post, headers: json,
                                                 body: ByteBuffer(string: #"{"label": "negative"}"#))
            #expect(fixed.status == .ok, "\(fixed.text)")
            #expect(fixed.json?["label"] as? String == "negative")
            #expect(fixed.json?["source"] as? String == "user")
            let negatives = try await client.execute(uri: "/api/v1/workspaces/alpha/comments?period=2024-12&sentiment=negative", method: .get, headers: auth)
            let ids = (negatives.json?["comments"] as? [[String: Any]])?.compactMap { $0["comment_id"] as? String } ?? []
            #expect(ids.contains(first))
            let questions = try await client.execute(uri: "/api/v1/workspaces/alpha/comments?period=2024-12&unanswered=true", method: .get, headers: auth)
            #expect((questions.json?["comments"] as? [[String: Any]])?.allSatisfy { $0["question"] as? Bool == true && $0["answered"] as? Bool == false } == true)
            let badLabel = try await client.execute(uri: "/api/v1/workspaces/alpha/comments/\(first)/sentiment", method: .post, headers: json,
                                                    body: ByteBuffer(string: #"{"label": "angry"}"#))
            #expect(badLabel.status == .badRequest)
            let noComment = try await client.execute(uri: "/api/v1/workspaces/alpha/comments/nope/sentiment", method: .post, headers: json,
                                                     body: ByteBuffer(string: #"{"label": null}"#))
            #expect(noComment.status == .notFound)

            let anomalies = try await client.execute(uri: "/api/v1/workspaces/alpha/anomalies", method: .get, headers: auth)
            #expect(anomalies.status == .ok)
            #expect(anomalies.json?["anomalies"] is [Any])
            let unknown = try await client.execute(uri: "/api/v1/workspaces/alpha/anomalies/bf:nope:2024-01-01/confirm", method: .post, headers: auth)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("Owners create workspaces and users over the API; others may not")
    func ownerAdmin() async throws {
        let site = try await TestSite(importSmall: false)
        let owner = try await site.token(.owner, scopes: [.read, .write])
        let director = try await site.token(.director, scopes: [.read, .write])
        try await site.app().test(.live) { client in
            func post(_ uri: String, _ token: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                         body: ByteBuffer(string: body))
            }
            #expect(try await post("/api/v1/workspaces", director, #"{"slug": "gamma"}"#).status == .forbidden)
            #expect(try await post("/api/v1/workspaces", owner, #"{"slug": "gamma", "name": "Gamma"}"#).status == .created)
            #expect(try await post("/api/v1/workspaces", owner, #"{"slug": "gamma"}"#).status == .conflict)
            #expect(try await post("/api/v1/workspaces", owner, #"{"slug": "Bad Slug"}"#).status == .badRequest)
            let u = try await post("/api/v1/users", owner, #"{"login": "kate", "password": "kate-password", "workspace": "gamma", "role": "client"}"#)
            #expect(u.status == .created, "\(u.text)")
            #expect(try await post("/api/v1/users", owner, #"{"login": "kate2", "password": "short"}"#).status == .badRequest)
            #expect(try await post("/api/v1/users", director, #"{"login": "x", "password": "long-enough"}"#).status == .forbidden)
            var b = Browser()
            #expect(try await b.login(client, "kate", "kate-password").status == .seeOther)
            let me = try await b.send(client, "/api/v1/me")
            #expect((me.json?["workspaces"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["gamma"])
        }
    }
}
