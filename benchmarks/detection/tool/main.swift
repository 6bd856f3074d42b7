// detection-bench: precision and recall of the cheating detector on planted bundles, false
// alarms on clean demo data, and detection time on a large database (benchmarks/detection).
//
//   detection-bench evaluate --seeds 1-10 [--clean-seeds 1-10] [--accounts 24] [--days 365]
//                            [--work DIR] [--set name=value]... [--json FILE] [--verbose]
//   detection-bench timing [--accounts 500] [--days 365] [--work DIR] [--repeat 3]
import Foundation
import SMMCore
import SMMEngine
import SMMStore

struct Options {
    var command = "evaluate"
    var seeds: [UInt64] = []
    var cleanSeeds: [UInt64] = []
    var accounts = 24
    var days = 365
    var work = URL(fileURLWithPath: "bench-data/detection")
    var overrides: [(String, Double)] = []
    var json: String?
    var verbose = false
    var repeats = 3
    var account = ""
    var from = ""
    var to = ""
    var posts: [String] = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("detection-bench: \(message)\n".utf8))
    exit(2)
}

/// `1-10`, `101-140`, `3,5,9`.
func seedList(_ text: String) -> [UInt64] {
    text.split(separator: ",").flatMap { part -> [UInt64] in
        let ends = part.split(separator: "-").compactMap { UInt64($0) }
        if ends.count == 2, ends[0] <= ends[1] { return Array(ends[0]...ends[1]) }
        if ends.count == 1 { return ends }
        fail("“\(part)” is not a seed or a range of seeds")
    }
}

func parse() -> Options {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    if let first = args.first, !first.hasPrefix("--") { o.command = first; args.removeFirst() }
    var i = 0
    func number(_ name: String) -> Int {
        guard let n = Int(value()) else { fail("\(name) needs a number") }
        return n
    }
    func value() -> String {
        i += 1
        guard i < args.count else { fail("\(args[i - 1]) needs a value") }
        return args[i]
    }
    while i < args.count {
        switch args[i] {
        case "--seeds": o.seeds = seedList(value())
        case "--clean-seeds": o.cleanSeeds = seedList(value())
        case "--accounts": o.accounts = number("--accounts")
        case "--days": o.days = number("--days")
        case "--work": o.work = URL(fileURLWithPath: value())
        case "--json": o.json = value()
        case "--repeat": o.repeats = number("--repeat")
        case "--verbose": o.verbose = true
        case "--account": o.account = value()
        case "--from": o.from = value()
        case "--to": o.to = value()
        case "--post": o.posts.append(value())
        case "--set":
            let kv = value().split(separator: "=")
            guard kv.count == 2, let v = Double(kv[1]) else { fail("--set takes name=number") }
            o.overrides.append((String(kv[0]), v))
        default: fail("unknown argument \(args[i])")
        }
        i += 1
    }
    return o
}

/// Settings by name, for tuning runs (`--set seedZ=5`).
func apply(_ overrides: [(String, Double)], to s: inout DetectorSettings) {
    let doubles: [String: WritableKeyPath<DetectorSettings, Double>] = [
        "seedZ": \.seedZ, "seedRatio": \.seedRatio, "extendZ": \.extendZ, "extendRatio": \.extendRatio,
        "minDayExcess": \.minDayExcess, "minRunFake": \.minRunFake, "runZ": \.runZ,
        "minUnexplainedShare": \.minUnexplainedShare, "reachConversionFactor": \.reachConversionFactor,
        "minReachConversion": \.minReachConversion, "adClickConversion": \.adClickConversion,
        "adReachConversion": \.adReachConversion, "adSpendPerFollower": \.adSpendPerFollower,
        "mentionConversion": \.mentionConversion, "mentionAudienceConversion": \.mentionAudienceConversion, "participationConversion": \.participationConversion, "partnerConversion": \.partnerConversion,
        "minLikesRatio": \.minLikesRatio, "minLikesZ": \.minLikesZ, "minLikesOverCompanions": \.minLikesOverCompanions,
        "minFakeLikes": \.minFakeLikes, "maxAuthorShare": \.maxAuthorShare, "minRepeatShare": \.minRepeatShare,
        "commentCandidateRatio": \.commentCandidateRatio,
    ]
    let ints: [String: WritableKeyPath<DetectorSettings, Int>] = [
        "baselineDays": \.baselineDays, "minBaselineDays": \.minBaselineDays, "maxLeadDays": \.maxLeadDays,
        "participationDays": \.participationDays, "waveDays": \.waveDays, "normDays": \.normDays,
        "minNormPosts": \.minNormPosts, "minFormatPosts": \.minFormatPosts, "burstMinutes": \.burstMinutes,
        "minBurstComments": \.minBurstComments,
    ]
    for (name, v) in overrides {
        if let k = doubles[name] { s[keyPath: k] = v } else if let k = ints[name] { s[keyPath: k] = Int(v) } else {
            fail("no setting \(name); known: \((Array(doubles.keys) + Array(ints.keys)).sorted().joined(separator: ", "))")
        }
    }
}

