import Foundation

extension SourceKind {
    /// The connector of this source for a connection, talking through `client`.
    package func makeConnector(config: ConnectionConfig, client: APIClient) throws -> any Connector {
        switch self {
        case .vk: return try VKConnector(config: config, client: client)
        case .telegram: return try TelegramConnector(config: config, client: client)
        case .tgstat: return try TGStatConnector(config: config, client: client)
        case .metrica: return try MetricaConnector(config: config, client: client)
        case .vkads: return try VKAdsConnector(config: config, client: client)
        case .amocrm: return try AmoCRMConnector(config: config, client: client)
        case .bitrix24: return try Bitrix24Connector(config: config, client: client)
        case .ok: return try OKConnector(config: config, client: client)
        case .ga4: return try GA4Connector(config: config, client: client)
        case .direct: return try DirectConnector(config: config, client: client)
        case .wordstat: return try WordstatConnector(config: config, client: client)
        }
    }
}
