// libFuzzer target: bytes as a local rule file laid over the bundled rule sets, through the
// rule-file parser and the engine's build (expressions compiled, names, parameters and fields
// resolved), then its rules' examples run.
import FuzzSupport
import Validators

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: input(data, size), as: UTF8.self)
    let local: [RuleSet]
    do {
        local = try RuleSetCollection.parse([("local/fuzz.yaml", text)])
    } catch let errors as RuleSetCollection.Errors {
        require(errors.errors.allSatisfy { !$0.message.isEmpty }, "a rule-file error says what is wrong")
        return 0
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    guard
        let checker = try? Checker(ruleSets: RuleSetCollection.overriding(Repository.ruleSets, with: local), iso: Repository.iso)
    else { return 0 }
    _ = checker.runExamples(only: Set(local.flatMap { $0.rules.map(\.id) }))
    return 0
}

runFuzzer(fuzzRuleFile)
