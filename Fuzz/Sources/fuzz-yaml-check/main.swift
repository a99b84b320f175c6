// libFuzzer target: YAML bytes through the loader and the rule engine with every bundled rule set,
// as `dossiercheck check` reads a dossier. Tests/ValidatorsTests/FuzzRegressionTests replays what it
// finds with the same limits and checks.
import DossierModel
import FuzzSupport
import Validators

private let checker: Checker = {
    do {
        return try Checker(ruleSets: Repository.ruleSets, iso: Repository.iso)
    } catch {
        fatalError("the rule sets do not build: \(error)")
    }
}()

/// Smaller than the defaults, so that a run spends its time on many inputs rather than on one.
private let limits = LoadLimits(maxDepth: 64, maxDocuments: 200, maxNodes: 200_000, maxAliasNodes: 50_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = input(data, size)
    let reports = checker.check(fileBytes: bytes, language: nil, limits: limits)
    // What every report must hold, whatever the input.
    require(!reports.isEmpty, "a file gives at least one document")
    let lines = YAMLLoader.lineCount(bytes)
    for (position, report) in reports.enumerated() {
        require(report.index == position, "documents are numbered in order")
        if report.findings.contains(where: { $0.rule == "HDR-004" }) {
            require(
                report.findings.count == 1, "a document with HDR-004 gets no other finding: \(report.findings.map(\.message))")
        }
        for finding in report.findings {
            require(!finding.message.isEmpty, "\(finding.rule): empty message")
            require(finding.location.line >= 1 && finding.location.column >= 1, "\(finding.rule): 0-based mark")
            require(finding.location.line <= lines, "\(finding.rule): line \(finding.location.line) beyond the file's \(lines)")
        }
    }
    return 0
}

runFuzzer(fuzzYAMLCheck)
