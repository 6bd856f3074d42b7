import Foundation
@testable import SMMCore

/// Small hand-built datasets for the KPI tests; the time zone is UTC, so an instant's local
/// date is its UTC date.
enum Fx {
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    /// `2024-11-05T10:00:00Z`, or a date alone (midnight UTC).
    static func t(_ s: String) -> Instant {
        ValueParser.run(s, ValueParser.dateTime)!.resolve(in: ZoneClock(timeZone: TimeZone(identifier: "UTC")!))
    }

    static func p(_ s: String) -> Period { try! Period(parsing: s) }

    static let vk = Account(id: "vk_main", network: .vk, name: "VK")
    static let tg = Account(id: "tg_main", network: .telegram, name: "TG")
    static let vk2 = Account(id: "vk_two", network: .vk, name: "VK 2")

    /// Every file present with every column in its header and filled.
    static func presence(_ files: [BundleFile] = BundleFile.allCases) -> Presence {
        var p = Presence()
        for f in files {
            p.files.insert(f)
            p.columns[f] = Set(f.columns.map(\.name))
            p.filledColumns[f] = Set(f.columns.map(\.name))
        }
        return p
    }

    static func post(_ id: String, _ account: String = "vk_main", at: String, format: PostFormat = .post,
                     topic: String? = nil, partner: String? = nil) -> Post {
        let i = t(at)
        return Post(id: id, accountID: account, publishedAt: i,
                    localDate: ZoneClock(timeZone: TimeZone(identifier: "UTC")!).localDate(of: i), format: format,
                    topic: topic, partner: partner)
    }

    static func metrics(_ post: String, impressions: Int64? = nil, reach: Int64? = nil, likes: Int64? = nil,
                        comments: Int64? = nil, reposts: Int64? = nil, saves: Int64? = nil,
                        clicks: Int64? = nil) -> PostMetrics {
        PostMetrics(postID: post, collectedAt: t("2025-01-01T00:00:00Z"), impressions: impressions, reach: reach,
                    likes: likes, comments: comments, reposts: reposts, saves: saves, clicks: clicks)
    }

    static func day(_ account: String = "vk_main", _ date: String, followers: Int64, joined: Int64? = nil,
                    left: Int64? = nil, reach: Int64? = nil, views: Int64? = nil) -> AccountDay {
        AccountDay(accountID: account, date: d(date), followers: followers, joined: joined, left: left, reach: reach,
                   views: views)
    }

    static func dataset(accounts: [Account] = [vk], presence: Presence = presence(),
                        _ edit: (inout KPIDataset) -> Void = { _ in }) -> KPIDataset {
        var ds = KPIDataset(accounts: accounts, presence: presence)
        edit(&ds)
        return ds
    }

    /// One metric over `period` (default November 2024) in the given scope (default all accounts).
    static func value(_ id: KPIID, _ ds: KPIDataset, _ period: String = "2024-11", accounts: [String]? = nil,
                      options: KPIOptions = KPIOptions()) -> Double? {
        let engine = KPIEngine(dataset: ds)
        let scope = accounts.map { try! Scope(accounts: $0, of: ds.accounts) } ?? engine.allAccounts
        return engine.value(id, period: p(period), scope: scope, options: options)
    }

    static func report(_ ds: KPIDataset, _ period: String = "2024-11", accounts: [String]? = nil,
                       options: KPIOptions = KPIOptions(), metrics: [KPIID]? = nil,
                       by: Breakdown? = nil) -> KPIReport {
        let engine = KPIEngine(dataset: ds)
        let scope = accounts.map { try! Scope(accounts: $0, of: ds.accounts) } ?? engine.allAccounts
        return engine.report(period: p(period), scope: scope, options: options, metrics: metrics, breakdown: by)
    }
}

extension Presence {
    /// The column is not in the file's header.
    func without(_ column: String, in file: BundleFile) -> Presence {
        var p = self
        p.columns[file]?.remove(column)
        p.filledColumns[file]?.remove(column)
        return p
    }

    /// The column is in the header but empty in every row.
    func unfilled(_ column: String, in file: BundleFile) -> Presence {
        var p = self
        p.filledColumns[file]?.remove(column)
        return p
    }

    /// The file is absent.
    func without(_ file: BundleFile) -> Presence {
        var p = self
        p.files.remove(file)
        p.columns[file] = nil
        p.filledColumns[file] = nil
        return p
    }
}

/// Equal within the consumers' tolerance (relative 1e-9 here: the fixtures are small).
func approx(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (a?, b?): return abs(a - b) <= max(1e-12, 1e-9 * abs(b))
    default: return false
    }
}
