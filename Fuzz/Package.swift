// swift-tools-version:6.0
// libFuzzer targets for dossiercheck, kept out of the main package so that its build and CI never
// need the fuzzer runtime. Build and run them with `scripts/fuzz.sh TARGET SECONDS` (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "dossiercheck-fuzz",
    dependencies: [.package(name: "dossiercheck", path: "..")],
    targets: [
        // libFuzzer's driver, and the repository's rule sets as the targets load them.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "Validators", package: "dossiercheck")]),
        // YAML bytes → loader → rule engine with every bundled rule set (the path a dossier takes).
        .executableTarget(
            name: "fuzz-yaml-check",
            dependencies: ["FuzzSupport", .product(name: "Validators", package: "dossiercheck")]),
        // Text → CEL parser and compiler → evaluation under a small budget.
        .executableTarget(
            name: "fuzz-cel",
            dependencies: ["FuzzSupport", .product(name: "CEL", package: "dossiercheck")]),
        // YAML bytes → rule-file parser → engine build (a rule file from agency staff).
        .executableTarget(
            name: "fuzz-rule-file",
            dependencies: ["FuzzSupport", .product(name: "Validators", package: "dossiercheck")]),
    ],
    swiftLanguageModes: [.v6]
)
