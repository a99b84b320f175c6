import ArgumentParser
import Validators

/// A dossier kind named on the command line, looked up among the loaded rule sets.
enum KindArgument {
    /// The kind's outline; an unknown kind is a usage error that names the known ones.
    static func outline(_ kind: String, in checker: Checker) throws -> KindOutline {
        guard let outline = checker.outline(ofKind: kind) else {
            Terminal.error("error: no rule set checks the kind `\(kind)`; known kinds: \(checker.kindNames.joined(separator: ", "))")
            throw ExitStatus.unusable
        }
        return outline
    }
}
