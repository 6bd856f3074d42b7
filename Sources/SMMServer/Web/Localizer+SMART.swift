import Foundation
import SMMCore

/// The SMART findings and plan notes in the page's language.
///
/// The core gives them typed, with their figures (``SMARTReason``, ``PlanNote``); English pages show
/// the sentence the CLI prints, Russian pages say it from the same figures.
extension Localizer {
    package func finding(_ f: SMARTFinding) -> String { language == .ru ? reasonRU(f.reason) : f.text }

    package func note(_ n: PlanNote) -> String { language == .ru ? noteRU(n) : n.text }

    // MARK: Russian

    func reasonRU(_ r: SMARTReason) -> String {
        switch r {
        case .noAccounts:
            return "в охвате плана нет аккаунтов: сначала импортируйте данные"
        case let .scope(metric, target, accounts):
            let shown = accounts.prefix(5).joined(separator: ", ") + (accounts.count > 5 ? ", …" : "")
            let n = Double(accounts.count)
            return "«\(name(metric))» (\(targetRU(target))) по \(accounts.count) "
                + "\(RussianPlural.word(n, "аккаунту", "аккаунтам", "аккаунтам")): \(shown)"
        case .needsAllAccounts(let metric):
            return "«\(name(metric))» считается, только когда план охватывает все аккаунты; по части аккаунтов значения не будет"
        case .needsPersona:
            return "для «\(name(.audienceMatch))» в плане нужно описание аудитории (`persona`)"
        case .noData:
            return "в базе ещё нет данных: измерять нечего"
        case .missingInputs(let missing):
            return "нужны \(missing.map { $0.joined(separator: " или ") }.joined(separator: "; ")) — в импортированных данных их нет"
        case .reads(let files):
            return "берётся из " + files.joined(separator: ", ")
        case let .achievable(verdict, note):
            return "\(t("achievability." + verdict.rawValue)): \(achievabilityRU(note))"
        case let .inTaskWithReason(task, reason):
            return "входит в набор задачи «\(Self.taskRU(task))»; обоснование: \(reason)"
        case .reason(let reason):
            return "обоснование: \(reason)"
        case .noTaskNoReason:
            return "в плане не указана задача (`task`), а у KPI нет обоснования (`reason`): значимость не проверить"
        case .belongsToTask(let task):
            return "относится к задаче «\(Self.taskRU(task))»"
        case .notInTask(let task):
            return "не входит в набор задачи «\(Self.taskRU(task))» (\(task.kpis.map { name($0) }.joined(separator: ", "))); "
                + "добавьте `reason:` с объяснением, зачем он нужен, или уберите его"
        case let .trajectoryBeforeStart(by, start):
            return "дата траектории \(date(by)) раньше начала периода (\(date(start)))"
        case let .trajectory(by, p):
            return "траектория к \(date(by)), оценивается за период «\(period(p))»"
        case .over(let p):
            return "за период «\(period(p))» (\(date(p.first)) – \(date(p.last)))"
        }
    }

    func noteRU(_ n: PlanNote) -> String {
        switch n {
        case .unknownAccounts(let ids):
            return "аккаунтов \(ids.joined(separator: ", ")) нет в базе: план нельзя сохранить и оценить, пока их данные не импортированы"
        case let .taskAlsoSuggests(task, missing):
            return "задача «\(Self.taskRU(task))» предлагает также \(missing.map { "«\(name($0))»" }.joined(separator: ", ")), а в плане их нет"
        case .noTaskKPI(let task):
            return "в плане нет ни одного KPI задачи «\(Self.taskRU(task))» (её набор: \(task.kpis.map { name($0) }.joined(separator: ", ")))"
        case .rawFollowerGrowth:
            return "«\(name(.netFollowerGrowth))» учитывает и купленных подписчиков; «\(name(.netFollowerGrowthClean))» вычитает оценку детектора"
        case .allWeightsZero:
            return "все веса равны 0: оценки не будет"
        case let .bonusAboveCap(minScore, cap):
            return "порог премии bonus.min_score \(level(minScore)) выше потолка оценки \(level(cap)): часть премии за оценку никогда не будет выплачена"
        }
    }

