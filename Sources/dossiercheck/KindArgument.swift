import ArgumentParser
import Validators

/// A dossier kind named on the command line, looked up among the loaded rule sets.
enum KindArgument {
    /// The kind's outline (of the call `call` names, when the kind has several); an unknown kind
    /// or call is a usage error that names the known ones.
    static func outline(_ kind: String, call: String? = nil, in checker: Checker) throws -> KindOutline {
        guard let outline = checker.outline(ofKind: kind, call: call) else {
            Terminal.error(
                "error: no rule set checks the kind `\(kind)`; known kinds: \(checker.kindNames.joined(separator: ", "))")
            throw ExitStatus.unusable
        }
        try checkCall(call, ofKind: kind, in: checker)
        return outline
    }

    /// An unknown `--call` is a usage error listing the calls loaded for the kind.
    static func checkCall(_ call: String?, ofKind kind: String, in checker: Checker) throws {
        guard let call else { return }
        let calls = checker.calls(ofKind: kind)
        guard !calls.contains(call) else { return }
        let known =
            calls.isEmpty ? "kind `\(kind)` has a single rule set" : "calls of `\(kind)`: \(calls.joined(separator: ", "))"
        Terminal.error("error: no loaded rule set is for call `\(call)`; \(known)")
        throw ExitStatus.unusable
    }
}
