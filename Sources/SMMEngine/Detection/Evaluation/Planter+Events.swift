import Foundation
import SMMCore

extension Planter {
    static let botPhrases = ["Класс!", "Супер!", "Круто 👍", "Отличный пост", "Топ", "👍👍👍", "Лайк", "Интересно",
                             "Согласен", "Nice!", "Great post", "Заработок от 5000 в день, пиши в лс",
                             "Подпишись на мой канал", "Всё супер", "🔥🔥🔥"]
    static let giveawayPhrases = ["Участвую!", "Участвую! @", "Хочу выиграть! @", "Я в деле 🍀 @", "I'm in! @",
                                  "Участвую, спасибо за конкурс!", "Мечтаю выиграть 🙏 @"]

    /// Plants every event, account by account, into the loaded tables and `truth`.
    mutating func plant(_ truth: inout PlantedTruth) throws {
        for account in accountOrder where dailyIndex[account] != nil {
            // Hard negatives first, then cheating on other days.
            if rng.chance(plan.viralChance), let e = viralPost(account) { truth.negatives.append(e) }
            if rng.chance(plan.adChance), let e = adCampaign(account) { truth.negatives.append(e) }
            if rng.chance(plan.giveawayChance), let e = giveaway(account) { truth.negatives.append(e) }
            if rng.chance(plan.mentionChance), let e = bigMention(account) { truth.negatives.append(e) }
            if rng.chance(plan.boughtChance) {
                if let r = boughtRun(account) { truth.runs.append(r) }
                if rng.chance(plan.secondRunChance), let r = boughtRun(account) { truth.runs.append(r) }
            }
            if rng.chance(plan.botLikesChance) {
                for _ in 0..<rng.int(in: 1...3) {
                    if let p = botLikes(account) { truth.botPosts.append(p) }
                }
            }
            if rng.chance(plan.botCommentsChance), let p = botComments(account) { truth.commentPosts.append(p) }
        }
    }

    // MARK: - Cheating

    mutating func boughtRun(_ account: String) -> PlantedRun? {
        let shapes = ["spike", "burst", "drip", "ramp", "decay"]
        let shape = shapes[rng.weighted([25, 25, 15, 15, 20])]
        var weights: [Double]
        switch shape {
        case "spike": weights = [1]
        case "burst": weights = (0..<rng.int(in: 2...4)).map { _ in rng.uniform(0.8, 1.2) }
        case "drip": weights = (0..<rng.int(in: 5...10)).map { _ in rng.uniform(0.8, 1.2) }
        case "ramp": weights = (0..<rng.int(in: 4...7)).map { Double($0 + 1) }
        default: weights = (0..<rng.int(in: 3...6)).map { DemoMath.exp(-0.69 * Double($0)) }
        }
        guard let d = freeDay(account, length: weights.count) else { return nil }
        let usual = max(1, median(account, "joined", before: d))
        let sizes = ["small", "medium", "large"]
        let size = sizes[rng.weighted([30, 40, 30])]
        let share = size == "small" ? rng.uniform(0.3, 1) : size == "medium" ? rng.uniform(1, 3) : rng.uniform(3, 15)
        let total = max(100, Int(share * 30 * usual))
        let extra = RobustStats.apportion(Int64(total), weights).map(Int.init)
        for (k, x) in extra.enumerated() { addJoins(account, d + k, joined: x) }
        let to = d + extra.count - 1
        var wave = false
        if rng.chance(plan.waveChance) {
            wave = true
            let leaving = Int(Double(total) * rng.uniform(0.2, 0.6))
            let start = to + rng.int(in: 2...10), length = rng.int(in: 7...25)
            let decay = (0..<length).map { DemoMath.exp(-Double($0) * 3 / Double(length)) }
            for (k, x) in RobustStats.apportion(Int64(leaving), decay).enumerated() where start + k < days {
                addJoins(account, start + k, left: Int(x))
            }
        }
        return PlantedRun(accountID: account, from: date(d), to: date(to), followers: total, shape: shape, size: size,
                          dailyMultiple: Double(extra.max() ?? 0) / usual, wave: wave)
    }