    func achievabilityRU(_ a: AchievabilityNote) -> String {
        switch a {
        case let .noHistory(kind, periods):
            return "за последние \(periods) \(Self.kindWord(kind, Double(periods), .accusative)) нет данных для сравнения"
        case let .alreadyWithin(kind, base, low, high):
            return "\(Self.lastPeriod(kind)) было \(baseRU(base)) — уже в пределах \(level(low))…\(level(high))"
        case let .alreadyReached(kind, base, up, x, hits, withData, periods):
            let how = withData == 1
                ? "других \(Self.kindWord(kind, 5, .genitive)) с данными за последние \(periods) нет"
                : "цель достигнута в \(hits) из \(withData) \(Self.kindWord(kind, Double(withData), .genitive)) с данными за последние \(periods)"
            return "\(Self.lastPeriod(kind)) было \(baseRU(base)) — уже \(up ? "не ниже" : "не выше") \(level(x)); \(how)"
        case let .tooFewChanges(kind, x, base, withData, periods):
            return "нужно \(level(x)) (\(Self.lastPeriod(kind)): \(baseRU(base))); данные есть только за \(withData) "
                + "\(Self.kindWord(kind, Double(withData), .accusative)) из последних \(periods) — мало, чтобы судить об изменении \(Self.fromTo(kind))"
        case let .change(kind, need, base, x, up, best, median, periods):
            return "нужно \(change(need)) (\(baseRU(base)) → \(level(x))); \(up ? "лучший рост" : "лучшее снижение") "
                + "за \(Self.kindWord(kind, 1, .accusative)) из последних \(periods) — \(change(best)), медиана изменений — \(change(median))"
        case let .tooFewLevels(kind, x, base, withData, periods):
            return "нужно \(level(x)) (\(Self.lastPeriod(kind)): \(baseRU(base))); данные есть только за \(withData) "
                + "\(Self.kindWord(kind, Double(withData), .accusative)) из последних \(periods) — мало для сравнения"
        case let .level(kind, x, base, up, best, median, periods):
            return "нужно \(level(x)) (\(Self.lastPeriod(kind)): \(baseRU(base))); \(up ? "лучшее" : "самое низкое") значение "
                + "за \(Self.kindWord(kind, 1, .accusative)) из последних \(periods) — \(level(best)), медиана — \(level(median))"
        }
    }

    /// A target as a plan states it: `≥ 3,5`, `+10 % к прошлому периоду`, `→ 45 000 к 31.12.2026`.
    func targetRU(_ target: Target) -> String {
        switch target {
        case .atLeast(let x): return "≥ \(level(x))"
        case .atMost(let x): return "≤ \(level(x))"
        case .growthPct(let g): return "\(g >= 0 ? "+" : "")\(level(g))\(Localizer.nbsp)% к прошлому периоду"
        case let .reach(x, by): return "→ \(level(x)) к \(date(by))"
        case let .between(l, h): return "\(level(l))…\(level(h))"
        }
    }

    /// A level rounded to two decimals and written with as many as it needs.
    func level(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        let digits = r == r.rounded() ? 0 : (r * 10) == (r * 10).rounded() ? 1 : 2
        return number(r, digits: digits)
    }

    private func baseRU(_ b: SMARTBase) -> String {
        level(b.value) + (b.stale.map { " (последние данные — \(period($0)))" } ?? "")
    }

    enum Case { case accusative, genitive }

    /// A period kind's noun after a number: `12 месяцев`, `из 5 недель`.
    static func kindWord(_ kind: Period.Kind, _ n: Double, _ c: Case) -> String {
        let forms: (String, String, String)
        switch (kind, c) {
        case (.week, .accusative): forms = ("неделю", "недели", "недель")
        case (.week, .genitive): forms = ("недели", "недель", "недель")
        case (.month, .accusative): forms = ("месяц", "месяца", "месяцев")
        case (.month, .genitive): forms = ("месяца", "месяцев", "месяцев")
        case (.quarter, .accusative): forms = ("квартал", "квартала", "кварталов")
        case (.quarter, .genitive): forms = ("квартала", "кварталов", "кварталов")
        case (.year, .accusative): forms = ("год", "года", "лет")
        case (.year, .genitive): forms = ("года", "лет", "лет")
        case (.custom, .accusative): forms = ("период", "периода", "периодов")
        case (.custom, .genitive): forms = ("периода", "периодов", "периодов")
        }
        return RussianPlural.word(n, forms.0, forms.1, forms.2)
    }

    /// `в прошлом месяце`, `на прошлой неделе`, …
    static func lastPeriod(_ kind: Period.Kind) -> String {
        switch kind {
        case .week: return "на прошлой неделе"
        case .month: return "в прошлом месяце"
        case .quarter: return "в прошлом квартале"
        case .year: return "в прошлом году"
        case .custom: return "в прошлом периоде"
        }
    }

    /// `от месяца к месяцу`, …
    static func fromTo(_ kind: Period.Kind) -> String {
        switch kind {
        case .week: return "от недели к неделе"
        case .month: return "от месяца к месяцу"
        case .quarter: return "от квартала к кварталу"
        case .year: return "от года к году"
        case .custom: return "от периода к периоду"
        }
    }

    /// A business task's name (kpi-catalog.md tasks).
    static func taskRU(_ task: BusinessTask) -> String {
        switch task {
        case .awareness: return "узнаваемость бренда"
        case .leads: return "лиды и продажи"
        case .engagement: return "вовлечение аудитории"
        case .loyalty: return "лояльность и сервис"
        case .traffic: return "трафик на сайт"
        case .ads: return "эффективность рекламы"
        case .collaborations: return "коллаборации"
        }
    }
}
