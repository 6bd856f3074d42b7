import Foundation

/// The bought_followers signal: runs of days whose joins are far above the account's own
/// robust baseline and not explained by reach, views, posts, ads, mentions or giveaways.
///
/// Per day d with at least `minBaselineDays` usable days in the trailing `baselineDays`:
/// baseline B = median of joins, σ = max(1.4826 × MAD, √B, 1) (days already in a run are
/// left out). What may explain extra joins, in followers:
/// - extra reach (reach, or views, or post reach above their medians, today and half of
///   yesterday's) × κ, κ = max(`minReachConversion`, `reachConversionFactor` × B / median reach);
/// - ads: clicks × `adClickConversion` + ad reach × `adReachConversion` (spend ÷
///   `adSpendPerFollower` for rows with no figures);
/// - mentions: reach above 3 × its median × `mentionConversion`, shared among the accounts
///   of the mention's network by size unless the account's own reach rose with it;
/// - collaboration posts (with a `partner`) of today and yesterday: reach × `partnerConversion`;
/// - per run, giveaway-like participation: comments and reposts above the usual of posts
///   published up to `participationDays` before.
/// Unexplained joins u = joins − B − explained. A run starts on a day with u ≥ `seedZ` σ and
/// joins ≥ `seedRatio` B, takes up to `maxLeadDays` ramp days before it and the days after
/// it that keep u ≥ `extendZ` σ and joins ≥ `extendRatio` B, and is reported when its
/// unexplained joins pass `minRunFake`, `runZ` σ √days and `minUnexplainedShare` of its excess.
struct FollowerAnomalies {
    let settings: DetectorSettings
    let currency: String

    struct Baseline {
        var joins: Double, sigma: Double
        var reach: Double, views: Double, postReach: Double, mentions: Double, mentionShare: Double
        var left: Double, leftSigma: Double
    }

    /// What explains a day's joins, and what is left.
    struct DayJudgement {
        var joins: Double
        var explained: Double
        var unexplained: Double
        var z: Double
    }

    func detect(_ t: AccountTimeline, usualPostReach: Double) -> [Anomaly] {
        var excluded = [Bool](repeating: false, count: t.count)
        var scratch: [Double] = []
        scratch.reserveCapacity(settings.baselineDays)
        var out: [Anomaly] = []
        var pending: [Int] = []
        var i = 0
        while i < t.count {
            let skipFrom = pending.first ?? i
            // Most days are ordinary: test the raw excess before building the full baseline.
            guard !t.gain[i].isNaN,
                  let g = joinsBaseline(t, before: i, skipFrom: skipFrom, excluded: excluded, &scratch),
                  t.gain[i] - g.joins >= settings.extendZ * g.sigma, t.gain[i] >= settings.extendRatio * max(g.joins, 1),
                  let b = baseline(t, before: i, skipFrom: skipFrom, excluded: excluded, &scratch) else {
                pending.removeAll()
                i += 1
                continue
            }
            let j = judge(t, i, b)
            let floor = max(b.joins, 1)
            if j.z >= settings.seedZ, j.joins >= settings.seedRatio * floor, j.unexplained >= settings.minDayExcess {
                var days = Array(pending.suffix(settings.maxLeadDays))
                days.append(i)
                var k = i + 1
                while k < t.count, !t.gain[k].isNaN {
                    let jk = judge(t, k, b)
                    guard jk.z >= settings.extendZ, jk.joins >= settings.extendRatio * floor,
                          jk.unexplained >= settings.minDayExcess / 2 else { break }
                    days.append(k)
                    k += 1
                }
                for d in days { excluded[d] = true }
                if let a = run(t, days, b, usualPostReach: usualPostReach, excluded: excluded, &scratch) { out.append(a) }
                pending.removeAll()
                i = k
                continue
            }
            if j.z >= settings.extendZ, j.joins >= settings.extendRatio * floor, j.unexplained > 0 {
                pending.append(i)
            } else {
                pending.removeAll()
            }
            i += 1
        }
        return out
    }

    // MARK: - Baseline and explanations

