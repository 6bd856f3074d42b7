import Foundation
import SMMCore

extension DemoRun {
    static let mentionNetworks: [Network?] = [
        .vk, .telegram, .dzen, .ok, .youtube, .rutube, .max, .other, .instagram, nil,
    ]
    static let mentionNetworkWeights: [Double] = [32, 24, 9, 7, 5, 2, 3, 6, 4, 8]
    static let bloggers = ["@masha_eats", "@moscow_breakfasts", "@dima_travels", "@gorod_vkusno", "@tea_and_books",
                           "@kofe_i_knigi", "@eda_ryadom", "@weekend_guide"].map(DemoPhrase.init)
    static let reviewPlaces = ["Yandex Maps", "2GIS", "Google Maps", "vk", "ok", "Отзовик", "telegram", "Tripadvisor"]
        .map(DemoPhrase.init)
    static let reviewPlaceWeights: [Double] = [35, 25, 10, 12, 5, 5, 3, 5]

    /// Brand mentions anywhere: bloggers and ordinary users, mostly positive or neutral,
    /// with an occasional bad day.
    func writeMentions(_ b: Int, _ day: Int) {
        let scale = (Double(brandFollowers[b]) / 1000).squareRoot()
        let badDay = rng.chance(0.02)
        let count = rng.poisson((0.4 + 0.12 * scale) * DemoRun.reachByWeekday[weekdays[day] - 1] * (badDay ? 2 : 1))
        let w = wMentions
        for _ in 0..<count {
            mentionSeq += 1
            let n = DemoRun.mentionNetworks[rng.weighted(DemoRun.mentionNetworkWeights)]
            let sentiment = rng.weighted(badDay ? [20, 30, 50] : [45, 38, 17])
            let english = rng.chance(0.12)
            let lang = english ? texts[b].english : texts[b].russian
            let blogger = rng.chance(0.2)
            w.ascii("men"); w.int(mentionSeq); w.comma()
            cal.writeDateTime(moment(day, hours: DemoRun.peopleHours), w); w.comma()
            if let n { w.plain(n.rawValue) }
            w.comma()
            if rng.chance(0.75) {
                w.ascii("https://"); w.plain((n ?? .other).rawValue); w.ascii(".example/p/"); w.int(mentionSeq)
            }
            w.comma()
            if blogger {
                w.phrase(rng.pick(DemoRun.bloggers))
            } else if rng.chance(0.93) {
                w.ascii("user"); w.int(rng.int(in: 10_000...9_999_999))
            }
            w.comma()
            w.phrases(rng.pick(lang.mentions[sentiment]), rng.pick(lang.mentionTails))
            w.comma()
            if rng.chance(0.9) { w.int(Int((blogger ? 12_000 : 900) * rng.logNormal(1.0))) }
            w.comma()
            if rng.chance(0.85) { w.ascii(["positive", "neutral", "negative"][sentiment]) }
            w.endRow()
        }
    }

    /// Reviews on maps and networks, more on weekends; rating-only ones, text-only ones.
    func writeReviews(_ b: Int, _ day: Int) {
        let count = rng.poisson(0.25 * Double(brandCities[b]) * (weekdays[day] >= 6 ? 1.3 : 0.9))
        let w = wReviews
        for _ in 0..<count {
            reviewSeq += 1
            let place = rng.weighted(DemoRun.reviewPlaceWeights)
            let rating = rng.weighted([10, 8, 12, 25, 45])  // rating − 1
            let lang = rng.chance(0.1) ? texts[b].english : texts[b].russian
            w.byte(UInt8(ascii: "r")); w.int(reviewSeq); w.comma()
            cal.writeDateTime(moment(day, hours: DemoRun.peopleHours), w); w.comma()
            w.phrase(DemoRun.reviewPlaces[place]); w.comma()
            let rated = !rng.chance(place == 3 || place == 6 ? 0.4 : 0.04)
            if rated { w.int(rating + 1) }
            w.comma()
            let hasText = !rated || !rng.chance(0.12)
            if hasText { w.phrases(rng.pick(lang.reviews[rating]), rng.pick(lang.reviewDetails)) }
            w.comma()
            if hasText, rng.chance(0.8) { w.ascii(rating >= 3 ? "positive" : rating == 2 ? "neutral" : "negative") }
            w.endRow()
        }
    }

