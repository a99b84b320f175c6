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
    /// `syntax`: the body as `CELSyntax(parsing:)` gave it, when the host parsed it ahead of time.
    public func defineFunction(_ name: String, parameters: [String], body: String, syntax: CELSyntax? = nil) throws {
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
        let expr = try syntax?.checked(depth, source: body) ?? Parser.parse(body, maxDepth: depth)
        var compiler = Compiler(
            src: SourceText(body), userFunctions: users, natives: nats, definingFunction: name, parameters: parameters)
        let node = try compiler.compile(expr)
        let evalDepth = expr.height + compiler.calleeDepth
        if evalDepth > 2 * depth {
            throw SourceText(body).error(
                "function '\(name)' nests too deeply together with the functions it calls (\(evalDepth) levels, limit \(2 * depth))",
                at: 0)
        }
        // The body itself is remembered per call (by its arguments); costly parts of it that read
        // no parameter are remembered on their own.
        let memo = MemoPass.apply(node, bound: parameters.count, wrapRoot: false)
        var keying = LoopKeying(nextSlot: compiler.frameSize)
        keying.apply(memo.node)
        let fn = UserFunction(
            name: name, parameters: parameters, body: memo.node, frameSize: keying.nextSlot,
            referencedVariables: compiler.referenced, source: body, evalDepth: evalDepth,
            callHeight: 1 + compiler.calleeCallHeight, isMemoized: memo.info.costly)
        lock.lock()
        defer { lock.unlock() }
        if userFunctions[name] != nil || natives[name] != nil { throw CELError("function '\(name)' is already defined") }
        userFunctions[name] = fn
    }

    /// Registers a Swift function, callable as `name(a, b)` and, when `receiverStyle` is true, also as `a.name(b)`
    /// (the receiver is then the first element of the arguments). A native replaces a built-in of the same name.
    /// The closure must be pure and thread-safe; throw a `CELError` for bad arguments.
    /// `arity`, when given, is the number of arguments it takes (a receiver counts as the first):
    /// a call with another number is then a `CELCallProblem` of the compiled program.
    public func defineNative(
        _ name: String, receiverStyle: Bool = false, arity: Int? = nil,
        _ impl: @escaping @Sendable ([CELValue]) throws(CELError) -> CELValue
    ) {
        lock.withLock {
            natives[name] = NativeFunction(name: name, receiverStyle: receiverStyle, arity: arity, impl: impl)
        }
    }

    /// Parses and resolves an expression. The program can be evaluated any number of times, from any thread.
    /// `syntax`: the expression as `CELSyntax(parsing:)` gave it, when the host parsed it ahead of time.
    public func compile(_ source: String, syntax: CELSyntax? = nil) throws(CELParseError) -> CELProgram {
        let (users, nats, depth) = lock.withLock { (userFunctions, natives, _maxNestingDepth) }
        let expr: Expr
        if let syntax {
            expr = try syntax.checked(depth, source: source)
        } else {
            expr = try Parser.parse(source, maxDepth: depth)
        }
        var compiler = Compiler(src: SourceText(source), userFunctions: users, natives: nats, definingFunction: nil)
        let node = try compiler.compile(expr)
        let evalDepth = expr.height + compiler.calleeDepth
        if evalDepth > 2 * depth {
            throw SourceText(source).error(
                "expression nests too deeply together with the functions it calls (\(evalDepth) levels, limit \(2 * depth))",
                at: 0)
        }
        let root = MemoPass.apply(node, bound: 0).node
        var keying = LoopKeying(nextSlot: compiler.frameSize)
        keying.apply(root)
        return CELProgram(
            source: source, root: root, frameSize: keying.nextSlot, referencedVariables: compiler.referenced,
            callProblems: compiler.callProblems,
            variablePositions: compiler.writtenVariables.mapValues { offset in
                let (line, column) = compiler.src.lineColumn(offset)
                return CELFieldReference.Position(line: line, column: column)
            })
    }

    /// Only checks the syntax of an expression.
    public static func parseCheck(_ source: String, maxNestingDepth: Int = 128) throws(CELParseError) {
        _ = try Parser.parse(source, maxDepth: maxNestingDepth)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        if Parser.reserved.contains(s) || ["true", "false", "null"].contains(s) { return false }
        return s.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57)))
        }
    }
}

