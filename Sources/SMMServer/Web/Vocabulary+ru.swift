/// Russian names of networks, post formats and other bundle vocabulary.
extension Catalogue {
    static let vocabularyRU: [String: String] = [
        "network.vk": "ВКонтакте", "network.telegram": "Telegram", "network.dzen": "Дзен",
        "network.ok": "Одноклассники", "network.instagram": "Instagram", "network.facebook": "Facebook",
        "network.x": "X", "network.youtube": "YouTube", "network.tiktok": "TikTok", "network.rutube": "Rutube",
        "network.max": "MAX", "network.other": "Другое",
        "format.post": "Пост", "format.clip": "Клип", "format.video": "Видео", "format.story": "История",
        "format.article": "Статья", "format.live": "Эфир", "format.carousel": "Карусель", "format.poll": "Опрос",
        "format.other": "Другое",
        "period.invalid.month": "Период не распознан, показан последний полный месяц.",
        "period.invalid.week": "Период не распознан, показана последняя полная неделя.",
        "period.invalid.quarter": "Период не распознан, показан последний полный квартал.",
        "period.invalid.custom": "Период не распознан, показаны 30 дней до последнего дня с данными.",
        "period.reversed": "Начальная дата позже конечной, показан последний полный месяц.",
        "period.year": "Год",
    ]
}
