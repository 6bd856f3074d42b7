import Foundation
import Logging
import SMMBundle
import SMMCore
import SMMStore

/// Options of `smmkpi import`.
package struct ImportOptions: Sendable {
    /// Import the good rows and report the bad ones instead of rejecting the bundle.
    package var skipBadRows = false
    /// Where to write the bad rows (file, line, column, reason) with `skipBadRows`.
    package var rejectsPath: String?
    package init(skipBadRows: Bool = false, rejectsPath: String? = nil) {
        self.skipBadRows = skipBadRows; self.rejectsPath = rejectsPath
    }
}

/// Progress of an import, reported every few thousand rows and at the end of each file.
package struct ImportProgress: Sendable {
    package var file: BundleFile
    package var rows: Int
    package var bytesRead: Int64
    package var fileBytes: Int64
    package var done: Bool
}

/// Reads a bundle and writes it into a store in one transaction (cli.md `import`).
package struct Importer {
    package var store: any Store
    package var logger: Logger
    package var progress: (@Sendable (ImportProgress) -> Void)?
    /// Labels comments, mentions and reviews without a given sentiment; nil: the shipped model,
    /// loaded when the first such row arrives.
    package var classifier: SentimentClassifier?

    package init(store: any Store, logger: Logger = Logger(label: "smmkpi.import"),
                 progress: (@Sendable (ImportProgress) -> Void)? = nil, classifier: SentimentClassifier? = nil) {
        self.store = store; self.logger = logger; self.progress = progress; self.classifier = classifier
    }

    package func run(bundle path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        let started = Date()
        let source = try BundleSource(path: path)
        defer { source.close() }
        var rejects: RejectsWriter?
        if options.skipBadRows, let r = options.rejectsPath { rejects = try RejectsWriter(path: r) }
        var report = try store.withImport { sink -> ImportReport in
            var run = ImportRun(sink: sink, source: source, options: options, rejects: rejects, progress: progress,
                                labeler: ImportLabeler(sink: sink, classifier: classifier))
            try run.execute()
            return run.report
        }
        try rejects?.close()
        rejects = nil
        report.seconds = Date().timeIntervalSince(started)
        logger.info("imported \(report.rowsImported) rows from \(path) in \(report.seconds) s")
        return report
    }
}

/// The state of one import, inside the store's transaction.
private struct ImportRun {
    let sink: any ImportSink
    let source: BundleSource
    let options: ImportOptions
    var rejects: RejectsWriter?
    let progress: (@Sendable (ImportProgress) -> Void)?
    var report: ImportReport
    var clock = ZoneClock(timeZone: TimeZone(identifier: "UTC")!)
    var accountIDs: Set<String> = []
    var postIDs: Set<String>?
    var leadIDs: Set<String>?
    /// Once a bad row is found without --skip-bad-rows, nothing more is written (it will be rolled back).
    var writing = true
    /// Stores the classifier's label of comments, mentions and reviews (kpi-catalog.md "Sentiment").
    let labeler: ImportLabeler

    init(sink: any ImportSink, source: BundleSource, options: ImportOptions, rejects: RejectsWriter?,
         progress: (@Sendable (ImportProgress) -> Void)?, labeler: ImportLabeler) {
        self.sink = sink; self.source = source; self.options = options; self.rejects = rejects
        self.progress = progress; self.labeler = labeler
        report = ImportReport(bundle: source.path)
    }

