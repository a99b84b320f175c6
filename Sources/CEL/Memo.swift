/// Remembering what an evaluation already computed.
///
/// CEL is pure: a user function's outcome depends only on its arguments and the top-level
/// variables, and a sub-expression that reads no loop variable depends only on the top-level
/// variables. The evaluator remembers such outcomes, with the evaluation steps they took, and a
/// repeat costs the same steps without the work, so that results, errors and budget exhaustion
/// are exactly those of evaluating everything again:
///
/// - calls of costly user functions (a body with a macro or a call), keyed by the function and its
///   argument values (scalars by value, lists and maps by their storage: the same storage is the
///   same value), for the current evaluation, or for every evaluation sharing a `CELMemo` when the
///   function reads only the memo's constant variables;
/// - costly sub-expressions that read no loop variable and only the memo's constant variables
///   (`MemoNode`), for every evaluation sharing a `CELMemo`.
///
/// Both only where no user-function call inside can reach the call-depth limit, which is the one
/// thing that depends on where an expression is evaluated.

/// Outcomes kept across the evaluations that share the memo.
///
/// The host names the variables that keep the same values in every evaluation given this memo
/// (the document being checked, say); what reads no other variable is computed once for them
/// all. Evaluations whose bindings have dotted names (`a.b`) do not use it. Not thread-safe: one
/// memo per thread (per document).
public final class CELMemo {
    let constants: Set<String>
    var table = MemoTable()
    /// The context of the last evaluation, for the next one (see `EvalContext.reuse`).
    var spareContext: EvalContext?
    /// Whether a function or memo node reads only constant variables, by its identity.
    private var admitted: [ObjectIdentifier: Bool] = [:]

    public init(constantVariables: Set<String>) {
        constants = constantVariables
    }

    func admits(_ id: ObjectIdentifier, reading variables: @autoclosure () -> Set<String>) -> Bool {
        if let known = admitted[id] { return known }
        let result = variables().isSubset(of: constants)
        admitted[id] = result
        return result
    }
}

/// The outcome of an evaluation of a remembered call or sub-expression, and the steps it took.
struct MemoEntry {
    enum Outcome {
        case value(CELValue)
        case error(CELError)
    }

    var outcome: Outcome
    var cost: Int

    /// Charges the steps the outcome took, then gives it.
    @inline(__always)
    func replay(_ c: EvalContext) throws(CELError) -> CELValue {
        c.budget &-= cost
        if c.budget < 0 { throw CELError.budgetExceeded }
        switch outcome {
        case .value(let v): return v
        case .error(let e): throw e
        }
    }
}

/// A call of a user function with given argument values, as a memo key; nil when an argument is
/// of a kind not compared cheaply (decimals, timestamps, durations, types, bytes).
struct MemoKey: Hashable {
    let function: ObjectIdentifier
    /// The argument values, kept alive so that the storage identities stay theirs.
    let args: [CELValue]
    let hash: UInt64

    init?(_ function: UserFunction, _ args: [CELValue]) {
        self.init(ObjectIdentifier(function), args)
    }

    /// A key for what `id` computes from `args`.
    init?(_ id: ObjectIdentifier, _ args: [CELValue]) {
        var h = UInt64(UInt(bitPattern: id.hashValue))
        for arg in args {
            guard let part = MemoKey.hash(arg) else { return nil }
            h = mix64(h ^ part)
        }
        self.function = id
        self.args = args
        self.hash = h
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: MemoKey, b: MemoKey) -> Bool {
        guard a.hash == b.hash, a.function == b.function, a.args.count == b.args.count else { return false }
        for i in 0..<a.args.count where !identical(a.args[i], b.args[i]) { return false }
        return true
    }

