import Foundation

// MARK: - Evaluation context

/// Per-evaluation state: the bindings, the loop-variable frame, the remaining cost budget.
final class EvalContext {
    var budget: Int
    private(set) var vars: CELBindings
    var locals: UnsafeMutablePointer<CELValue>
    var callDepth = 0
    /// Outcomes shared with other evaluations (see `CELMemo`); nil while the context waits in its
    /// memo for the next evaluation (`CELMemo.spareContext`), so that the two do not hold each other.
    private(set) var memo: CELMemo?
    /// Outcomes of function calls in this evaluation alone (see `MemoTable`).
    var localMemo: MemoTable?

    static let maxCallDepth = 32

    init(vars: CELBindings, budget: Int, frameSize: Int, memo: CELMemo? = nil) {
        self.vars = vars
        self.budget = budget
        self.memo = memo
        let n = max(frameSize, 1)
        locals = .allocate(capacity: n)
        locals.initialize(repeating: .null, count: n)
        frameCount = n
    }

    convenience init(vars: [String: CELValue], budget: Int, frameSize: Int) {
        self.init(vars: CELBindings(vars), budget: budget, frameSize: frameSize)
    }

    private var frameCount: Int

    /// Makes the context what `init` would make it for another evaluation with `memo` (it keeps
    /// its blocks of slots, which spares two allocations and their release per evaluation).
    func reuse(vars: CELBindings, budget: Int, frameSize: Int, memo: CELMemo) {
        self.vars = vars
        self.budget = budget
        self.memo = memo
        callDepth = 0
        localMemo = nil
        let n = max(frameSize, 1)
        if n > frameCount {
            locals.deinitialize(count: frameCount)
            locals.deallocate()
            locals = .allocate(capacity: n)
            locals.initialize(repeating: .null, count: n)
            frameCount = n
        } else {
            locals.update(repeating: .null, count: frameCount)
        }
    }

    /// Lets go of what the last evaluation used, for the context to wait in its memo (the host's
    /// bindings among them: it changes them next, which would copy them while shared).
    func park() {
        vars = CELBindings()
        memo = nil
        localMemo = nil
    }

    deinit {
        locals.deinitialize(count: frameCount)
        locals.deallocate()
        frames?.deallocate()
    }

    /// The frames of the user-function calls under way, one above the other in one block (taken
    /// when the first call is made); a call that does not fit gets a frame of its own.
    private var frames: UnsafeMutablePointer<CELValue>? = nil
    private var framesUsed = 0
    private static let framesCapacity = 32

    /// A frame of `count` slots, all null, for a call; `releaseFrame` gives it back when the call ends.
    @inline(__always)
    func takeFrame(_ count: Int) -> UnsafeMutablePointer<CELValue> {
        if frames == nil { frames = .allocate(capacity: Self.framesCapacity) }
        let frame: UnsafeMutablePointer<CELValue>
        if framesUsed + count <= Self.framesCapacity {
            frame = frames! + framesUsed
            framesUsed += count
        } else {
            frame = .allocate(capacity: count)
        }
        frame.initialize(repeating: .null, count: count)
        return frame
    }

    /// Ends the frame `takeFrame(count)` gave, the last one taken.
    @inline(__always)
    func releaseFrame(_ frame: UnsafeMutablePointer<CELValue>, _ count: Int) {
        frame.deinitialize(count: count)
        if let frames, frame >= frames, frame < frames + Self.framesCapacity {
            framesUsed -= count
        } else {
            frame.deallocate()
        }
    }

    /// Whether any binding has a dotted name (`a.b`); only then do qualified names need the slow resolution.
    @inline(__always)
    var hasDottedNames: Bool { vars.hasDottedNames }

    @inline(__always)
    func step() throws(CELError) {
        budget &-= 1
        if budget < 0 { throw CELError.budgetExceeded }
    }

    /// Errors that must never be absorbed by `&&`, `||` or the `all`/`exists` macros.
    @inline(__always)
    var aborted: Bool { budget < 0 }
}

extension CELError {
    static let budgetExceeded = CELError("evaluation cost budget exceeded")

    static func noOverload(_ fn: String, _ args: CELValue...) -> CELError {
        CELError("no matching overload for '\(fn)' applied to '(\(args.map { $0.celType.name }.joined(separator: ", ")))'")
    }

    static func noOverload(_ fn: String, args: [CELValue]) -> CELError {
        CELError("no matching overload for '\(fn)' applied to '(\(args.map { $0.celType.name }.joined(separator: ", ")))'")
    }

    static let overflow = CELError("return error for overflow")
}

// MARK: - Nodes

/// A node of the resolved, executable tree. Nodes are immutable after compilation and shared across threads.
class Node {
    let offset: Int
    init(offset: Int) { self.offset = offset }
    func eval(_ c: EvalContext) throws(CELError) -> CELValue { fatalError("abstract") }
    /// The node's value when it is a compile-time constant.
    var constantValue: CELValue? { nil }
}

