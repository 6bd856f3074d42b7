import Foundation

/// A text with at most one slot for a tagged friend: `before` + handle + `after`.
struct DemoTemplate {
    let before: DemoPhrase
    /// nil: the text has no slot.
    let after: DemoPhrase?
}

/// What a generated comment is, which decides its text, sentiment and any brand reply.
enum DemoCommentKind: Int {
    case praise, question, complaint, neutral, reactionPositive, reactionNeutral, emoji, tag, giveaway, userReply
}

/// The phrasebook of one language compiled for one brand: placeholders filled, every product
/// expanded, texts prepared for CSV. Built once per brand; composing a text copies bytes.
struct DemoLanguageTexts {
    let praise: [DemoPhrase], praiseLower: [DemoPhrase]
    let openers: [DemoPhrase], closers: [DemoPhrase], praiseExtras: [DemoPhrase]
    let questions: [DemoPhrase], questionsLower: [DemoPhrase], questionOpeners: [DemoPhrase], answers: [[DemoPhrase]]
    let complaints: [DemoPhrase], complaintsLower: [DemoPhrase], complaintTails: [DemoPhrase]
    let apologies: [DemoPhrase], neutral: [DemoPhrase]
    let reactionsPositive: [DemoPhrase], reactionsNeutral: [DemoPhrase]
    let tags: [DemoTemplate], giveaway: [DemoTemplate]
    let thanks: [DemoPhrase], userReplies: [DemoPhrase]
    let mentions: [[DemoPhrase]]  // positive, neutral, negative
    let mentionTails: [DemoPhrase]
    let reviews: [[DemoPhrase]]
    let reviewDetails: [DemoPhrase]

    init(_ book: DemoPhrasebook, brand: DemoBrand, english: Bool) {
        let products = english ? brand.productsEnglish : brand.products
        func expand(_ list: [String]) -> [String] {
            list.flatMap { t in
                t.contains("{p}") ? products.map { brand.fill(t, product: $0) } : [brand.fill(t, product: nil)]
            }
        }
        func phrases(_ list: [String]) -> [DemoPhrase] { expand(list).map(DemoPhrase.init) }
        func templates(_ list: [String]) -> [DemoTemplate] {
            expand(list).map { t in
                guard let r = t.range(of: "{f}") else { return DemoTemplate(before: DemoPhrase(t), after: nil) }
                return DemoTemplate(before: DemoPhrase(String(t[..<r.lowerBound])),
                                    after: DemoPhrase(String(t[r.upperBound...])))
            }
        }
        let praiseTexts = expand(book.praise).map(DemoLanguageTexts.capitalized)
        praise = praiseTexts.map(DemoPhrase.init)
        praiseLower = praiseTexts.map { DemoPhrase(DemoLanguageTexts.lowered($0)) }
        openers = phrases(book.openers)
        closers = phrases(book.closers)
        praiseExtras = phrases(book.praiseExtras)
        questionOpeners = phrases(book.questionOpeners)
        var q: [DemoPhrase] = [], ql: [DemoPhrase] = [], a: [[DemoPhrase]] = []
        for (question, replies) in book.questions {
            let variants: [String?] = question.contains("{p}") ? products.map { $0 } : [nil]
            for product in variants {
                let text = DemoLanguageTexts.capitalized(brand.fill(question, product: product))
                q.append(DemoPhrase(text))
                ql.append(DemoPhrase(DemoLanguageTexts.lowered(text)))
                a.append(replies.map { DemoPhrase(DemoLanguageTexts.capitalized(brand.fill($0, product: product))) })
            }
        }
        questions = q
        questionsLower = ql
        answers = a
        let complaintTexts = expand(book.complaints).map(DemoLanguageTexts.capitalized)
        complaints = complaintTexts.map(DemoPhrase.init)
        complaintsLower = complaintTexts.map { DemoPhrase(DemoLanguageTexts.lowered($0)) }
        complaintTails = phrases(book.complaintTails)
        apologies = phrases(book.apologies)
        neutral = expand(book.neutral).map { DemoPhrase(DemoLanguageTexts.capitalized($0)) }
        reactionsPositive = phrases(book.reactionsPositive)
        reactionsNeutral = phrases(book.reactionsNeutral)
        tags = templates(book.tags)
        giveaway = templates(book.giveaway)
        thanks = phrases(book.thanks)
        userReplies = phrases(book.userReplies)
        mentions = [book.mentionsPositive, book.mentionsNeutral, book.mentionsNegative].map {
            expand($0).map { DemoPhrase(DemoLanguageTexts.capitalized($0)) }
        }
        mentionTails = phrases(book.mentionTails)
        reviews = book.reviews.map { expand($0).map { DemoPhrase(DemoLanguageTexts.capitalized($0)) } }
        reviewDetails = phrases(book.reviewDetails)
    }

    /// First letter upper-cased (a text may start with a product: "раф как в Италии").
    static func capitalized(_ s: String) -> String {
        guard let f = s.first, f.isLowercase else { return s }
        return f.uppercased() + s.dropFirst()
    }