    private static func hash(_ v: CELValue) -> UInt64? {
        switch v {
        case .null: return 0x11
        case .bool(let b): return b ? 0x13 : 0x17
        case .int(let i): return mix64(UInt64(bitPattern: i) ^ 0x1F)
        case .uint(let u): return mix64(u ^ 0x29)
        case .double(let d): return mix64(d.bitPattern ^ 0x2B)
        case .string(let s): return fastHash(s)
        case .list(let l): return mix64(UInt64(UInt(bitPattern: storage(l))) ^ 0x3B)
        case .map(let m): return mix64(UInt64(UInt(bitPattern: storage(m._keys))) &+ UInt64(UInt(bitPattern: storage(m._values))))
        default: return nil
        }
    }

    /// Same value for certain: same scalar (doubles by bit pattern), same list or map storage.
    private static func identical(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return scalarEqual(x, y)
        case (.list(let x), .list(let y)): return storage(x) == storage(y) && x.count == y.count
        case (.map(let x), .map(let y)):
            return storage(x._keys) == storage(y._keys) && storage(x._values) == storage(y._values) && x.count == y.count
        default: return false
        }
    }

    @inline(__always)
    private static func storage(_ array: [CELValue]) -> Int {
        array.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }
}

/// Remembered outcomes: of calls by function and arguments, of memo nodes by identity.
struct MemoTable {
    var calls: [MemoKey: MemoEntry] = [:]
    var nodes: [ObjectIdentifier: MemoEntry] = [:]
    var loops: [MemoKey: LoopEntry] = [:]
}

extension EvalContext {
    func remembered(_ key: MemoKey) -> MemoEntry? {
        if let entry = localMemo?.calls[key] { return entry }
        guard let memo, !hasDottedNames else { return nil }
        return memo.table.calls[key]
    }

    func remember(_ key: MemoKey, _ entry: MemoEntry, of function: UserFunction) {
        if let memo, !hasDottedNames, memo.admits(key.function, reading: function.referencedVariables) {
            memo.table.calls[key] = entry
        } else {
            if localMemo == nil { localMemo = MemoTable() }
            localMemo!.calls[key] = entry
        }
    }
}

/// A costly sub-expression that reads no loop variable: its outcome is shared by the evaluations
/// of a `CELMemo` that admits its variables. Costs no step of its own.
final class MemoNode: Node {
    var inner: Node { didSet { innerChild = Child(inner) } }
    private var innerChild: Child
    let variables: Set<String>
    /// The greatest `callHeight` of the user functions called inside (0: none).
    let callHeight: Int

    init(_ inner: Node, variables: Set<String>, callHeight: Int) {
        self.inner = inner
        self.innerChild = Child(inner)
        self.variables = variables
        self.callHeight = callHeight
        super.init(offset: inner.offset)
    }

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        guard let memo = c.memo, !c.hasDottedNames, c.callDepth + callHeight <= EvalContext.maxCallDepth,
            memo.admits(ObjectIdentifier(self), reading: variables)
        else { return try innerChild.eval(c) }
        let id = ObjectIdentifier(self)
        if let entry = memo.table.nodes[id] { return try entry.replay(c) }
        let start = c.budget
        do {
            let v = try innerChild.eval(c)
            memo.table.nodes[id] = MemoEntry(outcome: .value(v), cost: start - c.budget)
            return v
        } catch {
            if !c.aborted { memo.table.nodes[id] = MemoEntry(outcome: .error(error), cost: start - c.budget) }
            throw error
        }
    }
}

/// What the memo pass learns of a sub-expression.
struct MemoInfo {
    /// The lowest loop-variable (or parameter) slot it reads; `Int.max` when none.
    var minSlot = Int.max
    /// The top-level variables it reads, those of the user functions it calls included.
    var variables: Set<String> = []
    /// Whether evaluating it does real work: a macro, a call of a costly function, a native call.
    var costly = false
    /// The greatest `callHeight` of the user functions it calls (0: none).
    var callHeight = 0

    mutating func add(_ other: MemoInfo) {
        minSlot = min(minSlot, other.minSlot)
        if !other.variables.isEmpty { variables.formUnion(other.variables) }
        costly = costly || other.costly
        callHeight = max(callHeight, other.callHeight)
    }
}

