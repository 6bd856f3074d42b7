import Foundation

/// The unit a metric is expressed in (kpi-catalog.md "Attributes").
package enum KPIUnit: String, Sendable, Codable, CaseIterable {
    case count
    case percent = "%"
    case money, seconds, minutes, hours, ratio
}

/// Which direction is good for a metric; `-` means neither.
package enum KPIBetter: String, Sendable, Codable, CaseIterable {
    case up, down
    case neither = "-"
}

/// hard = business result; soft = quality of interaction.
package enum KPIKind: String, Sendable, Codable, CaseIterable {
    case hard, soft
}

/// The group `kpi --format json` prints (kpi-catalog.md "Attributes").
package enum KPIGroupName: String, Sendable, Codable, CaseIterable {
    case results, costs, labour
}

/// The sections of the catalog; the engine computes each in its own file.
package enum KPIArea: String, Sendable, CaseIterable {
    case engagement, audience, content, traffic, leads, costs, reputation, service, discipline
}

/// Every metric id of kpi-catalog.md, version 1. The raw value is the catalog id.
package enum KPIID: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    // MARK: Engagement
    /// Σ interactions / Σ reach × 100 over posts in P (ERR)
    case erReach = "er_reach"
    /// Σ interactions / Σ followers_at × 100 over posts in P
    case erFollowers = "er_followers"
    /// Σ clicks / Σ impressions × 100 over posts in P
    case ctr
    /// (Σ impressions / number of posts in P with impressions) / followers_end × 100; followers_end is that of the whole scope
    case viewsRate = "views_rate"
    /// Σ interactions over posts in P
    case interactionsTotal = "interactions_total"
    /// Σ likes over posts in P
    case likesTotal = "likes_total"
    /// Σ reposts over posts in P
    case repostsTotal = "reposts_total"
    /// Σ saves over posts in P
    case savesTotal = "saves_total"
    /// Σ comments (the post_metrics counter) over posts in P
    case postCommentsTotal = "post_comments_total"
    /// Σ reposts / Σ interactions × 100 over posts in P
    case repostShare = "repost_share"
    /// comments.csv rows created in P on posts of scope accounts, `from_brand` not true
    case commentsCount = "comments_count"
    /// those of comments_count with at least 4 words
    case meaningfulComments = "meaningful_comments"
    /// meaningful_comments / comments_count × 100
    case meaningfulCommentShare = "meaningful_comment_share"
    /// positive / classified × 100 over comments_count rows
    case commentPositiveShare = "comment_positive_share"
    /// negative / classified × 100 over comments_count rows
    case commentNegativeShare = "comment_negative_share"
    /// share of comments_count rows that have a `from_brand` reply (parent_id = comment_id, any date) × 100
    case commentReplyRate = "comment_reply_rate"

    // MARK: Audience
    /// Σ end_a over accounts that have end_a
    case followersEnd = "followers_end"
    /// Σ start_a over accounts that have start_a
    case followersStart = "followers_start"
    /// Σ joined over account_daily rows in P
    case followersJoined = "followers_joined"
    /// Σ left over account_daily rows in P
    case followersLeft = "followers_left"
    /// Σ (end_a − start_a) over accounts that have both
    case netFollowerGrowth = "net_follower_growth"
    /// net_follower_growth / Σ start_a (same accounts) × 100
    case followerGrowthRate = "follower_growth_rate"
    /// followers_joined / followers_end × 100, each over the whole scope
    case newFollowerRate = "new_follower_rate"
    /// Σ left in P / Σ start_a × 100, over accounts that have start_a and a non-null `left` in P
    case unsubscribeRate = "unsubscribe_rate"
    /// net_follower_growth − Σ by_day[d] over the days d in P of every open or confirmed
    /// `bought_followers` anomaly of an account net_follower_growth counts
    case netFollowerGrowthClean = "net_follower_growth_clean"
    /// match of the audience to the plan's target persona
    case audienceMatch = "audience_match"
    /// Σ reach over account_daily rows in P
    case accountReach = "account_reach"
    /// Σ views over account_daily rows in P
    case accountViews = "account_views"

    // MARK: Content and reach
    /// posts in P
    case postsPublished = "posts_published"
    /// Σ reach over posts in P
    case reachTotal = "reach_total"
    /// Σ impressions over posts in P
    case impressionsTotal = "impressions_total"
    /// Σ reach / number of posts in P with reach
    case avgReachPerPost = "avg_reach_per_post"
    /// reach_total / ad_spend × 1000
    case reachPer1000Spend = "reach_per_1000_spend"
    /// posts in P with a partner
    case collabPosts = "collab_posts"
    /// Σ reach over posts in P with a partner
    case collabReach = "collab_reach"
    /// er_reach over posts in P with a partner
    case collabErReach = "collab_er_reach"
    /// Σ joined of the post's account on the publication day and the next day, over posts in P
    /// with a partner; each account-day counted once
    case collabJoined = "collab_joined"

    // MARK: Traffic
    /// Σ sessions (social web_sessions rows in P and scope)
    case socialSessions = "social_sessions"
    /// Σ users
    case socialUsers = "social_users"
    /// Σ pageviews / Σ sessions
    case pagesPerSession = "pages_per_session"
    /// Σ duration_seconds / Σ sessions
    case avgSessionSeconds = "avg_session_seconds"
    /// Σ bounces / Σ sessions × 100
    case bounceRate = "bounce_rate"
    /// Σ goal_completions
    case goalCompletions = "goal_completions"
    /// Σ goal_completions / Σ sessions × 100 (CR)
    case webConversionRate = "web_conversion_rate"

    // MARK: Leads and sales
    /// leads in P
    case leads
    /// leads in P with qualified = true
    case qualifiedLeads = "qualified_leads"
    /// qualified_leads / leads in P with non-null qualified × 100
    case qualifiedLeadShare = "qualified_lead_share"
    /// sales in P
    case sales
    /// Σ amount of sales in P
    case revenue
    /// distinct customers among sales in P
    case customers
    /// revenue / sales
    case avgDeal = "avg_deal"
    /// leads in P that have a won deal (status won or empty, closed at any date) / leads × 100
    case leadConversionRate = "lead_conversion_rate"
    /// leads / (Σ post clicks over posts in P + ad_clicks) × 100
    case clickToLeadRate = "click_to_lead_rate"

    // MARK: Advertising and costs
    /// Σ spend
    case adSpend = "ad_spend"
    /// Σ impressions of ad_spend rows
    case adImpressions = "ad_impressions"
    /// Σ clicks of ad_spend rows
    case adClicks = "ad_clicks"
    /// Σ reach of ad_spend rows
    case adReach = "ad_reach"
    /// Σ spend / Σ clicks over rows with clicks
    case cpc
    /// Σ spend / Σ impressions × 1000 over rows with impressions
    case cpm
    /// Σ clicks / Σ impressions × 100 over rows with both
    case adCtr = "ad_ctr"
    /// Σ amount of other_costs rows
    case otherCosts = "other_costs"
    /// ad_spend + other_costs
    case totalCost = "total_cost"
    /// total_cost / leads
    case cpl
    /// total_cost / goal_completions
    case cpa
    /// total_cost / sales
    case cps
    /// total_cost / customers
    case cac
    /// revenue / ad_spend × 100
    case roas
    /// (revenue − total_cost) / total_cost × 100
    case roi

    // MARK: Brand and reputation
    /// mentions in P
    case brandMentions = "brand_mentions"
    /// Σ reach of mentions in P
    case mentionReach = "mention_reach"
    /// positive / classified × 100 over mentions in P
    case mentionPositiveShare = "mention_positive_share"
    /// negative / classified × 100 over mentions in P
    case mentionNegativeShare = "mention_negative_share"
    /// Σ count over the months that lie wholly inside P
    case brandSearchVolume = "brand_search_volume"
    /// reviews in P
    case reviewsCount = "reviews_count"
    /// positive / rated × 100 over reviews in P
    case positiveReviewShare = "positive_review_share"
    /// mean rating over reviews in P with a rating
    case avgRating = "avg_rating"

    // MARK: Service
    /// messages in P
    case inquiries
    /// messages in P without first_response_at
    case unanswered
    /// messages in P answered within the SLA / all messages in P × 100
    case responseSLARate = "response_sla_rate"
    /// median of (first_response_at − received_at) in minutes over answered messages in P
    case medianResponseMinutes = "median_response_minutes"

    // MARK: Discipline and labour
    /// plan items in P
    case planItems = "plan_items"
    /// items whose post exists and was published on or before the last day of P / plan_items × 100
    case planCompletionRate = "plan_completion_rate"
    /// items whose post exists, was published at or before due_at, and approved is not false / plan_items × 100
    case planOnTimeRate = "plan_on_time_rate"
    /// Σ hours of work_log rows in P
    case hoursSpent = "hours_spent"
    /// posts_published / hours_spent
    case postsPerHour = "posts_per_hour"

    /// Orders by catalog id, as `kpi --format json` sorts metrics.
    package static func < (a: KPIID, b: KPIID) -> Bool { a.rawValue < b.rawValue }

    /// Every id sorted by catalog id.
    package static let sortedCases: [KPIID] = allCases.sorted()

    /// Reads an id as `--metrics` and plans write it: trimmed, case-insensitive.
    package init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}

