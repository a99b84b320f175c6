// swift-tools-version:6.0
import PackageDescription

// The evaluator and the structure checker read and write the fields of their tree nodes and
// contexts millions of times a run; in release builds, without a run-time exclusivity check on
// each (3 % of a corpus run's instructions). Debug builds and the test suite keep the checks.
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "dossiercheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossiercheck", targets: ["dossiercheck"]),
        .library(name: "Validators", targets: ["Validators"]),
        .library(name: "CEL", targets: ["CEL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The portal's HTTP/1 conformance handler works on NIO's HTTP/1 parts (Hummingbird's own drop the version).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Common Expression Language: lexer, parser, values, evaluator. Knows nothing of dossiers.
        .target(name: "CEL", swiftSettings: uncheckedExclusivity),
        // libyaml events → located nodes (YAML 1.2 core schema), dossier header, ISO 3166 tables.
        .target(
            name: "DossierModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Rule sets as data, the structure checker and the rule engine: documents in, findings out.
        .target(name: "Validators", dependencies: ["DossierModel", "CEL"], swiftSettings: uncheckedExclusivity),
        // One formatter per output format, over a run's report (findings with fingerprints and status).
        .target(name: "Reporting", dependencies: ["Validators", "DossierModel"]),
        // What a project decides about findings: config file, inline suppressions, waivers, baseline.
        .target(name: "Policy", dependencies: ["Reporting", "Validators", "DossierModel"]),
        // A whole call at once: figures per dossier and across dossiers, call history (SQLite), HTML and CSV reports.
        .target(
            name: "Triage",
            dependencies: [
                "Validators", "Reporting", "DossierModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // What the rule sets say, for people and editors: templates, JSON Schemas, rule explanations and
        // lists, the funding view. Reads rule sets and results; no files, no terminal.
        .target(name: "Describe", dependencies: ["Validators", "Reporting", "DossierModel", "CEL"]),
        // What `check` and `serve` share: a file's bytes → its report (load limits, the help naming
        // the flag past a limit), and a run's report with the tool's description and policy applied.
        .target(name: "Checking", dependencies: ["Validators", "Reporting", "Policy", "DossierModel"]),
        // The pre-check portal (`serve`): routes, HTML pages, the JSON API, limits, security headers,
        // access log. Nothing an applicant sends is written to disk.
        .target(
            name: "Portal",
            dependencies: [
                "Checking", "Validators", "Reporting", "Describe", "DossierModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedFiles"]
        ),
        // The Language Server Protocol's base protocol (framing, JSON-RPC) and the message types the server uses.
        .target(name: "LanguageServerProtocol"),
        // `dossiercheck lsp`: the dossier in the editor, checked as it is typed, with hover, completion and fixes.
        .target(
            name: "LanguageServer",
            dependencies: ["LanguageServerProtocol", "Checking", "Describe", "Policy", "Reporting", "Validators", "DossierModel"]
        ),
        // rules/*.yaml and data/ compiled into the binary, so an installed tool needs no files beside it.
        .executableTarget(name: "embed-files"),
        // rules/*.yaml read, checked and written in the compact form a run reads them in (`CompiledRuleSets`).
        .executableTarget(name: "compile-rules", dependencies: ["Validators", "DossierModel"]),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files", "compile-rules"]),
        .target(name: "BundledData", plugins: ["EmbedFiles"]),
        .executableTarget(
            name: "dossiercheck",
            dependencies: [
                "Validators", "Reporting", "Policy", "DossierModel", "BundledData", "Triage", "Describe", "Checking", "Portal",
                "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Validators", "DossierModel", "BundledData"], path: "Tests/TestSupport"),
        .testTarget(name: "CELTests", dependencies: ["CEL"]),
        .testTarget(name: "DossierModelTests", dependencies: ["DossierModel", "TestSupport"]),
        .testTarget(name: "ValidatorsTests", dependencies: ["Validators", "TestSupport"]),
        .testTarget(name: "dossiercheckTests", dependencies: ["TestSupport", "Reporting", "Policy", "dossiercheck"]),
        .testTarget(
            name: "TriageTests",
            dependencies: [
                "Triage", "TestSupport", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "DescribeTests", dependencies: ["Describe", "Reporting", "Validators", "DossierModel", "TestSupport"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "Checking", "TestSupport", "Validators", "Describe", "Reporting",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Policy", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LanguageServerProtocolTests", dependencies: ["LanguageServerProtocol"]),
        .testTarget(
            name: "LanguageServerTests",
            dependencies: ["LanguageServer", "LanguageServerProtocol", "DossierModel", "TestSupport"], exclude: ["e2e"]),
    ],
    swiftLanguageModes: [.v6]
)