/// Wraps the costly sub-expressions that read no loop variable in `MemoNode`s: the outermost such
/// expression for a given set of variables, and every such expression inside a macro's body
/// (evaluated once per element otherwise).
enum MemoPass {
    /// Rewrites the tree under `root` in place and returns the new root; `bound`: the slots bound
    /// outside it (a function's parameters).
    static func apply(_ root: Node, bound: Int, wrapRoot: Bool = true) -> (node: Node, info: MemoInfo) {
        let info = visit(root, bound: bound)
        if wrapRoot, info.minSlot >= bound, info.costly, wrappable(root) {
            return (MemoNode(root, variables: info.variables, callHeight: info.callHeight), info)
        }
        return (root, info)
    }

    private static func wrappable(_ n: Node) -> Bool {
        !(n is UserCallNode) && !(n is MemoNode) && !(n is ConstNode)
    }

    /// The child as it stands under its parent: wrapped when it is a costly expression reading no
    /// loop variable, unless its parent is one too, over the same variables, and evaluates it at
    /// most once (the parent is then the one remembered).
    private static func place(
        _ child: Node, _ info: MemoInfo, bound: Int, parent: MemoInfo, parentBound: Int, parentWrappable: Bool,
        repeated: Bool = false
    ) -> Node {
        guard info.minSlot >= bound, info.costly, wrappable(child) else { return child }
        if !repeated, parentWrappable, parent.minSlot >= parentBound, parent.costly, parent.variables == info.variables {
            return child
        }
        return MemoNode(child, variables: info.variables, callHeight: info.callHeight)
    }

    /// Sub-expressions evaluated side by side under one parent: the parent's info is theirs summed
    /// (over `base`, what the parent adds itself), and each is placed under it.
    private static func operands(
        _ nodes: inout [Node], bound: Int, base: MemoInfo = MemoInfo(), parentWrappable: Bool = true
    ) -> MemoInfo {
        let infos = nodes.map { visit($0, bound: bound) }
        var info = base
        for i in infos { info.add(i) }
        nodes = zip(nodes, infos).map {
            place($0, $1, bound: bound, parent: info, parentBound: bound, parentWrappable: parentWrappable)
        }
        return info
    }

    private static func operands(_ node: inout Node, bound: Int, base: MemoInfo = MemoInfo()) -> MemoInfo {
        var nodes = [node]
        let info = operands(&nodes, bound: bound, base: base)
        node = nodes[0]
        return info
    }

    private static func operands(_ a: inout Node, _ b: inout Node, bound: Int) -> MemoInfo {
        var nodes = [a, b]
        let info = operands(&nodes, bound: bound)
        (a, b) = (nodes[0], nodes[1])
        return info
    }

