import Foundation
import SMMCore

extension DemoRun {
    static let formats = Array(PostFormat.allCases.prefix(8))  // post … poll, without `other`
    // Per format (post, clip, video, story, article, live, carousel, poll).
    static let formatReach: [Double] = [1.0, 1.8, 1.1, 0.5, 0.8, 0.6, 1.15, 0.95]
    static let formatEngagement: [Double] = [1.0, 1.3, 0.9, 0.5, 0.7, 1.2, 1.2, 0.7]
    static let formatComments: [Double] = [1.0, 0.8, 0.7, 0.3, 1.1, 2.0, 0.9, 1.6]
    static let rubrics = ["Рецепт недели", "Гость недели", "Пятничный опрос", "Закулисье", "Новинки месяца"]
        .map(DemoPhrase.init)
    static let themes = ["winter_sale", "valentine", "march_8", "spring_menu", "may_holidays", "summer_menu",
                         "summer_menu", "summer_menu", "back_to_school", "autumn_menu", "black_friday", "new_year"]

    /// A publication with its metric snapshots, its comments and its content-plan item.
    func writePost(_ a: inout DemoAccount, _ day: Int) {
        a.postCount += 1
        let profile = a.profile
        let brand = brands[a.brand]
        let published = min(moment(day, hours: DemoRun.postHours), cal.start(of: day) + 86400 - 600)
        let f = rng.weighted(profile.formatWeights)
        let format = DemoRun.formats[f]
        let topic = pickTopic(format, day)

        // Campaign: the running ad campaign for promoted posts, else the season's brand
        // campaign or a rubric, else none. Collaborations are rare.
        let ad = activeCampaign(a.index, day)
        let promoted = ad >= 0 && format != .story && rng.chance(0.35)
        var campaign: DemoPhrase?
        if promoted {
            campaign = campaigns[ad].phrase
        } else if rng.chance(0.3) {
            campaign = seasonCampaign(day)
        } else if rng.chance(0.2) {
            campaign = rng.pick(DemoRun.rubrics)
        }
        let partner: DemoPhrase? = rng.chance(0.045) ? DemoPhrase(rng.pick(brand.partners)) : nil

        let w = wPosts
        w.phrase(a.idPhrase); w.byte(UInt8(ascii: "-")); w.int(a.postCount); w.comma()
        w.phrase(a.idPhrase); w.comma()
        cal.writeDateTime(published, w); w.comma()
        w.plain(format.rawValue); w.comma()
        if topic >= 0, rng.chance(0.9) { w.plain(DemoTexts.topics[topic]) }
        w.comma()
        if let campaign { w.phrase(campaign) }
        w.comma()
        if let partner { w.phrase(partner) }
        w.comma()
        w.ascii(promoted ? "true" : "false"); w.comma()
        w.phrase(a.urlPhrase); w.int(a.postCount); w.comma()
        let quiet = format == .clip || format == .story
        if topic >= 0, !rng.chance(quiet ? 0.45 : 0.06) {
            let t = texts[a.brand]
            let body = rng.pick(t.posts[topic])
            if rng.chance(0.4) { w.phrases(body, rng.pick(t.hashtags)) } else { w.phrase(body) }
        }
        w.endRow()

        // Final (lifetime) counters; snapshots show them growing.
        let wd = weekdays[day] - 1
        var r = Double(a.followers) * profile.reachRate * DemoRun.formatReach[f] * rng.logNormal(0.55)
            * DemoRun.reachByWeekday[wd]
        if promoted { r *= rng.uniform(2, 5) }
        if partner != nil { r *= 1.7 }
        let reach = max(Int(r), rng.int(in: 3...40))
        a.postReachToday += reach
        if partner != nil { a.collabBoostTomorrow += Int(Double(reach) * rng.uniform(0.002, 0.008)) }
        let topicBoost = topic == DemoTexts.topicGiveaway ? 3.0 : 1.0
        let likes = Double(reach) * profile.engagement * DemoRun.formatEngagement[f] * topicBoost * rng.logNormal(0.5)
        let isVideo = format == .clip || format == .video || format == .story || format == .live
        let final = DemoPostCounters(
            impressions: Int(Double(reach) * rng.uniform(1.1, 1.7)), reach: reach, likes: Int(likes),
            reposts: Int(likes * rng.uniform(0.03, 0.15) * (topicBoost > 1 ? 5 : 1)),
            saves: profile.hasSaves
                ? Int(likes * rng.uniform(0.04, 0.2) * (topic == DemoTexts.topicRecipe ? 3 : 1)) : -1,
            clicks: profile.hasClicks ? Int(Double(reach) * rng.uniform(0.002, 0.012) * (promoted ? 2 : 1)) : -1,
            videoViews: isVideo ? Int(Double(reach) * rng.uniform(0.5, 0.95)) : -1,
            hides: profile.hasHides ? Int(Double(reach) * rng.uniform(0, 0.0008)) : -1)

        // Counters and comments arrive with this time constant after publication.
        let hours: Double = format == .story ? 3 : format == .live ? 2 : format == .article ? 30 : 10
        let tau = hours * 3600
        let lifetime: Int64 = format == .story ? 86400 : 30 * 86400
        var lambda = Double(reach) * profile.commentRate * DemoRun.formatComments[f]
        if topic == DemoTexts.topicGiveaway { lambda *= 6 } else if topic == DemoTexts.topicQuiz { lambda *= 2.5 }
        makeComments(a, count: rng.poisson(min(lambda, 350)), published: published, tau: tau,
                     horizon: min(published + lifetime, exportAt), topic: topic, format: format)
        writeSnapshots(a, published: published, final: final, tau: tau, lifetime: lifetime, promoted: promoted)
        writeComments(a)
        writePlanItem(a, published: published, format: format, topic: topic)
    }

