import Foundation
import SMMCore

/// ad_spend rows summed per day and account, rows without an account per day and network: the
/// cheating detector's view of paid promotion (both stores add the rows in key order).
struct AdDayTotals {
    private var days: [String: AdDay] = [:]

    mutating func add(date: LocalDate, account: String?, network: Network?, spend: String,
                      reach: Int64?, impressions: Int64?, clicks: Int64?) {
        let key = "\(date.dayNumber)|\(account ?? "")|\(account == nil ? network?.rawValue ?? "" : "")"
        var a = days[key] ?? AdDay(date: date, accountID: account, network: account == nil ? network : nil, spend: 0)
        a.spend += Double(spend) ?? 0
        func sum(_ x: Int64?, _ y: Int64?) -> Int64? { x == nil && y == nil ? nil : (x ?? 0) + (y ?? 0) }
        a.reach = sum(a.reach, reach)
        a.impressions = sum(a.impressions, impressions)
        a.clicks = sum(a.clicks, clicks)
        days[key] = a
    }

    /// By day, account, network.
    var sorted: [AdDay] {
        days.values.sorted { ($0.date, $0.accountID ?? "", $0.network?.rawValue ?? "") < ($1.date, $1.accountID ?? "", $1.network?.rawValue ?? "") }
    }
}
