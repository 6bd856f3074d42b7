import Foundation
import Logging
import SMMConnectors
import SMMStore

/// One field of a connection form (the web app's settings page): a parameter as `connect add`
/// takes it, and the sources that use it.
package struct ConnectionField: Sendable, Equatable {
    package var name: String
    package var secret: Bool
    package var help: String
    /// The sources with this parameter; empty for the settings every source has.
    package var sources: [String]
    /// Required by the sources named in `requiredBy`.
    package var requiredBy: [String]
}

extension SyncService {
    /// The sources a connection can be added for, in the CLI's order.
    package static var sourceNames: [String] { SourceKind.allCases.map(\.rawValue) }

    /// Every parameter of every source once (in the sources' order), then the common settings:
    /// what a form offers. ``addConnection(source:name:parameters:)`` checks the filled ones.
    package static var connectionFields: [ConnectionField] {
        var fields: [ConnectionField] = []
        for source in SourceKind.allCases {
            for p in source.parameters {
                if let i = fields.firstIndex(where: { $0.name == p.name }) {
                    fields[i].sources.append(source.rawValue)
                    if p.required { fields[i].requiredBy.append(source.rawValue) }
                } else {
                    fields.append(ConnectionField(name: p.name, secret: p.secret, help: p.help, sources: [source.rawValue],
                                                  requiredBy: p.required ? [source.rawValue] : []))
                }
            }
        }
        let extra = [ConnectorParameter("account_id", help: "the account id the rows get (default: derived from the source's id)"),
                     ConnectorParameter("timezone", help: "time zone of a first sync into an empty database (default UTC)")]
        for p in SourceKind.commonSettings + extra where !fields.contains(where: { $0.name == p.name }) {
            fields.append(ConnectionField(name: p.name, secret: p.secret, help: p.help, sources: [], requiredBy: []))
        }
        return fields
    }

    /// A sync service whose credentials key is the base64 text of `SMMKPI_SECRET_KEY` (how the
    /// web app is configured); throws the key's sentence when it is not a 32-byte base64 key.
    package init(store: any Store & ConnectionStore, secretKey: String, logger: Logger) throws {
        self.init(store: store, secrets: try SecretBox(base64: secretKey, origin: "SMMKPI_SECRET_KEY"), logger: logger)
    }
}
