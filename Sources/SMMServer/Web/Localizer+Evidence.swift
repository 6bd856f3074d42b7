import Foundation
import SMMCore
import SMMReports

/// The evidence sentence of an anomaly in the page's language.
///
/// The detector stores its sentence in English (the CLI and the JSON show it as written) and the
/// figures it used. English pages show the stored sentence; Russian pages say it again from the
/// figures, with Russian plurals and numbers written by the Localizer. An anomaly whose figures are
/// missing (written by an older detector) keeps its stored sentence.
extension Localizer {
    package func evidence(_ a: Anomaly, currency: String) -> String {
        guard language == .ru else { return a.evidence.text }
        let sentence: String?
        switch a.kind {
        case .boughtFollowers: sentence = boughtFollowersRU(a, currency: currency)
        case .botEngagement: sentence = botEngagementRU(a.evidence)
        case .botComments: sentence = botCommentsRU(a.evidence)
        }
        return sentence ?? a.evidence.text
    }

    /// `+412 подписчиков за 12–13 ноября — в 12 раз больше обычного (около 35 в день); …`
    func boughtFollowersRU(_ a: Anomaly, currency: String) -> String? {
        let e = a.evidence
        guard let joined = e["joined"], let ratio = e["joined_ratio"], let usual = e["baseline_joined_per_day"] else {
            return nil
        }
        let n = joined.rounded()
        var parts = ["+\(count(n)) \(RussianPlural.word(n, "подписчик", "подписчика", "подписчиков")) за "
            + "\(dayRange(a.from, a.to)) — \(times(ratio)) больше обычного (около \(count(usual)) в день)"]
        var context: [String] = []
        switch (e["reach_ratio"], e["views_ratio"]) {
        case (nil, nil): context.append("данных об охвате нет")
        case let (r, v) where max(r ?? 0, v ?? 0) < 1.3:
            context.append(r != nil && v != nil ? "охват и просмотры без изменений" : r != nil ? "охват без изменений" : "просмотры без изменений")
        case let (r, v): context.append("охват \(times(max(r ?? 0, v ?? 0))) выше обычного")
        }
        let spend = e["ad_spend"] ?? 0
        context.append(spend > 0 ? "реклама на \(count(spend))\(Localizer.nbsp)\(Localizer.symbol(currency))" : "рекламы не было")
        let post = e["max_post_reach_ratio"] ?? 0
        context.append(post >= 2 ? "пост с охватом \(times(post)) выше обычного" : "ни один пост не превысил обычный охват")
        if let mentions = e["mention_reach"], mentions >= 10_000 { context.append("упоминания с охватом \(count(mentions))") }
        if let explained = e["explained_joins"], explained >= 1 {
            let x = explained.rounded()
            context.append("всё это объясняет около \(count(x)) \(RussianPlural.word(x, "подписчика", "подписчиков", "подписчиков"))")
        }
        parts.append(context.joined(separator: ", "))
        if let left = e["left_after"], left > 0 {
            let days = e["left_after_days"] ?? 0, l = left.rounded()
            parts.append("в течение \(count(days)) \(RussianPlural.word(days, "дня", "дней", "дней")) после — "
                         + "\(count(l)) \(RussianPlural.word(l, "отписка", "отписки", "отписок")) сверх обычного "
                         + "(\(share(e["left_after_share"] ?? 0)) от оценки)")
        }
        if let er = e["er_per_follower_change"], er <= -0.1 {
            parts.append("вовлечённость на подписчика после этого \(change(er * 100))")
        }
        return parts.joined(separator: "; ")
    }