    private static func visit(_ n: Node, bound: Int) -> MemoInfo {
        switch n {
        case let x as LocalNode:
            return MemoInfo(minSlot: x.slot)
        case let x as VarNode:
            return MemoInfo(variables: [x.name])
        case let x as QualifiedVarNode:
            return MemoInfo(variables: [x.root])
        case let x as ComprehensionNode:
            let r = visit(x.range, bound: bound)
            let inner = x.slot + x.boundSlots
            let b = visit(x.body, bound: inner)
            let f = x.filter.map { visit($0, bound: inner) }
            var info = r
            info.costly = true
            var bodyPart = b
            if let f { bodyPart.add(f) }
            if bodyPart.minSlot >= x.slot { bodyPart.minSlot = Int.max } // its own variable, or inner ones
            info.add(bodyPart)
            info.costly = true
            let pw = wrappable(n)
            x.range = place(x.range, r, bound: bound, parent: info, parentBound: bound, parentWrappable: pw)
            x.body = place(x.body, b, bound: inner, parent: info, parentBound: bound, parentWrappable: pw, repeated: true)
            if let filter = x.filter, let f {
                x.filter = place(filter, f, bound: inner, parent: info, parentBound: bound, parentWrappable: pw, repeated: true)
            }
            return info
        case let x as UserCallNode:
            let base = MemoInfo(
                variables: x.function.referencedVariables, costly: x.function.isMemoized,
                callHeight: x.function.callHeight)
            return operands(&x.args, bound: bound, base: base, parentWrappable: false)
        case let x as CallNNode:
            return operands(&x.args, bound: bound, base: MemoInfo(costly: true))
        case let x as MeteredCallNode:
            return operands(&x.args, bound: bound, base: MemoInfo(costly: true))
        case let x as MatchesConstNode:
            return operands(&x.target, bound: bound, base: MemoInfo(costly: true))
        case let x as SelectNode:
            return operands(&x.operand, bound: bound)
        case let x as HasNode:
            return operands(&x.operand, bound: bound)
        case let x as NotNode:
            return operands(&x.operand, bound: bound)
        case let x as NegNode:
            return operands(&x.operand, bound: bound)
        case let x as Call1Node:
            return operands(&x.arg, bound: bound)
        case let x as IndexNode:
            return operands(&x.operand, &x.index, bound: bound)
        case let x as Call2Node:
            return operands(&x.a, &x.b, bound: bound)
        case let x as any BinaryOperands:
            var (lhs, rhs) = (x.lhs, x.rhs)
            let info = operands(&lhs, &rhs, bound: bound)
            (x.lhs, x.rhs) = (lhs, rhs)
            return info
        case let x as CondNode:
            var nodes = [x.cond, x.then, x.otherwise]
            let info = operands(&nodes, bound: bound)
            (x.cond, x.then, x.otherwise) = (nodes[0], nodes[1], nodes[2])
            return info
        case let x as JunctionNode:
            return operands(&x.terms, bound: bound)
        case let x as ListNode:
            return operands(&x.elements, bound: bound)
        case let x as MapNode:
            var nodes = x.entries.flatMap { [$0.0, $0.1] }
            let info = operands(&nodes, bound: bound)
            x.entries = stride(from: 0, to: nodes.count, by: 2).map { (nodes[$0], nodes[$0 + 1]) }
            return info
        case let x as ErrorNode:
            return operands(&x.args, bound: bound)
        case is ConstNode:
            return MemoInfo()
        default:
            // A node this pass does not know: taken as reading loop variables, so that neither it
            // nor anything around it is remembered.
            return MemoInfo(minSlot: Int.min)
        }
    }
}

// MARK: - Macros remembered by their range and their loop-invariant parts

/// A part of a macro's body that reads neither the macro's variable nor anything bound inside the
/// body (`item.partner` in `orgs.filter(o, o.id == item.partner)`). While its `KeyedLoop` runs the
/// macro, its value is the one worked out before the loop, charged at the steps that took each
/// time it is read, and the reads are counted; otherwise it is evaluated as written.
final class InvariantNode: Node {
    var inner: Node
    /// Frame slots: whether the loop is running keyed, the value, its cost, the reads so far.
    let activeSlot: Int, valueSlot: Int, costSlot: Int, countSlot: Int

    init(_ inner: Node, activeSlot: Int, valueSlot: Int) {
        self.inner = inner
        self.activeSlot = activeSlot
        self.valueSlot = valueSlot
        self.costSlot = valueSlot + 1
        self.countSlot = valueSlot + 2
        super.init(offset: inner.offset)
    }

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        guard case .bool(true) = c.locals[activeSlot], case .int(let cost) = c.locals[costSlot],
            case .int(let count) = c.locals[countSlot]
        else { return try inner.eval(c) }
        c.budget &-= Int(cost)
        if c.budget < 0 { throw CELError.budgetExceeded }
        c.locals[countSlot] = .int(count + 1)
        return c.locals[valueSlot]
    }
}

/// The outcome of a keyed macro, the steps it took besides reading its invariants, and how often
/// it read each.
struct LoopEntry {
    var outcome: MemoEntry.Outcome
    var base: Int
    var reads: [Int]
}

