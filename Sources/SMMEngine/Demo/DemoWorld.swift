import Foundation
import SMMCore

/// A brand (client) whose accounts the demo invents.
struct DemoBrand {
    let name: String, slug: String, hashtag: String
    /// «Зерно», «Зерне», «Зерна», Zerno.
    let written: String, prepositional: String, genitive: String, latin: String
    let emoji: String
    let products: [String], productsEnglish: [String]
    let searchQueries: [String]
    let partners: [String]
    /// Typical won deal, in minor units (corporate orders, catering, gift sets).
    let typicalDealMinor: Int

    func fill(_ t: String, product: String?) -> String {
        var s = t
        if let product { s = s.replacingOccurrences(of: "{p}", with: product) }
        return s.replacingOccurrences(of: "{Bp}", with: prepositional)
            .replacingOccurrences(of: "{Bg}", with: genitive)
            .replacingOccurrences(of: "{Be}", with: latin)
            .replacingOccurrences(of: "{B}", with: written)
            .replacingOccurrences(of: "{e}", with: emoji)
    }

    static let all: [DemoBrand] = [
        DemoBrand(
            name: "Кофейня «Зерно»", slug: "zerno", hashtag: "кофейнязерно",
            written: "«Зерно»", prepositional: "«Зерне»", genitive: "«Зерна»", latin: "Zerno", emoji: "☕",
            products: ["раф", "капучино", "флэт уайт", "латте", "эспрессо-тоник", "раф на кокосовом", "круассан",
                       "чизкейк"],
            productsEnglish: ["raf", "cappuccino", "flat white", "latte", "croissant", "cheesecake"],
            searchQueries: ["зерно", "кофейня зерно", "зерно меню", "зерно доставка", "зерно отзывы"],
            partners: ["@masha_eats", "Книжный «Переплёт»", "Пекарня «Булка»", "@moscow_breakfasts",
                       "Фестиваль «Вкусный город»"],
            typicalDealMinor: 640_000),
        DemoBrand(
            name: "Пекарня «Колос»", slug: "kolos", hashtag: "пекарняколос",
            written: "«Колос»", prepositional: "«Колосе»", genitive: "«Колоса»", latin: "Kolos", emoji: "🥐",
            products: ["багет", "круассан", "бородинский", "эклер", "штрудель", "пирог с вишней", "хлеб на закваске"],
            productsEnglish: ["baguette", "croissant", "sourdough", "eclair"],
            searchQueries: ["колос", "пекарня колос", "колос хлеб на закваске", "колос торт на заказ", "колос отзывы"],
            partners: ["@dima_travels", "Фермерская лавка «Поле»", "Театр «Сфера»", "@bake_with_olya"],
            typicalDealMinor: 420_000),
        DemoBrand(
            name: "Чайный дом «Лист»", slug: "list", hashtag: "чайныйдомлист",
            written: "«Лист»", prepositional: "«Листе»", genitive: "«Листа»", latin: "List", emoji: "🍵",
            products: ["пуэр", "молочный улун", "сбор «Алтай»", "матча-латте", "иван-чай", "чайный набор"],
            productsEnglish: ["puer", "milk oolong", "matcha latte", "tea set"],
            searchQueries: ["чайный дом лист", "лист чай", "лист пуэр купить", "лист чайная церемония"],
            partners: ["Студия керамики «Глина»", "@tea_and_books", "Йога-студия «Прана»"],
            typicalDealMinor: 880_000),
    ]
}

/// A city: where a branch account is, and an audience bucket.
struct DemoCity {
    let russian: String, english: String, slug: String

    static let all: [DemoCity] = [
        ("Москва", "Moscow", "msk"), ("Санкт-Петербург", "Saint Petersburg", "spb"), ("Казань", "Kazan", "kazan"),
        ("Новосибирск", "Novosibirsk", "nsk"), ("Екатеринбург", "Yekaterinburg", "ekb"),
        ("Нижний Новгород", "Nizhny Novgorod", "nnov"), ("Самара", "Samara", "samara"),
        ("Краснодар", "Krasnodar", "krd"), ("Ростов-на-Дону", "Rostov-on-Don", "rostov"),
        ("Воронеж", "Voronezh", "vrn"), ("Пермь", "Perm", "perm"), ("Уфа", "Ufa", "ufa"),
        ("Челябинск", "Chelyabinsk", "chel"), ("Омск", "Omsk", "omsk"), ("Красноярск", "Krasnoyarsk", "krsk"),
        ("Волгоград", "Volgograd", "vlg"), ("Тюмень", "Tyumen", "tmn"), ("Саратов", "Saratov", "saratov"),
        ("Тула", "Tula", "tula"), ("Ярославль", "Yaroslavl", "yar"), ("Иркутск", "Irkutsk", "irk"),
        ("Владивосток", "Vladivostok", "vl"), ("Хабаровск", "Khabarovsk", "khv"),
        ("Калининград", "Kaliningrad", "kgd"), ("Сочи", "Sochi", "sochi"), ("Томск", "Tomsk", "tomsk"),
        ("Ижевск", "Izhevsk", "izh"), ("Барнаул", "Barnaul", "barnaul"), ("Ульяновск", "Ulyanovsk", "uln"),
        ("Оренбург", "Orenburg", "orb"), ("Рязань", "Ryazan", "ryazan"), ("Пенза", "Penza", "penza"),
        ("Липецк", "Lipetsk", "lipetsk"), ("Киров", "Kirov", "kirov"), ("Чебоксары", "Cheboksary", "cheb"),
        ("Тверь", "Tver", "tver"), ("Кемерово", "Kemerovo", "kem"),
        ("Набережные Челны", "Naberezhnye Chelny", "chelny"), ("Астрахань", "Astrakhan", "astr"),
        ("Белгород", "Belgorod", "belgorod"), ("Владимир", "Vladimir", "vladimir"),
        ("Смоленск", "Smolensk", "smolensk"), ("Калуга", "Kaluga", "kaluga"), ("Мурманск", "Murmansk", "murmansk"),
        ("Архангельск", "Arkhangelsk", "arkh"), ("Вологда", "Vologda", "vologda"), ("Курск", "Kursk", "kursk"),
        ("Иваново", "Ivanovo", "ivanovo"), ("Севастополь", "Sevastopol", "sev"),
        ("Петрозаводск", "Petrozavodsk", "ptz"),
    ].map { DemoCity(russian: $0.0, english: $0.1, slug: $0.2) }
}