/// A sub-expression as its parent evaluates it: a reference that costs no reference counting to
/// follow (reading a node's `var` would retain and release the child on every evaluation). The
/// parent keeps the child alive through its own `var`, whose `didSet` keeps this in step when the
/// passes over the compiled tree replace the child; nothing changes the tree while it runs.
struct Child {
    let node: Unmanaged<Node>

    @inline(__always)
    init(_ node: Node) { self.node = .passUnretained(node) }

    @inline(__always)
    func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        do {
            return try node._withUnsafeGuaranteedRef { try $0.eval(c) }
        } catch {
            // Evaluation throws nothing else.
            throw error as! CELError
        }
    }
}

extension Array where Element == Node {
    /// The nodes as their parent evaluates them (see `Child`).
    var children: [Child] { map(Child.init) }
}

final class ConstNode: Node {
    let value: CELValue
    init(_ value: CELValue, offset: Int) {
        self.value = value
        super.init(offset: offset)
    }
    override var constantValue: CELValue? { value }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return value
    }
}

final class VarNode: Node {
    let name: String
    let hash: UInt64
    init(_ name: String, offset: Int) {
        self.name = name
        self.hash = fastHash(name)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        guard let v = c.vars.value(name, hash: hash) else { throw CELError("undeclared reference to '\(name)'") }
        return v
    }
}

/// `a.b.c` where `a` is not a loop variable: the longest dotted prefix that is bound wins (`a.b.c`, then `a.b`
/// with field `c`, then `a` with fields `b`, `c`).
final class QualifiedVarNode: Node {
    let root: String
    let rootHash: UInt64
    let path: [String]
    let pathHashes: [UInt64]
    let candidates: [(name: String, hash: UInt64, rest: Int)] // rest: index in `path` where field selection starts

    init(root: String, path: [String], offset: Int) {
        self.root = root
        self.rootHash = fastHash(root)
        self.path = path
        self.pathHashes = path.map(fastHash)
        var cands: [(String, UInt64, Int)] = []
        for k in stride(from: path.count, through: 1, by: -1) {
            let name = ([root] + path[0..<k]).joined(separator: ".")
            cands.append((name, fastHash(name), k))
        }
        candidates = cands
        super.init(offset: offset)
    }

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var start = 0
        var value: CELValue? = nil
        if c.hasDottedNames {
            for cand in candidates {
                if let v = c.vars.value(cand.name, hash: cand.hash) {
                    value = v
                    start = cand.rest
                    break
                }
            }
        }
        if value == nil {
            guard let v = c.vars.value(root, hash: rootHash) else { throw CELError("undeclared reference to '\(root)'") }
            value = v
        }
        var v = value!
        var i = start
        while i < path.count {
            v = try selectField(v, path[i], hash: pathHashes[i])
            i += 1
        }
        return v
    }
}

final class LocalNode: Node {
    let slot: Int
    init(slot: Int, offset: Int) {
        self.slot = slot
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return c.locals[slot]
    }
}

@inline(__always)
func selectField(_ v: CELValue, _ field: String, hash: UInt64) throws(CELError) -> CELValue {
    switch v {
    case .map(let m):
        guard let i = m.position(ofString: field, hash: hash) else {
            try m.checkKnown(field)
            throw CELError("no such key: '\(field)'")
        }
        return m._values[i]
    case .optional(let o):
        // Selection on an optional is optional too: `optional.of(m).f` is `m.?f`.
        guard let inner = o else { return v }
        return try optionalSelect(inner, field, hash: hash)
    default:
        throw CELError("type '\(v.celType.name)' does not support field selection")
    }
}

final class SelectNode: Node {
    var operand: Node { didSet { operandChild = Child(operand) } }
    private var operandChild: Child
    let field: String
    let hash: UInt64
    init(_ operand: Node, _ field: String, offset: Int) {
        self.operand = operand
        self.operandChild = Child(operand)
        self.field = field
        self.hash = fastHash(field)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return try selectField(try operandChild.eval(c), field, hash: hash)
    }
}

final class HasNode: Node {
    var operand: Node { didSet { operandChild = Child(operand) } }
    private var operandChild: Child
    let field: String
    let hash: UInt64
    init(_ operand: Node, _ field: String, offset: Int) {
        self.operand = operand
        self.operandChild = Child(operand)
        self.field = field
        self.hash = fastHash(field)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var v = try operandChild.eval(c)
        if case .optional(let o) = v {
            guard let inner = o else { return .bool(false) }
            v = inner
        }
        guard case .map(let m) = v else {
            throw CELError("has() does not support values of type '\(v.celType.name)'")
        }
        if m.position(ofString: field, hash: hash) != nil { return .bool(true) }
        try m.checkKnown(field)
        return .bool(false)
    }
}

