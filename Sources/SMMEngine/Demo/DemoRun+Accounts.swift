import Foundation
import SMMCore

extension DemoRun {
    /// Account `i`: networks cycle VK, Telegram, Dzen, OK; brands take turns by four; later
    /// laps are branches in other cities. Sizes spread log-uniformly from a few hundred to
    /// hundreds of thousands of followers (a golden-ratio sequence, so any count is spread).
    static func makeAccount(_ i: Int, settings: DemoGenerator, brandCount: Int, brand: DemoBrand) -> DemoAccount {
        let cycle = DemoNetworkProfile.cycle
        let profile = cycle[i % cycle.count]
        let branch = i / (cycle.count * brandCount)
        let cityIndex = branch % DemoCity.all.count
        let lap = branch / DemoCity.all.count
        var slug = brand.slug, name = brand.name
        if branch > 0 {
            slug += "_" + DemoCity.all[cityIndex].slug
            name += " · " + DemoCity.all[cityIndex].russian
        }
        if lap > 0 {
            slug += "\(lap + 1)"
            name += " \(lap + 1)"
        }
        if profile.network == .telegram { name += " | канал" }
        let id = profile.prefix + "_" + slug
        let url = "https://\(profile.host)/\(slug)/"
        var r = DemoRandom(seed: settings.seed, stream: 1000 + UInt64(i))
        var frac = 0.93 - Double(i) * 0.381966011250105
        frac -= frac.rounded(.down)
        let size = 300 * DemoMath.exp(frac * DemoMath.log(1500)) * r.uniform(0.9, 1.1)
        let lateLaunch = i % 6 == 5 && settings.days >= 90
        let launchDay = lateLaunch ? Int(Double(settings.days) * r.uniform(0.25, 0.5)) : 0
        let followers = lateLaunch ? r.int(in: 30...150) : Int(size)
        let log10Size = DemoMath.log(max(size, 300) / 300) / DemoMath.log(10)
        // Bought followers: the second account always (so the demo shows the anomaly), others now and then.
        var boughtDay = -1
        if r.chance(0.12) || i == 1, launchDay + 14 < settings.days - 7 {
            boughtDay = r.int(in: (launchDay + 14)...(settings.days - 7))
        }
        var cities = [cityIndex]
        for c in [0, 1, r.int(DemoCity.all.count), r.int(DemoCity.all.count), 2] where cities.count < 4 {
            if !cities.contains(c) { cities.append(c) }
        }
        let ownShare = r.uniform(0.3, 0.55)
        return DemoAccount(
            index: i, id: id, idPhrase: DemoPhrase(id), name: name, url: url, urlPhrase: DemoPhrase(url),
            brand: (i / cycle.count) % brandCount, city: cityIndex,
            profile: profile, launchDay: launchDay, followers: followers,
            growth: lateLaunch ? r.uniform(0.25, 0.4) : r.uniform(-0.004, 0.035), churn: r.uniform(0.008, 0.025),
            size: size, postRate: (0.45 + 0.3 * log10Size) * profile.postFactor,
            dailyBudgetMinor: Int((150 + size.squareRoot() * 20) * 100),
            boughtDay: boughtDay, boughtFollowers: Int(size * r.uniform(0.06, 0.2)) + 300,
            regulars: (0..<16).map { _ in r.int(in: 100_000...899_999_999) },
            diligence: r.uniform(0.55, 1.0), female: r.uniform(0.45, 0.78),
            ages: [0.06, 0.2, 0.32, 0.22, 0.12, 0.08].map { $0 * r.uniform(0.6, 1.4) },
            audienceCities: cities,
            cityWeights: [ownShare, r.uniform(0.05, 0.2), r.uniform(0.03, 0.1), r.uniform(0.01, 0.05)])
    }

    func writeAccounts() {
        let w = wAccounts
        for a in accounts {
            w.phrase(a.idPhrase); w.comma()
            w.plain(a.network.rawValue); w.comma()
            w.text(a.name); w.comma()
            w.text(String(a.url.dropLast())); w.comma()
            w.text(brands[a.brand].name)
            w.endRow()
        }
    }