    /// Median and σ of the joins of the usable days in [i − baselineDays, min(i, skipFrom)).
    func joinsBaseline(_ t: AccountTimeline, before i: Int, skipFrom: Int, excluded: [Bool],
                       _ scratch: inout [Double]) -> (joins: Double, sigma: Double)? {
        let lo = max(0, i - settings.baselineDays), hi = min(i, skipFrom)
        guard hi - lo >= settings.minBaselineDays else { return nil }
        scratch.removeAll(keepingCapacity: true)
        for d in lo..<hi where !excluded[d] && !t.gain[d].isNaN { scratch.append(t.gain[d]) }
        guard scratch.count >= settings.minBaselineDays, let g = RobustStats.medianAndMAD(&scratch) else { return nil }
        return (g.median, max(RobustStats.madToSigma * g.mad, g.median.squareRoot(), 1))
    }

    /// Medians of the usable days in [i − baselineDays, min(i, skipFrom)).
    func baseline(_ t: AccountTimeline, before i: Int, skipFrom: Int, excluded: [Bool],
                  _ scratch: inout [Double]) -> Baseline? {
        let lo = max(0, i - settings.baselineDays), hi = min(i, skipFrom)
        guard hi - lo >= settings.minBaselineDays else { return nil }
        func collect(_ series: [Double]) -> Int {
            scratch.removeAll(keepingCapacity: true)
            for d in lo..<hi where !excluded[d] && !series[d].isNaN { scratch.append(series[d]) }
            return scratch.count
        }
        guard collect(t.gain) >= settings.minBaselineDays, let g = RobustStats.medianAndMAD(&scratch) else { return nil }
        var b = Baseline(joins: g.median, sigma: max(RobustStats.madToSigma * g.mad, g.median.squareRoot(), 1),
                         reach: .nan, views: .nan, postReach: 0, mentions: 0, mentionShare: 0,
                         left: .nan, leftSigma: 1)
        if collect(t.reach) >= settings.minBaselineDays / 2 { b.reach = RobustStats.median(&scratch) ?? .nan }
        if collect(t.views) >= settings.minBaselineDays / 2 { b.views = RobustStats.median(&scratch) ?? .nan }
        if collect(t.left) >= settings.minBaselineDays / 2, let l = RobustStats.medianAndMAD(&scratch) {
            b.left = l.median
            b.leftSigma = max(RobustStats.madToSigma * l.mad, l.median.squareRoot(), 1)
        }
        _ = collect(t.postReach)
        b.postReach = RobustStats.median(&scratch) ?? 0
        _ = collect(t.mentionReach)
        b.mentions = RobustStats.median(&scratch) ?? 0
        _ = collect(t.mentionShare)
        b.mentionShare = RobustStats.median(&scratch) ?? 0
        return b
    }

    /// Joins one extra reached user may bring on this account.
    func conversion(_ b: Baseline, per base: Double) -> Double {
        guard base > 0, !base.isNaN else { return settings.minReachConversion }
        return max(settings.minReachConversion, settings.reachConversionFactor * b.joins / base)
    }

    /// Joins explained by extra reach, views or post reach on day i.
    func reachExplained(_ t: AccountTimeline, _ i: Int, _ b: Baseline) -> Double {
        guard i >= 0 else { return 0 }
        var best = 0.0
        if !t.reach[i].isNaN, !b.reach.isNaN { best = max(best, (t.reach[i] - b.reach) * conversion(b, per: b.reach)) }
        if !t.views[i].isNaN, !b.views.isNaN { best = max(best, (t.views[i] - b.views) * conversion(b, per: b.views)) }
        let postBase = !b.reach.isNaN && b.reach > 0 ? b.reach : max(b.postReach, 1)
        best = max(best, (t.postReach[i] - 2 * b.postReach) * conversion(b, per: postBase))
        return best
    }

    /// Joins explained by ads on day i.
    func adExplained(_ t: AccountTimeline, _ i: Int) -> Double {
        guard i >= 0, t.adRows[i] else { return 0 }
        let byFigures = t.adClicks[i] * settings.adClickConversion + t.adReach[i] * settings.adReachConversion
        if byFigures > 0 { return byFigures }
        return max(0, t.adSpend[i]) / settings.adSpendPerFollower
    }