func indexValue(_ container: CELValue, _ index: CELValue) throws(CELError) -> CELValue {
    switch container {
    case .list(let l):
        let i: Int64
        switch index {
        case .int(let x): i = x
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw CELError("index out of bounds: \(u)") }
            i = Int64(u)
        case .double(let d):
            guard d.rounded(.towardZero) == d else {
                throw CELError("invalid_argument: list index \(formatDoubleCEL(d)) is not an integer")
            }
            guard d >= 0 && d < Double(l.count) else {
                throw CELError("invalid_argument: index out of bounds: \(formatDoubleCEL(d))")
            }
            i = Int64(d)
        default:
            throw CELError("invalid_argument: no such overload for list index of type '\(index.celType.name)'")
        }
        guard i >= 0 && i < Int64(l.count) else { throw CELError("invalid_argument: index out of bounds: \(i)") }
        return l[Int(i)]
    case .map(let m):
        switch index {
        case .int, .uint, .bool, .string, .double, .decimal:
            guard let p = m.position(of: index) else {
                try m.checkKnown(index)
                throw CELError("no such key: \(index.description)")
            }
            return m._values[p]
        default:
            throw CELError("no such key: unsupported key type '\(index.celType.name)'")
        }
    case .optional(let o):
        // Indexing an optional is optional too: `optional.of(l)[0]` is `l[?0]`.
        guard let inner = o else { return container }
        return try optionalIndex(inner, index)
    default:
        throw CELError.noOverload("_[_]", container, index)
    }
}

final class IndexNode: Node {
    var operand: Node { didSet { operandChild = Child(operand) } }
    var index: Node { didSet { indexChild = Child(index) } }
    private var operandChild: Child, indexChild: Child
    init(_ operand: Node, _ index: Node, offset: Int) {
        self.operand = operand
        self.index = index
        self.operandChild = Child(operand)
        self.indexChild = Child(index)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let a = try operandChild.eval(c)
        let b = try indexChild.eval(c)
        return try indexValue(a, b)
    }
}

final class ListNode: Node {
    var elements: [Node]
    /// The positions of optional elements (`[?e]`): present only when `e` has a value.
    let optionalAt: Set<Int>
    init(_ elements: [Node], optionalAt: Set<Int> = [], offset: Int) {
        self.elements = elements
        self.optionalAt = optionalAt
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var out: [CELValue] = []
        out.reserveCapacity(elements.count)
        if optionalAt.isEmpty {
            for e in elements { out.append(try e.eval(c)) }
            return .list(out)
        }
        for (i, e) in elements.enumerated() {
            let v = try e.eval(c)
            if optionalAt.contains(i) {
                if let present = try optionalEntry(v) { out.append(present) }
            } else {
                out.append(v)
            }
        }
        return .list(out)
    }
}

/// The value of an optional list element or map entry (`[?e]`, `{?k: e}`): nil when `e` is empty.
func optionalEntry(_ v: CELValue) throws(CELError) -> CELValue? {
    guard case .optional(let o) = v else {
        throw CELError("an optional entry ('?') needs an optional value, got '\(v.celType.name)'")
    }
    return o
}

final class MapNode: Node {
    var entries: [(Node, Node)]
    /// The positions of optional entries (`{?k: v}`): present only when `v` has a value.
    let optionalAt: Set<Int>
    init(_ entries: [(Node, Node)], optionalAt: Set<Int> = [], offset: Int) {
        self.entries = entries
        self.optionalAt = optionalAt
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var m = CELMap()
        m._keys.reserveCapacity(entries.count)
        m._values.reserveCapacity(entries.count)
        for (i, (kn, vn)) in entries.enumerated() {
            let k = try kn.eval(c)
            switch k {
            case .int, .uint, .bool, .string: break
            default: throw CELError("unsupported key type '\(k.celType.name)' in map literal")
            }
            var v = try vn.eval(c)
            if !optionalAt.isEmpty && optionalAt.contains(i) {
                guard let present = try optionalEntry(v) else { continue }
                v = present
            }
            if !m.insertNew(k, v) { throw CELError("Failed with repeated key: \(k.description)") }
        }
        return .map(m)
    }
}

final class NotNode: Node {
    var operand: Node { didSet { operandChild = Child(operand) } }
    private var operandChild: Child
    let count: Int
    init(_ operand: Node, count: Int, offset: Int) {
        self.operand = operand
        self.operandChild = Child(operand)
        self.count = count
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let v = try operandChild.eval(c)
        guard case .bool(let b) = v else { throw CELError.noOverload("!_", v) }
        return .bool(count % 2 == 1 ? !b : b)
    }
}

