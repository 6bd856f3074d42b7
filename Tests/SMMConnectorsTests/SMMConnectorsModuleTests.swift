import Testing
@testable import SMMConnectors

@Suite struct SMMConnectorsModuleTests {
    @Test("The module is linked")
    func linked() { #expect(SMMConnectorsModule.name == "SMMConnectors") }
}