    mutating func botLikes(_ account: String) -> PlantedPost? {
        guard let (post, d) = freePost(account, before: 3, after: 3) else { return nil }
        let likes = latest(post, "likes") ?? 0
        let multiple = logUniform(3, 30)
        let extra = max(40, Int(Double(likes) * (multiple - 1)))
        addToSnapshots(post, "likes", extra)
        return PlantedPost(postID: post, accountID: account, date: date(d), size: Double(likes + extra) / Double(max(likes, 1)))
    }

    mutating func botComments(_ account: String) -> PlantedPost? {
        guard let (post, d) = freePost(account, before: 3, after: 3), let info = postInfo[post] else { return nil }
        let count = rng.int(in: 20...120), authors = rng.int(in: 3...12)
        let window = Int64(rng.int(in: 15...90) * 60)
        let start = info.published.seconds + Int64(rng.int(in: 3600...72_000))
        let end = clock.instant(localSeconds: Int64(demo.firstDate.adding(days: days).dayNumber) * 86400).seconds
        guard start + window < end else { return nil }
        let bots = (0..<authors).map { _ in "id\(rng.int(in: 100_000...899_999_999))" }
        let phrases = (0..<authors).map { _ in (0..<3).map { _ in rng.pick(Self.botPhrases) } }
        for k in 0..<count {
            let b = rng.int(authors)
            let t = Instant(seconds: start + Int64(rng.int(Int(window))))
            newComments.append(row(commentHeader, [
                "comment_id": "bot-\(post)-\(k)", "post_id": post, "created_at": t.iso8601, "author_id": bots[b],
                "text": rng.pick(phrases[b]), "from_brand": "false"]))
        }
        addToSnapshots(post, "comments", count)
        return PlantedPost(postID: post, accountID: account, date: date(d), size: Double(count))
    }

    // MARK: - Hard negatives

    mutating func viralPost(_ account: String) -> PlantedEvent? {
        guard let (post, d) = freePost(account, minReach: 100, before: 30, after: 30) else { return nil }
        let reach = latest(post, "reach") ?? 0
        let factor = logUniform(8, 40)
        var scale: [String: Double] = [:]
        for c in ["impressions", "reach", "likes", "comments", "reposts", "saves", "clicks", "video_views", "hides"] {
            scale[c] = factor * (c == "reach" ? 1 : rng.uniform(0.85, 1.15))
        }
        scaleSnapshots(post, scale)
        let extraReach = Double(reach) * (factor - 1)
        add(account, d, "reach", Int(extraReach * 0.6))
        add(account, d, "views", Int(extraReach * 0.9))
        add(account, d + 1, "reach", Int(extraReach * 0.3))
        add(account, d + 1, "views", Int(extraReach * 0.45))
        // Extra reach converts about as the account's ordinary reach does (0.3–1.5 × its rate).
        let rate = median(account, "joined", before: d) / max(1, median(account, "reach", before: d))
        let joins = extraReach * min(0.02, max(0.0005, rate * rng.uniform(0.3, 1.5)))
        addJoins(account, d, joined: Int(joins * 0.7))
        addJoins(account, d + 1, joined: Int(joins * 0.3))
        return PlantedEvent(kind: "viral_post", accountID: account, from: date(d), to: date(d + 1), postID: post,
                            joins: Int(joins))
    }

    mutating func adCampaign(_ account: String) -> PlantedEvent? {
        let length = rng.int(in: 5...14)
        guard let d = freeDay(account, length: length) else { return nil }
        let usualReach = max(1000, median(account, "reach", before: d))
        let cpm = rng.uniform(150, 350)
        var joins = 0
        for k in 0..<length where d + k < days {
            let reach = usualReach * rng.uniform(3, 15)
            let impressions = reach * rng.uniform(1.3, 2.0)
            let clicks = impressions * rng.uniform(0.004, 0.015)
            let spendMinor = Int(impressions / 1000 * cpm * 100)
            newAds.append(row(adHeader, [
                "date": date(d + k).description, "campaign": "\(account)_big_push_\(date(d))",
                "spend": "\(spendMinor / 100).\(String(format: "%02d", spendMinor % 100))",
                "network": networks[account] ?? "", "account_id": account, "impressions": String(Int(impressions)),
                "reach": String(Int(reach)), "clicks": String(Int(clicks))]))
            let j = Int(clicks * rng.uniform(0.15, 0.6))
            joins += j
            addJoins(account, d + k, joined: j)
            add(account, d + k, "reach", Int(reach * rng.uniform(0, 0.4)))
        }
        return PlantedEvent(kind: "ad_campaign", accountID: account, from: date(d), to: date(d + length - 1),
                            postID: nil, joins: joins)
    }

