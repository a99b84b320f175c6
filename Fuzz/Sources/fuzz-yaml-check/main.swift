// libFuzzer entry point: YAML bytes through the loader and the rule engine with every bundled rule
// set, as `dossiercheck check` reads a dossier. libFuzzer's driver runs from the
// top-level code at the end (SwiftPM names the executable's entry point itself).
import DossierModel
import Foundation
import Validators

/// The repository this file lives in (Fuzz/Sources/fuzz-yaml-check/main.swift).
private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The engine over the repository's `rules/` (what the binary bundles).
private let checker: Checker = {
    let folder = repository.appending(path: "rules")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    do {
        let files = try names.map { ("rules/" + $0, try String(contentsOf: folder.appending(path: $0), encoding: .utf8)) }
        let table = try String(contentsOf: repository.appending(path: "data/iso3166.tsv"), encoding: .utf8)
        return try Checker(ruleSets: try RuleSetCollection.parse(files), iso: ISO3166(table: table))
    } catch {
        fatalError("the rule sets in \(folder.path) do not load: \(error)")
    }
}()

/// Smaller than the defaults, so that a run spends its time on many inputs rather than on one.
private let limits = LoadLimits(maxDepth: 64, maxDocuments: 200, maxNodes: 200_000, maxAliasNodes: 50_000)

/// Line breaks as libyaml counts them (LF, CR, CR LF, NEL, LS, PS), so a finding's line can be checked.
private func lineCount(_ b: [UInt8]) -> Int {
    var lines = 1
    var i = 0
    while i < b.count {
        switch b[i] {
        case 0x0A: lines += 1
        case 0x0D:
            lines += 1
            if i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: lines += 1
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): lines += 1
        default: break
        }
        i += 1
    }
    return lines
}

/// `precondition` loses its message in an optimised build; this keeps it in the crash report.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let reports = checker.check(fileBytes: bytes, language: nil, limits: limits)
    // What every report must hold, whatever the input.
    require(!reports.isEmpty, "a file gives at least one document")
    let lines = lineCount(bytes)
    for (position, report) in reports.enumerated() {
        require(report.index == position, "documents are numbered in order")
        if report.findings.contains(where: { $0.rule == "HDR-004" }) {
            require(report.findings.count == 1, "a document with HDR-004 gets no other finding: \(report.findings.map(\.message))")
        }
        for finding in report.findings {
            require(!finding.message.isEmpty, "\(finding.rule): empty message")
            require(finding.location.line >= 1 && finding.location.column >= 1, "\(finding.rule): 0-based mark")
            require(finding.location.line <= lines, "\(finding.rule): line \(finding.location.line) beyond the file's \(lines)")
        }
    }
    return 0
}

// MARK: - libFuzzer's driver

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var vector = CommandLine.unsafeArgv
exit(runDriver(&arguments, &vector, fuzzYAMLCheck))