func negate(_ v: CELValue) throws(CELError) -> CELValue {
    switch v {
    case .int(let i):
        guard i != Int64.min else { throw CELError.overflow }
        return .int(-i)
    case .double(let d): return .double(-d)
    case .decimal(let d): return .decimal(-d)
    case .duration(let d):
        guard d.nanoseconds != Int64.min else { throw CELError.overflow }
        return .duration(CELDuration(nanoseconds: -d.nanoseconds))
    default: throw CELError.noOverload("-_", v)
    }
}

final class NegNode: Node {
    var operand: Node
    let count: Int
    init(_ operand: Node, count: Int, offset: Int) {
        self.operand = operand
        self.count = count
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let v = try operand.eval(c)
        let once = try negate(v)
        return count % 2 == 1 ? once : v
    }
}

/// `&&` or `||` over its terms, with CEL's commutative error absorption: the absorbing value
/// (false for `&&`, true for `||`) in any term wins over an error or a non-bool in another;
/// otherwise the first such error is the result.
class JunctionNode: Node {
    var terms: [Node] { didSet { termChildren = terms.children } }
    private var termChildren: [Child]
    let absorbing: Bool
    let name: String

    init(_ terms: [Node], absorbing: Bool, name: String, offset: Int) {
        self.terms = terms
        self.termChildren = terms.children
        self.absorbing = absorbing
        self.name = name
        super.init(offset: offset)
    }

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var err: CELError? = nil
        for t in termChildren {
            do {
                let v = try t.eval(c)
                if case .bool(let b) = v {
                    if b == absorbing { return .bool(absorbing) }
                } else if err == nil {
                    err = CELError.noOverload(name, v)
                }
            } catch {
                if c.aborted { throw error }
                if err == nil || (error.isUnknown && !err!.isUnknown) { err = error }
            }
        }
        if let err { throw err }
        return .bool(!absorbing)
    }
}

final class AndNode: JunctionNode {
    init(_ terms: [Node], offset: Int) {
        super.init(terms, absorbing: false, name: "_&&_", offset: offset)
    }
}

final class OrNode: JunctionNode {
    init(_ terms: [Node], offset: Int) {
        super.init(terms, absorbing: true, name: "_||_", offset: offset)
    }
}

final class CondNode: Node {
    var cond: Node { didSet { condChild = Child(cond) } }
    var then: Node { didSet { thenChild = Child(then) } }
    var otherwise: Node { didSet { otherwiseChild = Child(otherwise) } }
    private var condChild: Child, thenChild: Child, otherwiseChild: Child
    init(_ cond: Node, _ then: Node, _ otherwise: Node, offset: Int) {
        self.cond = cond
        self.then = then
        self.otherwise = otherwise
        condChild = Child(cond)
        thenChild = Child(then)
        otherwiseChild = Child(otherwise)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let v = try condChild.eval(c)
        guard case .bool(let b) = v else { throw CELError.noOverload("_?_:_", v) }
        return try b ? thenChild.eval(c) : otherwiseChild.eval(c)
    }
}

// MARK: Binary operators

/// A node with two operands (`a + b`, `a == b`, `a < b`, `a in b`), which the passes over the
/// compiled tree visit and rewrite alike.
protocol BinaryOperands: Node {
    var lhs: Node { get set }
    var rhs: Node { get set }
}

extension ArithNode: BinaryOperands {}
extension EqNode: BinaryOperands {}
extension CompareNode: BinaryOperands {}
extension InNode: BinaryOperands {}

final class ArithNode: Node {
    let op: BinaryOp
    var lhs: Node { didSet { lhsChild = Child(lhs) } }
    var rhs: Node { didSet { rhsChild = Child(rhs) } }
    private var lhsChild: Child, rhsChild: Child
    /// Decimal forms of constant numeric operands, so `amount * 0.8` does not convert 0.8 on every evaluation.
    let lhsDecimal: Decimal?, rhsDecimal: Decimal?
    init(_ op: BinaryOp, _ lhs: Node, _ rhs: Node, offset: Int) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        lhsChild = Child(lhs)
        rhsChild = Child(rhs)
        lhsDecimal = lhs.constantValue.flatMap(constantDecimal)
        rhsDecimal = rhs.constantValue.flatMap(constantDecimal)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var a = try lhsChild.eval(c)
        var b = try rhsChild.eval(c)
        if case .decimal = a, let d = rhsDecimal { b = .decimal(d) }
        if case .decimal = b, let d = lhsDecimal { a = .decimal(d) }
        return try arithmetic(op, a, b)
    }
}

/// The decimal form of a numeric constant (nil for decimals themselves and non-numbers).
func constantDecimal(_ v: CELValue) -> Decimal? {
    switch v {
    case .int, .uint, .double: return decimalOfNumber(v)
    default: return nil
    }
}