    /// Joins explained by mentions on day i: `mentionConversion` of the mention reach (today's
    /// and half of yesterday's) above 3 × its median, shared among the accounts the mention could
    /// send people to by their size; the whole of it when the account itself saw extra reach
    /// today or yesterday (or views ÷ 1.5) beyond the reach of that day's own posts, up to
    /// `mentionAudienceConversion` joins per extra reached user (people a mention sends look around).
    func mentionExplained(_ t: AccountTimeline, _ i: Int, _ b: Baseline) -> Double {
        func spike(_ series: [Double], _ base: Double) -> Double {
            let m = series[i] + (i > 0 ? 0.5 * series[i - 1] : 0)
            return max(0, m - 3 * base) * settings.mentionConversion
        }
        let full = spike(t.mentionReach, b.mentions)
        guard full > 0 else { return 0 }
        // Extra reach the account's own posts of the day do not account for.
        var audience = 0.0
        for d in max(0, i - 1)...i {
            if !t.reach[d].isNaN, !b.reach.isNaN { audience = max(audience, t.reach[d] - b.reach - 0.5 * t.postReach[d]) }
            if !t.views[d].isNaN, !b.views.isNaN {
                audience = max(audience, (t.views[d] - b.views) / 1.5 - 0.5 * t.postReach[d])
            }
        }
        return max(spike(t.mentionShare, b.mentionShare), min(full, audience * settings.mentionAudienceConversion))
    }

    /// Joins explained by collaboration posts published today or yesterday.
    func partnerExplained(_ t: AccountTimeline, _ i: Int) -> Double {
        (t.partnerReach[i] + (i > 0 ? t.partnerReach[i - 1] : 0)) * settings.partnerConversion
    }

    /// Everything that explains day i's joins on its own.
    func ownExplanation(_ t: AccountTimeline, _ i: Int, _ b: Baseline) -> Double {
        reachExplained(t, i, b) + 0.5 * reachExplained(t, i - 1, b) + adExplained(t, i) + 0.5 * adExplained(t, i - 1)
            + mentionExplained(t, i, b) + partnerExplained(t, i)
    }

    /// Day i's judgement.
    func judge(_ t: AccountTimeline, _ i: Int, _ b: Baseline) -> DayJudgement {
        let joins = t.gain[i]
        let explained = ownExplanation(t, i, b)
        let u = joins - b.joins - explained
        return DayJudgement(joins: joins, explained: explained, unexplained: u, z: u / b.sigma)
    }

    // MARK: - A run

