/// The SMMServer module's version tag, shown in logs; the module's real content arrives with its issue.
package enum SMMServerModule {
    package static let name = "SMMServer"
}
