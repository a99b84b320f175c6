import CEL

/// A rule with its expressions parsed once, ready to check any number of dossiers.
struct CompiledRule: @unchecked Sendable {
    struct CompiledCheck {
        var check: Check
        var lets: [(name: String, program: CELProgram)]
        var when: CELProgram?
        var assertion: CELProgram
    }

    var rule: Rule
    var ruleSet: String
    var checks: [CompiledCheck]
}
