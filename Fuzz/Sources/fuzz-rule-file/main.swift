// libFuzzer entry point: bytes as a local rule file laid over the bundled rule sets, through the
// rule-file parser and the engine's build (expressions compiled, names and parameters resolved),
// then its rules' examples run. libFuzzer's driver runs from the
// top-level code at the end (SwiftPM names the executable's entry point itself).
import DossierModel
import Foundation
import Validators

private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let bundled: [RuleSet] = {
    let folder = repository.appending(path: "rules")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    do {
        return try RuleSetCollection.parse(
            try names.map { ("rules/" + $0, try String(contentsOf: folder.appending(path: $0), encoding: .utf8)) })
    } catch {
        fatalError("the rule sets in \(folder.path) do not load: \(error)")
    }
}()

private let iso: ISO3166 = {
    ISO3166(table: (try? String(contentsOf: repository.appending(path: "data/iso3166.tsv"), encoding: .utf8)) ?? "")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    let local: [RuleSet]
    do {
        local = try RuleSetCollection.parse([("local/fuzz.yaml", text)])
    } catch let errors as RuleSetCollection.Errors {
        if !errors.errors.allSatisfy({ !$0.message.isEmpty }) { fatalError("a rule-file error says what is wrong") }
        return 0
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let checker: Checker
    do {
        checker = try Checker(ruleSets: RuleSetCollection.overriding(bundled, with: local), iso: iso)
    } catch {
        return 0
    }
    let ids = Set(local.flatMap { $0.rules.map(\.id) })
    _ = checker.runExamples(only: ids)
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
exit(runDriver(&arguments, &vector, fuzzRuleFile))