    // swiftlint:disable:next function_body_length
    func run(_ t: AccountTimeline, _ days: [Int], _ b: Baseline, usualPostReach: Double, excluded: [Bool],
             _ scratch: inout [Double]) -> Anomaly? {
        let s = settings
        let judged = days.map { judge(t, $0, b) }
        let length = Double(days.count)
        let joins = judged.reduce(0) { $0 + $1.joins }
        let expected = b.joins * length
        var explained = judged.reduce(0) { $0 + $1.explained }
        let first = days[0], last = days[days.count - 1]
        var participation = 0.0
        for d in max(0, first - s.participationDays)...last { participation += t.participation[d] }
        explained += participation * s.participationConversion
        let excess = joins - expected
        let unexplained = excess - explained
        guard unexplained >= s.minRunFake, unexplained >= s.runZ * b.sigma * length.squareRoot(),
              unexplained >= s.minUnexplainedShare * excess else { return nil }

        // The estimate per day: each day's unexplained joins, scaled to the run's.
        let raw = judged.map { max(0, $0.unexplained) }
        let rawSum = raw.reduce(0, +)
        let total = Int64(unexplained.rounded())
        let byDay = RobustStats.apportion(total, raw.map { rawSum > 0 ? $0 / rawSum : 1 / length })
            .enumerated().map { BoughtFollowersDay(accountID: t.account.id, date: t.date(days[$0]), count: $1) }

        // What came after: an unfollow wave, engagement per follower.
        let wave = unfollowWave(t, after: last, b, estimate: Double(total))
        let erChange = engagementChange(t, from: first, to: last)

        // How the run looked against what could explain it.
        func meanRatio(_ series: [Double], _ base: Double) -> Double? {
            guard !base.isNaN, base > 0 else { return nil }
            var sum = 0.0, n = 0.0
            for d in days where !series[d].isNaN { sum += series[d]; n += 1 }
            return n > 0 ? sum / n / base : nil
        }
        let reachRatio = meanRatio(t.reach, b.reach), viewsRatio = meanRatio(t.views, b.views)
        var adSpend = 0.0, adRows = false, mentionReach = 0.0, maxPost = 0.0
        for d in max(0, first - 1)...last {
            adSpend += t.adSpend[d]; adRows = adRows || t.adRows[d]
            maxPost = max(maxPost, t.maxPostReach[d])
        }
        for d in days { mentionReach += t.mentionReach[d] }
        let postRatio = usualPostReach > 0 ? maxPost / usualPostReach : 0
        let ratio = joins / max(expected, length)

        // Confidence: how far above the usual, how little is explained, whether bots left.
        let strength = min(1, max(0, (log(ratio) - log(2)) / (log(20) - log(2))))
        let unexplainedShare = excess > 0 ? min(1, unexplained / excess) : 1
        let waveStrength = min(1, wave.share / 0.3)
        var score = 0.35 + 0.4 * strength + 0.15 * waveStrength + 0.2 * (unexplainedShare - 0.5)
        if let erChange, erChange < -0.1 { score += 0.03 }
        score = (min(0.99, max(0.01, score)) * 100).rounded() / 100

        let from = t.date(first), to = t.date(last)
        var parts = ["+\(DetectionText.count(joins)) joins on \(DetectionText.days(from, to)), "
            + "\(DetectionText.times(ratio)) the usual (about \(DetectionText.count(b.joins)) a day)"]
        var context: [String] = []
        switch (reachRatio, viewsRatio) {
        case (nil, nil): context.append("no reach figures")
        case let (r, v) where max(r ?? 0, v ?? 0) < 1.3: context.append(r != nil && v != nil ? "reach and views flat" : r != nil ? "reach flat" : "views flat")
        case let (r, v): context.append("reach \(DetectionText.times(max(r ?? 0, v ?? 0)))")
        }
        context.append(adRows ? "ads of \(DetectionText.count(adSpend)) \(currency)" : "no ads")
        context.append(postRatio >= 2 ? "a post at \(DetectionText.times(postRatio)) usual reach" : "no post above usual reach")
        if mentionReach > 0, mentionReach >= 3 * b.mentions * length, mentionReach >= 10_000 {
            context.append("mentions reaching \(DetectionText.count(mentionReach))")
        }
        if explained >= 1 { context.append("these explain about \(DetectionText.count(explained))") }
        parts.append(context.joined(separator: ", "))
        if wave.left > 0 {
            parts.append("\(DetectionText.count(wave.left)) left on \(DetectionText.days(wave.from, wave.to)) "
                         + "(\(DetectionText.percent(wave.share)) within \(wave.days) days)")
        }
        if let erChange, erChange <= -0.1 {
            parts.append("engagement per follower \(DetectionText.percent(erChange).replacingOccurrences(of: "-", with: "−")) after")
        }

        var numbers = [
            EvidenceNumber("joined", joins),
            EvidenceNumber("expected_joined", expected),
            EvidenceNumber("joined_ratio", ratio),
            EvidenceNumber("baseline_joined_per_day", b.joins),
            EvidenceNumber("baseline_sigma", b.sigma),
            EvidenceNumber("explained_joins", explained),
            EvidenceNumber("unexplained_share", unexplainedShare),
        ]
        if let reachRatio { numbers.append(EvidenceNumber("reach_ratio", reachRatio)) }
        if let viewsRatio { numbers.append(EvidenceNumber("views_ratio", viewsRatio)) }
        numbers += [EvidenceNumber("ad_spend", adSpend), EvidenceNumber("max_post_reach_ratio", postRatio),
                    EvidenceNumber("mention_reach", mentionReach), EvidenceNumber("participation", participation),
                    EvidenceNumber("left_after", wave.left), EvidenceNumber("left_after_share", wave.share),
                    EvidenceNumber("left_after_days", Double(wave.days))]
        if let erChange { numbers.append(EvidenceNumber("er_per_follower_change", erChange)) }
        numbers = numbers.map { EvidenceNumber($0.name, DetectionText.figure($0.value)) }

        return Anomaly(id: Anomaly.boughtFollowersID(account: t.account.id, from: from), kind: .boughtFollowers,
                       accountID: t.account.id, from: from, to: to, estimate: total, byDay: byDay, score: score,
                       evidence: Evidence(text: parts.joined(separator: "; "), numbers: numbers))
    }