/// A compiled expression. Immutable and `Sendable`: compile once, evaluate many times from any thread.
public struct CELProgram: @unchecked Sendable { // the node tree is immutable after compilation
    public let source: String
    /// The top-level variable names the expression refers to (including those used inside the bodies of the
    /// user-defined functions it calls). For a dotted reference `a.b.c` this is the root name `a`.
    public let referencedVariables: Set<String>
    /// The calls no function of the environment carries out, in the order they are written: each
    /// is an error when evaluated, and a host that checks expressions ahead of time refuses them.
    public let callProblems: [CELCallProblem]
    /// Where each top-level variable the expression itself names (not the functions it calls) is
    /// first written, so that a host can point at a name it does not know.
    public let variablePositions: [String: CELFieldReference.Position]
    let root: Node
    let frameSize: Int

    init(
        source: String, root: Node, frameSize: Int, referencedVariables: Set<String>, callProblems: [CELCallProblem] = [],
        variablePositions: [String: CELFieldReference.Position] = [:]
    ) {
        self.source = source
        self.root = root
        self.frameSize = frameSize
        self.referencedVariables = referencedVariables
        self.callProblems = callProblems
        self.variablePositions = variablePositions
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

    /// Evaluates the program with prepared bindings. With a `memo`, argument-less user functions
    /// that read only the memo's constant variables are computed once for all the evaluations
    /// sharing it; the result is the same as without.
    public func evaluate(_ bindings: CELBindings, memo: CELMemo? = nil, budget: Int = 10_000_000) -> Result<CELValue, CELError> {
        let ctx = EvalContext(vars: bindings, budget: budget, frameSize: frameSize, memo: memo)
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

/// The top-level variables of an evaluation: like a `[String: CELValue]`, but cheaper to update
/// and to look up when a host evaluates many programs over a few variables.
public struct CELBindings: Sendable {
    private var names: [String] = []
    private var hashes: [UInt64] = []
    /// nil: a slot whose variable is not bound now (see `slot(_:)`).
    private var values: [CELValue?] = []
    /// Whether some name has a dot (`a.b`): qualified names then try the longest bound prefix.
    private(set) var hasDottedNames = false
    /// Whether some name is not ASCII: names are then compared as `String`s (canonical equivalence),
    /// as a dictionary's keys are.
    private var hasNonASCIINames = false

    public init() {}

    public init(_ variables: [String: CELValue]) {
        names.reserveCapacity(variables.count)
        hashes.reserveCapacity(variables.count)
        values.reserveCapacity(variables.count)
        for (name, value) in variables { _ = append(name, value) }
    }

    /// How many variables are bound.
    public var count: Int { values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The bindings as a dictionary.
    public var dictionary: [String: CELValue] {
        var out: [String: CELValue] = [:]
        out.reserveCapacity(names.count)
        for i in 0..<names.count { if let value = values[i] { out[names[i]] = value } }
        return out
    }

    public subscript(name: String) -> CELValue? {
        get { lookup(name).flatMap { values[$0] } }
        set {
            if let i = lookup(name) {
                values[i] = newValue
            } else if let newValue {
                _ = append(name, newValue)
            }
        }
    }

    /// The slot of a variable, added unbound when the bindings lack it: `bind(_:to:)` then sets
    /// it without looking the name up again (for hosts that rebind a few variables many times).
    public mutating func slot(_ name: String) -> Int {
        lookup(name) ?? append(name, nil)
    }

    /// Binds the variable of a slot to `value`, or unbinds it (nil).
    public mutating func bind(_ slot: Int, to value: CELValue?) {
        values[slot] = value
    }

    /// The position of a name given by the host (which may not be ASCII).
    private func lookup(_ name: String) -> Int? {
        if !isASCII(name) { return names.firstIndex(of: name) }
        return index(name, hash: fastHash(name))
    }

    private mutating func append(_ name: String, _ value: CELValue?) -> Int {
        names.append(name)
        hashes.append(fastHash(name))
        values.append(value)
        if name.utf8.contains(UInt8(ascii: ".")) { hasDottedNames = true }
        if !isASCII(name) { hasNonASCIINames = true }
        return names.count - 1
    }

    @inline(__always)
    func value(_ name: String, hash: UInt64) -> CELValue? {
        guard let i = index(name, hash: hash) else { return nil }
        return values[i]
    }

    @inline(__always)
    func index(_ name: String, hash: UInt64) -> Int? {
        if hasNonASCIINames {
            return names.firstIndex(of: name)
        }
        return hashes.withUnsafeBufferPointer { hs in
            for i in 0..<hs.count where hs[i] == hash && scalarEqual(names[i], name) { return i }
            return nil
        }
    }
}

/// Whether a string is all ASCII.
@inline(__always)
func isASCII(_ s: String) -> Bool {
    if let ascii = s.utf8.withContiguousStorageIfAvailable({ bytes in
        for b in bytes where b >= 0x80 { return false }
        return true
    }) {
        return ascii
    }
    return s.utf8.allSatisfy { $0 < 0x80 }
}
