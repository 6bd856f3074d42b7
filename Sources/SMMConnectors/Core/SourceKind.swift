import Foundation

/// One parameter of a connection: a credential (encrypted at rest) or a plain setting.
package struct ConnectorParameter: Sendable, Equatable {
    package var name: String
    package var secret: Bool
    package var required: Bool
    package var help: String
    package init(_ name: String, secret: Bool = false, required: Bool = false, help: String) {
        self.name = name; self.secret = secret; self.required = required; self.help = help
    }
}

/// The sources smmkpi can pull from. Only sources with a working connector are listed.
package enum SourceKind: String, CaseIterable, Sendable, Codable, Hashable {
    case vk
    case telegram
    case tgstat
    case metrica
    case vkads
    case amocrm
    case bitrix24
    case ok
    case ga4
    case direct
    case wordstat

    package var displayName: String {
        switch self {
        case .vk: return "VK"
        case .telegram: return "Telegram"
        case .tgstat: return "TGStat"
        case .metrica: return "Yandex Metrica"
        case .vkads: return "VK Ads"
        case .amocrm: return "amoCRM"
        case .bitrix24: return "Bitrix24"
        case .ok: return "Odnoklassniki"
        case .ga4: return "GA4"
        case .direct: return "Yandex Direct"
        case .wordstat: return "Yandex Wordstat"
        }
    }

    /// The API's base URL unless the connection's `base_url` setting says otherwise.
    package var defaultBaseURL: String {
        switch self {
        case .vk: return "https://api.vk.com/method"
        case .telegram: return "https://api.telegram.org"
        case .tgstat: return "https://api.tgstat.ru"
        case .metrica: return "https://api-metrika.yandex.net"
        case .vkads: return "https://ads.vk.com"
        case .amocrm: return "https://SUBDOMAIN.amocrm.ru"
        case .bitrix24: return "https://PORTAL/rest/USER/CODE (the webhook)"
        case .ok: return "https://api.ok.ru"
        case .ga4: return "https://analyticsdata.googleapis.com"
        case .direct: return "https://api.direct.yandex.com"
        case .wordstat: return "https://api.wordstat.yandex.net"
        }
    }

    /// Where a user creates a new token.
    package var tokenURL: String {
        switch self {
        case .vk: return "https://dev.vk.com/ru/api/access-token/implicit-flow-user (a user token of a community admin, scopes stats,wall,groups,offline)"
        case .telegram: return "https://t.me/BotFather (/token)"
        case .tgstat: return "https://api.tgstat.ru (profile → API)"
        case .metrica: return "https://oauth.yandex.ru (an app with the metrika:read right)"
        case .vkads: return "https://ads.vk.com/hq/settings/access (API access: client_id and client_secret)"
        case .amocrm: return "amoCRM → Settings → Integrations → your private integration → Keys and access (long-lived token)"
        case .bitrix24: return "Bitrix24 → Developer resources → Other → Incoming webhook (with the crm right)"
        case .ok: return "https://apiok.ru/dev/app/create (your OK app's OAuth: GROUP_CONTENT and VALUABLE_ACCESS)"
        case .ga4: return "https://console.cloud.google.com/apis/credentials (an OAuth client; a refresh token with analytics.readonly)"
        case .direct: return "https://oauth.yandex.ru (an app approved for the Direct API, with the direct:api right)"
        case .wordstat: return "https://oauth.yandex.ru (an app whose ClientId Yandex Direct support approved for the Wordstat API)"
        }
    }

    /// What rights a token needs, for "no access" errors.
    package var rightsHint: String {
        switch self {
        case .vk: return "use a user token of a community administrator with the stats, wall and groups scopes."
        case .telegram: return "add the bot to the channel and its discussion group as an administrator."
        case .tgstat: return "the TGStat plan must include the API Stat and this channel (a free plan reads only channels you verified)."
        case .metrica: return "the token's Yandex account needs view access to the counter."
        case .vkads: return "the API access of the ad cabinet (or the agency's, with agency_client) must cover these ad plans."
        case .amocrm: return "the integration's user needs read access to the leads; a 402 means the account's subscription has expired."
        case .bitrix24: return "the webhook needs the crm right and its user must see the leads and deals."
        case .ok: return "the app needs GROUP_CONTENT and VALUABLE_ACCESS, and the token's user must administer the group."
        case .ga4: return "the Google account of the refresh token needs the Viewer role on the GA4 property."
        case .direct: return "the app needs approved Direct API access, and an agency token needs --client-login of the advertiser."
        case .wordstat: return "the app's ClientId must be approved for the Wordstat API by Yandex Direct support."
        }
    }

    /// The parameters `smmkpi connect add` takes for this source (besides `name` and `base_url`).
    package var parameters: [ConnectorParameter] {
        switch self {
        case .vk:
            return [.init("token", secret: true, required: true, help: "user access token of a community admin"),
                    .init("community", required: true, help: "community id or screen name (123456 or brand)")]
        case .telegram:
            return [.init("token", secret: true, required: true, help: "bot token from @BotFather"),
                    .init("channel", required: true, help: "channel chat id (-100…) or @username"),
                    .init("chat", help: "linked discussion group chat id, for comments")]
        case .tgstat:
            return [.init("token", secret: true, required: true, help: "TGStat API token"),
                    .init("channel", required: true, help: "@username of the channel")]
        case .metrica:
            return [.init("token", secret: true, required: true, help: "OAuth token with metrika:read"),
                    .init("counter", required: true, help: "counter id"),
                    .init("goal", help: "goal id whose reaches are goal_completions"),
                    .init("page_size", help: "report rows per request (default 10000)")]
        case .direct:
            return [.init("token", secret: true, required: true, help: "OAuth token with direct:api"),
                    .init("client_login", help: "the advertiser's login (required for agency tokens)"),
                    .init("network", help: "the network code written into ad_spend.network (default other)")]
        case .wordstat:
            return [.init("token", secret: true, required: true, help: "OAuth token of an app approved for Wordstat"),
                    .init("phrases", required: true, help: "brand phrases, comma-separated"),
                    .init("regions", help: "region ids, comma-separated (default: all)")]
        case .vkads:
            return [.init("client_id", required: true, help: "client_id of the cabinet's API access"),
                    .init("client_secret", secret: true, required: true, help: "client_secret of the API access"),
                    .init("agency_client", help: "an agency's client login (agency_client_credentials)")]
        case .amocrm:
            return [.init("token", secret: true, required: true, help: "long-lived token of a private integration"),
                    .init("subdomain", required: true, help: "the account's subdomain (acme for acme.amocrm.ru)"),
                    .init("source_field", help: "a custom field read as the source when a lead has no UTM source"),
                    .init("page_size", help: "leads per request (default 250)")]
        case .bitrix24:
            return [.init("webhook", secret: true, required: true,
                          help: "the incoming webhook's address, https://PORTAL/rest/USER/CODE (it holds the secret)")]
        case .ok:
            return [.init("token", secret: true, required: true, help: "a session access_token of a group admin"),
                    .init("application_key", required: true, help: "the app's public key"),
                    .init("application_secret_key", secret: true, required: true, help: "the app's secret key"),
                    .init("group", required: true, help: "the group id")]
        case .ga4:
            return [.init("property", required: true, help: "the GA4 property id (digits)"),
                    .init("client_id", required: true, help: "the OAuth client's id"),
                    .init("client_secret", secret: true, required: true, help: "the OAuth client's secret"),
                    .init("refresh_token", secret: true, required: true, help: "a refresh token with analytics.readonly"),
                    .init("token_url", help: "the OAuth token endpoint (default https://oauth2.googleapis.com/token)"),
                    .init("page_size", help: "report rows per request (default 10000)")]
        }
    }

    /// The option that carries the source's main secret, for "create a new one" sentences.
    package var secretOption: String {
        switch self {
        case .vkads: return "--client-secret"
        case .bitrix24: return "--webhook"
        case .ga4: return "--refresh-token"
        default: return "--token"
        }
    }

    /// Settings every source takes.
    package static let commonSettings: [ConnectorParameter] = [
        .init("base_url", help: "API base URL (default: the real one; tests point it at a local server)"),
        .init("lookback_days", help: "days re-read before the cursor to refresh growing counters (default 7)"),
        .init("initial_days", help: "days fetched by the first sync (default 30)"),
    ]
}
