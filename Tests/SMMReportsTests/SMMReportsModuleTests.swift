import Testing
@testable import SMMReports

@Suite struct SMMReportsModuleTests {
    @Test("The module is linked")
    func linked() { #expect(SMMReportsModule.name == "SMMReports") }
}
