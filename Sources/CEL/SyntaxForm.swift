/// An expression's syntax tree as the parser gives it, kept so that a host may parse its
/// expressions once (at build time), store the trees (`write(to:)`) and compile them at run time
/// without lexing or parsing again (`CELEnvironment.compile(_:syntax:)`).
public struct CELSyntax: @unchecked Sendable { // the tree is immutable once parsed
    let root: Expr

    init(root: Expr) { self.root = root }

    /// Parses `source` as `CELEnvironment.compile` does.
    public init(parsing source: String, maxNestingDepth: Int = 128) throws(CELParseError) {
        root = try Parser.parse(source, maxDepth: maxNestingDepth)
    }

    /// The tree, when it is no higher than an environment allows (the parser's own bound).
    func checked(_ maxDepth: Int, source: String) throws(CELParseError) -> Expr {
        guard root.height <= maxDepth else {
            throw SourceText(source).error("expression nested too deeply (limit is \(maxDepth) levels)", at: root.offset)
        }
        return root
    }

    public func write(to writer: inout BinaryWriter) { Self.write(root, to: &writer) }

    public init(reading reader: inout BinaryReader) { root = Self.read(&reader) }

    private enum Tag: Int {
        case literal, ident, select, optSelect, has, call, index, optIndex, list, map, not, negate, binary, and, or, cond
        case comprehension
    }

    private static func write(_ expr: Expr, to writer: inout BinaryWriter) {
        func tag(_ tag: Tag) {
            writer.int(tag.rawValue)
            writer.int(expr.offset)
        }
        func each(_ exprs: [Expr]) { writer.array(exprs) { write($1, to: &$0) } }
        switch expr.kind {
        case .literal(let value):
            tag(.literal)
            writeLiteral(value, to: &writer)
        case .ident(let name, let absolute):
            tag(.ident)
            writer.string(name)
            writer.bool(absolute)
        case .select(let operand, let field), .optSelect(let operand, let field), .has(let operand, let field):
            switch expr.kind {
            case .select: tag(.select)
            case .optSelect: tag(.optSelect)
            default: tag(.has)
            }
            write(operand, to: &writer)
            writer.string(field)
        case .call(let target, let name, let args):
            tag(.call)
            writer.optional(target) { write($1, to: &$0) }
            writer.string(name)
            each(args)
        case .index(let a, let b), .optIndex(let a, let b):
            if case .index = expr.kind { tag(.index) } else { tag(.optIndex) }
            write(a, to: &writer)
            write(b, to: &writer)
        case .list(let items, let optionalAt):
            tag(.list)
            each(items)
            writer.array(optionalAt.sorted()) { $0.int($1) }
        case .map(let entries, let optionalAt):
            tag(.map)
            each(entries.map(\.0))
            each(entries.map(\.1))
            writer.array(optionalAt.sorted()) { $0.int($1) }
        case .not(let operand, let count), .negate(let operand, let count):
            if case .not = expr.kind { tag(.not) } else { tag(.negate) }
            write(operand, to: &writer)
            writer.int(count)
        case .binary(let op, let a, let b):
            tag(.binary)
            writer.string(op.rawValue)
            write(a, to: &writer)
            write(b, to: &writer)
        case .and(let operands), .or(let operands):
            if case .and = expr.kind { tag(.and) } else { tag(.or) }
            each(operands)
        case .cond(let a, let b, let c):
            tag(.cond)
            write(a, to: &writer)
            write(b, to: &writer)
            write(c, to: &writer)
        case .comprehension(let macro, let range, let variable, let second, let body, let filter):
            tag(.comprehension)
            writer.string(macro.rawValue)
            write(range, to: &writer)
            writer.string(variable)
            writer.optional(second) { $0.string($1) }
            write(body, to: &writer)
            writer.optional(filter) { write($1, to: &$0) }
        }
    }

    private static func read(_ reader: inout BinaryReader) -> Expr {
        guard let tag = Tag(rawValue: reader.int()) else { reader.damaged() }
        let offset = reader.int()
        func each() -> [Expr] { reader.array { read(&$0) } }
        let kind: Expr.Kind
        switch tag {
        case .literal: kind = .literal(readLiteral(&reader))
        case .ident:
            let name = reader.string()
            kind = .ident(name, absolute: reader.bool())
        case .select, .optSelect, .has:
            let operand = read(&reader)
            let field = reader.string()
            kind =
                tag == .select ? .select(operand, field) : tag == .optSelect ? .optSelect(operand, field) : .has(operand, field)
        case .call:
            let target = reader.optional { read(&$0) }
            let name = reader.string()
            kind = .call(target: target, name: name, args: each())
        case .index, .optIndex:
            let a = read(&reader)
            let b = read(&reader)
            kind = tag == .index ? .index(a, b) : .optIndex(a, b)
        case .list:
            let items = each()
            kind = .list(items, optionalAt: Set(reader.array { $0.int() }))
        case .map:
            let keys = each()
            let values = each()
            guard keys.count == values.count else { reader.damaged() }
            kind = .map(Array(zip(keys, values)), optionalAt: Set(reader.array { $0.int() }))
        case .not, .negate:
            let operand = read(&reader)
            let count = reader.int()
            kind = tag == .not ? .not(operand, count: count) : .negate(operand, count: count)
        case .binary:
            guard let op = BinaryOp(rawValue: reader.string()) else { reader.damaged() }
            let a = read(&reader)
            kind = .binary(op, a, read(&reader))
        case .and: kind = .and(each())
        case .or: kind = .or(each())
        case .cond:
            let a = read(&reader)
            let b = read(&reader)
            kind = .cond(a, b, read(&reader))
        case .comprehension:
            guard let macro = MacroKind(rawValue: reader.string()) else { reader.damaged() }
            let range = read(&reader)
            let variable = reader.string()
            let second = reader.optional { $0.string() }
            let body = read(&reader)
            kind = .comprehension(
                macro, range: range, variable: variable, second: second, body: body, filter: reader.optional { read(&$0) })
        }
        return Expr(kind, offset: offset)
    }

    /// The literals the parser writes: numbers, texts, bytes, booleans and null.
    private static func writeLiteral(_ value: CELValue, to writer: inout BinaryWriter) {
        switch value {
        case .null: writer.string("null")
        case .bool(let flag): writer.string(flag ? "true" : "false")
        case .int(let number):
            writer.string("int")
            writer.int(Int(number))
        case .uint(let number):
            writer.string("uint")
            writer.int(Int(bitPattern: UInt(number)))
        case .double(let number):
            writer.string("double")
            writer.int(Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text):
            writer.string("string")
            writer.string(text)
        case .bytes(let bytes):
            writer.string("bytes")
            writer.array(bytes) { $0.int(Int($1)) }
        default:
            preconditionFailure("the parser wrote a literal the compiled form does not know")
        }
    }

    private static func readLiteral(_ reader: inout BinaryReader) -> CELValue {
        switch reader.string() {
        case "null": .null
        case "true": .bool(true)
        case "false": .bool(false)
        case "int": .int(Int64(reader.int()))
        case "uint": .uint(UInt64(UInt(bitPattern: reader.int())))
        case "double": .double(Double(bitPattern: UInt64(UInt(bitPattern: reader.int()))))
        case "string": .string(reader.string())
        case "bytes": .bytes(reader.array { UInt8(truncatingIfNeeded: $0.int()) })
        default: reader.damaged()
        }
    }
}
