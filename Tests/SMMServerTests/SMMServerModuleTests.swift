import Testing
@testable import SMMServer

@Suite struct SMMServerModuleTests {
    @Test("The module is linked")
    func linked() { #expect(SMMServerModule.name == "SMMServer") }
}
