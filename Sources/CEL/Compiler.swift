import Foundation

/// A host function registered with `CELEnvironment.defineNative`.
struct NativeFunction: Sendable {
    let name: String
    let receiverStyle: Bool
    /// How many arguments it takes, the receiver included; nil: any number (it checks them itself).
    let arity: Int?
    let impl: FnN
}

/// Turns a parsed tree into an executable node tree: resolves loop variables to frame slots, variables and type
/// names, picks function implementations, and folds constant sub-expressions.
struct Compiler {
    let src: SourceText
    let userFunctions: [String: UserFunction]
    let natives: [String: NativeFunction]
    /// For user-function bodies: calls to unknown functions are compile errors (and so is self-recursion).
    let definingFunction: String?

    var scopes: [(name: String, slot: Int)] = []
    var nextSlot = 0
    var frameSize = 0
    var referenced: Set<String> = []
    /// Where each top-level variable the expression itself names is first written (an offset).
    var writtenVariables: [String: Int] = [:]
    /// Calls no function carries out (see `CELCallProblem`), in the order they are written.
    var callProblems: [CELCallProblem] = []
    /// The deepest evaluation depth of the user functions called (their body height plus their own callees).
    var calleeDepth = 0
    /// How deep user-function calls nest below the functions called (see `UserFunction.callHeight`).
    var calleeCallHeight = 0
    let stackLimit = StackGuard.limit()

