import CEL
import DossierModel
import Foundation

/// Compiles a rule set's CEL expressions, turning parse errors and unknown names into
/// errors located in the rule file.
struct ExpressionCompiler {
    let environment: CELEnvironment
    let file: String
    let parameterNames: Set<String>

    func compile(_ expression: Expression, names: Set<String>, what: String) throws -> CELProgram {
        let program: CELProgram
        do {
            program = try environment.compile(expression.source)
        } catch let error {
            throw RuleFileError(file: file, mark: place(of: error, in: expression), message: "\(what): \(error.message)")
        }
        let unknown = program.referencedVariables.subtracting(names).sorted()
        if let name = unknown.first {
            let known = names.sorted().joined(separator: ", ")
            throw RuleFileError(
                file: file, mark: expression.mark, message: "\(what): unknown name `\(name)` (known here: \(known))")
        }
        for parameter in Self.parameterReferences(in: expression.source) where !parameterNames.contains(parameter) {
            throw RuleFileError(
                file: file, mark: expression.placeOfParameter(parameter) ?? expression.mark,
                message: "\(what): unknown parameter `params.\(parameter)`"
                    + (parameterNames.isEmpty ? "" : " (parameters: \(parameterNames.sorted().joined(separator: ", ")))"))
        }
        return program
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