extension KPIID {
    /// The metric's unit (kpi-catalog.md tables; `kpi --format json` prints it).
    package var unit: KPIUnit {
        switch self {
        case .erReach, .erFollowers, .ctr, .viewsRate, .repostShare, .meaningfulCommentShare,
             .commentPositiveShare, .commentNegativeShare, .commentReplyRate, .followerGrowthRate,
             .newFollowerRate, .unsubscribeRate, .audienceMatch, .collabErReach, .bounceRate,
             .webConversionRate, .qualifiedLeadShare, .leadConversionRate, .clickToLeadRate, .adCtr, .roas,
             .roi, .mentionPositiveShare, .mentionNegativeShare, .positiveReviewShare, .responseSLARate,
             .planCompletionRate, .planOnTimeRate:
            return .percent
        case .revenue, .avgDeal, .adSpend, .cpc, .cpm, .otherCosts, .totalCost, .cpl, .cpa, .cps, .cac:
            return .money
        case .avgSessionSeconds: return .seconds
        case .medianResponseMinutes: return .minutes
        case .hoursSpent: return .hours
        case .reachPer1000Spend, .pagesPerSession, .avgRating, .postsPerHour: return .ratio
        default: return .count
        }
    }

    /// Which direction is good for the metric.
    package var better: KPIBetter {
        switch self {
        case .followersStart, .postsPublished, .collabPosts, .adSpend, .otherCosts, .totalCost, .reviewsCount,
             .inquiries, .planItems, .hoursSpent:
            return .neither
        case .commentNegativeShare, .followersLeft, .unsubscribeRate, .bounceRate, .cpc, .cpm, .cpl, .cpa, .cps,
             .cac, .mentionNegativeShare, .unanswered, .medianResponseMinutes:
            return .down
        default: return .up
        }
    }

