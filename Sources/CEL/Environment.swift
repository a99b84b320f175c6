import Foundation

/// The functions a program may call: the CEL standard library, our extensions (decimal, list aggregates,
/// timestamps), plus user-defined CEL functions and native Swift functions registered by the host.
///
/// Set it up once (define functions), then share it freely: `compile` may be called from any thread.
/// A compiled `CELProgram` no longer depends on the environment.
public final class CELEnvironment: @unchecked Sendable {
    private let lock = NSLock()
    private var userFunctions: [String: UserFunction] = [:]
    private var natives: [String: NativeFunction] = [:]
    private var _maxNestingDepth = 128

    public init() {}

    /// Maximum nesting of an expression (parenthesis/call/literal depth, and the height of the syntax tree,
    /// e.g. the length of an `a + b + c …` chain). Deeper expressions are rejected with a `CELParseError`.
    public var maxNestingDepth: Int {
        get { lock.withLock { _maxNestingDepth } }
        set { lock.withLock { _maxNestingDepth = max(8, newValue) } }
    }

    /// Names of the user-defined functions, in no particular order.
    public var definedFunctionNames: [String] {
        lock.withLock { Array(userFunctions.keys) + Array(natives.keys) }
    }

    /// Defines a function written in CEL, e.g. `defineFunction("isSME", parameters: ["org"], body: "org.staff < 250")`.
    ///
    /// The body sees its parameters and the top-level variables of the evaluation (not the caller's loop
    /// variables). It may call built-ins, natives and functions defined earlier; a function cannot call itself,
    /// so recursion is impossible.
    ///
    /// - Throws: `CELParseError` located in `body`, or `CELError` when the name is taken or invalid.
    public func defineFunction(_ name: String, parameters: [String], body: String) throws {
        guard CELEnvironment.isIdentifier(name) else { throw CELError("invalid function name '\(name)'") }
        for p in parameters where !CELEnvironment.isIdentifier(p) {
            throw CELError("invalid parameter name '\(p)' in function '\(name)'")
        }
        guard Set(parameters).count == parameters.count else {
            throw CELError("duplicate parameter name in function '\(name)'")
        }
        if Builtins.names.contains(name) || ["has", "all", "exists", "exists_one", "map", "filter"].contains(name) {
            throw CELError("cannot redefine built-in function '\(name)'")
        }
        let (users, nats, depth) = lock.withLock { (userFunctions, natives, _maxNestingDepth) }
        if users[name] != nil || nats[name] != nil { throw CELError("function '\(name)' is already defined") }
        let expr = try Parser.parse(body, maxDepth: depth)
        var compiler = Compiler(
            src: SourceText(body), userFunctions: users, natives: nats, definingFunction: name, parameters: parameters)
        let node = try compiler.compile(expr)
        let evalDepth = expr.height + compiler.calleeDepth
        if evalDepth > 2 * depth {
            throw SourceText(body).error(
                "function '\(name)' nests too deeply together with the functions it calls (\(evalDepth) levels, limit \(2 * depth))",
                at: 0)
        }
        let fn = UserFunction(
            name: name, parameters: parameters, body: node, frameSize: compiler.frameSize,
            referencedVariables: compiler.referenced, source: body, evalDepth: evalDepth)
        lock.lock()
        defer { lock.unlock() }
        if userFunctions[name] != nil || natives[name] != nil { throw CELError("function '\(name)' is already defined") }
        userFunctions[name] = fn
    }

    /// Registers a Swift function, callable as `name(a, b)` and, when `receiverStyle` is true, also as `a.name(b)`
    /// (the receiver is then the first element of the arguments). A native replaces a built-in of the same name.
    /// The closure must be pure and thread-safe; throw a `CELError` for bad arguments.
    public func defineNative(
        _ name: String, receiverStyle: Bool = false,
        _ impl: @escaping @Sendable ([CELValue]) throws(CELError) -> CELValue
    ) {
        lock.withLock {
            natives[name] = NativeFunction(name: name, receiverStyle: receiverStyle, impl: impl)
        }
    }

    /// Parses and resolves an expression. The program can be evaluated any number of times, from any thread.
    public func compile(_ source: String) throws(CELParseError) -> CELProgram {
        let (users, nats, depth) = lock.withLock { (userFunctions, natives, _maxNestingDepth) }
        let expr = try Parser.parse(source, maxDepth: depth)
        var compiler = Compiler(src: SourceText(source), userFunctions: users, natives: nats, definingFunction: nil)
        let node = try compiler.compile(expr)
        let evalDepth = expr.height + compiler.calleeDepth
        if evalDepth > 2 * depth {
            throw SourceText(source).error(
                "expression nests too deeply together with the functions it calls (\(evalDepth) levels, limit \(2 * depth))",
                at: 0)
        }
        return CELProgram(source: source, root: node, frameSize: compiler.frameSize, referencedVariables: compiler.referenced)
    }

    /// Only checks the syntax of an expression.
    public static func parseCheck(_ source: String, maxNestingDepth: Int = 128) throws(CELParseError) {
        _ = try Parser.parse(source, maxDepth: maxNestingDepth)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        if Parser.reserved.contains(s) || ["true", "false", "null"].contains(s) { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57))) }
    }
}

/// A compiled expression. Immutable and `Sendable`: compile once, evaluate many times from any thread.
public struct CELProgram: @unchecked Sendable {  // the node tree is immutable after compilation
    public let source: String
    /// The top-level variable names the expression refers to (including those used inside the bodies of the
    /// user-defined functions it calls). For a dotted reference `a.b.c` this is the root name `a`.
    public let referencedVariables: Set<String>
    let root: Node
    let frameSize: Int

    init(source: String, root: Node, frameSize: Int, referencedVariables: Set<String>) {
        self.source = source
        self.root = root
        self.frameSize = frameSize
        self.referencedVariables = referencedVariables
    }

    /// Evaluates the program. `budget` bounds the work: every node evaluated and every macro iteration costs 1;
    /// running out yields a `CELError` ("evaluation cost budget exceeded").
    public func evaluate(_ variables: [String: CELValue], budget: Int = 10_000_000) -> Result<CELValue, CELError> {
        let ctx = EvalContext(vars: variables, budget: budget, frameSize: frameSize)
        do {
            return .success(try root.eval(ctx))
        } catch {
            return .failure(error)
        }
    }

    /// Like `evaluate`, but throwing.
    public func value(_ variables: [String: CELValue] = [:], budget: Int = 10_000_000) throws(CELError) -> CELValue {
        let ctx = EvalContext(vars: variables, budget: budget, frameSize: frameSize)
        return try root.eval(ctx)
    }

    /// True when the whole expression was folded to a constant at compile time.
    public var isConstant: Bool { root.constantValue != nil }
}
