import Foundation
import Testing
import TestSupport

/// `dossiercheck lsp` driven over stdio by a real LSP client (PyPI's pytest-lsp, with pygls and
/// lsprotocol, installed into .venv-tools/ by scripts/test.sh): the cases are in `e2e/`. Skips
/// with a message when the client is not installed, except under CI=true, where it fails.
@Suite struct EndToEndTests {
    @Test func aRealClientGetsWhatTheServerPromises() throws {
        if let reason = PythonValidator.unavailable(module: "pytest_lsp") {
            PythonValidator.skip("the language server's end-to-end tests", because: reason)
            return
        }
        let process = Process()
        process.executableURL = PythonValidator.python
        process.arguments = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/LanguageServerTests/e2e"]
        process.currentDirectoryURL = Fixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIERCHECK"] = Fixtures.binary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, Comment(rawValue: text))
        #expect(text.contains(" passed"), Comment(rawValue: text))
    }
}
