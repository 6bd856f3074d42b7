import Foundation

/// Mentions in P (scope rule by their network; none: all-accounts scope only).
struct MentionTotals {
    var count: Int64 = 0
    var reach = Tally()
    var classified: Int64 = 0, positive: Int64 = 0, negative: Int64 = 0

    init(_ c: KPICalculator) {
        let period = c.period
        c.index.mentions.forEach(in: c.scope) { m in
            guard period.contains(m.row.localDate) else { return }
            count += 1
            reach.add(m.row.reach)
            if let s = m.sentiment {
                classified += 1
                if s == .positive { positive += 1 }
                if s == .negative { negative += 1 }
            }
        }
    }
}

/// Reviews in P (a network code by N(A); a place name or none: all-accounts scope only).
struct ReviewTotals {
    var count: Int64 = 0
    /// With a rating, or else a sentiment.
    var rated: Int64 = 0, positive: Int64 = 0
    var ratings = Tally()

    init(_ c: KPICalculator) {
        let period = c.period
        c.index.reviews.forEach(in: c.scope) { r in
            guard period.contains(r.row.localDate) else { return }
            count += 1
            ratings.add(r.row.rating)
            if let rating = r.row.rating {
                rated += 1
                if rating >= 4 { positive += 1 }
            } else if let s = r.sentiment {
                rated += 1
                if s == .positive { positive += 1 }
            }
        }
    }
}

extension KPICalculator {
    /// Brand and reputation (узнаваемость, репутация).
    func reputation(_ id: KPIID) -> Double? {
        switch id {
        case .brandMentions, .mentionReach, .mentionPositiveShare, .mentionNegativeShare:
            guard presence.has(.mentions) else { return nil }
            let m = shared.memo(\.mentions, networkKey) { MentionTotals(self) }
            switch id {
            case .brandMentions:
                /// mentions in P
                return Double(m.count)
            case .mentionReach:
                /// Σ reach of mentions in P
                return presence.hasValues(.mentions, column: "reach") ? Double(m.reach.sum) : nil
            case .mentionPositiveShare:
                /// as for comments, over mentions in P
                return ratio(m.positive, m.classified, scale: 100)
            default:
                return ratio(m.negative, m.classified, scale: 100)
            }
        case .brandSearchVolume:
            /// Σ count over the months that lie wholly inside P: null when no month does; 0 when
            /// such months have no rows; null in any scope other than all accounts
            guard presence.has(.brandSearches), scope.isAllAccounts, let months = period.wholeMonths else {
                return nil
            }
            var total: Int64 = 0
            for row in index.brandSearches where months.contains(row.month) { total += row.count }
            return Double(total)
        case .reviewsCount, .positiveReviewShare, .avgRating:
            guard presence.has(.reviews) else { return nil }
            let r = shared.memo(\.reviews, networkKey) { ReviewTotals(self) }
            switch id {
            case .reviewsCount:
                /// reviews in P
                return Double(r.count)
            case .positiveReviewShare:
                /// positive / rated × 100 over reviews in P
                return ratio(r.positive, r.rated, scale: 100)
            default:
                /// mean rating over reviews in P with a rating
                return ratio(r.ratings.sum, r.ratings.count)
            }
        default:
            preconditionFailure("\(id) is not a reputation metric")
        }
    }
}

extension Period {
    /// The first days of the months that lie wholly inside the period, as a range; nil when none does.
    var wholeMonths: ClosedRange<LocalDate>? {
        let (y, m, d) = first.components
        var start = first
        if d != 1 {
            guard let next = m == 12 ? LocalDate(year: y + 1, month: 1, day: 1) : LocalDate(year: y, month: m + 1, day: 1)
            else { return nil }
            start = next
        }
        // The last month wholly inside ends on `last` when `last` is a month end.
        let (ly, lm, ld) = last.components
        let lastMonthStart: LocalDate
        if ld == LocalDate.daysIn(year: ly, month: lm) {
            lastMonthStart = LocalDate(year: ly, month: lm, day: 1)!
        } else {
            guard let prev = lm == 1 ? LocalDate(year: ly - 1, month: 12, day: 1) : LocalDate(year: ly, month: lm - 1, day: 1)
            else { return nil }
            lastMonthStart = prev
        }
        return start <= lastMonthStart ? start...lastMonthStart : nil
    }
}
