/// A chain of field selections starting at a top-level variable, as written in an expression:
/// `self.financial_plan.years` is the root `self` with the fields `financial_plan`, `years`.
///
/// Hosts use it to check names against a schema the expression language knows nothing of
/// (a rule file's declared structure, say).
public struct CELFieldReference: Sendable, Equatable {
    /// Where a name stands in the expression's text: 1-based line and column (in Unicode scalars).
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The top-level variable the chain starts at.
    public var root: String
    /// The fields selected, in order.
    public var fields: [String]
    /// Where each field's name stands.
    public var positions: [Position]
    /// Whether the last field is only tested for presence, with `has(…)`.
    public var isPresenceTest: Bool
}

extension CELEnvironment {
    /// Every maximal chain of field selections on a top-level variable in `source` (`a.b.c` gives one
    /// chain, not three), in the order they are written. A name bound by a macro (`m` in
    /// `l.all(m, m.x > 0)`) shadows a variable of the same name, so its fields are not listed;
    /// `.name`, with a leading dot, always means the top-level variable.
    ///
    /// - Throws: `CELParseError` when `source` does not parse.
    public static func fieldReferences(in source: String, maxNestingDepth: Int = 128) throws(CELParseError) -> [CELFieldReference]
    {
        let expr = try Parser.parse(source, maxDepth: maxNestingDepth)
        var walker = FieldReferenceWalker(text: SourceText(source))
        walker.visit(expr, bound: [])
        return walker.references
    }
}

/// Collects `CELFieldReference`s from a syntax tree.
private struct FieldReferenceWalker {
    let text: SourceText
    var references: [CELFieldReference] = []

    mutating func visit(_ e: Expr, bound: Set<String>) {
        switch e.kind {
        case .literal, .ident:
            break
        case .select(let operand, let field), .has(let operand, let field), .optSelect(let operand, let field):
            var isPresenceTest = false
            if case .has = e.kind { isPresenceTest = true }
            if var found = chain(operand, bound: bound) {
                found.fields.append(field)
                found.offsets.append(fieldOffset(e, isPresenceTest: isPresenceTest, operand: operand))
                references.append(
                    CELFieldReference(
                        root: found.root, fields: found.fields,
                        positions: found.offsets.map { offset in
                            let (line, column) = text.lineColumn(offset)
                            return CELFieldReference.Position(line: line, column: column)
                        },
                        isPresenceTest: isPresenceTest))
            } else {
                visit(operand, bound: bound)
            }
        case .call(let target, _, let args):
            if let target { visit(target, bound: bound) }
            for arg in args { visit(arg, bound: bound) }
        case .index(let a, let b), .optIndex(let a, let b), .binary(_, let a, let b):
            visit(a, bound: bound)
            visit(b, bound: bound)
        case .list(let items, _), .and(let items), .or(let items):
            for item in items { visit(item, bound: bound) }
        case .map(let entries, _):
            for (key, value) in entries {
                visit(key, bound: bound)
                visit(value, bound: bound)
            }
        case .not(let operand, _), .negate(let operand, _):
            visit(operand, bound: bound)
        case .cond(let a, let b, let c):
            visit(a, bound: bound)
            visit(b, bound: bound)
            visit(c, bound: bound)
        case .comprehension(_, let range, let variable, let second, let body, let filter):
            visit(range, bound: bound)
            let inner = bound.union([variable] + (second.map { [$0] } ?? []))
            visit(body, bound: inner)
            if let filter { visit(filter, bound: inner) }
        }
    }

    /// The chain `e` is, when it is a top-level variable followed by selections only.
    private func chain(_ e: Expr, bound: Set<String>) -> (root: String, fields: [String], offsets: [Int])? {
        switch e.kind {
        case .ident(let name, let absolute):
            guard absolute || !bound.contains(name) else { return nil }
            return (name, [], [])
        case .select(let operand, let field), .optSelect(let operand, let field):
            guard var found = chain(operand, bound: bound) else { return nil }
            found.fields.append(field)
            found.offsets.append(fieldOffset(e, isPresenceTest: false, operand: operand))
            return found
        default:
            return nil
        }
    }

    /// Where the field name of a selection starts: after its dot (a selection's offset is its dot's),
    /// or after `.?`. For `has(a.b)` the node's offset is the macro's, so the name is found after the operand.
    private func fieldOffset(_ e: Expr, isPresenceTest: Bool, operand: Expr) -> Int {
        if case .optSelect = e.kind { return e.offset + 2 }
        guard isPresenceTest else { return e.offset + 1 }
        // Scan from the operand's start to the first '.' that is followed by the field name.
        var i = operand.offset
        let scalars = text.scalars
        var depth = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            i += 1
        }
        // The last '.' before the closing parenthesis of `has(…)` precedes the field name.
        var j = i - 1
        while j > operand.offset, scalars[j] != "." { j -= 1 }
        return scalars.indices.contains(j) && scalars[j] == "." ? j + 1 : operand.offset
    }
}
