import Foundation

/// The bot_engagement signal: posts whose likes per reached user are far above the account's
/// norm while comments and reposts per reach stay as usual.
///
/// The norm of a post is taken from the account's other posts published within `normDays`
/// either side (per format when the format has `minFormatPosts`, else all formats; at least
/// `minNormPosts`): the median m and MAD of ln(likes ÷ reach). A post is flagged when its
/// likes per reach are at least `minLikesRatio` × e^m, at least `minLikesZ` robust sigmas
/// above m, at least `minLikesOverCompanions` times the rise of its comments and of its
/// reposts (and saves) per reach, and at least `minFakeLikes` likes above e^m × reach. Reach missing:
/// impressions, then video views stand in.
struct BotEngagement {
    let settings: DetectorSettings

    /// A post's rates, precomputed.
    struct Rated {
        var post: DetectionPost
        var audience: Double
        var likes: Double
        var logRate: Double
        var commentRate: Double?
        var repostRate: Double?
        var saveRate: Double?
    }

    func detect(posts: [DetectionPost]) -> [Anomaly] {
        var rated: [Rated] = []
        for p in posts {
            guard let a = p.audience, a > 0, let likes = p.likes else { continue }
            let audience = Double(a)
            rated.append(Rated(post: p, audience: audience, likes: Double(likes),
                               logRate: log((Double(likes) + 0.5) / (audience + 0.5)),
                               commentRate: p.comments.map { Double($0) / audience },
                               repostRate: p.reposts.map { Double($0) / audience },
                               saveRate: p.saves.map { Double($0) / audience }))
        }
        guard rated.count > settings.minNormPosts else { return [] }
        rated.sort { $0.post.date != $1.post.date ? $0.post.date < $1.post.date : codePointLess($0.post.id, $1.post.id) }
        // Cheap pre-filter: the post against the account's whole-history median of its format
        // (with room for drift over time) before its own norm is built.
        var byFormat: [PostFormat: [Double]] = [:]
        for r in rated { byFormat[r.post.format, default: []].append(r.logRate) }
        var all = rated.map(\.logRate)
        guard let accountMedian = RobustStats.median(&all) else { return [] }
        var formatMedian: [PostFormat: Double] = [:]
        for (f, var v) in byFormat where v.count >= settings.minFormatPosts { formatMedian[f] = RobustStats.median(&v) }

        var out: [Anomaly] = []
        var lo = 0, hi = 0
        var logs: [Double] = [], comments: [Double] = [], reposts: [Double] = [], saves: [Double] = []
        for (i, r) in rated.enumerated() {
            let d = r.post.date
            while lo < rated.count, rated[lo].post.date.days(to: d) > settings.normDays { lo += 1 }
            while hi < rated.count, d.days(to: rated[hi].post.date) <= settings.normDays { hi += 1 }
            // Cheap pre-filter against the account-wide median before building the post's norm.
            let reference = formatMedian[r.post.format] ?? accountMedian
            let slack = formatMedian[r.post.format] == nil ? log(3.0) : log(1.5)
            guard r.logRate - reference >= log(settings.minLikesRatio) - slack,
                  r.likes >= settings.minFakeLikes else { continue }
            var sameFormat = 0
            for k in lo..<hi where k != i && rated[k].post.format == r.post.format { sameFormat += 1 }
            let byFormat = sameFormat >= settings.minFormatPosts
            logs.removeAll(keepingCapacity: true)
            comments.removeAll(keepingCapacity: true)
            reposts.removeAll(keepingCapacity: true)
            saves.removeAll(keepingCapacity: true)
            for k in lo..<hi where k != i && (!byFormat || rated[k].post.format == r.post.format) {
                logs.append(rated[k].logRate)
                if let c = rated[k].commentRate { comments.append(c) }
                if let p = rated[k].repostRate { reposts.append(p) }
                if let v = rated[k].saveRate { saves.append(v) }
            }
            guard logs.count >= settings.minNormPosts, let norm = RobustStats.medianAndMAD(&logs) else { continue }
            if let a = judge(r, norm: norm, normPosts: logs.count, comments: &comments, reposts: &reposts, saves: &saves) {
                out.append(a)
            }
        }
        return out
    }

