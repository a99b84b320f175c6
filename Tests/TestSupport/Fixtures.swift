import BundledData
import DossierModel
import Foundation
import Validators

/// Shared test fixtures: the bundled rule sets, the repository's folders, the CLI binary.
public enum Fixtures {
    /// The engine over the rule sets shipped in the binary (the repository's `rules/`).
    public static let checker: Checker = {
        do {
            let sets = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
            return try Checker(ruleSets: sets, iso: iso)
        } catch {
            fatalError("the bundled rule sets do not load: \(error)")
        }
    }()

    public static let iso = ISO3166(table: BundledData.dataFile("iso3166.tsv") ?? "")

    /// The package root, found from this file's place in the tree.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func repositoryFile(_ relative: String) -> URL { packageRoot.appending(path: relative) }

    /// Every example dossier under `examples/` checked by the bundled sets, relative to the package
    /// root, sorted (`examples/rule-sets/` holds rule sets of other programmes, with their own dossiers).
    public static var exampleFiles: [String] {
        let root = packageRoot.appending(path: "examples").path
        let walker = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasPrefix("rule-sets/") { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { found.append("examples/" + relative) }
        }
        return found.sorted()
    }

    /// Checks a YAML text and returns the findings of all its documents.
    public static func findings(_ yaml: String, language: Language? = .en) -> [Finding] {
        checker.check(fileBytes: Array(yaml.utf8), language: language).flatMap(\.findings)
    }

    /// The rule IDs a `# expect: A, B` first line lists (empty when the line says none).
    public static func expectedRules(in text: String) -> [String]? {
        guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("# expect:") else { return nil }
        return first.dropFirst("# expect:".count).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
    }

    /// The `dossiercheck` binary built beside the test runner.
    public static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is `.build/debug/<package>PackageTests.xctest`; elsewhere it sits inside a bundle.
        for _ in 0..<4 {
            let candidate = folder.appending(path: "dossiercheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appending(path: ".build/debug/dossiercheck")
    }

    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the CLI with `arguments` in `directory` (the package root by default).
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A scratch folder for one test.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "dossiercheck-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
