/// The SMMReports module's version tag, shown in logs; the module's real content arrives with its issue.
package enum SMMReportsModule {
    package static let name = "SMMReports"
}