/// Remembers a macro (`all`, `exists`, `filter`, `map` …) whose body reads, besides its own
/// variable, only loop-invariant parts: its outcome depends on the range's value (a list or map,
/// by storage) and the values of those parts alone, so it is kept under them — in the shared memo
/// when the functions it calls read only constant variables, else for the evaluation.
///
/// The invariant parts are worked out before the loop with the budget put back afterwards (one
/// that fails, or a range that is not a list or map, runs the macro as written); a repeat charges
/// the steps the first run took besides the invariants, plus each invariant's steps (as worked out
/// now) times the number of reads it made, so that results, errors and budget exhaustion are
/// exactly those of running the macro as written.
final class KeyedLoop {
    let invariants: [InvariantNode]
    let activeSlot: Int
    /// The top-level variables the functions called in the loop (outside the invariants) read.
    let variables: Set<String>
    /// The greatest `callHeight` of the user functions called in the macro (0: none).
    let callHeight: Int

    init(invariants: [InvariantNode], activeSlot: Int, variables: Set<String>, callHeight: Int) {
        self.invariants = invariants
        self.activeSlot = activeSlot
        self.variables = variables
        self.callHeight = callHeight
    }

    func run(_ loop: ComprehensionNode, _ c: EvalContext, _ r: CELValue) throws(CELError) -> CELValue {
        guard c.memo != nil, !c.hasDottedNames, c.callDepth + callHeight <= EvalContext.maxCallDepth else {
            return try loop.iterate(c, r)
        }
        switch r {
        case .list, .map: break
        default: return try loop.iterate(c, r)
        }
        // The invariants, at no cost to the budget.
        let saved = c.budget
        var key: [CELValue] = [r]
        var costs: [Int] = []
        key.reserveCapacity(invariants.count + 1)
        costs.reserveCapacity(invariants.count)
        for invariant in invariants {
            let before = c.budget
            do {
                key.append(try invariant.inner.eval(c))
                costs.append(before - c.budget)
            } catch {
                c.budget = saved
                return try loop.iterate(c, r)
            }
        }
        c.budget = saved
        guard let memoKey = MemoKey(ObjectIdentifier(self), key) else { return try loop.iterate(c, r) }
        let shared = c.memo!.admits(ObjectIdentifier(self), reading: variables)
        if let entry = shared ? c.memo!.table.loops[memoKey] : c.localMemo?.loops[memoKey] {
            var charge = entry.base
            for i in 0..<costs.count { charge &+= entry.reads[i] &* costs[i] }
            c.budget &-= charge
            if c.budget < 0 { throw CELError.budgetExceeded }
            switch entry.outcome {
            case .value(let v): return v
            case .error(let e): throw e
            }
        }
        // Run the loop with the invariants' values in their slots, counting their reads.
        for (i, invariant) in invariants.enumerated() {
            c.locals[invariant.valueSlot] = key[i + 1]
            c.locals[invariant.costSlot] = .int(Int64(costs[i]))
            c.locals[invariant.countSlot] = .int(0)
        }
        c.locals[activeSlot] = .bool(true)
        let start = c.budget
        let outcome: MemoEntry.Outcome
        do {
            outcome = .value(try loop.iterate(c, r))
        } catch {
            outcome = .error(error)
        }
        c.locals[activeSlot] = .null
        var reads: [Int] = []
        var base = start - c.budget
        for (i, invariant) in invariants.enumerated() {
            guard case .int(let n) = c.locals[invariant.countSlot] else { continue }
            reads.append(Int(n))
            base -= Int(n) * costs[i]
            c.locals[invariant.valueSlot] = .null
        }
        switch outcome {
        case .value(let v):
            remember(memoKey, LoopEntry(outcome: outcome, base: base, reads: reads), c, shared: shared)
            return v
        case .error(let e):
            if !c.aborted { remember(memoKey, LoopEntry(outcome: outcome, base: base, reads: reads), c, shared: shared) }
            throw e
        }
    }

    private func remember(_ key: MemoKey, _ entry: LoopEntry, _ c: EvalContext, shared: Bool) {
        if shared {
            c.memo!.table.loops[key] = entry
        } else {
            if c.localMemo == nil { c.localMemo = MemoTable() }
            c.localMemo!.loops[key] = entry
        }
    }
}

