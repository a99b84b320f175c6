import Foundation
import Testing
import TestSupport

/// Validates reports with real validators: PyPI `jsonschema` (SARIF's draft-04 JSON schema) and
/// `xmlschema` (the JUnit XSD), which `scripts/test.sh` installs into `.venv-tools/`.
/// When a validator or a schema is missing the test skips with a printed message, except under
/// `CI=true`, where it fails.
enum SchemaValidator {
    enum Kind: String {
        case sarif, junit

        var schema: URL {
            let conformance = Fixtures.packageRoot.deletingLastPathComponent().appending(path: "shared/conformance")
            switch self {
            case .sarif: return conformance.appending(path: "sarif/sarif-schema-2.1.0.json")
            case .junit: return conformance.appending(path: "junit/junit-10.xsd")
            }
        }

        var module: String { self == .sarif ? "jsonschema" : "xmlschema" }
    }

    static let python = Fixtures.packageRoot.appending(path: ".venv-tools/bin/python")
    static let script = Fixtures.repositoryFile("scripts/validate-report.py")

    /// Why the validator cannot run here, or nil when it can.
    static func unavailable(_ kind: Kind) -> String? {
        guard FileManager.default.fileExists(atPath: kind.schema.path) else { return "the \(kind) schema is missing at \(kind.schema.path)" }
        guard FileManager.default.isExecutableFile(atPath: python.path),
            (try? run([python.path, "-c", "import \(kind.module)"]).status) == 0
        else { return "the validator `\(kind.module)` is not installed in .venv-tools/ (run scripts/test.sh)" }
        return nil
    }

    /// Checks that `report` is valid; records an issue when it is not. Returns false when the
    /// validation could not run (skipped outside CI, an issue under CI=true).
    @discardableResult
    static func expectValid(_ report: String, as kind: Kind, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        if let reason = unavailable(kind) {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record(Comment(rawValue: "\(reason) (required when CI=true)"), sourceLocation: sourceLocation)
            } else {
                print("SKIPPED: \(what) not validated against the \(kind) schema: \(reason).")
            }
            return false
        }
        let file = try Fixtures.temporaryFolder().appending(path: "report.\(kind.rawValue)")
        try Data(report.utf8).write(to: file)
        let result = try run([python.path, script.path, kind.rawValue, kind.schema.path, file.path])
        #expect(result.status == 0, "\(what) is not valid \(kind): \(result.output)", sourceLocation: sourceLocation)
        return true
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
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

/// The validators are real: they reject what the schemas forbid.
@Suite struct SchemaValidatorTests {
    @Test func invalidReportsAreRejected() throws {
        for (kind, text) in [
            (SchemaValidator.Kind.sarif, #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#),
            (.junit, #"<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t" file="x.yaml"/></testsuite></testsuites>"#),
        ] {
            guard SchemaValidator.unavailable(kind) == nil else { continue }
            let file = try Fixtures.temporaryFolder().appending(path: "bad")
            try Data(text.utf8).write(to: file)
            let result = try SchemaValidator.run([SchemaValidator.python.path, SchemaValidator.script.path, kind.rawValue, kind.schema.path, file.path])
            #expect(result.status == 1, "\(kind): \(result.output)")
        }
    }
}
