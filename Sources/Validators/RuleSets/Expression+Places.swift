import CEL
import DossierModel

extension Expression {
    /// The place in the rule file of a 1-based line and column inside the expression's text.
    func place(line: Int, column: Int) -> Mark {
        if isBlock { return Mark(line: mark.line + line, column: column) }
        if line == 1 { return Mark(line: mark.line, column: mark.column + column - 1) }
        return Mark(line: mark.line + line - 1, column: column)
    }

    /// Where `params.NAME` is first written, in the rule file (nil when the text does not parse).
    func placeOfParameter(_ name: String) -> Mark? {
        guard let references = try? CELEnvironment.fieldReferences(in: source),
            let reference = references.first(where: { $0.root == "params" && $0.fields.first == name })
        else { return nil }
        return place(line: reference.positions[0].line, column: reference.positions[0].column)
    }
}