/// Finds the macros a `KeyedLoop` can remember, after `MemoPass`: a macro whose body (and
/// filter) holds no other macro outside its invariant parts, and whose invariant parts (at most
/// four) include one that reads a top-level variable (`item`): such a macro is evaluated once per
/// item, over a range that does not change.
struct LoopKeying {
    /// The next free frame slot; the frame grows by what the keyed loops need.
    var nextSlot: Int

    /// What `LoopKeying` learns of a sub-expression.
    struct Scan {
        /// Loop variables and parameters read and not bound inside (bit per slot).
        var freeMask: UInt64 = 0
        /// A slot beyond the mask was read: taken as reading everything.
        var overflow = false
        var variables: Set<String> = []
        var callHeight = 0
        var hasMacro = false

        mutating func add(_ o: Scan) {
            freeMask |= o.freeMask
            overflow = overflow || o.overflow
            if !o.variables.isEmpty { variables.formUnion(o.variables) }
            callHeight = max(callHeight, o.callHeight)
            hasMacro = hasMacro || o.hasMacro
        }
    }

    mutating func apply(_ root: Node) {
        visit(root)
    }

    private mutating func visit(_ n: Node) {
        for child in LoopKeying.children(of: n) { visit(child) }
        if let loop = n as? ComprehensionNode, loop.keyed == nil { key(loop) }
    }

    private mutating func key(_ loop: ComprehensionNode) {
        let s = loop.slot
        guard s < 60 else { return }
        // A nested macro outside the invariant parts, or too many parts: left as it is.
        var count = 0
        var readsVariable = false
        func survey(_ n: Node) -> Bool {
            let scan = LoopKeying.scan(n)
            if !scan.overflow, scan.freeMask >> UInt64(s) == 0 {
                if !(n is ConstNode) && (!scan.variables.isEmpty || scan.freeMask != 0) {
                    count += 1
                    if !scan.variables.isEmpty { readsVariable = true }
                }
                return true
            }
            if n is ComprehensionNode { return false }
            return LoopKeying.children(of: n).allSatisfy(survey)
        }
        guard survey(loop.body), loop.filter.map(survey) ?? true, count > 0, count <= 4, readsVariable else { return }
        // Wrap the invariant parts.
        let activeSlot = nextSlot
        nextSlot += 1
        var invariants: [InvariantNode] = []
        var others = Scan()
        func wrap(_ n: Node) -> Node {
            let scan = LoopKeying.scan(n)
            if !scan.overflow, scan.freeMask >> UInt64(s) == 0 {
                guard !(n is ConstNode), !scan.variables.isEmpty || scan.freeMask != 0 else { return n }
                let invariant = InvariantNode(n, activeSlot: activeSlot, valueSlot: nextSlot)
                nextSlot += 3
                invariants.append(invariant)
                return invariant
            }
            if let call = n as? UserCallNode {
                others.variables.formUnion(call.function.referencedVariables)
            }
            LoopKeying.rewriteChildren(of: n, wrap)
            return n
        }
        loop.body = wrap(loop.body)
        if let filter = loop.filter { loop.filter = wrap(filter) }
        loop.keyed = KeyedLoop(
            invariants: invariants, activeSlot: activeSlot, variables: others.variables,
            callHeight: LoopKeying.scan(loop).callHeight)
    }

    /// Free slots, variables, call height and macros of a sub-expression.
    static func scan(_ n: Node) -> Scan {
        var scan = Scan()
        switch n {
        case let x as LocalNode:
            if x.slot < 64 { scan.freeMask = 1 << UInt64(x.slot) } else { scan.overflow = true }
            return scan
        case let x as VarNode:
            scan.variables = [x.name]
            return scan
        case let x as QualifiedVarNode:
            scan.variables = [x.root]
            return scan
        case let x as UserCallNode:
            scan.variables = x.function.referencedVariables
            scan.callHeight = x.function.callHeight
        case is ConstNode:
            return scan
        case let x as ComprehensionNode:
            scan.hasMacro = true
            scan.add(Self.scan(x.range))
            var inner = Self.scan(x.body)
            if let filter = x.filter { inner.add(Self.scan(filter)) }
            for slot in x.slot..<(x.slot + x.boundSlots) where slot < 64 { inner.freeMask &= ~(1 << UInt64(slot)) }
            scan.add(inner)
            return scan
        default:
            // A node this pass does not know: taken as reading every loop variable.
            guard known(n) else {
                scan.overflow = true
                return scan
            }
        }
        for child in children(of: n) { scan.add(Self.scan(child)) }
        return scan
    }