    static let typeDenotations: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "list": .list, "map": .map, "null_type": .null, "type": .type, "decimal": .decimal,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration, "optional_type": .optional,
    ]

    init(
        src: SourceText, userFunctions: [String: UserFunction], natives: [String: NativeFunction],
        definingFunction: String?, parameters: [String] = []
    ) {
        self.src = src
        self.userFunctions = userFunctions
        self.natives = natives
        self.definingFunction = definingFunction
        for p in parameters {
            scopes.append((p, nextSlot))
            nextSlot += 1
        }
        frameSize = nextSlot
    }

    func lookupLocal(_ name: String) -> Int? {
        for s in scopes.reversed() where s.name == name { return s.slot }
        return nil
    }

    /// `a.b.c` made only of identifiers: (root, path), unless the root is a loop variable.
    func qualifiedChain(_ e: Expr) -> (root: String, absolute: Bool, path: [String], offset: Int)? {
        var path: [String] = []
        var cur = e
        while true {
            switch cur.kind {
            case .select(let operand, let field):
                path.append(field)
                cur = operand
            case .ident(let name, let absolute):
                if !absolute && lookupLocal(name) != nil { return nil }
                return (name, absolute, path.reversed(), cur.offset)
            default:
                return nil
            }
        }
    }

    mutating func compile(_ e: Expr) throws(CELParseError) -> Node {
        if StackGuard.isLow(stackLimit) { throw src.error("expression nested too deeply", at: e.offset) }
        switch e.kind {
        case .literal(let v):
            return ConstNode(v, offset: e.offset)

        case .ident(let name, let absolute):
            if !absolute, let slot = lookupLocal(name) { return LocalNode(slot: slot, offset: e.offset) }
            if let t = Compiler.typeDenotations[name] { return ConstNode(.type(t), offset: e.offset) }
            referenced.insert(name)
            if writtenVariables[name] == nil { writtenVariables[name] = e.offset }
            return VarNode(name, offset: e.offset)

        case .select(let operand, let field):
            if let chain = qualifiedChain(e) {
                let full = ([chain.root] + chain.path).joined(separator: ".")
                if let t = Compiler.typeDenotations[full] { return ConstNode(.type(t), offset: e.offset) }
                referenced.insert(chain.root)
                if writtenVariables[chain.root] == nil { writtenVariables[chain.root] = chain.offset }
                return QualifiedVarNode(root: chain.root, path: chain.path, offset: chain.offset)
            }
            let op = try compile(operand)
            return try fold(SelectNode(op, field, offset: e.offset))

        case .optSelect(let operand, let field):
            let op = try compile(operand)
            let hash = fastHash(field)
            let select: Fn1 = { v throws(CELError) in try optionalSelect(v, field, hash: hash) }
            return try fold(Call1Node(select, op, offset: e.offset))

        case .optIndex(let a, let b):
            let x = try compile(a)
            let y = try compile(b)
            return try fold(Call2Node(optionalIndex, x, y, offset: e.offset))

        case .has(let operand, let field):
            let op = try compile(operand)
            return try fold(HasNode(op, field, offset: e.offset))

        case .index(let a, let b):
            let x = try compile(a)
            let y = try compile(b)
            return try fold(IndexNode(x, y, offset: e.offset))

        case .list(let elems, let optionalAt):
            var nodes: [Node] = []
            for el in elems { nodes.append(try compile(el)) }
            return try fold(ListNode(nodes, optionalAt: optionalAt, offset: e.offset))

        case .map(let kvs, let optionalAt):
            var nodes: [(Node, Node)] = []
            for (k, v) in kvs { nodes.append((try compile(k), try compile(v))) }
            return try fold(MapNode(nodes, optionalAt: optionalAt, offset: e.offset))

        case .not(let operand, let count):
            return try fold(NotNode(try compile(operand), count: count, offset: e.offset))

        case .negate(let operand, let count):
            return try fold(NegNode(try compile(operand), count: count, offset: e.offset))

        case .binary(let op, let a, let b):
            let x = try compile(a)
            let y = try compile(b)
            let n: Node
            switch op {
            case .add, .sub, .mul, .div, .mod: n = ArithNode(op, x, y, offset: e.offset)
            case .eq: n = EqNode(x, y, negated: false, offset: e.offset)
            case .ne: n = EqNode(x, y, negated: true, offset: e.offset)
            case .lt, .le, .gt, .ge: n = CompareNode(op, x, y, offset: e.offset)
            case .in: n = InNode(x, y, offset: e.offset)
            }
            return try fold(n)

        case .and(let terms):
            var nodes: [Node] = []
            for t in terms { nodes.append(try compile(t)) }
            return try fold(AndNode(nodes, offset: e.offset))

        case .or(let terms):
            var nodes: [Node] = []
            for t in terms { nodes.append(try compile(t)) }
            return try fold(OrNode(nodes, offset: e.offset))

        case .cond(let c, let t, let f):
            let cn = try compile(c)
            let tn = try compile(t)
            let fn = try compile(f)
            if case .bool(let b)? = cn.constantValue { return b ? tn : fn }
            return CondNode(cn, tn, fn, offset: e.offset)

        case .comprehension(let kind, let range, let variable, let second, let body, let filter):
            let r = try compile(range)
            let slot = nextSlot
            let bound = second == nil ? 1 : 2
            nextSlot += bound
            frameSize = max(frameSize, nextSlot)
            scopes.append((variable, slot))
            if let second { scopes.append((second, slot + 1)) }
            let b = try compile(body)
            let f = try filter.map { (x: Expr) throws(CELParseError) -> Node in try compile(x) }
            scopes.removeLast(bound)
            nextSlot -= bound
            return ComprehensionNode(
                kind, range: r, slot: slot, slot2: second == nil ? nil : slot + 1, body: b, filter: f, offset: e.offset)

        case .call(let target, let name, let args):
            return try compileCall(e, target: target, name: name, args: args)
        }
    }

    mutating func compileCall(_ e: Expr, target: Expr?, name: String, args: [Expr]) throws(CELParseError) -> Node {
        // A namespaced function of the extension libraries (`math.greatest(…)`, `optional.of(…)`):
        // the "receiver" is the namespace, not a variable.
        if let target, let chain = qualifiedChain(target), !chain.absolute {
            let qualified = ([chain.root] + chain.path + [name]).joined(separator: ".")
            if Builtins.names.contains(qualified) {
                return try compileCall(e, target: nil, name: qualified, args: args)
            }
            // `math.greates(…)`: a namespace of the extension libraries, not a variable.
            if chain.path.isEmpty, Self.namespaces.contains(chain.root) {
                var argNodes: [Node] = []
                for a in args { argNodes.append(try compile(a)) }
                return try unresolvedCall(e, name: qualified, receiver: false, argNodes: argNodes, count: args.count)
            }
        }
        // `or` and `orValue` evaluate their argument only when the optional is empty.
        if let target, args.count == 1, name == "or" || name == "orValue" {
            let lhs = try compile(target)
            let rhs = try compile(args[0])
            return try fold(OptionalOrNode(lhs, rhs, unwraps: name == "orValue", offset: e.offset))
        }
        var argNodes: [Node] = []
        if let target { argNodes.append(try compile(target)) }
        for a in args { argNodes.append(try compile(a)) }
        let receiver = target != nil

        if !receiver, let uf = userFunctions[name] {
            guard uf.parameters.count == args.count else {
                return try unresolvedCall(e, name: name, receiver: receiver, argNodes: argNodes, count: args.count)
            }
            referenced.formUnion(uf.referencedVariables)
            calleeDepth = max(calleeDepth, uf.evalDepth)
            calleeCallHeight = max(calleeCallHeight, uf.callHeight)
            return UserCallNode(uf, argNodes, offset: e.offset)
        }
        if let nf = natives[name], !receiver || nf.receiverStyle {
            guard nf.arity.map({ $0 == argNodes.count }) ?? true else {
                return try unresolvedCall(e, name: name, receiver: receiver, argNodes: argNodes, count: args.count)
            }
            return CallNNode(nf.impl, argNodes, offset: e.offset)
        }
        if let b = Builtins.lookup(name, receiver: receiver, arity: args.count) {
            // Literal regular expressions are compiled once, here.
            if name == "matches", argNodes.count == 2, case .string(let p)? = argNodes[1].constantValue {
                if let re = try? CompiledRegex(p) {
                    return try fold(MatchesConstNode(argNodes[0], re, offset: e.offset))
                }
            }
            if name == "dyn" && argNodes.count == 1 { return argNodes[0] }
            let n: Node
            switch b {
            case .f1(let f) where argNodes.count == 1: n = Call1Node(f, argNodes[0], offset: e.offset)
            case .f2(let f) where argNodes.count == 2: n = Call2Node(f, argNodes[0], argNodes[1], offset: e.offset)
            case .fn(let f): n = CallNNode(f, argNodes, offset: e.offset)
            case .metered(let f): n = MeteredCallNode(f, argNodes, offset: e.offset)
            default: fatalError("builtin table arity mismatch for \(name)")
            }
            return try fold(n)
        }
        if let definingFunction, name == definingFunction {
            throw src.error("function '\(name)' cannot call itself (recursion is not allowed)", at: e.offset)
        }
        return try unresolvedCall(e, name: name, receiver: receiver, argNodes: argNodes, count: args.count)
    }

    /// A call no function carries out: recorded, and an error when it runs (standard CEL's
    /// "unbound function"); in a definition's body, an error at once.
    mutating func unresolvedCall(_ e: Expr, name: String, receiver: Bool, argNodes: [Node], count: Int) throws(CELParseError)
        -> Node
    {
        let problem = recordCallProblem(name, receiver: receiver, count: count, offset: e.offset)
        if definingFunction != nil {
            let hint =
                problem.reason == .unknown ? " (a definition may only call built-ins, natives and earlier definitions)" : ""
            var error = src.error(problem.message + hint, at: e.offset)
            error.callProblem = problem
            throw error
        }
        let msg: String
        switch problem.reason {
        case .unknown: msg = "unbound function '\(name)'"
        case .arity(let expected) where userFunctions[name] != nil:
            msg = "function '\(name)' expects \(expected.first ?? 0) argument(s), got \(count)"
        default:
            msg = "no matching overload for '\(name)' with \(count) argument(s)\(receiver ? " in receiver style" : "")"
        }
        return ErrorNode(msg, args: argNodes, offset: e.offset)
    }

    /// The namespaces of the extension libraries' functions (`math`, `strings`, `optional` …).
    static let namespaces: Set<String> = Set(
        Builtins.names.compactMap { $0.split(separator: ".").count > 1 ? String($0.split(separator: ".")[0]) : nil })

    /// Evaluates a pure node whose inputs are all constants, replacing it by its value. Nodes whose evaluation
    /// fails are kept, so the error still happens at run time.
    func fold(_ n: Node) throws(CELParseError) -> Node {
        let children: [Node]
        switch n {
        case let x as SelectNode: children = [x.operand]
        case let x as HasNode: children = [x.operand]
        case let x as IndexNode: children = [x.operand, x.index]
        case let x as ListNode: children = x.elements
        case let x as MapNode: children = x.entries.flatMap { [$0.0, $0.1] }
        case let x as NotNode: children = [x.operand]
        case let x as NegNode: children = [x.operand]
        case let x as any BinaryOperands: children = [x.lhs, x.rhs]
        case let x as JunctionNode:
            // A constant false (true for ||) decides the whole expression regardless of other terms.
            if x.terms.contains(where: { $0.constantValue == .bool(x.absorbing) }) {
                return ConstNode(.bool(x.absorbing), offset: n.offset)
            }
            children = x.terms
        case let x as Call1Node: children = [x.arg]
        case let x as Call2Node: children = [x.a, x.b]
        case let x as MatchesConstNode: children = [x.target]
        case let x as MeteredCallNode: children = x.args
        default: return n
        }
        guard children.allSatisfy({ $0.constantValue != nil }) else { return n }
        let ctx = EvalContext(vars: [:], budget: 1_000_000, frameSize: 0)
        guard let v = try? n.eval(ctx) else { return n }
        return ConstNode(v, offset: n.offset)
    }
}
