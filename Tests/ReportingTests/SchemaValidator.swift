import Foundation
import TestSupport
import Testing

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

    /// Why the validator cannot run here, or nil when it can.
    static func unavailable(_ kind: Kind) -> String? {
        guard FileManager.default.fileExists(atPath: kind.schema.path) else {
            return "the \(kind) schema is missing at \(kind.schema.path)"
        }
        return PythonValidator.unavailable(module: kind.module)
    }

    /// Checks that `report` is valid; records an issue when it is not. Returns false when the
    /// validation could not run (skipped outside CI, an issue under CI=true).
    @discardableResult
    static func expectValid(_ report: String, as kind: Kind, _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> Bool
    {
        if let reason = unavailable(kind) {
            PythonValidator.skip(
                "\(what) not validated against the \(kind) schema", because: reason, sourceLocation: sourceLocation)
            return false
        }
        let file = try Fixtures.temporaryFolder().appending(path: "report.\(kind.rawValue)")
        try Data(report.utf8).write(to: file)
        let result = try PythonValidator.validate([kind.rawValue, kind.schema.path, file.path])
        #expect(result.status == 0, "\(what) is not valid \(kind): \(result.output)", sourceLocation: sourceLocation)
        return true
    }
}

/// The validators are real: they reject what the schemas forbid.
@Suite struct SchemaValidatorTests {
    @Test func invalidReportsAreRejected() throws {
        for (kind, text) in [
            (
                SchemaValidator.Kind.sarif,
                #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#
            ),
            (
                .junit,
                #"<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t" file="x.yaml"/></testsuite></testsuites>"#
            ),
        ] {
            guard SchemaValidator.unavailable(kind) == nil else { continue }
            let file = try Fixtures.temporaryFolder().appending(path: "bad")
            try Data(text.utf8).write(to: file)
            let result = try PythonValidator.validate([kind.rawValue, kind.schema.path, file.path])
            #expect(result.status == 1, "\(kind): \(result.output)")
        }
    }
}