/// `op` on two integers of one width (nil: not an arithmetic operator). Overflow, including
/// `Int64.min / -1`, and division by zero are errors, as CEL says, never a wrapped result.
@inline(__always)
private func integerArithmetic<T: FixedWidthInteger>(_ op: BinaryOp, _ x: T, _ y: T) throws(CELError) -> T? {
    let result: (partialValue: T, overflow: Bool)
    switch op {
    case .add: result = x.addingReportingOverflow(y)
    case .sub: result = x.subtractingReportingOverflow(y)
    case .mul: result = x.multipliedReportingOverflow(by: y)
    case .div:
        if y == 0 { throw CELError("division by zero") }
        result = x.dividedReportingOverflow(by: y)
    case .mod:
        if y == 0 { throw CELError("modulus by zero") }
        result = x.remainderReportingOverflow(dividingBy: y)
    default: return nil
    }
    if result.overflow { throw CELError.overflow }
    return result.partialValue
}

func arithmetic(_ op: BinaryOp, _ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
        if let r = try integerArithmetic(op, x, y) { return .int(r) }
    case (.uint(let x), .uint(let y)):
        if let r = try integerArithmetic(op, x, y) { return .uint(r) }
    case (.double(let x), .double(let y)):
        switch op {
        case .add: return .double(x + y)
        case .sub: return .double(x - y)
        case .mul: return .double(x * y)
        case .div: return .double(x / y)
        default: break
        }
    case (.string(let x), .string(let y)):
        if op == .add { return .string(x + y) }
    case (.bytes(let x), .bytes(let y)):
        if op == .add { return .bytes(x + y) }
    case (.list(let x), .list(let y)):
        if op == .add {
            if x.isEmpty { return b }
            if y.isEmpty { return a }
            return .list(x + y)
        }
    case (.timestamp(let t), .duration(let d)):
        if op == .add { return try addDuration(t, d) }
        if op == .sub { return try addDuration(t, d, negate: true) }
    case (.duration(let d), .timestamp(let t)):
        if op == .add { return try addDuration(t, d) }
    case (.duration(let x), .duration(let y)):
        if op == .add || op == .sub {
            let (r, o) =
                op == .add
                ? x.nanoseconds.addingReportingOverflow(y.nanoseconds)
                : x.nanoseconds.subtractingReportingOverflow(y.nanoseconds)
            if o { throw CELError.overflow }
            return .duration(CELDuration(nanoseconds: r))
        }
    case (.timestamp(let x), .timestamp(let y)):
        if op == .sub { return try subtractTimestamps(x, y) }
    case (.decimal, _), (_, .decimal):
        if let r = try decimalArithmetic(op, a, b) { return r }
    default: break
    }
    throw CELError.noOverload("_\(op.rawValue)_", a, b)
}

func decimalArithmetic(_ op: BinaryOp, _ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue? {
    guard op != .mod else { return nil }
    switch a {
    case .decimal, .int, .uint, .double: break
    default: return nil
    }
    switch b {
    case .decimal, .int, .uint, .double: break
    default: return nil
    }
    guard let x = decimalOfNumber(a) else { throw CELError("cannot convert \(a.description) to decimal") }
    guard let y = decimalOfNumber(b) else { throw CELError("cannot convert \(b.description) to decimal") }
    switch op {
    case .add: return try checkedDecimal(x + y)
    case .sub: return try checkedDecimal(x - y)
    case .mul:
        // Foundation's Decimal multiplication traps (crashes) when the result's exponent would fall below
        // -128; report an underflow instead. Overflow gives NaN, which checkedDecimal turns into an error.
        if !x.isZero && !y.isZero && x.exponent + y.exponent < -128 { throw CELError("decimal underflow") }
        return try checkedDecimal(x * y)
    case .div:
        if y.isZero { throw CELError("division by zero") }
        return try checkedDecimal(x / y)
    default: return nil
    }
}

final class EqNode: Node {
    var lhs: Node { didSet { lhsChild = Child(lhs) } }
    var rhs: Node { didSet { rhsChild = Child(rhs) } }
    private var lhsChild: Child, rhsChild: Child
    let negated: Bool
    init(_ lhs: Node, _ rhs: Node, negated: Bool, offset: Int) {
        self.lhs = lhs
        self.rhs = rhs
        lhsChild = Child(lhs)
        rhsChild = Child(rhs)
        self.negated = negated
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let a = try lhsChild.eval(c)
        let b = try rhsChild.eval(c)
        return .bool(celEqual(a, b) != negated)
    }
}

@inline(__always)
func compareUTF8(_ a: String, _ b: String) -> Ordering {
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return .equal
        case (nil, _): return .less
        case (_, nil): return .greater
        case (let x?, let y?):
            if x != y { return x < y ? .less : .greater }
        }
    }
}

