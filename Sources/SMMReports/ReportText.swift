import Foundation
import SMMCore

/// The reports' string table, Russian and English. Keys are stable; a missing key falls back
/// to the key itself so a gap shows instead of crashing.
package struct ReportText: Sendable {
    package var language: ReportLanguage
    package init(_ language: ReportLanguage) { self.language = language }

    package subscript(_ key: String) -> String {
        guard let pair = Self.table[key] else { return key }
        return language == .ru ? pair.0 : pair.1
    }

    /// The text of a key, nil when the table has none.
    package func optional(_ key: String) -> String? {
        Self.table[key].map { language == .ru ? $0.0 : $0.1 }
    }

    /// A template with `{name}` placeholders filled in.
    package func fill(_ key: String, _ values: [String: String]) -> String {
        var s = self[key]
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    /// The label of a catalog metric.
    package func kpi(_ id: KPIID) -> String { KPINames.name(id, russian: language == .ru) }

    static let table: [String: (String, String)] = [
        "title.weekly": ("Еженедельный срез SMM", "Weekly SMM snapshot"),
        "title.monthly": ("Ежемесячный обзор SMM", "Monthly SMM review"),
        "meta.period": ("Период", "Period"),
        "meta.previous": ("Сравнение с", "Compared with"),
        "meta.accounts": ("Аккаунты", "Accounts"),
        "meta.generated": ("Сформирован", "Generated"),
        "meta.timezone": ("Часовой пояс", "Time zone"),
        "meta.currency": ("Валюта", "Currency"),
        "col.metric": ("Показатель", "Metric"),
        "col.id": ("Код", "ID"),
        "col.value": ("Значение", "Value"),
        "col.previous": ("Было", "Previous"),
        "col.change": ("Изменение", "Change"),
        "col.change_abs": ("Изменение, абс.", "Change, abs."),
        "col.change_pct": ("Изменение, %", "Change, %"),
        "col.target": ("Цель", "Target"),
        "col.status": ("Статус", "Status"),
        "col.achievement": ("Выполнение, %", "Achievement, %"),
        "col.date": ("Дата", "Date"),
        "col.account": ("Аккаунт", "Account"),
        "col.format": ("Формат", "Format"),
        "col.topic": ("Тема", "Topic"),
        "col.network": ("Сеть", "Network"),
        "col.group": ("Группа", "Group"),
        "col.post": ("Публикация", "Post"),
        "col.reach": ("Охват", "Reach"),
        "col.interactions": ("Реакции", "Interactions"),
        "col.er": ("ER, %", "ER, %"),
        "col.posts": ("Публикаций", "Posts"),
        "col.kind": ("Тип", "Kind"),
        "col.from": ("С", "From"),
        "col.to": ("По", "To"),
        "col.estimate": ("Оценка", "Estimate"),
        "col.text": ("Текст", "Text"),
        "col.waiting": ("Ждёт, ч", "Waiting, h"),
        "col.state": ("Состояние", "State"),
        "col.finding": ("Вывод", "Finding"),
        "col.rule": ("Правило", "Rule"),
        "col.period": ("Период", "Period"),
        "col.series": ("Ряд", "Series"),
        "section.kpis": ("Ключевые показатели", "Key metrics"),
        "section.trends.weekly": ("Динамика за 8 недель", "Last 8 weeks"),
        "section.trends.monthly": ("Динамика за 6 месяцев", "Last 6 months"),
        "section.movers": ("Что изменилось сильнее всего и почему", "What moved most, and why"),
        "section.anomalies": ("Открытые аномалии", "Open anomalies"),
        "section.questions": ("Вопросы без ответа", "Unanswered questions"),
        "section.next_week": ("Контент-план на следующую неделю", "Content plan for next week"),
        "section.scorecard": ("Оценка по плану и премия", "Scorecard and bonus"),
        "section.breakdowns": ("Разбивка по форматам, темам и сетям", "By format, topic and network"),
        "section.posts": ("Лучшие и худшие публикации", "Top and bottom posts"),
        "section.compliance": ("Выполнение контент-плана", "Content plan compliance"),
        "section.costs": ("Затраты и окупаемость", "Costs and ROI"),
        "section.findings": ("Выводы", "Findings"),
        "section.all_kpis": ("Все показатели", "All metrics"),
        // Sheet names (Excel allows 31 characters) where a section's title is longer.
        "sheet.trends": ("Динамика", "Trends"),
        "sheet.movers": ("Что изменилось", "What moved"),
        "sheet.scorecard": ("Оценка и премия", "Scorecard"),
        "sheet.next_week": ("План на неделю", "Next week"),
        "sheet.breakdowns": ("Разбивки", "Breakdowns"),
        "sheet.posts": ("Публикации", "Posts"),
        "sheet.compliance": ("Контент-план", "Content plan"),
        "table.movers": ("Показатели с наибольшим изменением", "Metrics that changed most"),
        "table.formats_moved": ("Форматы: ER и охват против прошлого периода", "Formats: ER and reach vs the previous period"),
        "table.top_posts": ("Лучшие публикации по ER", "Top posts by ER"),
        "table.bottom_posts": ("Худшие публикации по ER", "Bottom posts by ER"),
        "table.by_format": ("По форматам", "By format"),
        "table.by_topic": ("По темам", "By topic"),
        "table.by_network": ("По сетям", "By network"),
        "table.anomalies": ("Аномалии", "Anomalies"),
        "table.questions": ("Вопросы", "Questions"),
        "table.plan_items": ("Публикации к выходу", "Items due"),
        "table.trend_data": ("Данные графиков", "Chart data"),
        "figure.score": ("Итоговая оценка", "Score"),
        "figure.bonus": ("Премия", "Bonus"),
        "figure.bonus_score_part": ("за KPI", "for KPIs"),
        "figure.bonus_sales_part": ("с продаж", "from sales"),
        "figure.unanswered": ("Вопросов без ответа", "Unanswered questions"),
        "figure.anomalies": ("Открытых аномалий", "Open anomalies"),
        "figure.plan_items": ("Публикаций в плане", "Items planned"),
        "status.met": ("выполнен", "met"),
        "status.at_risk": ("под угрозой", "at risk"),
        "status.missed": ("не выполнен", "missed"),
        "status.no_data": ("нет данных", "no data"),
        "state.published": ("опубликован", "published"),
        "state.planned": ("в плане", "planned"),
        "state.approved": ("утверждён", "approved"),
        "state.not_approved": ("не утверждён", "not approved"),
        "empty.anomalies": ("Открытых аномалий нет.", "No open anomalies."),
        "empty.questions": ("Все вопросы подписчиков получили ответ.", "Every customer question has an answer."),
        "empty.next_week": ("На следующую неделю в контент-плане ничего нет.", "Nothing is planned for next week."),
        "empty.findings": ("Правила не нашли ничего примечательного.", "The rules found nothing notable."),
        "empty.posts": ("В периоде нет публикаций с охватом.", "No posts with reach in the period."),
        "empty.scorecard": ("План не задан: запустите отчёт с --plan, чтобы увидеть оценку и премию.",
                            "No plan given: run the report with --plan to see the score and the bonus."),
        "note.anomalies": ("Подозрительный прирост исключён из «чистого» прироста подписчиков.",
                           "Suspicious growth is excluded from the clean follower growth."),
        "note.more": ("и ещё {n}", "and {n} more"),
        "anomaly.bought_followers": ("накрутка подписчиков", "bought followers"),
        "anomaly.bot_likes": ("боты в реакциях", "bot likes"),
        "anomaly.bot_comments": ("бот-комментарии", "bot comments"),
        "series.value": ("Значение", "Value"),
        "footer": ("Сформировано smmkpi. Числа — те же, что в `smmkpi kpi` за этот период.",
                   "Made by smmkpi. The numbers are those of `smmkpi kpi` for the period."),
        // Findings: each sentence cites its numbers.
        "finding.mover_good": ("{metric}: {change} ({prev} → {value}) — самое сильное улучшение среди ключевых показателей.",
                               "{metric} {change} ({prev} → {value}): the biggest improvement among the key metrics."),
        "finding.mover_bad": ("{metric}: {change} ({prev} → {value}) — самое сильное ухудшение среди ключевых показателей.",
                              "{metric} {change} ({prev} → {value}): the biggest change for the worse among the key metrics."),
        "finding.freq_er_down": ("ER упал на {er} при росте частоты публикаций на {posts} ({pprev} → {pvalue}): может, публиковать меньше, но лучше?",
                                 "ER fell {er} while posting frequency rose {posts} ({pprev} → {pvalue}): fewer, better posts?"),
        "finding.freq_er_up": ("ER вырос на {er} при сокращении публикаций на {posts} ({pprev} → {pvalue}): меньше публикаций — выше вовлечённость.",
                               "ER rose {er} while posts fell {posts} ({pprev} → {pvalue}): fewer posts, more engagement."),
        "finding.reach_followers_down": ("Охват публикаций снизился на {reach}, хотя подписчиков стало больше ({followers}): контент видит меньшая часть аудитории.",
                                         "Post reach fell {reach} although followers grew ({followers}): content reaches a smaller share of the audience."),
        "finding.reach_followers_up": ("Охват вырос на {reach} при почти неизменной базе подписчиков ({followers}): контент выходит за пределы подписчиков.",
                                       "Reach grew {reach} with an almost flat follower base ({followers}): content travels beyond the followers."),
        "finding.cpl_up": ("Стоимость лида выросла на {change} ({prev} → {value}): бюджет {spend}, лиды {leads}.",
                           "Cost per lead rose {change} ({prev} → {value}): spend {spend}, leads {leads}."),
        "finding.cpl_down": ("Стоимость лида снизилась на {change} ({prev} → {value}): бюджет {spend}, лиды {leads}.",
                             "Cost per lead fell {change} ({prev} → {value}): spend {spend}, leads {leads}."),
        "finding.sla": ("В срок ответили на {sla} обращений (цель — в течение {hours} ч); без ответа осталось {unanswered}.",
                        "{sla} of inquiries were answered within the {hours} h SLA; {unanswered} are still unanswered."),
        "finding.negative": ("Доля негативных комментариев выросла до {value} с {prev} ({delta}): стоит посмотреть, что вызвало недовольство.",
                             "Negative comments rose to {value} from {prev} ({delta}): worth checking what upset people."),
        "finding.plan_risk": ("План под угрозой: {metric} — {status}, выполнение {achievement} (цель {target}).",
                              "Plan at risk: {metric} is {status} at {achievement} of the target ({target})."),
        "finding.plan_forecast": ("По прогнозу на конец периода {metric} будет {status}: {forecast} при цели {target}.",
                                  "Forecast for the period's end: {metric} {status}, {forecast} against a target of {target}."),
        "finding.anomalies": ("{bought} подписчиков похожи на накрутку и исключены: «чистый» прирост {clean} из {net}.",
                              "{bought} followers look bought and are excluded: clean growth is {clean} of {net}."),
        "finding.best_format": ("Лучший формат — {format}: ER {er} против {avg} в среднем по {posts} публикациям.",
                                "The best format is {format}: ER {er} against {avg} on average, over {posts} posts."),
        "finding.questions": ("{n} вопросов подписчиков остались без ответа: ответы на них — быстрые лиды.",
                              "{n} customer questions have no answer yet: answering them is the quickest lead."),
    ]
}
