/// Optional values, as cel-go's optional types define them: `x.?f`, `m[?k]`, `optional.of(x)`,
/// `optional.none()`, `optional.ofNonZeroValue(x)`, `hasValue()`, `value()`, `orValue(x)`, `or(o)`,
/// `optMap`, `optFlatMap`, optional list elements `[?e]` and map entries `{?k: e}`.
///
/// Selecting a field of an optional, or indexing it, gives an optional again (`optional.of(m).f` is
/// `m.?f`), so a chain of lookups reads `a.?b.c[?0].orValue(default)`.

/// `v.?field`: an optional of the field's value, empty when the map lacks the field.
func optionalSelect(_ v: CELValue, _ field: String, hash: UInt64) throws(CELError) -> CELValue {
    switch v {
    case .map(let m):
        guard let i = m.position(ofString: field, hash: hash) else {
            try m.checkKnown(field)
            return .optional(.none)
        }
        return .optional(m._values[i])
    case .optional(let o):
        guard let inner = o else { return v }
        return try optionalSelect(inner, field, hash: hash)
    default:
        throw CELError("type '\(v.celType.name)' does not support field selection")
    }
}

/// `container[?index]`: an optional of the element or value, empty when there is none at `index`.
func optionalIndex(_ container: CELValue, _ index: CELValue) throws(CELError) -> CELValue {
    switch container {
    case .list(let l):
        let i: Int64
        switch index {
        case .int(let x): i = x
        case .uint(let u): i = u > UInt64(Int64.max) ? -1 : Int64(u)
        case .double(let d):
            guard d.rounded(.towardZero) == d else {
                throw CELError("invalid_argument: list index \(formatDoubleCEL(d)) is not an integer")
            }
            i = d >= 0 && d < Double(l.count) ? Int64(d) : -1
        default:
            throw CELError("invalid_argument: no such overload for list index of type '\(index.celType.name)'")
        }
        guard i >= 0 && i < Int64(l.count) else { return .optional(.none) }
        return .optional(l[Int(i)])
    case .map(let m):
        switch index {
        case .int, .uint, .bool, .string, .double, .decimal:
            guard let p = m.position(of: index) else {
                try m.checkKnown(index)
                return .optional(.none)
            }
            return .optional(m._values[p])
        default:
            throw CELError("no such key: unsupported key type '\(index.celType.name)'")
        }
    case .optional(let o):
        guard let inner = o else { return container }
        return try optionalIndex(inner, index)
    default:
        throw CELError.noOverload("_[?_]", container, index)
    }
}

/// Whether a value is its type's zero value (what `optional.ofNonZeroValue` leaves out).
func isZeroValue(_ v: CELValue) -> Bool {
    switch v {
    case .null: return true
    case .bool(let b): return !b
    case .int(let i): return i == 0
    case .uint(let u): return u == 0
    case .double(let d): return d == 0
    case .decimal(let d): return d.isZero
    case .string(let s): return s.isEmpty
    case .bytes(let b): return b.isEmpty
    case .list(let l): return l.isEmpty
    case .map(let m): return m.isEmpty
    case .timestamp(let t): return t.seconds == 0 && t.nanos == 0
    case .duration(let d): return d.nanoseconds == 0
    case .optional(let o): return o == nil
    case .type: return false
    }
}

enum OptionalLibrary {
    static func register(into t: inout [BuiltinKey: BuiltinImpl]) {
        t[BuiltinKey(name: "optional.of", receiver: false, arity: 1)] = .f1 { v throws(CELError) in .optional(v) }
        t[BuiltinKey(name: "optional.none", receiver: false, arity: 0)] = .fn { _ throws(CELError) in .optional(.none) }
        t[BuiltinKey(name: "optional.ofNonZeroValue", receiver: false, arity: 1)] = .f1 { v throws(CELError) in
            // Not `.optional(isZeroValue(v) ? nil : v)`: that `nil` would be CEL's null.
            isZeroValue(v) ? .optional(.none) : .optional(v)
        }
        t[BuiltinKey(name: "hasValue", receiver: true, arity: 0)] = .f1 { v throws(CELError) in
            guard case .optional(let o) = v else { throw CELError.noOverload("hasValue", v) }
            return .bool(o != nil)
        }
        t[BuiltinKey(name: "value", receiver: true, arity: 0)] = .f1 { v throws(CELError) in
            guard case .optional(let o) = v else { throw CELError.noOverload("value", v) }
            guard let inner = o else { throw CELError("optional.none() dereference") }
            return inner
        }
        let unwrap: Fn1 = { v throws(CELError) in
            guard case .list(let l) = v else { throw CELError.noOverload("optional.unwrap", v) }
            var out: [CELValue] = []
            for x in l {
                guard case .optional(let o) = x else { throw CELError.noOverload("optional.unwrap", x) }
                if let o { out.append(o) }
            }
            return .list(out)
        }
        t[BuiltinKey(name: "optional.unwrap", receiver: false, arity: 1)] = .f1(unwrap)
        t[BuiltinKey(name: "unwrapOpt", receiver: true, arity: 0)] = .f1(unwrap)
    }
}

/// `a.or(b)` and `a.orValue(b)`: `a` when it has a value (its value, for `orValue`), else `b`, which is
/// only evaluated then.
final class OptionalOrNode: Node, BinaryOperands {
    var lhs: Node, rhs: Node
    /// `orValue` (the result is a plain value) rather than `or` (the result is an optional).
    let unwraps: Bool

    init(_ lhs: Node, _ rhs: Node, unwraps: Bool, offset: Int) {
        self.lhs = lhs
        self.rhs = rhs
        self.unwraps = unwraps
        super.init(offset: offset)
    }

    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let a = try lhs.eval(c)
        guard case .optional(let o) = a else { throw CELError.noOverload(unwraps ? "orValue" : "or", a) }
        if let o { return unwraps ? o : a }
        let b = try rhs.eval(c)
        if !unwraps, case .optional = b {} else if !unwraps { throw CELError.noOverload("or", a, b) }
        return b
    }
}

extension ComprehensionNode {
    /// `opt.optMap(v, e)`: `optional.of(e)` with `v` bound to the value, or `optional.none()`;
    /// `opt.optFlatMap(v, e)`: `e` itself, which must be an optional.
    func optionalMap(_ c: EvalContext, _ r: CELValue) throws(CELError) -> CELValue {
        guard case .optional(let o) = r else { throw CELError.noOverload(kind.rawValue, r) }
        guard let inner = o else { return r }
        c.locals[slot] = inner
        let v = try body.eval(c)
        if kind == .optMap { return .optional(v) }
        guard case .optional = v else { throw CELError.noOverload("optFlatMap", v) }
        return v
    }
}