func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Ordering {
    let n = min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? .less : .greater }
    return .of(a.count, b.count)
}

/// CEL ordering. Throws "no matching overload" for unordered kinds.
func compareValues(_ a: CELValue, _ b: CELValue, _ fn: String) throws(CELError) -> Ordering {
    switch (a, b) {
    case (.int(let x), .int(let y)): return .of(x, y)
    case (.string(let x), .string(let y)): return compareUTF8(x, y)
    case (.bytes(let x), .bytes(let y)): return compareBytes(x, y)
    case (.bool(let x), .bool(let y)): return x == y ? .equal : (x ? .greater : .less)
    case (.timestamp(let x), .timestamp(let y)): return .of(x, y)
    case (.duration(let x), .duration(let y)): return .of(x, y)
    default:
        if let o = compareNumbers(a, b) { return o }
        throw CELError.noOverload(fn, a, b)
    }
}

final class CompareNode: Node {
    let op: BinaryOp
    var lhs: Node { didSet { lhsChild = Child(lhs) } }
    var rhs: Node { didSet { rhsChild = Child(rhs) } }
    private var lhsChild: Child, rhsChild: Child
    let name: String
    let lhsDecimal: Decimal?, rhsDecimal: Decimal?
    init(_ op: BinaryOp, _ lhs: Node, _ rhs: Node, offset: Int) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        lhsChild = Child(lhs)
        rhsChild = Child(rhs)
        name = "_\(op.rawValue)_"
        lhsDecimal = lhs.constantValue.flatMap(constantDecimal)
        rhsDecimal = rhs.constantValue.flatMap(constantDecimal)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        var a = try lhsChild.eval(c)
        var b = try rhsChild.eval(c)
        if case .decimal = a, let d = rhsDecimal { b = .decimal(d) }
        if case .decimal = b, let d = lhsDecimal { a = .decimal(d) }
        let o = try compareValues(a, b, name)
        switch op {
        case .lt: return .bool(o == .less)
        case .le: return .bool(o == .less || o == .equal)
        case .gt: return .bool(o == .greater)
        case .ge: return .bool(o == .greater || o == .equal)
        default: fatalError("not a comparison")
        }
    }
}

func contains(_ container: CELValue, _ x: CELValue) throws(CELError) -> Bool {
    switch container {
    case .list(let l):
        for e in l where celEqual(e, x) { return true }
        return false
    case .map(let m):
        if m.position(of: x) != nil { return true }
        try m.checkKnown(x)
        return false
    default:
        throw CELError.noOverload("@in", x, container)
    }
}

final class InNode: Node {
    var lhs: Node { didSet { lhsChild = Child(lhs) } }
    var rhs: Node { didSet { rhsChild = Child(rhs) } }
    private var lhsChild: Child, rhsChild: Child
    init(_ lhs: Node, _ rhs: Node, offset: Int) {
        self.lhs = lhs
        self.rhs = rhs
        lhsChild = Child(lhs)
        rhsChild = Child(rhs)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let a = try lhsChild.eval(c)
        let b = try rhsChild.eval(c)
        return .bool(try contains(b, a))
    }
}

// MARK: Macros

final class ComprehensionNode: Node {
    let kind: MacroKind
    var range: Node { didSet { rangeChild = Child(range) } }
    private var rangeChild: Child
    let slot: Int
    /// The second variable's slot (`slot + 1`) in a two-variable comprehension: the first is then the
    /// index (lists) or key (maps), the second the element or value.
    let slot2: Int?
    var body: Node { didSet { bodyChild = Child(body) } }
    /// `body` as the loop evaluates it (see `Child`).
    private(set) var bodyChild: Child
    var filter: Node?

    init(_ kind: MacroKind, range: Node, slot: Int, slot2: Int? = nil, body: Node, filter: Node?, offset: Int) {
        self.kind = kind
        self.range = range
        self.slot = slot
        self.slot2 = slot2
        self.body = body
        self.rangeChild = Child(range)
        self.bodyChild = Child(body)
        self.filter = filter
        super.init(offset: offset)
    }

    /// The frame slots the macro binds: its variable, and the second one of a two-variable form.
    var boundSlots: Int { slot2 == nil ? 1 : 2 }