    mutating func giveaway(_ account: String) -> PlantedEvent? {
        guard let (post, d) = freePost(account, minReach: 200, before: 30, after: 30), let info = postInfo[post] else {
            return nil
        }
        let comments0 = latest(post, "comments") ?? 0, reposts0 = latest(post, "reposts") ?? 0
        let reach = latest(post, "reach") ?? 0
        let reachFactor = rng.uniform(2, 4)
        scaleSnapshots(post, ["reach": reachFactor, "impressions": reachFactor, "likes": rng.uniform(3, 5),
                              "saves": 2, "video_views": reachFactor])
        let extraComments = max(50, Int(Double(comments0) * rng.uniform(9, 39)))
        let extraReposts = max(30, Int(Double(reposts0) * rng.uniform(9, 39)))
        addToSnapshots(post, "comments", extraComments)
        addToSnapshots(post, "reposts", extraReposts)
        let end = clock.instant(localSeconds: Int64(demo.firstDate.adding(days: days).dayNumber) * 86400).seconds
        for k in 0..<min(extraComments, 400) {
            let t = info.published.seconds + 60 + Int64(rng.exponential(mean: 20_000))
            guard t < end else { continue }
            let phrase = rng.pick(Self.giveawayPhrases)
            newComments.append(row(commentHeader, [
                "comment_id": "give-\(post)-\(k)", "post_id": post, "created_at": Instant(seconds: t).iso8601,
                "author_id": "id\(rng.int(in: 100_000...899_999_999))",
                "text": phrase.hasSuffix("@") ? phrase + "friend\(rng.int(9999))" : phrase, "from_brand": "false"]))
        }
        let participants = Double(extraComments + extraReposts)
        let joins = participants * rng.uniform(0.4, 1.0)
        let length = rng.int(in: 2...4)
        let weights = (0..<length).map { DemoMath.exp(-0.7 * Double($0)) }
        for (k, x) in RobustStats.apportion(Int64(joins), weights).enumerated() {
            addJoins(account, d + k, joined: Int(x))
        }
        add(account, d, "reach", Int(Double(reach) * (reachFactor - 1) * 0.6))
        add(account, d, "views", Int(Double(reach) * (reachFactor - 1) * 0.9))
        return PlantedEvent(kind: "giveaway", accountID: account, from: date(d), to: date(d + length - 1),
                            postID: post, joins: Int(joins))
    }

    mutating func bigMention(_ account: String) -> PlantedEvent? {
        guard let d = freeDay(account, length: 1) else { return nil }
        let reach = logUniform(200_000, 2_000_000)
        let network = rng.chance(0.7) ? networks[account] ?? "" : ""
        newMentions.append(row(mentionHeader, [
            "mention_id": "bigblog-\(account)-\(d)", "published_at": "\(date(d)) 11:00", "network": network,
            "url": "https://blog.example/\(account)/\(d)", "author": "@big_city_blog",
            "text": "Обзор: куда сходить на выходных — и наш фаворит", "reach": String(Int(reach)),
            "sentiment": "positive"]))
        let joins = reach * rng.uniform(0.0005, 0.004)
        addJoins(account, d, joined: Int(joins * 0.7))
        addJoins(account, d + 1, joined: Int(joins * 0.3))
        add(account, d, "reach", Int(joins * rng.uniform(3, 10)))
        add(account, d, "views", Int(joins * rng.uniform(5, 15)))
        return PlantedEvent(kind: "big_mention", accountID: account, from: date(d), to: date(d + 1), postID: nil,
                            joins: Int(joins))
    }
}