    /// `1 240 лайков при охвате 5 000 (24,8 %), обычно у аккаунта 3,1 %; в 8 раз больше обычного; …`
    func botEngagementRU(_ e: Evidence) -> String? {
        guard let likes = e["likes"], let reach = e["reach"], let rate = e["likes_per_reach"],
              let usual = e["usual_likes_per_reach"], let ratio = e["likes_ratio"] else { return nil }
        let n = likes.rounded()
        let asUsual: String
        switch (e["comments_ratio"], e["reposts_ratio"]) {
        case (nil, nil): asUsual = "данных о комментариях и репостах нет"
        case let (c, r) where max(c ?? 0, r ?? 0) < 2:
            asUsual = c != nil && r != nil ? "комментарии и репосты — как обычно" : c != nil ? "комментарии — как обычно" : "репосты — как обычно"
        case let (c, r): asUsual = "комментариев \(times(c ?? 1)) больше обычного, репостов — \(times(r ?? 1))"
        }
        return "\(count(n)) \(RussianPlural.word(n, "лайк", "лайка", "лайков")) при охвате \(count(reach)) (\(share(rate))), "
            + "обычно у аккаунта \(share(usual)); \(times(ratio)) больше обычного; \(asUsual)"
    }

    /// `86 комментариев за 12 минут от 9 авторов; 45 % повторяют друг друга («…»); …`
    func botCommentsRU(_ e: Evidence) -> String? {
        guard let n = e["burst_comments"], let minutes = e["burst_minutes"], let authors = e["authors"],
              let expected = e["expected_comments"] else { return nil }
        var text = "\(count(n)) \(RussianPlural.word(n, "комментарий", "комментария", "комментариев")) за "
            + "\(count(minutes)) \(RussianPlural.word(minutes, "минуту", "минуты", "минут")) от "
            + "\(count(authors)) \(RussianPlural.word(authors, "автора", "авторов", "авторов"))"
        if let repeats = e["repeat_share"], repeats > 0 {
            text += "; \(share(repeats)) повторяют друг друга"
            if let samples = Self.commentSamples(e.text) { text += " (\(samples))" }
        }
        let x = expected.rounded()
        text += "; для такого охвата ожидалось около \(count(x)) \(RussianPlural.word(x, "комментария", "комментариев", "комментариев"))"
        return text
    }

    /// The quoted comments of a stored bot-comments sentence (`“Класс”, “Супер”`), as written.
    static func commentSamples(_ text: String) -> String? {
        guard let start = text.range(of: " repeat each other (“"),
              let end = text.range(of: "”); about ", options: .backwards), start.upperBound <= end.lowerBound else { return nil }
        return "«" + text[start.upperBound..<end.lowerBound].replacingOccurrences(of: "”, “", with: "», «") + "»"
    }

    // MARK: Pieces

    private func count(_ v: Double) -> String { number(v.rounded(), digits: 0) }

    /// `в 12 раз`, `в 2,1 раза`, `в 22 раза` (as the detector rounds: whole from 10 on).
    private func times(_ v: Double) -> String {
        if v >= 10 {
            let n = v.rounded()
            return "в \(count(n)) \(RussianPlural.word(n, "раз", "раза", "раз"))"
        }
        return "в \(number((v * 10).rounded() / 10, digits: 1)) раза"
    }

    /// A share as a percentage: `38 %`, `4,5 %`.
    private func share(_ s: Double) -> String { percent(s * 100, digits: s * 100 < 10 && s * 100 != (s * 100).rounded() ? 1 : 0) }

    /// `12 ноября`, `12–13 ноября`, `30 ноября – 2 декабря`, `30 декабря 2024 – 2 января 2025`.
    func dayRange(_ from: LocalDate, _ to: LocalDate) -> String {
        let a = from.components, b = to.components
        let ma = ReportFormat.monthsRU[a.month - 1], mb = ReportFormat.monthsRU[b.month - 1]
        if from == to { return "\(a.day) \(ma)" }
        if a.year != b.year { return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)" }
        if a.month == b.month { return "\(a.day)–\(b.day) \(ma)" }
        return "\(a.day) \(ma) – \(b.day) \(mb)"
    }
}