    /// Set when the macro's result is remembered by its range and loop-invariant parts (`KeyedLoop`).
    var keyed: KeyedLoop?

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let r = try rangeChild.eval(c)
        if let keyed { return try keyed.run(self, c, r) }
        return try iterate(c, r)
    }

    /// The macro over the range's value `r` (already evaluated).
    func iterate(_ c: EvalContext, _ r: CELValue) throws(CELError) -> CELValue {
        switch kind {
        case .bind:
            c.locals[slot] = r
            return try bodyChild.eval(c)
        case .optMap, .optFlatMap:
            return try optionalMap(c, r)
        default: break
        }
        if let slot2 { return try iterate2(c, r, slot2) }
        let items: [CELValue]
        switch r {
        case .list(let l): items = l
        case .map(let m): items = m._keys
        default: throw CELError.noOverload(kind.rawValue, r)
        }
        switch kind {
        case .all, .exists:
            return try quantify(c, count: items.count) { (i) throws(CELError) in
                try c.step()
                c.locals[slot] = items[i]
            }
        case .existsOne:
            return try existsOne(c, count: items.count) { (i) throws(CELError) in
                try c.step()
                c.locals[slot] = items[i]
            }
        case .map:
            var out: [CELValue] = []
            out.reserveCapacity(items.count)
            for x in items {
                try c.step()
                c.locals[slot] = x
                if let filter {
                    let keep = try filter.eval(c)
                    guard case .bool(let b) = keep else { throw CELError.noOverload("map", keep) }
                    if !b { continue }
                }
                out.append(try bodyChild.eval(c))
            }
            return .list(out)
        case .filter:
            var out: [CELValue] = []
            for x in items {
                try c.step()
                c.locals[slot] = x
                let keep = try bodyChild.eval(c)
                guard case .bool(let b) = keep else { throw CELError.noOverload("filter", keep) }
                if b { out.append(x) }
            }
            return .list(out)
        case .transformList, .transformMap, .transformMapEntry, .bind, .optMap, .optFlatMap:
            throw CELError("\(kind.rawValue)() needs two variables")
        }
    }
}

extension ComprehensionNode {
    /// `all` or `exists` over `count` iterations, `bind(i)` binding the variables of the i-th: a
    /// decisive value (false for `all`, true for `exists`) in any iteration wins over an error or a
    /// non-bool in another, as with `&&` and `||`; otherwise the first such error is the result.
    @inline(__always)
    func quantify(_ c: EvalContext, count: Int, _ bind: (Int) throws(CELError) -> Void) throws(CELError) -> CELValue {
        let stopOn = kind == .exists // exists stops on true, all stops on false
        var err: CELError? = nil
        for i in 0..<count {
            try bind(i)
            do {
                let v = try bodyChild.eval(c)
                if case .bool(let b) = v {
                    if b == stopOn { return .bool(stopOn) }
                } else if err == nil {
                    err = CELError.noOverload(stopOn ? "_||_" : "_&&_", v)
                }
            } catch {
                if c.aborted { throw error }
                if err == nil || (error.isUnknown && !err!.isUnknown) { err = error }
            }
        }
        if let err { throw err }
        return .bool(!stopOn)
    }

    /// `exists_one` over `count` iterations (`bind` as for `quantify`): errors are not absorbed.
    @inline(__always)
    func existsOne(_ c: EvalContext, count: Int, _ bind: (Int) throws(CELError) -> Void) throws(CELError) -> CELValue {
        var n = 0
        for i in 0..<count {
            try bind(i)
            let v = try bodyChild.eval(c)
            guard case .bool(let b) = v else { throw CELError.noOverload("exists_one", v) }
            if b { n += 1 }
        }
        return .bool(n == 1)
    }
}

// MARK: Calls

/// The values of call arguments, in order (see `Child`).
@inline(__always)
func evaluateArguments(_ args: [Child], _ c: EvalContext) throws(CELError) -> [CELValue] {
    var vals: [CELValue] = []
    vals.reserveCapacity(args.count)
    for a in args { vals.append(try a.eval(c)) }
    return vals
}

typealias Fn1 = @Sendable (CELValue) throws(CELError) -> CELValue
typealias Fn2 = @Sendable (CELValue, CELValue) throws(CELError) -> CELValue
typealias FnN = @Sendable ([CELValue]) throws(CELError) -> CELValue

final class Call1Node: Node {
    let fn: Fn1
    var arg: Node { didSet { argChild = Child(arg) } }
    private var argChild: Child
    init(_ fn: @escaping Fn1, _ arg: Node, offset: Int) {
        self.fn = fn
        self.arg = arg
        self.argChild = Child(arg)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return try fn(try argChild.eval(c))
    }
}

final class Call2Node: Node {
    let fn: Fn2
    var a: Node { didSet { aChild = Child(a) } }
    var b: Node { didSet { bChild = Child(b) } }
    private var aChild: Child, bChild: Child
    init(_ fn: @escaping Fn2, _ a: Node, _ b: Node, offset: Int) {
        self.fn = fn
        self.a = a
        self.b = b
        aChild = Child(a)
        bChild = Child(b)
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let x = try aChild.eval(c)
        let y = try bChild.eval(c)
        return try fn(x, y)
    }
}

