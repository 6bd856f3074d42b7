import Foundation
import SMMCore

/// Source words of web analytics and CRMs as bundle sources (web_sessions.source, leads.source).
package enum SourceWords {
    /// Common spellings of the networks in UTM tags and Metrica's social network ids.
    package static func networkCode(_ word: String) -> String? {
        switch word.lowercased().trimmingCharacters(in: .whitespaces) {
        case "vk", "vkontakte", "vk.com", "vkontakte.ru", "вконтакте": return "vk"
        case "tg", "telegram", "t.me", "telegram.org": return "telegram"
        case "ok", "odnoklassniki", "ok.ru", "одноклассники": return "ok"
        case "dzen", "zen", "dzen.ru", "zen.yandex.ru", "yandex_zen": return "dzen"
        case "youtube", "youtube.com": return "youtube"
        case "rutube", "rutube.ru": return "rutube"
        case "instagram", "instagram.com", "ig": return "instagram"
        case "facebook", "facebook.com", "fb": return "facebook"
        case "tiktok", "tiktok.com": return "tiktok"
        case "twitter", "x", "x.com": return "x"
        case "max", "max.ru": return "max"
        default: return nil
        }
    }

    /// A lead's or session's source from a UTM source tag, else a fallback word, else `unknown`.
    package static func source(utm: String?, fallback: String?) -> Source {
        if let u = utm?.trimmingCharacters(in: .whitespaces), !u.isEmpty { return Source(networkCode(u) ?? u.lowercased()) }
        if let f = fallback?.trimmingCharacters(in: .whitespaces), !f.isEmpty { return Source(networkCode(f) ?? f.lowercased()) }
        return Source("unknown")
    }
}