/// The networks accounts cycle through, with how each behaves.
struct DemoNetworkProfile {
    let network: Network
    /// How the network writes a user id before its number (`id4099906`).
    let author: DemoPhrase
    /// Engagement (likes per reached user) of an ordinary post.
    let engagement: Double
    let prefix: String, host: String
    /// Posts per day relative to VK.
    let postFactor: Double
    /// Share of followers a post reaches.
    let reachRate: Double
    /// Comments per reached user.
    let commentRate: Double
    /// Format weights in PostFormat order without `other`: post, clip, video, story, article, live, carousel, poll.
    let formatWeights: [Double]
    let hasSaves: Bool, hasHides: Bool, hasClicks: Bool, hasVisitors: Bool
    /// Cost per 1000 ad impressions, minor units.
    let cpmMinor: Int
    /// Site visits per reached user, relative to VK (Telegram and Dzen readers click out less).
    let webFactor: Double

    static let cycle: [DemoNetworkProfile] = [
        DemoNetworkProfile(
            network: .vk, author: DemoPhrase("id"), engagement: 0.035, prefix: "vk", host: "vk.example",
            postFactor: 1.0, reachRate: 0.11, commentRate: 0.00059, formatWeights: [34, 20, 8, 15, 3, 2, 11, 7],
            hasSaves: true, hasHides: true, hasClicks: true, hasVisitors: true, cpmMinor: 18_000,
            webFactor: 1.0),
        DemoNetworkProfile(
            network: .telegram, author: DemoPhrase("tg"), engagement: 0.02, prefix: "tg", host: "t.example",
            postFactor: 1.6, reachRate: 0.28, commentRate: 0.00025, formatWeights: [62, 4, 8, 4, 3, 2, 6, 11],
            hasSaves: false, hasHides: false, hasClicks: true, hasVisitors: false, cpmMinor: 32_000,
            webFactor: 0.6),
        DemoNetworkProfile(
            network: .dzen, author: DemoPhrase("dzen"), engagement: 0.022, prefix: "dzen", host: "dzen.example",
            postFactor: 0.55, reachRate: 0.35, commentRate: 0.00022, formatWeights: [22, 16, 12, 0, 44, 1, 3, 2],
            hasSaves: true, hasHides: true, hasClicks: false, hasVisitors: true, cpmMinor: 12_000,
            webFactor: 0.5),
        DemoNetworkProfile(
            network: .ok, author: DemoPhrase("ok"), engagement: 0.04, prefix: "ok", host: "ok.example",
            postFactor: 0.7, reachRate: 0.09, commentRate: 0.00082, formatWeights: [40, 12, 15, 5, 3, 3, 12, 10],
            hasSaves: false, hasHides: true, hasClicks: true, hasVisitors: true, cpmMinor: 9_000,
            webFactor: 0.8),
    ]
}

/// One invented account and its running state.
struct DemoAccount {
    let index: Int
    let id: String
    let idPhrase: DemoPhrase
    let name: String
    /// `https://vk.example/zerno_kazan/`: the page, and the prefix of its posts' links.
    let url: String
    let urlPhrase: DemoPhrase
    let brand: Int
    let city: Int
    let profile: DemoNetworkProfile
    /// First day index with data (an account launched during the period starts later).
    let launchDay: Int
    var followers: Int
    /// Monthly growth before churn, and monthly churn, as fractions.
    let growth: Double, churn: Double
    /// Size the account is planned for (rates follow it even while a new account is small).
    let size: Double
    let postRate: Double
    let dailyBudgetMinor: Int
    /// A day of bought followers (the anomaly the product detects), or -1.
    let boughtDay: Int
    let boughtFollowers: Int
    var postCount = 0
    /// Reach of the posts published yesterday and today (account reach lags posts).
    var postReachToday = 0, postReachYesterday = 0
    /// Extra joins from a collaboration published yesterday.
    var collabBoostTomorrow = 0
    /// Elevated unfollows after bought followers: remaining bots and days.
    var botsLeft = 0
    /// Regular commenters of this community.
    let regulars: [Int]
    /// How carefully the specialist answers (probability scale for replies and messages).
    let diligence: Double
    /// Audience shape: share of women, age weights, top cities and their weights.
    let female: Double
    let ages: [Double]
    let audienceCities: [Int]
    let cityWeights: [Double]

    var network: Network { profile.network }
}