    /// hard (business result) or soft (quality of interaction).
    package var kind: KPIKind {
        switch self {
        case .ctr, .netFollowerGrowth, .followerGrowthRate, .netFollowerGrowthClean, .reachPer1000Spend,
             .socialSessions, .socialUsers, .goalCompletions, .webConversionRate, .brandSearchVolume:
            return .hard
        default:
            switch area {
            case .leads, .costs: return .hard
            default: return .soft
            }
        }
    }

    /// costs: ad_spend, cpc, cpm, other_costs, total_cost, cpl, cpa, cps, cac; labour:
    /// hours_spent, posts_per_hour; results: every other metric.
    package var group: KPIGroupName {
        switch self {
        case .adSpend, .cpc, .cpm, .otherCosts, .totalCost, .cpl, .cpa, .cps, .cac: return .costs
        case .hoursSpent, .postsPerHour: return .labour
        default: return .results
        }
    }

    /// The catalog section the metric is defined in.
    package var area: KPIArea {
        switch self {
        case .erReach, .erFollowers, .ctr, .viewsRate, .interactionsTotal, .likesTotal, .repostsTotal, .savesTotal,
             .postCommentsTotal, .repostShare, .commentsCount, .meaningfulComments, .meaningfulCommentShare,
             .commentPositiveShare, .commentNegativeShare, .commentReplyRate:
            return .engagement
        case .followersEnd, .followersStart, .followersJoined, .followersLeft, .netFollowerGrowth,
             .followerGrowthRate, .newFollowerRate, .unsubscribeRate, .netFollowerGrowthClean, .audienceMatch,
             .accountReach, .accountViews:
            return .audience
        case .postsPublished, .reachTotal, .impressionsTotal, .avgReachPerPost, .reachPer1000Spend, .collabPosts,
             .collabReach, .collabErReach, .collabJoined:
            return .content
        case .socialSessions, .socialUsers, .pagesPerSession, .avgSessionSeconds, .bounceRate, .goalCompletions,
             .webConversionRate:
            return .traffic
        case .leads, .qualifiedLeads, .qualifiedLeadShare, .sales, .revenue, .customers, .avgDeal,
             .leadConversionRate, .clickToLeadRate:
            return .leads
        case .adSpend, .adImpressions, .adClicks, .adReach, .cpc, .cpm, .adCtr, .otherCosts, .totalCost, .cpl, .cpa,
             .cps, .cac, .roas, .roi:
            return .costs
        case .brandMentions, .mentionReach, .mentionPositiveShare, .mentionNegativeShare, .brandSearchVolume,
             .reviewsCount, .positiveReviewShare, .avgRating:
            return .reputation
        case .inquiries, .unanswered, .responseSLARate, .medianResponseMinutes:
            return .service
        case .planItems, .planCompletionRate, .planOnTimeRate, .hoursSpent, .postsPerHour:
            return .discipline
        }
    }
}
