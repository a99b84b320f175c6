import Foundation
import Testing

/// Real validators run in Python (PyPI `jsonschema`, `xmlschema`), which `scripts/test.sh`
/// installs into `.venv-tools/`, through `scripts/validate-report.py`. When one cannot run, a
/// test skips with a printed message, except under `CI=true`, where it fails.
public enum PythonValidator {
    public static let python = Fixtures.packageRoot.appending(path: ".venv-tools/bin/python")
    public static let script = Fixtures.repositoryFile("scripts/validate-report.py")

    /// Why the validator module cannot run here, or nil when it can.
    public static func unavailable(module: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: python.path),
            (try? run([python.path, "-c", "import \(module)"]).status) == 0
        else { return "the validator `\(module)` is not installed in .venv-tools/ (run scripts/test.sh)" }
        return nil
    }

    /// Records why a validation is skipped: an issue under CI=true, a printed line elsewhere.
    public static func skip(_ what: String, because reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: "\(reason) (required when CI=true)"), sourceLocation: sourceLocation)
        } else {
            print("SKIPPED: \(what): \(reason).")
        }
    }

    /// Runs `validate-report.py` with `arguments`.
    public static func validate(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run([python.path, script.path] + arguments)
    }

    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