    /// Search volume of the brand's queries for the month that ends on `day`.
    func writeSearches(_ day: Int) {
        let w = wSearches
        let month = String(cal.date(day).description.prefix(7))
        for (b, brand) in brands.enumerated() {
            let base = Double(brandFollowers[b]).squareRoot() * 9 * season(day)
            for (k, query) in brand.searchQueries.enumerated() {
                w.plain(month); w.comma()
                w.text(query); w.comma()
                w.int(Int(base / Double(1 + k * k) * rng.logNormal(0.15)))
                w.endRow()
            }
        }
    }

    static let people = ["Анна Смирнова", "Игорь Петров"].map(DemoPhrase.init)
    static let tasks: [[DemoPhrase]] = [
        ["контент-план", "copywriting, stories", "ответы на комментарии", "отчёт", "модерация", "созвон с клиентом",
         "съёмка", "написание статьи для Дзена", "работа с блогерами", "подготовка розыгрыша"],
        ["таргет", "дизайн", "монтаж клипов", "аналитика", "настройка рекламы, A/B тест", "съёмка", "отчёт по рекламе"],
    ].map { $0.map(DemoPhrase.init) }

    /// Hours of one or two specialists: several tasks a working day, a little weekend
    /// moderation, summer holidays.
    func writeWork(_ day: Int) {
        let w = wWork
        let team = accounts.count > 2 ? 2 : 1
        for p in 0..<team {
            let holiday = months[day] == 7 + p && monthDays[day] >= 10 && monthDays[day] < 24
            guard !holiday, !rng.chance(0.02) else { continue }
            let weekend = weekdays[day] >= 6
            if weekend, !rng.chance(0.3) { continue }
            let entries = weekend ? 1 : rng.int(in: (p == 0 ? 2 : 1)...(p == 0 ? 4 : 3))
            for _ in 0..<entries {
                cal.writeDate(day, w); w.comma()
                w.phrase(DemoRun.people[p]); w.comma()
                w.quarterHours(weekend ? rng.int(in: 2...6) : rng.int(in: 2...12)); w.comma()
                w.phrase(weekend ? DemoRun.tasks[0][4] : rng.pick(DemoRun.tasks[p]))
                w.endRow()
            }
        }
    }

    /// Salaries and tools monthly, contractors and content production per brand and
    /// network, giveaway prizes, and now and then a refund.
    func writeCosts(_ day: Int) {
        let md = monthDays[day]
        let raise = day >= 365 ? 110 : 100
        if md == 5 {
            cost(day, "salary", 9_500_000 * raise / 100, nil)
            if accounts.count > 2 { cost(day, "salary", 7_000_000 * raise / 100, nil) }
        }
        if md == 1 {
            cost(day, "tools", 299_000, nil)
            cost(day, "tools", 149_000, nil)
        }
        if md == 15, rng.chance(0.04) { cost(day, "tools", -299_000, nil) }
        for _ in brands.indices {
            if md == 10 {
                for n in DemoNetworkProfile.cycle where rng.chance(0.6) {
                    cost(day, "contractor", rng.int(in: 8_000...25_000) * 100, n.network)
                }
            }
            if rng.chance(0.07) {
                let network: Network? = rng.chance(0.7) ? rng.pick([.vk, .telegram]) : nil
                cost(day, "content", rng.int(in: 1_200_000...4_000_000), network)
            }
            if rng.chance(0.03) { cost(day, "other", rng.int(in: 300_000...1_000_000), nil) }
            if rng.chance(0.003) { cost(day, "content", -rng.int(in: 100_000...500_000), nil) }
        }
    }

    private func cost(_ day: Int, _ category: StaticString, _ minor: Int, _ network: Network?) {
        let w = wCosts
        cal.writeDate(day, w); w.comma()
        w.ascii(category); w.comma()
        w.money(minor: minor); w.comma()
        if let network { w.plain(network.rawValue) }
        w.endRow()
    }
}
