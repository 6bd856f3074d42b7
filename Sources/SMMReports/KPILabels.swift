import SMMCore

extension ReportText {
    /// Labels of the catalog's metrics (kpi-catalog.md), Russian and English.
    static let kpiLabels: [KPIID: (String, String)] = [
        .erReach: ("ER по охвату", "ER by reach"), .erFollowers: ("ER по подписчикам", "ER by followers"),
        .ctr: ("CTR публикаций", "Post CTR"), .viewsRate: ("Доля просмотров", "Views rate"),
        .interactionsTotal: ("Реакции", "Interactions"), .likesTotal: ("Лайки", "Likes"),
        .repostsTotal: ("Репосты", "Reposts"), .savesTotal: ("Сохранения", "Saves"),
        .postCommentsTotal: ("Комментарии (счётчик)", "Comments (counter)"), .repostShare: ("Доля репостов", "Repost share"),
        .commentsCount: ("Комментарии", "Comments"), .meaningfulComments: ("Содержательные комментарии", "Meaningful comments"),
        .meaningfulCommentShare: ("Доля содержательных комментариев", "Meaningful comment share"),
        .commentPositiveShare: ("Позитивные комментарии", "Positive comments"),
        .commentNegativeShare: ("Негативные комментарии", "Negative comments"),
        .commentReplyRate: ("Ответы на комментарии", "Comment reply rate"),
        .followersEnd: ("Подписчики на конец", "Followers at end"), .followersStart: ("Подписчики на начало", "Followers at start"),
        .followersJoined: ("Подписались", "Followers joined"), .followersLeft: ("Отписались", "Followers left"),
        .netFollowerGrowth: ("Прирост подписчиков", "Net follower growth"),
        .followerGrowthRate: ("Темп прироста подписчиков", "Follower growth rate"),
        .newFollowerRate: ("Доля новых подписчиков", "New follower rate"), .unsubscribeRate: ("Доля отписок", "Unsubscribe rate"),
        .netFollowerGrowthClean: ("Чистый прирост подписчиков", "Clean follower growth"),
        .audienceMatch: ("Совпадение с ЦА", "Audience match"), .accountReach: ("Охват аккаунта", "Account reach"),
        .accountViews: ("Просмотры аккаунта", "Account views"), .postsPublished: ("Публикации", "Posts published"),
        .reachTotal: ("Охват публикаций", "Post reach"), .impressionsTotal: ("Показы", "Impressions"),
        .avgReachPerPost: ("Средний охват публикации", "Average reach per post"),
        .reachPer1000Spend: ("Охват на 1000 бюджета", "Reach per 1000 spend"), .collabPosts: ("Коллаборации", "Collab posts"),
        .collabReach: ("Охват коллабораций", "Collab reach"), .collabErReach: ("ER коллабораций", "Collab ER"),
        .collabJoined: ("Подписки от коллабораций", "Collab followers joined"),
        .socialSessions: ("Визиты из соцсетей", "Social sessions"), .socialUsers: ("Посетители из соцсетей", "Social users"),
        .pagesPerSession: ("Страниц за визит", "Pages per session"), .avgSessionSeconds: ("Длительность визита", "Avg session"),
        .bounceRate: ("Отказы", "Bounce rate"), .goalCompletions: ("Достигнутые цели", "Goal completions"),
        .webConversionRate: ("Конверсия сайта", "Web conversion rate"), .leads: ("Лиды", "Leads"),
        .qualifiedLeads: ("Квалифицированные лиды", "Qualified leads"),
        .qualifiedLeadShare: ("Доля квалифицированных лидов", "Qualified lead share"), .sales: ("Продажи", "Sales"),
        .revenue: ("Выручка", "Revenue"), .customers: ("Клиенты", "Customers"), .avgDeal: ("Средний чек", "Average deal"),
        .leadConversionRate: ("Конверсия лида в продажу", "Lead conversion rate"),
        .clickToLeadRate: ("Конверсия клика в лид", "Click-to-lead rate"), .adSpend: ("Рекламный бюджет", "Ad spend"),
        .adImpressions: ("Показы рекламы", "Ad impressions"), .adClicks: ("Клики по рекламе", "Ad clicks"),
        .adReach: ("Охват рекламы", "Ad reach"), .cpc: ("CPC", "CPC"), .cpm: ("CPM", "CPM"), .adCtr: ("CTR рекламы", "Ad CTR"),
        .otherCosts: ("Прочие затраты", "Other costs"), .totalCost: ("Все затраты", "Total cost"),
        .cpl: ("Стоимость лида (CPL)", "Cost per lead (CPL)"), .cpa: ("CPA", "CPA"), .cps: ("Стоимость продажи", "Cost per sale"),
        .cac: ("CAC", "CAC"), .roas: ("ROAS", "ROAS"), .roi: ("ROI", "ROI"),
        .brandMentions: ("Упоминания бренда", "Brand mentions"), .mentionReach: ("Охват упоминаний", "Mention reach"),
        .mentionPositiveShare: ("Позитивные упоминания", "Positive mentions"),
        .mentionNegativeShare: ("Негативные упоминания", "Negative mentions"),
        .brandSearchVolume: ("Брендовые запросы", "Brand searches"), .reviewsCount: ("Отзывы", "Reviews"),
        .positiveReviewShare: ("Доля позитивных отзывов", "Positive review share"), .avgRating: ("Средняя оценка", "Average rating"),
        .inquiries: ("Обращения", "Inquiries"), .unanswered: ("Без ответа", "Unanswered"),
        .responseSLARate: ("Ответы в срок (SLA)", "Answered within SLA"),
        .medianResponseMinutes: ("Медиана времени ответа", "Median response time"),
        .planItems: ("Публикаций в плане", "Plan items"), .planCompletionRate: ("Выполнение плана", "Plan completion"),
        .planOnTimeRate: ("Вовремя по плану", "Plan on time"), .hoursSpent: ("Часы работы", "Hours spent"),
        .postsPerHour: ("Публикаций в час", "Posts per hour"),
    ]
}

extension ValueFormat {
    /// The format a catalog unit is shown in.
    package init(_ unit: KPIUnit) {
        switch unit {
        case .count: self = .integer
        case .percent: self = .percent
        case .money: self = .money
        case .ratio: self = .decimal
        case .seconds: self = .seconds
        case .minutes: self = .minutes
        case .hours: self = .hours
        }
    }
}

extension Direction {
    /// The catalog's better direction.
    package init(_ better: KPIBetter) {
        switch better {
        case .up: self = .up
        case .down: self = .down
        case .neither: self = .neither
        }
    }
}
