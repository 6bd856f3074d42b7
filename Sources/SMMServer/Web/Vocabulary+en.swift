/// English names of networks, post formats and other bundle vocabulary.
extension Catalogue {
    static let vocabularyEN: [String: String] = [
        "network.vk": "VK", "network.telegram": "Telegram", "network.dzen": "Dzen",
        "network.ok": "Odnoklassniki", "network.instagram": "Instagram", "network.facebook": "Facebook",
        "network.x": "X", "network.youtube": "YouTube", "network.tiktok": "TikTok", "network.rutube": "Rutube",
        "network.max": "MAX", "network.other": "Other",
        "format.post": "Post", "format.clip": "Clip", "format.video": "Video", "format.story": "Story",
        "format.article": "Article", "format.live": "Live", "format.carousel": "Carousel", "format.poll": "Poll",
        "format.other": "Other",
        "period.invalid.month": "The period could not be read; showing the last complete month.",
        "period.invalid.week": "The period could not be read; showing the last complete week.",
        "period.invalid.quarter": "The period could not be read; showing the last complete quarter.",
        "period.invalid.custom": "The period could not be read; showing the 30 days up to the last day with data.",
        "period.reversed": "The start date is after the end date; showing the last complete month.",
        "period.year": "Year",
    ]
}