func pct(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

func printTally(_ name: String, _ t: KindTally) {
    print("  \(pad(name, 18)) planted \(pad(String(t.planted), 5)) found \(pad(String(t.found), 5)) "
          + "anomalies \(pad(String(t.truePositives + t.falsePositives), 5)) false \(pad(String(t.falsePositives), 4)) "
          + "precision \(pct(t.precision))  recall \(pct(t.recall))")
}

func evaluate(_ o: Options) async throws {
    var settings = DetectorSettings()
    apply(o.overrides, to: &settings)
    let detector = CheatingDetector(settings: settings)
    let eval = DetectionEvaluation(accounts: o.accounts, days: o.days, workDirectory: o.work)
    var planted: [SeedEvaluation] = [], clean: [SeedEvaluation] = []
    for seed in o.seeds {
        let r = try await eval.evaluate(seed: seed, planted: true, detector: detector)
        planted.append(r)
        if o.verbose {
            FileHandle.standardError.write(Data("seed \(seed): bf \(r.boughtFollowers.found)/\(r.boughtFollowers.planted) fp \(r.boughtFollowers.falsePositives); be \(r.botEngagement.found)/\(r.botEngagement.planted) fp \(r.botEngagement.falsePositives); bc \(r.botComments.found)/\(r.botComments.planted) fp \(r.botComments.falsePositives)\n".utf8))
        }
    }
    for seed in o.cleanSeeds { clean.append(try await eval.evaluate(seed: seed, planted: false, detector: detector)) }

    let sum = { (list: [SeedEvaluation], k: KeyPath<SeedEvaluation, KindTally>) in list.reduce(KindTally()) { $0 + $1[keyPath: k] } }
    print("Detector \(detector.version); \(o.accounts) accounts × \(o.days) days per seed")
    if !o.overrides.isEmpty { print("Overrides: " + o.overrides.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")) }
    if !planted.isEmpty {
        let days = planted.reduce(0) { $0 + $1.accountDays }
        print("\nPlanted bundles, seeds \(o.seeds.map(String.init).joined(separator: ",")) (\(days) account-days)")
        printTally("bought_followers", sum(planted, \.boughtFollowers))
        printTally("bot_engagement", sum(planted, \.botEngagement))
        printTally("bot_comments", sum(planted, \.botComments))
        let fa = planted.reduce(0) { $0 + $1.falseAlarmCount }
        print(String(format: "  false alarms: %d = %.2f per 1 000 account-days", fa, Double(fa) * 1000 / Double(max(days, 1))))
        var negatives: [String: Int] = [:]
        for r in planted { for (k, v) in r.negativeAlarms { negatives[k, default: 0] += v } }
        print("  false alarms on hard negatives: " + (negatives.isEmpty ? "none" : negatives.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))

        var byShape: [String: (Int, Int)] = [:], bySize: [String: (Int, Int)] = [:], byWave: [String: (Int, Int)] = [:]
        for r in planted {
            for o in r.runs {
                byShape[o.run.shape, default: (0, 0)].0 += o.found ? 1 : 0; byShape[o.run.shape, default: (0, 0)].1 += 1
                bySize[o.run.size, default: (0, 0)].0 += o.found ? 1 : 0; bySize[o.run.size, default: (0, 0)].1 += 1
                let w = o.run.shape == "demo" ? "demo" : o.run.wave ? "with wave" : "without wave"
                byWave[w, default: (0, 0)].0 += o.found ? 1 : 0; byWave[w, default: (0, 0)].1 += 1
            }
        }
        func line(_ title: String, _ d: [String: (Int, Int)]) {
            print("  recall by \(title): " + d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0)/\($0.value.1)" }.joined(separator: ", "))
        }
        line("shape", byShape)
        line("size", bySize)
        line("wave", byWave)
        var byMultiple: [String: (Int, Int)] = [:]
        for r in planted {
            for p in r.botPosts {
                let b = p.post.size < 4 ? "3–4×" : p.post.size < 8 ? "4–8×" : p.post.size < 16 ? "8–16×" : "16–30×"
                byMultiple[b, default: (0, 0)].0 += p.found ? 1 : 0; byMultiple[b, default: (0, 0)].1 += 1
            }
        }
        line("bot-like multiple", byMultiple)
        if o.verbose {
            for r in planted {
                for o in r.runs where !o.found {
                    print("    missed seed \(r.seed): \(o.run.accountID) \(o.run.from)..\(o.run.to) \(o.run.shape)/\(o.run.size) \(o.run.followers) (×\(String(format: "%.1f", o.run.dailyMultiple)) a day)")
                }
                for p in r.botPosts where !p.found {
                    print("    missed seed \(r.seed): bot likes \(p.post.postID) ×\(String(format: "%.1f", p.post.size))")
                }
                for p in r.commentPosts where !p.found {
                    print("    missed seed \(r.seed): bot comments \(p.post.postID) +\(Int(p.post.size))")
                }
                for f in r.falseAlarms {
                    print("    false seed \(r.seed): \(f.id) [\(f.negative ?? "-")] \(f.score) \(f.text)")
                }
            }
        }
    }
    if !clean.isEmpty {
        let days = clean.reduce(0) { $0 + $1.cleanAccountDays }
        let fa = clean.reduce(0) { $0 + $1.falseAlarmCount }
        print("\nClean demo bundles, seeds \(o.cleanSeeds.map(String.init).joined(separator: ",")) (\(days) clean account-days)")
        printTally("bought_followers (demo's own purchases)", sum(clean, \.boughtFollowers))
        print(String(format: "  false alarms: %d = %.3f per 1 000 clean account-days", fa, Double(fa) * 1000 / Double(max(days, 1))))
        if o.verbose {
            for r in clean { for f in r.falseAlarms { print("    false clean seed \(r.seed): \(f.id) \(f.score) \(f.text)") } }
        }
    }
    if let path = o.json {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        struct Out: Encodable { var planted: [SeedEvaluation]; var clean: [SeedEvaluation] }
        try e.encode(Out(planted: planted, clean: clean)).write(to: URL(fileURLWithPath: path))
    }
}

func timing(_ o: Options) async throws {
    let eval = DetectionEvaluation(accounts: o.accounts, days: o.days, workDirectory: o.work)
    let started = Date()
    let (store, _) = try eval.prepare(seed: 42, planted: false)
    print("database ready in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (generated and imported on first use)")
    let service = AnomalyService(store: store, useCache: false)
    var totals: [Double] = []
    for k in 0..<o.repeats {
        let t0 = Date()
        let (found, t) = try await service.runDetector()
        let total = Date().timeIntervalSince(t0)
        totals.append(total)
        print(String(format: "run %d: %.2f s total (read %.2f s, comments %.2f s for %d posts, detect %.2f s); %d posts, %d anomalies",
                     k + 1, total, t.readSeconds, t.commentsSeconds, t.commentPosts, t.detectSeconds, t.posts, found.count))
    }
    totals.sort()
    print(String(format: "median %.2f s over %d runs, %d accounts × %d days", totals[totals.count / 2], totals.count, o.accounts, o.days))
}

/// Day-by-day judgement of one account (`trace --seeds 1 --account ok_list --from … --to …`).
func trace(_ o: Options) async throws {
    guard let seed = o.seeds.first else { fail("trace needs --seeds N") }
    var settings = DetectorSettings()
    apply(o.overrides, to: &settings)
    let eval = DetectionEvaluation(accounts: o.accounts, days: o.days, workDirectory: o.work)
    let (store, _) = try eval.prepare(seed: seed, planted: o.cleanSeeds.isEmpty)
    let input = try await store.detectionInput()
    for p in o.posts { print(CheatingDetector(settings: settings).traceBotEngagement(input, post: p)) }
    guard !o.account.isEmpty else { return }
    guard let from = LocalDate(iso: o.from), let to = LocalDate(iso: o.to) else {
        fail("trace needs --account ID --from YYYY-MM-DD --to YYYY-MM-DD, or --post ID")
    }
    for line in CheatingDetector(settings: settings).traceFollowers(input, account: o.account, from: from, to: to) {
        print(line)
    }
}

let options = parse()
do {
    switch options.command {
    case "evaluate": try await evaluate(options)
    case "timing": try await timing(options)
    case "trace": try await trace(options)
    default: fail("unknown command \(options.command); use evaluate or timing")
    }
} catch {
    fail("\(error)")
}