    struct Wave {
        var left = 0.0, share = 0.0, days = 0
        var from = LocalDate(dayNumber: 0), to = LocalDate(dayNumber: 0)
    }

    /// Unfollows above the pre-run baseline (days beyond 2σ) in the `waveDays` after the run.
    func unfollowWave(_ t: AccountTimeline, after last: Int, _ b: Baseline, estimate: Double) -> Wave {
        var w = Wave()
        guard !b.left.isNaN, estimate > 0 else { return w }
        var firstDay = -1, lastDay = -1
        for d in (last + 1)..<min(t.count, last + 1 + settings.waveDays) where !t.left[d].isNaN {
            let extra = t.left[d] - b.left
            guard extra > 2 * b.leftSigma else { continue }
            w.left += extra
            if firstDay < 0 { firstDay = d }
            lastDay = d
        }
        guard firstDay >= 0, w.left >= max(5, 0.05 * estimate) else { return Wave() }
        w.left = w.left.rounded()
        w.share = min(1, w.left / estimate)
        w.days = lastDay - last
        w.from = t.date(firstDay)
        w.to = t.date(lastDay)
        return w
    }

    /// Relative change of interactions per post per follower, 30 days after against 30 before.
    func engagementChange(_ t: AccountTimeline, from first: Int, to last: Int) -> Double? {
        func rate(_ range: Range<Int>) -> Double? {
            var inter = 0.0, posts = 0, followers = 0.0, n = 0.0
            for d in range where d >= 0 && d < t.count {
                inter += t.interactions[d]; posts += t.postCount[d]
                if !t.followers[d].isNaN { followers += t.followers[d]; n += 1 }
            }
            guard posts >= 3, n > 0, followers > 0 else { return nil }
            return inter / Double(posts) / (followers / n)
        }
        guard let before = rate((first - 30)..<first), let after = rate((last + 1)..<(last + 31)), before > 0 else {
            return nil
        }
        return after / before - 1
    }
}

extension CheatingDetector {
    /// One line per day of an account's bought-followers judgement (baseline, explanations, z),
    /// for tuning and for docs/detection.md; not used by the product.
    package func traceFollowers(_ input: DetectionInput, account: String, from: LocalDate, to: LocalDate) -> [String] {
        guard let t = AccountTimeline.build(input, settings: settings).first(where: { $0.account.id == account }) else {
            return ["no account_daily rows for \(account)"]
        }
        let f = FollowerAnomalies(settings: settings, currency: currency)
        var scratch: [Double] = []
        var out: [String] = []
        let excluded = [Bool](repeating: false, count: t.count)
        for i in 0..<t.count where t.date(i) >= from && t.date(i) <= to {
            guard let b = f.baseline(t, before: i, skipFrom: i, excluded: excluded, &scratch) else {
                out.append("\(t.date(i)) joins \(t.gain[i]): no baseline")
                continue
            }
            let j = f.judge(t, i, b)
            let reach = f.reachExplained(t, i, b) + 0.5 * f.reachExplained(t, i - 1, b)
            let ads = f.adExplained(t, i) + 0.5 * f.adExplained(t, i - 1)
            out.append(String(format: "%@ joins %.0f base %.1f σ %.1f | reach %.0f/%.0f views %.0f/%.0f posts %.0f/%.0f → reach %.1f ads %.1f mentions %.1f part %.0f | u %.1f z %.1f",
                              t.date(i).description, j.joins, b.joins, b.sigma, t.reach[i], b.reach, t.views[i], b.views,
                              t.postReach[i], b.postReach, reach, ads, f.mentionExplained(t, i, b), t.participation[i],
                              j.unexplained, j.z))
        }
        return out
    }
}
