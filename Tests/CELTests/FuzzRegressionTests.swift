import CEL
import Foundation
import Testing

/// Replays the expressions the CEL fuzzer found (`Tests/Fixtures/Regressions/cel/`) through the
/// path and checks of its target (`Fuzz/Sources/fuzz-cel`), so a fixed crash stays fixed.
@Suite struct CELFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Regressions/cel")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: inputs)
    func replay(_ name: String) throws {
        let source = String(decoding: try Data(contentsOf: Self.folder.appending(path: name)), as: UTF8.self)
        let environment = CELEnvironment()
        try environment.defineFunction("orgs", parameters: [], body: "has(self.members) ? self.members : []")
        let program: CELProgram
        do {
            program = try environment.compile(source)
        } catch {
            #expect(!error.message.isEmpty)
            return
        }
        #expect(throws: Never.self) { try CELEnvironment.parseCheck(source) }
        let members = CELValue.list([.map(CELMap([(.string("id"), .string("a")), (.string("employees"), .int(3))]))])
        _ = program.evaluate(["self": .map(CELMap([(.string("members"), members)])), "item": .int(1)], budget: 20_000)
        _ = program.evaluate([:], budget: 20_000)
    }
}