    func judge(_ r: Rated, norm: (median: Double, mad: Double), normPosts: Int, comments: inout [Double],
               reposts: inout [Double], saves: inout [Double]) -> Anomaly? {
        let s = settings
        let sigma = max(RobustStats.madToSigma * norm.mad, 0.15)
        let usualRate = exp(norm.median)
        let ratio = exp(r.logRate - norm.median)
        let z = (r.logRate - norm.median) / sigma
        let expectedLikes = usualRate * r.audience
        let fake = r.likes - expectedLikes
        guard ratio >= s.minLikesRatio, z >= s.minLikesZ, fake >= s.minFakeLikes else { return nil }

        // Did comments and reposts rise with the likes? (+1 keeps small counts from swinging.)
        func rise(_ rate: Double?, _ norms: inout [Double]) -> Double? {
            guard let rate, let usual = RobustStats.median(&norms) else { return nil }
            return (rate * r.audience + 1) / (usual * r.audience + 1)
        }
        let commentsRatio = rise(r.commentRate, &comments), repostsRatio = rise(r.repostRate, &reposts)
        let savesRatio = rise(r.saveRate, &saves)
        let companion = max(1, commentsRatio ?? 1, repostsRatio ?? 1, savesRatio ?? 1)
        guard ratio / companion >= s.minLikesOverCompanions else { return nil }

        let strength = min(1, max(0, log(ratio / s.minLikesRatio) / log(5)))
        let sureness = min(1, max(0, (z - s.minLikesZ) / 4))
        let apart = min(1, max(0, log(ratio / companion / s.minLikesOverCompanions) / log(3)))
        let score = ((0.45 + 0.3 * strength + 0.15 * sureness + 0.1 * apart) * 100).rounded() / 100

        let p = r.post
        let base = p.reach != nil ? "a reach of" : p.impressions != nil ? "impressions of" : "video views of"
        let asUsual: String
        switch (commentsRatio, repostsRatio) {
        case (nil, nil): asUsual = "no comment or repost figures"
        case let (c, rp) where max(c ?? 0, rp ?? 0) < 2: asUsual = c != nil && rp != nil ? "comments and reposts as usual" : c != nil ? "comments as usual" : "reposts as usual"
        case let (c, rp): asUsual = "comments \(DetectionText.times(c ?? 1)), reposts \(DetectionText.times(rp ?? 1)) the usual"
        }
        let text = "\(DetectionText.count(r.likes)) likes on \(base) \(DetectionText.count(r.audience)) "
            + "(\(DetectionText.percent(r.likes / r.audience))) against the account's usual "
            + "\(DetectionText.percent(usualRate)); \(DetectionText.times(ratio)) the usual; \(asUsual)"
        var numbers = [EvidenceNumber("likes", r.likes), EvidenceNumber("reach", r.audience),
                       EvidenceNumber("likes_per_reach", r.likes / r.audience),
                       EvidenceNumber("usual_likes_per_reach", usualRate), EvidenceNumber("likes_ratio", ratio),
                       EvidenceNumber("z", z), EvidenceNumber("expected_likes", expectedLikes)]
        if let commentsRatio { numbers.append(EvidenceNumber("comments_ratio", commentsRatio)) }
        if let repostsRatio { numbers.append(EvidenceNumber("reposts_ratio", repostsRatio)) }
        if let savesRatio { numbers.append(EvidenceNumber("saves_ratio", savesRatio)) }
        numbers.append(EvidenceNumber("norm_posts", Double(normPosts)))
        numbers = numbers.map { EvidenceNumber($0.name, DetectionText.figure($0.value)) }
        return Anomaly(id: Anomaly.postID(.botEngagement, post: p.id), kind: .botEngagement, accountID: p.accountID,
                       from: p.date, to: p.date, postID: p.id, estimate: Int64(fake.rounded()),
                       score: min(0.99, score), evidence: Evidence(text: text, numbers: numbers))
    }
}

extension CheatingDetector {
    /// How the bot-likes check sees one post (its rates against its norm), for tuning.
    package func traceBotEngagement(_ input: DetectionInput, post id: String) -> String {
        guard let post = input.posts.first(where: { $0.id == id }), let a = post.audience, let likes = post.likes else {
            return "\(id): no such post, or no likes or reach"
        }
        let s = settings
        let others = input.posts.filter {
            $0.accountID == post.accountID && $0.id != id && abs($0.date.days(to: post.date)) <= s.normDays
                && ($0.audience ?? 0) > 0 && $0.likes != nil
        }
        let sameFormat = others.filter { $0.format == post.format }
        let norm = sameFormat.count >= s.minFormatPosts ? sameFormat : others
        var logs = norm.map { log((Double($0.likes!) + 0.5) / (Double($0.audience!) + 0.5)) }
        guard let m = RobustStats.medianAndMAD(&logs) else { return "\(id): no norm" }
        let rate = log((Double(likes) + 0.5) / (Double(a) + 0.5))
        let sigma = max(RobustStats.madToSigma * m.mad, 0.15)
        var c = norm.compactMap { p in p.comments.map { Double($0) / Double(p.audience!) } }
        var r = norm.compactMap { p in p.reposts.map { Double($0) / Double(p.audience!) } }
        let cu = RobustStats.median(&c) ?? 0, ru = RobustStats.median(&r) ?? 0
        let cq = (Double(post.comments ?? 0) + 1) / (cu * Double(a) + 1)
        let rq = (Double(post.reposts ?? 0) + 1) / (ru * Double(a) + 1)
        return String(format: "%@ %@ likes %lld audience %lld | norm %d posts (%@) rate %.4f vs %.4f: ratio %.2f z %.2f (σ %.2f) | comments %.2f reposts %.2f | expected %.0f",
                      id, post.format.rawValue, likes, a, norm.count, sameFormat.count >= s.minFormatPosts ? "format" : "all",
                      exp(rate), exp(m.median), exp(rate - m.median), (rate - m.median) / sigma, sigma, cq, rq,
                      exp(m.median) * Double(a))
    }
}
