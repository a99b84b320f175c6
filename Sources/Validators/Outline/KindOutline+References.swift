extension KindOutline {
    /// The parameters a rule reads, directly or through the definitions it calls, in the order
    /// the rule sets declare them.
    public func parameters(usedBy rule: Rule) -> [Parameter] {
        var sources = rule.checks.flatMap { check in
            check.lets.map(\.expression.source) + [check.when?.source, check.assertion.source].compactMap { $0 }
        }
        let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        var seen: Set<String> = []
        var names: Set<String> = []
        while let source = sources.popLast() {
            names.formUnion(ExpressionCompiler.parameterReferences(in: source))
            for call in Self.calledNames(in: source) where byName[call] != nil && seen.insert(call).inserted {
                sources.append(byName[call]!.body)
            }
        }
        return parameters.filter { names.contains($0.name) }
    }

    /// The names written as calls (`name(`) in an expression, outside string literals.
    static func calledNames(in source: String) -> Set<String> {
        var names: Set<String> = []
        var word = ""
        var quote: Character?
        for character in source {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
                word = ""
            } else if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                if character == "(", !word.isEmpty { names.insert(word) }
                word = ""
            }
        }
        return names
    }
}
