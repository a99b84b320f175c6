import CEL
import DossierModel
import Foundation

/// Compiles a rule set's CEL expressions, turning parse errors and unknown names into
/// errors located in the rule file.
struct ExpressionCompiler {
    let environment: CELEnvironment
    let file: String
    let parameterNames: Set<String>
    /// The expressions come from the build's compiled form, whose build made the checks for
    /// unknown names, parameters and calls: only compiled here, from their syntax trees.
    var checkedAtBuild = false

    /// The compiled expression; else every error in it, each at its place: a `RuleFileError`,
    /// or `RuleSetCollection.Errors` when there are several.
    func compile(_ expression: Expression, names: Set<String>, what: String) throws -> CELProgram {
        let program: CELProgram
        do {
            program = try environment.compile(expression.source, syntax: expression.syntax)
        } catch let error {
            throw RuleFileError(file: file, mark: place(of: error, in: expression), message: "\(what): \(error.message)")
        }
        if checkedAtBuild { return program }
        var errors: [RuleFileError] = []
        for name in program.referencedVariables.subtracting(names).sorted() {
            let known = names.sorted().joined(separator: ", ")
            // At the name; a name only a called definition reads is at the expression.
            let mark = program.variablePositions[name].map { expression.place(line: $0.line, column: $0.column) }
            errors.append(
                RuleFileError(
                    file: file, mark: mark ?? expression.mark, message: "\(what): unknown name `\(name)` (known here: \(known))"))
        }
        for parameter in Self.parameterReferences(in: expression.source) where !parameterNames.contains(parameter) {
            errors.append(
                RuleFileError(
                    file: file, mark: expression.placeOfParameter(parameter) ?? expression.mark,
                    message: "\(what): unknown parameter `params.\(parameter)`"
                        + (parameterNames.isEmpty ? "" : " (parameters: \(parameterNames.sorted().joined(separator: ", ")))")))
        }
        for problem in program.callProblems {
            errors.append(
                RuleFileError(
                    file: file, mark: expression.place(line: problem.line, column: problem.column),
                    message: "\(what): \(problem.message)\(Self.suggestion(for: problem, in: environment))"))
        }
        try RuleSetCollection.Errors.throwing(errors)
        return program
    }

    /// For a call of an unknown name, " (did you mean `x`?)" with the closest name the environment has.
    static func suggestion(for problem: CELCallProblem, in environment: CELEnvironment) -> String {
        guard problem.reason == .unknown,
            let suggestion = KeySuggestion.closest(to: problem.function, in: environment.functionNames)
        else { return "" }
        return " (did you mean `\(suggestion)`?)"
    }

    /// Maps a position inside the expression text to the rule file.
    private func place(of error: CELParseError, in expression: Expression) -> Mark {
        if expression.isBlock {
            return Mark(line: expression.mark.line + error.line, column: error.column)
        }
        if error.line == 1 {
            return Mark(line: expression.mark.line, column: expression.mark.column + error.column - 1)
        }
        return Mark(line: expression.mark.line + error.line - 1, column: error.column)
    }

    /// The names used as `params.NAME` in an expression.
    static func parameterReferences(in source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let range = rest.range(of: "params.") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            if let before, before.isLetter || before.isNumber || before == "_" || before == "." { continue }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.append(String(name)) }
        }
        return names
    }
}