    private func pickTopic(_ format: PostFormat, _ day: Int) -> Int {
        switch format {
        case .poll: return rng.chance(0.7) ? DemoTexts.topicPoll : DemoTexts.topicQuiz
        case .live: return DemoTexts.topicWorkshop
        case .article:
            return rng.pick([DemoTexts.topicRecipe, DemoTexts.topicCollection, DemoTexts.topicBehind,
                             DemoTexts.topicNews])
        default:
            let holiday = [12, 1, 2, 3, 5].contains(months[day]) ? 6.0 : 0.5
            return rng.weighted([10, 10, 8, 5, 4, 6, 4, 8, 7, 6, holiday, 0, 0])
        }
    }

    /// The brand campaign of the season (`new_year_2025`), named after the month.
    private func seasonCampaign(_ day: Int) -> DemoPhrase {
        let m = months[day]
        return DemoPhrase(DemoRun.themes[m - 1] + "_\(m == 12 ? years[day] + 1 : years[day])")
    }

    /// Snapshots 2 hours, 1 day, (3 days for promoted posts,) 7 and 30 days after
    /// publication, the last one capped at the end of the data.
    private func writeSnapshots(_ a: DemoAccount, published: Int64, final: DemoPostCounters, tau: Double,
                                lifetime: Int64, promoted: Bool) {
        let offsets: [Int64] = promoted ? [7200, 86400, 259_200, 604_800, 2_592_000] : [7200, 86400, 604_800, 2_592_000]
        let full = 1 - DemoMath.exp(-Double(lifetime) / tau)
        var last = published, seen = 0
        let w = wMetrics
        for offset in offsets {
            var at = published + offset + Int64(rng.int(1800))
            let capped = at >= exportAt
            if capped { at = exportAt }
            if at <= last { break }
            let age = Double(min(at - published, lifetime))
            let g = min(1, (1 - DemoMath.exp(-age / tau)) / full)
            while seen < order.count, entries[order[seen]].time <= at { seen += 1 }
            w.phrase(a.idPhrase); w.byte(UInt8(ascii: "-")); w.int(a.postCount); w.comma()
            cal.writeDateTime(at, w); w.comma()
            w.int(Int(Double(final.impressions) * g)); w.comma()
            w.int(Int(Double(final.reach) * g)); w.comma()
            w.int(Int(Double(final.likes) * g)); w.comma()
            w.int(seen); w.comma()
            w.int(Int(Double(final.reposts) * g)); w.comma()
            for v in [final.saves, final.clicks, final.videoViews] {
                if v >= 0 { w.int(Int(Double(v) * g)) }
                w.comma()
            }
            if final.hides >= 0 { w.int(Int(Double(final.hides) * g)) }
            w.endRow()
            last = at
            if capped { break }
        }
    }

    /// The plan item a post fulfils: mostly on time, some late, some due "by the end of the
    /// day" (a date alone), a few not approved; plus, elsewhere, items never published.
    private func writePlanItem(_ a: DemoAccount, published: Int64, format: PostFormat, topic: Int) {
        guard rng.chance(0.88) else { return }
        planSeq += 1
        let w = wPlan
        w.ascii("plan-"); w.int(planSeq); w.comma()
        w.phrase(a.idPhrase); w.comma()
        let r = rng.unit()
        let halfHour: Int64 = 1800
        var due: Int64 = -1
        if r >= 0.1, r < 0.19 {
            due = (published - Int64(rng.int(in: 3600...172_800))) / halfHour * halfHour
            if due < cal.start(of: 0) { due = -1 }
        }
        if r >= 0.19 || (r >= 0.1 && due < 0) {
            due = (published + halfHour - 1) / halfHour * halfHour + halfHour * Int64(rng.int(5))
            if due > exportAt { due = -1 }
        }
        if due >= 0 { cal.writeDateTime(due, w) } else { cal.writeDate(cal.day(of: published), w) }
        w.comma()
        w.plain(rng.chance(0.95) ? format.rawValue : rng.pick(DemoRun.formats).rawValue); w.comma()
        if topic >= 0, rng.chance(0.9) { w.plain(DemoTexts.topics[topic]) }
        w.comma()
        w.phrase(a.idPhrase); w.byte(UInt8(ascii: "-")); w.int(a.postCount); w.comma()
        writeApproval(w)
        w.endRow()
    }

    /// A planned item that was never published (missed), due on `day`.
    func writeMissedPlanItem(_ a: DemoAccount, _ day: Int) {
        planSeq += 1
        let w = wPlan
        w.ascii("plan-"); w.int(planSeq); w.comma()
        w.phrase(a.idPhrase); w.comma()
        cal.writeDateTime(cal.start(of: day) + Int64(rng.int(in: 10...20) * 3600), w); w.comma()
        let format = rng.weighted(a.profile.formatWeights)
        w.plain(DemoRun.formats[format].rawValue); w.comma()
        w.plain(DemoTexts.topics[rng.int(DemoTexts.topics.count)]); w.comma()
        w.comma()
        writeApproval(w)
        w.endRow()
    }

    private func writeApproval(_ w: DemoFileWriter) {
        switch rng.weighted([85, 4, 11]) {
        case 0: w.ascii("true")
        case 1: w.ascii("false")
        default: break
        }
    }

    /// The running ad campaign of an account on a day, or -1.
    func activeCampaign(_ account: Int, _ day: Int) -> Int {
        for c in accountCampaigns[account] where campaigns[c].first <= day && day <= campaigns[c].last { return c }
        return -1
    }
}

/// Lifetime counters of a post; -1 where the network does not report the counter.
struct DemoPostCounters {
    var impressions, reach, likes, reposts, saves, clicks, videoViews, hides: Int
}