    private static func known(_ n: Node) -> Bool {
        n is SelectNode || n is HasNode || n is IndexNode || n is ListNode || n is MapNode || n is NotNode
            || n is NegNode || n is JunctionNode || n is CondNode || n is any BinaryOperands
            || n is Call1Node || n is Call2Node || n is CallNNode || n is MeteredCallNode
            || n is ErrorNode || n is UserCallNode || n is MatchesConstNode || n is MemoNode || n is InvariantNode
    }

    /// The sub-expressions of a node; nil for a node this pass does not know.
    static func children(of n: Node) -> [Node] {
        switch n {
        case let x as SelectNode: return [x.operand]
        case let x as HasNode: return [x.operand]
        case let x as IndexNode: return [x.operand, x.index]
        case let x as ListNode: return x.elements
        case let x as MapNode: return x.entries.flatMap { [$0.0, $0.1] }
        case let x as NotNode: return [x.operand]
        case let x as NegNode: return [x.operand]
        case let x as JunctionNode: return x.terms
        case let x as CondNode: return [x.cond, x.then, x.otherwise]
        case let x as any BinaryOperands: return [x.lhs, x.rhs]
        case let x as ComprehensionNode: return [x.range, x.body] + (x.filter.map { [$0] } ?? [])
        case let x as Call1Node: return [x.arg]
        case let x as Call2Node: return [x.a, x.b]
        case let x as CallNNode: return x.args
        case let x as MeteredCallNode: return x.args
        case let x as ErrorNode: return x.args
        case let x as UserCallNode: return x.args
        case let x as MatchesConstNode: return [x.target]
        case let x as MemoNode: return [x.inner]
        case let x as InvariantNode: return [x.inner]
        default: return []
        }
    }

    /// Replaces each sub-expression `c` of `n` by `f(c)`.
    static func rewriteChildren(of n: Node, _ f: (Node) -> Node) {
        switch n {
        case let x as SelectNode: x.operand = f(x.operand)
        case let x as HasNode: x.operand = f(x.operand)
        case let x as IndexNode:
            x.operand = f(x.operand)
            x.index = f(x.index)
        case let x as ListNode: x.elements = x.elements.map(f)
        case let x as MapNode: x.entries = x.entries.map { (f($0.0), f($0.1)) }
        case let x as NotNode: x.operand = f(x.operand)
        case let x as NegNode: x.operand = f(x.operand)
        case let x as JunctionNode: x.terms = x.terms.map(f)
        case let x as CondNode:
            x.cond = f(x.cond)
            x.then = f(x.then)
            x.otherwise = f(x.otherwise)
        case let x as any BinaryOperands:
            x.lhs = f(x.lhs)
            x.rhs = f(x.rhs)
        case let x as ComprehensionNode:
            x.range = f(x.range)
            x.body = f(x.body)
            if let filter = x.filter { x.filter = f(filter) }
        case let x as Call1Node: x.arg = f(x.arg)
        case let x as Call2Node:
            x.a = f(x.a)
            x.b = f(x.b)
        case let x as CallNNode: x.args = x.args.map(f)
        case let x as MeteredCallNode: x.args = x.args.map(f)
        case let x as ErrorNode: x.args = x.args.map(f)
        case let x as UserCallNode: x.args = x.args.map(f)
        case let x as MatchesConstNode: x.target = f(x.target)
        case let x as MemoNode: x.inner = f(x.inner)
        case let x as InvariantNode: x.inner = f(x.inner)
        default: break
        }
    }
}