final class CallNNode: Node {
    let fn: FnN
    var args: [Node] { didSet { argChildren = args.children } }
    private var argChildren: [Child]
    init(_ fn: @escaping FnN, _ args: [Node], offset: Int) {
        self.fn = fn
        self.args = args
        self.argChildren = args.children
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return try fn(try evaluateArguments(argChildren, c))
    }
}

/// A call that can never succeed (unknown function, wrong arity). Arguments are evaluated first so that their
/// errors surface as they would for a real call.
final class ErrorNode: Node {
    let message: String
    var args: [Node]
    init(_ message: String, args: [Node], offset: Int) {
        self.message = message
        self.args = args
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        for a in args { _ = try a.eval(c) }
        throw CELError(message)
    }
}

/// A user-defined function: a CEL body compiled once, evaluated with its parameters in a fresh frame.
final class UserFunction: @unchecked Sendable {
    let name: String
    let parameters: [String]
    let body: Node
    let frameSize: Int
    let referencedVariables: Set<String>
    let source: String
    /// Upper bound of the evaluation recursion depth of a call (body height plus the callees' depth).
    let evalDepth: Int
    /// How deep user-function calls nest in a call of this function, itself included (1: it calls none).
    let callHeight: Int
    /// Whether calls are remembered: the body does real work (a macro, a call), more than a lookup costs.
    let isMemoized: Bool

    init(
        name: String, parameters: [String], body: Node, frameSize: Int, referencedVariables: Set<String>,
        source: String, evalDepth: Int, callHeight: Int = 1, isMemoized: Bool = false
    ) {
        self.evalDepth = evalDepth
        self.callHeight = callHeight
        self.isMemoized = isMemoized
        self.name = name
        self.parameters = parameters
        self.body = body
        self.frameSize = frameSize
        self.referencedVariables = referencedVariables
        self.source = source
    }
}

final class UserCallNode: Node {
    let function: UserFunction
    var args: [Node] { didSet { argChildren = args.children } }
    private var argChildren: [Child]
    init(_ function: UserFunction, _ args: [Node], offset: Int) {
        self.function = function
        self.args = args
        self.argChildren = args.children
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        // The outcome of a call depends only on its arguments and the top-level variables: calls of
        // a costly function are remembered (see `CELMemo`), and a repeated call costs the same budget
        // without the work. Only where no call inside can reach the depth limit, so that the outcome
        // cannot depend on where the call is made.
        guard function.isMemoized, c.callDepth + function.callHeight <= EvalContext.maxCallDepth else {
            return try call(c)
        }
        var values: [CELValue] = []
        values.reserveCapacity(argChildren.count)
        for a in argChildren { values.append(try a.eval(c)) }
        guard let key = MemoKey(function, values) else { return try invoke(c, values) }
        if let entry = c.remembered(key) { return try entry.replay(c) }
        let start = c.budget
        do {
            let v = try invoke(c, values)
            c.remember(key, MemoEntry(outcome: .value(v), cost: start - c.budget), of: function)
            return v
        } catch {
            if !c.aborted { c.remember(key, MemoEntry(outcome: .error(error), cost: start - c.budget), of: function) }
            throw error
        }
    }

    /// Evaluates the arguments, then calls.
    private func call(_ c: EvalContext) throws(CELError) -> CELValue {
        try withFrame(c) { (frame) throws(CELError) in
            for (i, a) in argChildren.enumerated() { frame[i] = try a.eval(c) }
        }
    }

    /// Calls with arguments already evaluated.
    private func invoke(_ c: EvalContext, _ values: [CELValue]) throws(CELError) -> CELValue {
        try withFrame(c) { frame in
            for i in 0..<values.count { frame[i] = values[i] }
        }
    }

    /// Runs the function in a fresh frame of its slots, the parameters filled in by `fill`.
    @inline(__always)
    private func withFrame(
        _ c: EvalContext, _ fill: (UnsafeMutablePointer<CELValue>) throws(CELError) -> Void
    ) throws(CELError) -> CELValue {
        let n = max(function.frameSize, 1)
        let frame = c.takeFrame(n)
        defer { c.releaseFrame(frame, n) }
        try fill(frame)
        return try run(c, frame)
    }

    @inline(__always)
    private func run(_ c: EvalContext, _ frame: UnsafeMutablePointer<CELValue>) throws(CELError) -> CELValue {
        guard c.callDepth < EvalContext.maxCallDepth else {
            throw CELError("function calls nested too deeply (recursion?) in '\(function.name)'")
        }
        let saved = c.locals
        c.locals = frame
        c.callDepth += 1
        defer {
            c.locals = saved
            c.callDepth -= 1
        }
        do {
            return try function.body.eval(c)
        } catch {
            if c.aborted || error.isUnknown || error.message.hasPrefix("in \(function.name)(") { throw error }
            throw CELError("in \(function.name)(): \(error.message)")
        }
    }
}
