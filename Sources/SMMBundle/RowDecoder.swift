import Foundation
import SMMCore

/// Decoding of each file's rows into core row types. Column numbers are positions in
/// ``BundleFile/columns``. A decoder returns nil when the row is bad (the cursor holds why).
package enum RowDecoder {
    package static func account(_ c: RowCursor) -> Account? {
        let id = c.text(0), network = c.network(1), name = c.text(2), url = c.text(3), brand = c.text(4)
        guard !c.isBad, let id, let network, let name else { return nil }
        return Account(id: id, network: network, name: name, url: url, brand: brand ?? "default")
    }

    package static func accountDay(_ c: RowCursor) -> AccountDay? {
        let a = c.text(0), d = c.date(1), f = c.counter(2)
        let row = AccountDay(accountID: a ?? "", date: d ?? LocalDate(dayNumber: 0), followers: f ?? 0,
                             joined: c.counter(3), left: c.counter(4), reach: c.counter(5), views: c.counter(6),
                             visitors: c.counter(7))
        return c.isBad ? nil : row
    }

    package static func post(_ c: RowCursor) -> Post? {
        let id = c.text(0), a = c.text(1), at = c.dateTime(2), format = c.enumeration(3, PostFormat.self)
        let row = Post(id: id ?? "", accountID: a ?? "", publishedAt: at ?? Instant(nanoseconds: 0),
                       localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0), format: format ?? .other,
                       topic: c.text(4), campaign: c.text(5), partner: c.text(6), promoted: c.boolean(7),
                       url: c.text(8), text: c.text(9))
        return c.isBad ? nil : row
    }

    package static func postMetrics(_ c: RowCursor) -> PostMetrics? {
        let id = c.text(0), at = c.dateTime(1)
        let row = PostMetrics(postID: id ?? "", collectedAt: at ?? Instant(nanoseconds: 0),
                              impressions: c.counter(2), reach: c.counter(3), likes: c.counter(4),
                              comments: c.counter(5), reposts: c.counter(6), saves: c.counter(7),
                              clicks: c.counter(8), videoViews: c.counter(9), hides: c.counter(10))
        return c.isBad ? nil : row
    }

    package static func comment(_ c: RowCursor) -> Comment? {
        let id = c.text(0), post = c.text(1), at = c.dateTime(2)
        let row = Comment(id: id ?? "", postID: post ?? "", createdAt: at ?? Instant(nanoseconds: 0),
                          localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                          authorID: c.text(3), text: c.text(4), fromBrand: c.boolean(5), parentID: c.text(6),
                          sentiment: c.enumeration(7, Sentiment.self))
        return c.isBad ? nil : row
    }

    package static func message(_ c: RowCursor) -> Message? {
        let id = c.text(0), a = c.text(1), at = c.dateTime(2), answered = c.dateTime(3)
        let kind = c.enumeration(4, MessageKind.self)
        if let at, let answered, answered < at {
            c.reject(3, "is before received_at; a message cannot be answered before it arrives")
        }
        let row = Message(id: id ?? "", accountID: a ?? "", receivedAt: at ?? Instant(nanoseconds: 0),
                          localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                          firstResponseAt: answered, kind: kind)
        return c.isBad ? nil : row
    }

    package static func mention(_ c: RowCursor) -> Mention? {
        let id = c.text(0), at = c.dateTime(1)
        let row = Mention(id: id ?? "", publishedAt: at ?? Instant(nanoseconds: 0),
                          localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                          network: c.network(2), url: c.text(3), author: c.text(4), text: c.text(5),
                          reach: c.counter(6), sentiment: c.enumeration(7, Sentiment.self))
        return c.isBad ? nil : row
    }

    package static func review(_ c: RowCursor) -> Review? {
        let id = c.text(0), at = c.dateTime(1), place = c.text(2)
        let rating = c.counter(3)
        if let rating, !(1...5).contains(rating) { c.reject(3, "“\(rating)” is outside 1–5; a rating is 1 to 5") }
        let row = Review(id: id ?? "", createdAt: at ?? Instant(nanoseconds: 0),
                         localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                         place: place.map(ReviewPlace.init), rating: rating, text: c.text(4),
                         sentiment: c.enumeration(5, Sentiment.self))
        return c.isBad ? nil : row
    }

    package static func adSpend(_ c: RowCursor) -> AdSpend? {
        let d = c.date(0), campaign = c.text(1), spend = c.decimal(2, what: "money")
        let row = AdSpend(date: d ?? LocalDate(dayNumber: 0), campaign: campaign ?? "", spend: spend ?? 0,
                          network: c.network(3), accountID: c.text(4), impressions: c.counter(5),
                          reach: c.counter(6), clicks: c.counter(7))
        return c.isBad ? nil : row
    }

    package static func otherCost(_ c: RowCursor) -> OtherCost? {
        let d = c.date(0), category = c.enumeration(1, CostCategory.self), amount = c.decimal(2, what: "money")
        let row = OtherCost(date: d ?? LocalDate(dayNumber: 0), category: category ?? .other, amount: amount ?? 0,
                            network: c.network(3))
        return c.isBad ? nil : row
    }

    package static func webSession(_ c: RowCursor) -> WebSession? {
        let d = c.date(0), source = c.text(1), sessions = c.counter(5)
        let row = WebSession(date: d ?? LocalDate(dayNumber: 0), source: Source(source ?? ""), medium: c.text(2),
                             campaign: c.text(3), content: c.text(4), sessions: sessions ?? 0, users: c.counter(6),
                             pageviews: c.counter(7), bounces: c.counter(8), goalCompletions: c.counter(9),
                             durationSeconds: c.counter(10))
        return c.isBad ? nil : row
    }

    package static func lead(_ c: RowCursor) -> Lead? {
        let id = c.text(0), at = c.dateTime(1), source = c.text(2)
        let row = Lead(id: id ?? "", createdAt: at ?? Instant(nanoseconds: 0),
                       localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                       source: Source(source ?? ""), campaign: c.text(3), content: c.text(4),
                       qualified: c.boolean(5), customerID: c.text(6))
        return c.isBad ? nil : row
    }

    package static func deal(_ c: RowCursor) -> Deal? {
        let id = c.text(0), at = c.dateTime(1), amount = c.decimal(2, what: "money")
        let row = Deal(id: id ?? "", closedAt: at ?? Instant(nanoseconds: 0),
                       localDate: at.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0), amount: amount ?? 0,
                       leadID: c.text(3), status: c.enumeration(4, DealStatus.self), customerID: c.text(5))
        return c.isBad ? nil : row
    }

    package static func audience(_ c: RowCursor) -> AudienceShare? {
        let a = c.text(0), d = c.date(1), dim = c.enumeration(2, AudienceDimension.self), bucket = c.text(3)
        let share = c.decimal(4, min: 0, max: 1, what: "a share")
        let row = AudienceShare(accountID: a ?? "", date: d ?? LocalDate(dayNumber: 0), dimension: dim ?? .gender,
                                bucket: bucket ?? "", share: share ?? 0)
        return c.isBad ? nil : row
    }

    package static func brandSearch(_ c: RowCursor) -> BrandSearch? {
        let m = c.month(0), q = c.text(1), n = c.counter(2)
        let row = BrandSearch(month: m ?? LocalDate(dayNumber: 0), query: q ?? "", count: n ?? 0)
        return c.isBad ? nil : row
    }

    package static func planItem(_ c: RowCursor) -> PlanItem? {
        let id = c.text(0), a = c.text(1), due = c.dateTime(2, endOfDay: true)
        let row = PlanItem(id: id ?? "", accountID: a ?? "", dueAt: due ?? Instant(nanoseconds: 0),
                           dueDate: due.map(c.clock.localDate(of:)) ?? LocalDate(dayNumber: 0),
                           format: c.text(3), topic: c.text(4), postID: c.text(5), approved: c.boolean(6))
        return c.isBad ? nil : row
    }

    package static func workLog(_ c: RowCursor) -> WorkLogEntry? {
        let d = c.date(0), person = c.text(1), hours = c.decimal(2, min: 0, what: "hours")
        let row = WorkLogEntry(date: d ?? LocalDate(dayNumber: 0), person: person ?? "", hours: hours ?? 0,
                               task: c.text(3))
        return c.isBad ? nil : row
    }
}
