import CEL
import DossierModel

extension Checker {
    /// Why an expression given to `evaluate` gave no value.
    public enum EvaluationFailure: Error, Sendable {
        case parse(CELParseError)
        case evaluation(CELError)
    }

    /// Evaluates one CEL expression as a rule would see it: with the definitions and
    /// parameters of the dossier's kind, `self` bound to the dossier (as the rules see it:
    /// wrongly typed values removed) when one is given, and `variables` besides.
    public func evaluate(_ source: String, dossier root: Node?, variables: [String: CELValue]) -> Result<
        CELValue, EvaluationFailure
    > {
        let header = root.map(DossierHeader.init)
        let compiled = compiledKind(header?.kind, call: header?.call)
        var bindings: [String: CELValue] = [
            "params": compiled.parameters, "kinds": .list(kindNames.map { .string($0) }),
            "kind": compiled.kind.map { .string($0) } ?? .null, "calls": callsValue(compiled.kind),
        ]
        if let root {
            let (located, _) =
                compiled.kind == nil
                ? compiled.structureChecker.checkLoosely(root, fields: compiled.structure)
                : compiled.structureChecker.check(root, fields: compiled.structure)
            bindings["self"] = located.value
        }
        bindings.merge(variables) { $1 }
        let program: CELProgram
        do {
            program = try compiled.environment.compile(source)
        } catch {
            return .failure(.parse(error))
        }
        return program.evaluate(bindings).mapError { .evaluation($0) }
    }
}