    mutating func execute() throws {
        let m = source.manifest
        let settings = try sink.checkSettings(StoreSettings(timeZone: m.timeZone, currency: m.currency), explicit: m.present)
        report.timeZone = settings.timeZone
        report.currency = settings.currency
        clock = ZoneClock(timeZone: TimeZone(identifier: settings.timeZone) ?? TimeZone(identifier: "UTC")!)
        for name in source.unknownFiles {
            report.warnings.append(ImportWarning(file: name, message: "not a file of the bundle format; skipped"))
        }
        accountIDs = try sink.storedAccountIDs()
        for (file, url) in source.files {
            try importFile(file, url: url)
        }
        if report.problemCount > 0, !options.skipBadRows { throw ImportRejected(report: report) }
        if source.files.contains(where: { $0.file == .comments }) {
            let dangling = try sink.danglingReplies()
            if dangling.count > 0 {
                warn(.comments, dangling.count, dangling.firstLine,
                     "parent_id names a comment that is not in the database; kept, they answer nothing")
            }
        }
        report.accounts = accountIDs.count
    }

    mutating func warn(_ file: BundleFile, _ count: Int, _ line: Int?, _ what: String) {
        let at = line.map { ", first on line \($0)" } ?? ""
        report.warnings.append(ImportWarning(file: file.fileName, message: "\(count) row\(count == 1 ? "" : "s")\(at): \(what)"))
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func importFile(_ file: BundleFile, url: URL) throws {
        var summary = FileImportSummary(file: file)
        let cursor: RowCursor
        do {
            cursor = try RowCursor(file: file, url: url, clock: clock)
            guard try cursor.readHeader() else {
                report.files.append(summary)
                return
            }
        } catch let e as FileProblems {
            e.problems.forEach { report.add($0) }
            summary.refused = true
            report.files.append(summary)
            return
        } catch let e as CSVReadError {
            report.add(Self.problem(file, e))
            summary.refused = true
            report.files.append(summary)
            return
        }
        if !cursor.unknownColumns.isEmpty {
            report.warnings.append(ImportWarning(file: file.fileName,
                message: "unknown column\(cursor.unknownColumns.count == 1 ? "" : "s") \(cursor.unknownColumns.joined(separator: ", ")) ignored"))
        }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        // Loaded before posts.csv / leads.csv, so that their ids are added as they are read: once a
        // bad row stops the writing, the store no longer has this bundle's posts and leads.
        if file == .posts || file == .postMetrics || file == .comments || file == .contentPlan, postIDs == nil {
            postIDs = try sink.storedPostIDs()
        }
        if file == .leads || file == .deals, leadIDs == nil { leadIDs = try sink.storedLeadIDs() }

        let sink = self.sink, labeler = self.labeler
        try sink.beginFile(file)
        var seen = Set<Int>()
        var keyless: [(LocalDate, Any)] = []
        var dangling: (count: Int, line: Int?) = (0, nil)
        func note(_ d: inout (count: Int, line: Int?), _ line: Int) {
            d.count += 1
            if d.line == nil { d.line = line }
        }

        do {
            while try cursor.next() {
                summary.rows += 1
                if summary.rows % 20000 == 0 {
                    progress?(ImportProgress(file: file, rows: summary.rows, bytesRead: 0,
                                             fileBytes: fileBytes, done: false))
                }
                var key = Hasher()
                var write: (() throws -> Void)?
                var date: LocalDate?
                if !cursor.isBad {
                    switch file {
                    case .accounts:
                        if let r = RowDecoder.account(cursor) {
                            key.combine(r.id)
                            write = { try sink.upsert(r) }
                            accountIDs.insert(r.id)
                        }
                    case .accountDaily:
                        if let r = RowDecoder.accountDay(cursor) {
                            checkAccount(cursor, r.accountID, column: 0)
                            key.combine(r.accountID); key.combine(r.date)
                            date = r.date
                            write = { try sink.upsert(r) }
                        }
                    case .posts:
                        if let r = RowDecoder.post(cursor) {
                            checkAccount(cursor, r.accountID, column: 1)
                            key.combine(r.id)
                            date = r.localDate
                            write = { try sink.upsert(r) }
                            if !cursor.isBad { postIDs?.insert(r.id) }
                        }
                    case .postMetrics:
                        if let r = RowDecoder.postMetrics(cursor) {
                            if postIDs?.contains(r.postID) != true {
                                cursor.reject(0, "“\(r.postID)” is not a post_id of posts.csv (this bundle or an earlier import); add the post or remove the row")
                            }
                            key.combine(r.postID); key.combine(r.collectedAt)
                            write = { try sink.upsert(r) }
                        }
                    case .comments:
                        if let r = RowDecoder.comment(cursor) {
                            if postIDs?.contains(r.postID) != true { note(&dangling, cursor.line) }
                            key.combine(r.id)
                            date = r.localDate
                            let text = r.text ?? ""
                            let words = Words.count(in: text), letter = Words.hasLetter(text)
                            let line = cursor.line
                            write = {
                                try sink.upsert(r, wordCount: words, hasLetter: letter, line: line)
                                try labeler.record(.comment, id: r.id, text: r.text, given: r.sentiment, hasLetter: letter,
                                                   fromBrand: r.fromBrand == true)
                            }
                        }
                    case .messages:
                        if let r = RowDecoder.message(cursor) {
                            checkAccount(cursor, r.accountID, column: 1)
                            key.combine(r.id)
                            date = r.localDate
                            write = { try sink.upsert(r) }
                        }
                    case .mentions:
                        if let r = RowDecoder.mention(cursor) {
                            key.combine(r.id)
                            date = r.localDate
                            let letter = Words.hasLetter(r.text ?? "")
                            write = {
                                try sink.upsert(r, hasLetter: letter)
                                try labeler.record(.mention, id: r.id, text: r.text, given: r.sentiment, hasLetter: letter)
                            }
                        }
                    case .reviews:
                        if let r = RowDecoder.review(cursor) {
                            key.combine(r.id)
                            date = r.localDate
                            let letter = Words.hasLetter(r.text ?? "")
                            write = {
                                try sink.upsert(r, hasLetter: letter)
                                try labeler.record(.review, id: r.id, text: r.text, given: r.sentiment, hasLetter: letter)
                            }
                        }
                    case .adSpend:
                        if let r = RowDecoder.adSpend(cursor) {
                            if let a = r.accountID { checkAccount(cursor, a, column: 4) }
                            key.combine(r.date); key.combine(r.campaign); key.combine(r.accountID ?? "")
                            key.combine(r.network?.rawValue ?? "")
                            date = r.date
                            write = { try sink.upsert(r) }
                        }
                    case .otherCosts:
                        if let r = RowDecoder.otherCost(cursor) {
                            date = r.date
                            keyless.append((r.date, r))
                        }
                    case .webSessions:
                        if let r = RowDecoder.webSession(cursor) {
                            key.combine(r.date); key.combine(r.source); key.combine(r.medium ?? "")
                            key.combine(r.campaign ?? ""); key.combine(r.content ?? "")
                            date = r.date
                            write = { try sink.upsert(r) }
                        }
                    case .leads:
                        if let r = RowDecoder.lead(cursor) {
                            key.combine(r.id)
                            date = r.localDate
                            write = { try sink.upsert(r) }
                            leadIDs?.insert(r.id)
                        }
                    case .deals:
                        if let r = RowDecoder.deal(cursor) {
                            if let l = r.leadID, leadIDs?.contains(l) != true { note(&dangling, cursor.line) }
                            key.combine(r.id)
                            date = r.localDate
                            write = { try sink.upsert(r) }
                        }
                    case .audience:
                        if let r = RowDecoder.audience(cursor) {
                            checkAccount(cursor, r.accountID, column: 0)
                            key.combine(r.accountID); key.combine(r.date); key.combine(r.dimension); key.combine(r.bucket)
                            write = { try sink.upsert(r) }
                        }
                    case .brandSearches:
                        if let r = RowDecoder.brandSearch(cursor) {
                            key.combine(r.month); key.combine(r.query)
                            write = { try sink.upsert(r) }
                        }
                    case .contentPlan:
                        if let r = RowDecoder.planItem(cursor) {
                            checkAccount(cursor, r.accountID, column: 1)
                            if let p = r.postID, postIDs?.contains(p) != true { note(&dangling, cursor.line) }
                            key.combine(r.id)
                            write = { try sink.upsert(r) }
                        }
                    case .workLog:
                        if let r = RowDecoder.workLog(cursor) {
                            date = r.date
                            keyless.append((r.date, r))
                        }
                    }
                }
                if cursor.isBad {
                    for p in cursor.problems { report.add(p) }
                    if options.skipBadRows {
                        summary.skipped += 1
                        try rejects?.write(cursor.problems)
                    } else {
                        writing = false
                    }
                    continue
                }
                if !file.isKeyless, !seen.insert(key.finalize()).inserted { summary.replaced += 1 }
                if let date { report.cover(date) }
                if writing, let write {
                    try write()
                    summary.imported += 1
                }
            }
        } catch let e as CSVReadError {
            report.add(Self.problem(file, e))
            if !options.skipBadRows { writing = false }
        }
        if writing, file.isKeyless {
            try sink.deleteKeyless(file, dates: Set(keyless.map(\.0)))
            for (_, row) in keyless {
                if let r = row as? OtherCost { try sink.insert(r) } else if let r = row as? WorkLogEntry { try sink.insert(r) }
                summary.imported += 1
            }
        }
        if writing { try labeler.finish() }
        try sink.endFile(file)
        if writing {
            try sink.recordPresence(file, columns: cursor.presentColumns, hasRows: summary.imported > 0)
        }
        if summary.replaced > 0 {
            report.warnings.append(ImportWarning(file: file.fileName,
                message: "\(summary.replaced) row\(summary.replaced == 1 ? " was" : "s were") replaced by a later row with the same key (the last row wins)"))
        }
        if dangling.count > 0 {
            let what: String
            switch file {
            case .comments: what = "post_id names a post that is not in the database; kept, never counted"
            case .deals: what = "lead_id names a lead that is not in the database; kept, not a social sale"
            default: what = "post_id names a post that is not in the database; kept, the item counts as not published"
            }
            warn(file, dangling.count, dangling.line, what)
        }
        progress?(ImportProgress(file: file, rows: summary.rows, bytesRead: fileBytes, fileBytes: fileBytes, done: true))
        report.files.append(summary)
    }

    func checkAccount(_ cursor: RowCursor, _ id: String, column: Int) {
        if !accountIDs.contains(id) {
            cursor.reject(column, "“\(id)” is not an account_id of accounts.csv (this bundle or an earlier import); add the account or fix the id")
        }
    }

    static func problem(_ file: BundleFile, _ e: CSVReadError) -> ImportProblem {
        switch e {
        case .unterminatedQuote(let line):
            return ImportProblem(file: file.fileName, line: line,
                                 message: "a quoted field opened here is never closed; the rest of the file was not read. Close the quote (write \"\" for a quote inside a quoted field)")
        case .io(let reason):
            return ImportProblem(file: file.fileName, line: nil, message: "the file cannot be read (\(reason))")
        }
    }
}

/// Writes the bad rows of a `--skip-bad-rows` import to a CSV: file, line, column, reason.
final class RejectsWriter {
    private let handle: FileHandle
    private let path: String

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: Data("file,line,column,reason\n".utf8)),
              let h = FileHandle(forWritingAtPath: path) else {
            throw BundleError.unreadable(file: path, reason: "the rejects file cannot be created")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    func write(_ problems: [ImportProblem]) throws {
        var out = ""
        for p in problems {
            out += [p.file, p.line.map(String.init) ?? "", p.column ?? "", p.message].map(CSVText.quote).joined(separator: ",") + "\n"
        }
        handle.write(Data(out.utf8))
    }

    func close() throws { try handle.close() }
}

/// RFC 4180 quoting of one cell.
package enum CSVText {
    package static func quote(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.first?.isWhitespace == true
            || s.last?.isWhitespace == true {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