    /// Everything account `i` does on day `day`: posts (with their snapshots, comments and
    /// plan items), the day's statistics, messages, ads, and the monthly audience snapshot.
    func accountDay(_ i: Int, _ day: Int) {
        var a = accounts[i]
        let wd = weekdays[day] - 1
        let seasonal = season(day)
        if day == a.launchDay || day == 0 || monthDays[day] == 1 { writeAudience(a, day) }

        a.postReachYesterday = a.postReachToday
        a.postReachToday = 0
        let posts = rng.poisson(a.postRate * DemoRun.postsByWeekday[wd] * (0.85 + 0.15 * seasonal))
        for _ in 0..<posts { writePost(&a, day) }
        if rng.chance(a.postRate * 0.05) { writeMissedPlanItem(a, day) }
        for c in accountCampaigns[i] where campaigns[c].first <= day && day <= campaigns[c].lastRow {
            writeAd(c, day)
        }

        // Followers: organic joins and churn, a boost after collaborations, bought followers
        // arriving at once and the bots leaving over the following weeks.
        let f = Double(a.followers)
        var joined = rng.poisson(f * (a.growth + a.churn) / 30 * seasonal * (wd >= 5 ? 1.08 : 1))
        joined += a.collabBoostTomorrow + Int(Double(a.postReachToday) * 0.0012)
        a.collabBoostTomorrow = 0
        var left = rng.poisson(f * a.churn / 30 * (wd == 0 ? 1.25 : 1))
        if day == a.boughtDay {
            joined += a.boughtFollowers
            a.botsLeft = a.boughtFollowers * 6 / 10
        } else if a.botsLeft > 0 {
            let bots = min(a.botsLeft, max(1, a.botsLeft / 15 + rng.poisson(3)))
            left += bots
            a.botsLeft -= bots
        }
        left = min(left, a.followers + joined)
        a.followers += joined - left

        let base = f * a.profile.reachRate * 0.45 * DemoRun.reachByWeekday[wd] * rng.logNormal(0.25)
        let reach = Int(base) + a.postReachToday * 55 / 100 + a.postReachYesterday * 25 / 100
        let w = wDaily
        w.phrase(a.idPhrase); w.comma()
        cal.writeDate(day, w); w.comma()
        w.int(a.followers); w.comma()
        w.int(joined); w.comma()
        w.int(left); w.comma()
        let gap = rng.unit()
        if gap >= 0.001 { w.int(reach) }
        w.comma()
        if gap >= 0.004 { w.int(Int(Double(reach) * rng.uniform(1.3, 2.1))) }
        w.comma()
        if a.profile.hasVisitors { w.int(Int(Double(reach) * rng.uniform(0.015, 0.05))) }
        w.endRow()

        socialReach[a.brand][a.index % DemoNetworkProfile.cycle.count] += reach
        brandFollowers[a.brand] += a.followers
        brandMessages[a.brand] += writeMessages(a, day, seasonal: seasonal)
        accounts[i] = a
    }

    /// Direct messages and questions: most answered within the hour in working time, night
    /// ones the next morning, some a day or more late, a few never.
    func writeMessages(_ a: DemoAccount, _ day: Int, seasonal: Double) -> Int {
        let weekday = DemoRun.inboxByWeekday[weekdays[day] - 1]
        let count = rng.poisson(0.004 * Double(a.followers).squareRoot() * weekday * seasonal)
        let w = wMessages
        for _ in 0..<count {
            messageSeq += 1
            let received = moment(day, hours: DemoRun.peopleHours)
            var answer: Int64 = -1
            if !rng.chance(0.11 - 0.08 * a.diligence) {
                let hour = Int((received - cal.start(of: day)) / 3600)
                let start = hour >= 9 && hour < 21 ? received : nextMorning(after: received, hour: 9)
                var delay = 60 + Int64(1800 * rng.logNormal(1.1) * (1.6 - a.diligence))
                if rng.chance(0.12 - 0.06 * a.diligence) { delay += Int64(rng.int(in: 86_400...259_200)) }
                answer = start + delay
                if answer > exportAt { answer = -1 }
            }
            w.byte(UInt8(ascii: "m")); w.int(messageSeq); w.comma()
            w.phrase(a.idPhrase); w.comma()
            cal.writeDateTime(received, w); w.comma()
            if answer >= 0 { cal.writeDateTime(answer, w) }
            w.comma()
            switch rng.weighted([65, 28, 4, 3]) {
            case 0: w.ascii("dm")
            case 1: w.ascii("question")
            case 2: w.ascii("other")
            default: break
            }
            w.endRow()
        }
        return count
    }

    /// Gender, age and city shares of the account's audience; drift a little month to month.
    func writeAudience(_ a: DemoAccount, _ day: Int) {
        let female = Int((a.female + rng.uniform(-0.012, 0.012)) * 1000)
        audienceRow(a, day, "gender", "female", female)
        audienceRow(a, day, "gender", "male", 1000 - female)
        let ages = a.ages.map { $0 * rng.uniform(0.93, 1.07) }
        let total = ages.reduce(0, +)
        var used = 0
        for (k, bucket) in ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"].enumerated() {
            let share = k == ages.count - 1 ? 1000 - used : Int(ages[k] / total * 1000)
            used += share
            audienceRow(a, day, "age", bucket, share)
        }
        used = 0
        for (k, c) in a.audienceCities.enumerated() {
            let share = Int(a.cityWeights[k] * rng.uniform(0.93, 1.07) * 1000)
            used += share
            audienceRow(a, day, "city", DemoCity.all[c].english, share)
        }
        audienceRow(a, day, "city", "other", 1000 - used)
    }

    private func audienceRow(_ a: DemoAccount, _ day: Int, _ dimension: StaticString, _ bucket: String, _ share: Int) {
        let w = wAudience
        w.phrase(a.idPhrase); w.comma()
        cal.writeDate(day, w); w.comma()
        w.ascii(dimension); w.comma()
        w.text(bucket); w.comma()
        w.thousandths(share)
        w.endRow()
    }
}
