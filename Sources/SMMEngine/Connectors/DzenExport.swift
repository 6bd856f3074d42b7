import Foundation
import Logging
import SMMBundle
import SMMConnectors
import SMMCore
import SMMStore

/// A problem with a Dzen Studio export as a whole or in one cell; the sentence names the file,
/// line, column and value, and the fix.
package struct DzenExportError: Error, Equatable, LocalizedError, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var errorDescription: String? { message }
    package var description: String { message }
}

/// Reads the publication statistics export of Dzen Studio (CSV, comma or semicolon separated,
/// one row per publication, Russian or English headers) into bundle rows, and imports them
/// through the same path as the connectors (``ConnectorBundleWriter`` → ``Importer``).
/// The reading is documented in docs/connectors/dzen.md.
package enum DzenExport {
    /// The columns we read, each with the header names accepted (compared lower-cased, trimmed, ё = е).
    enum Column: String, CaseIterable {
        case id, title, url, publishedAt = "published_at", type, impressions, views
        case readThroughs = "read_throughs", likes, comments, shares, subscriptions

        var names: [String] {
            switch self {
            case .id: return ["id", "id публикации", "идентификатор", "publication_id"]
            case .title: return ["название", "заголовок", "title"]
            case .url: return ["ссылка", "url", "link"]
            case .publishedAt: return ["дата публикации", "дата", "published_at", "date"]
            case .type: return ["тип", "формат", "type", "format"]
            case .impressions: return ["показы", "impressions"]
            case .views: return ["просмотры", "views"]
            case .readThroughs: return ["дочитывания", "read_throughs", "reads"]
            case .likes: return ["лайки", "likes"]
            case .comments: return ["комментарии", "comments"]
            case .shares: return ["репосты", "поделились", "shares", "reposts"]
            case .subscriptions: return ["подписки", "subscriptions"]
            }
        }
    }

    /// Dzen publication types (Russian and English) → bundle formats.
    static let formats: [String: PostFormat] = [
        "статья": .article, "article": .article,
        "видео": .video, "video": .video,
        "ролик": .clip, "короткое видео": .clip, "shorts": .clip, "clip": .clip,
        "пост": .post, "post": .post, "заметка": .post,
        "трансляция": .live, "эфир": .live, "live": .live,
        "галерея": .carousel, "gallery": .carousel, "carousel": .carousel,
        "опрос": .poll, "poll": .poll,
    ]

    package struct Conversion: Sendable {
        package var rows: BundleRows
        package var warnings: [ImportWarning]
    }

    static func key(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
            .replacingOccurrences(of: "ё", with: "е")
    }

    /// Converts the export's text. `addAccount`: also write the accounts row (network `dzen`).
    package static func convert(text: String, file: String, accountID: String, clock: ZoneClock,
                                collectedAt: Instant, addAccount: Bool) throws -> Conversion {
        let records = try records(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        guard let header = records.first else {
            throw DzenExportError("\(file) is empty: export the publication statistics from Dzen Studio as CSV (a header row, then one row per publication).")
        }
        var index: [Column: Int] = [:]
        var warnings: [ImportWarning] = []
        for (i, name) in header.fields.enumerated() {
            let k = key(name)
            if let c = Column.allCases.first(where: { $0.names.contains(k) }), index[c] == nil {
                index[c] = i
            } else if !k.isEmpty {
                warnings.append(ImportWarning(file: file, message: "unknown column “\(name)” ignored"))
            }
        }
        for c in [Column.publishedAt, .type] where index[c] == nil {
            throw DzenExportError("\(file) has no column \(c.names[0]) (\(c.rawValue)): export it from Dzen Studio with that column, or add a column named «\(c.names[0])» or \(c.rawValue).")
        }
        if index[.url] == nil, index[.id] == nil {
            throw DzenExportError("\(file) has no column ссылка (url) and no column id: each publication needs its link or id; export the statistics with the «Ссылка» column, or add a column named url. \(exportShape)")
        }
        let bundleColumns = header.fields.map(key).filter { ["post_id", "account_id"].contains($0) }
        if !bundleColumns.isEmpty {
            throw DzenExportError("\(file) is a bundle file (column\(bundleColumns.count == 1 ? "" : "s") \(bundleColumns.joined(separator: ", "))), not a Dzen Studio export: it has no column «ID публикации» (id), and its url column is the bundle's, not the export's «Ссылка» of Dzen links; import a bundle folder with smmkpi import FOLDER. \(exportShape)")
        }

        var rows = BundleRows()
        if addAccount {
            rows.accounts = [Account(id: accountID, network: .dzen, name: accountID)]
            rows.declare(.accounts, [])
        }
        rows.declare(.posts, [Column.url, .title].compactMap { index[$0] == nil ? nil : ($0 == .title ? "text" : "url") })
        var metricColumns: [String] = []
        if index[.impressions] != nil { metricColumns.append("impressions") }
        if index[.likes] != nil { metricColumns.append("likes") }
        if index[.comments] != nil { metricColumns.append("comments") }
        if index[.shares] != nil { metricColumns.append("reposts") }
        if index[.views] != nil { metricColumns.append("video_views") }
        rows.declare(.postMetrics, metricColumns)

        var unknownTypes: [String: Int] = [:]
        var seen: [String: Int] = [:]  // post id → the line it was read on
        var dropped = (views: 0, readThroughs: 0, subscriptions: 0)
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ key($0).isEmpty }) { continue }
            func cell(_ c: Column) -> String? {
                guard let i = index[c], i < record.fields.count else { return nil }
                let v = record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : v
            }
            func fail(_ c: Column, _ value: String, _ why: String) -> DzenExportError {
                DzenExportError("\(file), line \(record.line), column \(header.fields[index[c]!].trimmingCharacters(in: .whitespaces)): “\(value)” \(why); nothing was imported.")
            }
            func count(_ c: Column) throws -> Int64? {
                guard let v = cell(c), v != "-", v != "—" else { return nil }
                let digits = v.filter { !$0.isWhitespace }
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int64(digits), n >= 0 else {
                    throw fail(c, v, "is not a count: write a whole number ≥ 0 (digits, optionally grouped by spaces), or leave the cell empty when unknown")
                }
                return n
            }
            guard let rawDate = cell(.publishedAt) else {
                throw DzenExportError("\(file), line \(record.line), column \(header.fields[index[.publishedAt]!]): the publication date is empty; fill it in as ДД.ММ.ГГГГ [ЧЧ:ММ] or YYYY-MM-DD[ HH:MM]; nothing was imported.")
            }
            guard let written = dateTime(rawDate) else {
                throw fail(.publishedAt, rawDate, "is not a date: write ДД.ММ.ГГГГ [ЧЧ:ММ[:СС]] or YYYY-MM-DD[ HH:MM[:SS]]")
            }
            let publishedAt = written.resolve(in: clock)
            let rawType = cell(.type) ?? ""
            let format: PostFormat
            if let f = formats[key(rawType)] { format = f } else {
                format = .other
                unknownTypes[rawType, default: 0] += 1
            }
            let url = cell(.url)
            guard let postKey = cell(.id) ?? url.flatMap(publicationID) else {
                throw DzenExportError("\(file), line \(record.line): the publication has neither a link nor an id; fill in the «Ссылка» (url) cell; nothing was imported.")
            }
            if index[.id] == nil, let url, !isDzenLink(url) {
                throw DzenExportError("\(file) has no Dzen id or link column: its column \(header.fields[index[.url]!].trimmingCharacters(in: .whitespaces)) holds “\(url)” on line \(record.line), which is not a Dzen link (https://dzen.ru/…), and there is no column «ID публикации» (id). \(exportShape)")
            }
            let postID = "dzen_" + postKey
            if let earlier = seen.updateValue(record.line, forKey: postID) {
                throw DzenExportError("\(file), line \(record.line): the publication \(postKey) is already on line \(earlier); a Dzen Studio export has one row per publication, so remove the repeated row or export the file again; nothing was imported.")
            }
            rows.posts.append(Post(id: postID, accountID: accountID, publishedAt: publishedAt,
                                   localDate: clock.localDate(of: publishedAt), format: format,
                                   url: url, text: cell(.title)))
            let views = try count(.views)
            let isVideo = format == .video || format == .clip || format == .live
            if views != nil, !isVideo { dropped.views += 1 }
            if try count(.readThroughs) != nil { dropped.readThroughs += 1 }
            if try count(.subscriptions) != nil { dropped.subscriptions += 1 }
            rows.postMetrics.append(PostMetrics(postID: postID, collectedAt: collectedAt,
                                                impressions: try count(.impressions), likes: try count(.likes),
                                                comments: try count(.comments), reposts: try count(.shares),
                                                videoViews: isVideo ? views : nil))
        }
        for (t, n) in unknownTypes.sorted(by: { $0.key < $1.key }) {
            warnings.append(ImportWarning(file: file, message: "\(n) publication\(n == 1 ? "" : "s") of type “\(t)” imported with format other"))
        }
        if dropped.views > 0 {
            warnings.append(ImportWarning(file: file, message: "views of \(dropped.views) non-video publication\(dropped.views == 1 ? "" : "s") not imported (the bundle keeps views of videos only)"))
        }
        if dropped.readThroughs > 0 {
            warnings.append(ImportWarning(file: file, message: "read-throughs of \(dropped.readThroughs) publication\(dropped.readThroughs == 1 ? "" : "s") not imported (the bundle has no such column)"))
        }
        if dropped.subscriptions > 0 {
            warnings.append(ImportWarning(file: file, message: "subscriptions of \(dropped.subscriptions) publication\(dropped.subscriptions == 1 ? "" : "s") not imported (followers come from account_daily.csv)"))
        }
        return Conversion(rows: rows, warnings: warnings)
    }

    /// Reads the export at `path` and imports it all or nothing. The time zone: `timeZone`, else the
    /// database's, else UTC; `collectedAt` defaults to the file's modification time (whole seconds),
    /// so re-importing the same file adds nothing.
    package static func importFile(path: String, accountID: String, timeZone: String?, collectedAt: Instant?,
                                   store: any Store, logger: Logger) async throws -> ImportReport {
        let url = URL(fileURLWithPath: path)
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DzenExportError("No file at \(path): give the CSV file exported from Dzen Studio.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DzenExportError("\(file) is not UTF-8 text: save the export as CSV in UTF-8.")
        }
        let accountID = accountID.trimmingCharacters(in: .whitespaces)
        guard !accountID.isEmpty else {
            throw DzenExportError("--account is empty: give the account id to import the Dzen publications into, e.g. --account dzen_main.")
        }
        let stored = try await store.settings()
        let tzName = timeZone ?? stored?.timeZone ?? "UTC"
        guard let tz = TimeZone(identifier: tzName) else {
            throw DzenExportError("--timezone “\(tzName)” is not an IANA time zone name: write e.g. Europe/Moscow.")
        }
        let existing = try await store.accounts().first { $0.id == accountID }
        if let existing, existing.network != .dzen {
            throw DzenExportError("The account \(accountID) is a \(existing.network.rawValue) account: give the id of a Dzen account, or a new id with --account.")
        }
        let at = collectedAt ?? {
            let m = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            return Instant(seconds: Int64(m.timeIntervalSince1970.rounded(.down)))
        }()
        let conversion = try convert(text: text, file: file, accountID: accountID, clock: ZoneClock(timeZone: tz),
                                     collectedAt: at, addAccount: existing == nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smmkpi-dzen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ConnectorBundleWriter.write(conversion.rows, to: dir, timeZone: tzName, currency: stored?.currency ?? "RUB")
        logger.info("dzen import \(file): \(conversion.rows.posts.count) publications")
        var report = try Importer(store: store, logger: logger).run(bundle: dir.path)
        report.bundle = path
        report.warnings = conversion.warnings + report.warnings
        return report
    }

    /// What a Dzen Studio export looks like, closing the sentences that refuse a file of another shape.
    static let exportShape = "A Dzen Studio export has a header row, then one row per publication, with the columns «Дата публикации», «Тип» and «Ссылка» (https://dzen.ru/a/…) or «ID публикации», and counts such as «Показы», «Просмотры», «Лайки» (English names work too; see docs/connectors/dzen.md). Nothing was imported."

    /// A link to a publication on Dzen: host dzen.ru or zen.yandex.ru (or a subdomain of them).
    static func isDzenLink(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return ["dzen.ru", "zen.yandex.ru", "zen.yandex.com"].contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The publication id in a Dzen link: its last path segment (`https://dzen.ru/a/ZRk…` → `ZRk…`).
    static func publicationID(_ url: String) -> String? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        return path.split(separator: "#").first?.split(separator: "/").last.map(String.init)
    }

    /// A bundle datetime, or `DD.MM.YYYY[ HH:MM[:SS]]` (Dzen Studio's Russian form), local time.
    static func dateTime(_ text: String) -> WrittenDateTime? {
        if let w = ValueParser.run(text, ValueParser.dateTime) { return w }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count) else { return nil }
        let d = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard d.count == 3, d[0].count <= 2, d[1].count <= 2, d[2].count == 4,
              let day = Int(d[0]), let month = Int(d[1]), let year = Int(d[2]),
              let date = LocalDate(year: year, month: month, day: day) else { return nil }
        guard parts.count == 2 else { return .date(date) }
        let t = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(t.count), t.allSatisfy({ $0.count == 2 }),
              let h = Int(t[0]), let m = Int(t[1]), let s = t.count == 3 ? Int(t[2]) : 0,
              h < 24, m < 60, s < 60 else { return nil }
        return .local(seconds: Int64(date.dayNumber) * 86400 + Int64(h * 3600 + m * 60 + s), nanos: 0)
    }

    /// One CSV record and the physical line it starts on.
    struct Record { var line: Int; var fields: [String] }

    /// RFC 4180 records; the separator (`;`, `,` or tab) is the one the header line uses most.
    static func records(of text: String, file: String) throws -> [Record] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Character = [";", ",", "\t"].max { a, b in
            firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count
        } ?? ","
        var out: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, atStart = true, justClosed = false
        var line = 1, start = 1
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; justClosed = true } else { field.append(ch) }
                if ch == "\n" || ch == "\r\n" { line += 1 }
                continue
            }
            let closed = justClosed
            justClosed = false
            switch ch {
            case "\"":
                if closed { field.append(ch); quoted = true }  // "" inside quotes
                else if atStart { quoted = true } else { field.append(ch) }
                atStart = false
            case separator:
                fields.append(field); field = ""; atStart = true
            case "\n", "\r\n", "\r":
                fields.append(field); field = ""; atStart = true
                out.append(Record(line: start, fields: fields)); fields = []
                line += 1; start = line
            default:
                field.append(ch); atStart = false
            }
        }
        if quoted {
            throw DzenExportError("\(file), line \(start): a quoted field is not closed; check the quotes of that row or re-export the file.")
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); out.append(Record(line: start, fields: fields)) }
        return out
    }
}
