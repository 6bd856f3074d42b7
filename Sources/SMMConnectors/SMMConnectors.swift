/// The SMMConnectors module's version tag, shown in logs; the module's real content arrives with its issue.
package enum SMMConnectorsModule {
    package static let name = "SMMConnectors"
}
