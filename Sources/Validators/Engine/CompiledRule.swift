import CEL

/// A rule with its expressions parsed once, ready to check any number of dossiers.
struct CompiledRule: @unchecked Sendable {
    struct CompiledCheck {
        var check: Check
        var lets: [(name: String, program: CELProgram)]
        var when: CELProgram?
        var assertion: CELProgram
        /// The lets `when` may read (directly or through other lets), in order; nil when every let
        /// must be computed up front (a let named like a variable of the engine, or named twice).
        let letsForWhen: [Int]?
        /// The lets `check` may read besides those, in order.
        let letsForCheck: [Int]

        init(check: Check, lets: [(name: String, program: CELProgram)], when: CELProgram?, assertion: CELProgram) {
            self.check = check
            self.lets = lets
            self.when = when
            self.assertion = assertion
            let names = lets.map(\.name)
            guard Set(names).count == names.count, Set(names).isDisjoint(with: CompiledKind.itemNames) else {
                letsForWhen = nil
                letsForCheck = []
                return
            }
            // The lets a set of variables depends on: later lets may read earlier ones.
            func closure(_ referenced: Set<String>) -> Set<Int> {
                var needed: Set<Int> = []
                var names = referenced
                for i in lets.indices.reversed() where names.contains(lets[i].name) {
                    needed.insert(i)
                    names.formUnion(lets[i].program.referencedVariables)
                }
                return needed
            }
            let forWhen = closure(when?.referencedVariables ?? [])
            let forCheck = closure(assertion.referencedVariables).subtracting(forWhen)
            letsForWhen = forWhen.sorted()
            letsForCheck = forCheck.sorted()
        }
    }

    var rule: Rule
    var ruleSet: String
    var checks: [CompiledCheck]
}