    /// First letter lower-cased after an opener ("Ого, лучший раф…"), unless the second letter
    /// is upper-case too (an abbreviation).
    static func lowered(_ s: String) -> String {
        let chars = Array(s.prefix(2))
        guard let f = chars.first, f.isUppercase, chars.count < 2 || !chars[1].isUppercase else { return s }
        return f.lowercased() + s.dropFirst()
    }
}

/// Both languages of a brand, the shared emoji-only texts and friends' handles.
struct DemoTexts {
    let russian: DemoLanguageTexts
    let english: DemoLanguageTexts
    let emojiOnly: [DemoPhrase]
    let friends: [DemoPhrase]
    let newline = DemoPhrase("\n")
    /// Post texts by topic index (DemoTexts.topics).
    let posts: [[DemoPhrase]]
    let hashtags: [DemoPhrase]

    init(brand: DemoBrand) {
        russian = DemoLanguageTexts(.russian, brand: brand, english: false)
        english = DemoLanguageTexts(.english, brand: brand, english: true)
        emojiOnly = DemoPhrasebook.emojiOnly.map(DemoPhrase.init)
        friends = DemoPhrasebook.friendNames.flatMap { n in DemoPhrasebook.friendSuffixes.map { DemoPhrase(n + $0) } }
        posts = DemoTexts.postTemplates.map { list in
            list.flatMap { t in
                guard t.contains("{p}") else { return [DemoPhrase(brand.fill(t, product: nil))] }
                return brand.products.map { DemoPhrase(DemoLanguageTexts.capitalized(brand.fill(t, product: $0))) }
            }
        }
        hashtags = [
            "\n\n#\(brand.slug)", "\n\n#\(brand.slug) #\(brand.hashtag)", "\n\n#\(brand.hashtag) #вкусно #утро",
            "\n\n📍 Адреса — в профиле", "\n\nЗаказ — в личных сообщениях или по ссылке в профиле",
            " \(brand.emoji)", " \(brand.emoji)\(brand.emoji)",
        ].map(DemoPhrase.init)
    }

    /// Topic tags (posts.topic) and their post texts, in the same order.
    static let topics = [
        "recipe", "new product", "behind the scenes", "quiz", "giveaway", "review", "team", "promo", "news",
        "collection", "holiday", "workshop", "poll",
    ]
    static let topicRecipe = 0, topicGiveaway = 4, topicHoliday = 10, topicWorkshop = 11, topicPoll = 12
    static let topicQuiz = 3, topicCollection = 9, topicBehind = 2, topicNews = 8

    static let postTemplates: [[String]] = [
        ["Рецепт недели: {p} дома за 5 минут", "Как приготовить {p} дома — пошагово, с фото",
         "Сохраняйте: наш фирменный рецепт, {p}"],
        ["Новинка! {p} уже в меню {e}", "Попробуйте первыми: {p} по новому рецепту", "Встречайте: сезонный {p}"],
        ["Закулисье: как мы готовим {p}", "Behind the scenes: our kitchen at 6 am", "Один день из жизни {Bg}",
         "Утро в {Bp}: показываем, что происходит до открытия"],
        ["Викторина: угадайте, откуда к нам приезжает {p}? Ответы в комментариях",
         "Quiz: guess the secret ingredient!", "Тест: что вы выберете — {p} или сюрприз от шефа?"],
        ["Розыгрыш! Условия: подписка, лайк, репост. Итоги в пятницу, удачи!",
         "Дарим сертификат на 3000 ₽ — условия в посте", "Конкурс: отметьте друга, с кем пойдёте в {B}"],
        ["Гость недели рассказывает, почему выбирает {B}", "Ваши отзывы — наша гордость. Спасибо!",
         "Что говорят гости о нашей новинке: {p}"],
        ["Знакомьтесь: наша команда", "Ищем в команду бариста и повара — откликайтесь!",
         "С днём рождения, {B}! Нам 5 лет"],
        ["Скидка 20% на всё до воскресенья, промокод \"{Be}20\"", "Только в эти выходные: второй {p} в подарок",
         "Счастливые часы: с 8 до 10 утра −30%"],
        ["Мы открылись после ремонта!", "Изменился график работы в праздники — сохраняйте",
         "Теперь принимаем оплату по QR", "Открываем новую точку — угадаете где?"],
        ["5 мест, где вкусно позавтракать", "Подборка: что попробовать этой осенью", "Наши топ-5 новинок сезона",
         "Что взять с собой в дорогу: {p} и ещё 4 идеи"],
        ["С Новым годом! Спасибо, что вы с нами {e}", "С 8 Марта, дорогие гостьи!", "Праздничное меню уже ждёт вас",
         "С Днём города! Весь день дарим {p} к заказу"],
        ["Прямой эфир: готовим {p} вместе", "Мастер-класс в субботу: учимся готовить {p}",
         "Отвечаем на ваши вопросы в эфире"],
        ["Опрос: какой {p} добавить в меню?", "Выбираем дизайн новой карты лояльности",
         "Что вы берёте чаще: {p} или что-то новое?"],
    ]
}
