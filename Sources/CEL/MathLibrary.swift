import Foundation

/// cel-go's math library (`ext.Math`): `math.greatest`, `math.least`, rounding, `abs`, `sign`,
/// `isNaN`/`isInf`/`isFinite`, `sqrt` and the bit operations. Decimals take part wherever numbers do
/// (`math.greatest(a, b)` on amounts stays exact; `math.round(d)` rounds a decimal half away from zero).
enum MathLibrary {
    static func register(into t: inout [BuiltinKey: BuiltinImpl]) {
        func g1(_ name: String, _ f: @escaping Fn1) { t[BuiltinKey(name: "math." + name, receiver: false, arity: 1)] = .f1(f) }
        func g2(_ name: String, _ f: @escaping Fn2) { t[BuiltinKey(name: "math." + name, receiver: false, arity: 2)] = .f2(f) }
        for (name, isMax) in [("greatest", true), ("least", false)] {
            t[BuiltinKey(name: "math." + name, receiver: false, arity: -1)] = .fn { args throws(CELError) in
                try extremum(args, max: isMax, fn: "math." + name)
            }
        }
        g1("ceil") { v throws(CELError) in try round(v, "math.ceil", .up) }
        g1("floor") { v throws(CELError) in try round(v, "math.floor", .down) }
        g1("round") { v throws(CELError) in try round(v, "math.round", .toNearestOrAwayFromZero) }
        g1("trunc") { v throws(CELError) in try round(v, "math.trunc", .towardZero) }
        g1("abs", abs)
        g1("sign", sign)
        g1("sqrt", sqrt)
        g1("isNaN") { v throws(CELError) in try classify(v, "math.isNaN") { $0.isNaN } }
        g1("isInf") { v throws(CELError) in try classify(v, "math.isInf") { $0.isInfinite } }
        g1("isFinite") { v throws(CELError) in try classify(v, "math.isFinite") { $0.isFinite } }
        g2("bitAnd") { a, b throws(CELError) in try bitwise(a, b, "math.bitAnd", &, &) }
        g2("bitOr") { a, b throws(CELError) in try bitwise(a, b, "math.bitOr", |, |) }
        g2("bitXor") { a, b throws(CELError) in try bitwise(a, b, "math.bitXor", ^, ^) }
        g1("bitNot") { v throws(CELError) in
            switch v {
            case .int(let i): return .int(~i)
            case .uint(let u): return .uint(~u)
            default: throw CELError.noOverload("math.bitNot", v)
            }
        }
        g2("bitShiftLeft") { a, b throws(CELError) in try shift(a, b, left: true) }
        g2("bitShiftRight") { a, b throws(CELError) in try shift(a, b, left: false) }
    }

    static func isNumber(_ v: CELValue) -> Bool {
        switch v {
        case .int, .uint, .double, .decimal: return true
        default: return false
        }
    }

    /// The greatest (least) of the arguments, or of the one list argument; the first of equals wins.
    static func extremum(_ args: [CELValue], max isMax: Bool, fn: String) throws(CELError) -> CELValue {
        var items = args
        if args.count == 1, case .list(let l) = args[0] { items = l }
        guard var best = items.first else { throw CELError("\(fn)() needs at least one number") }
        for x in items {
            guard isNumber(x) else { throw CELError.noOverload(fn, args: args) }
        }
        for x in items.dropFirst() {
            let o = try compareValues(x, best, fn)
            if (isMax && o == .greater) || (!isMax && o == .less) { best = x }
        }
        return best
    }

    static func round(_ v: CELValue, _ fn: String, _ rule: FloatingPointRoundingRule) throws(CELError) -> CELValue {
        switch v {
        case .double(let d): return .double(d.rounded(rule))
        case .decimal(let d):
            var value = d
            var out = Decimal()
            let mode: NSDecimalNumber.RoundingMode
            switch rule {
            case .up: mode = .up
            case .down: mode = .down
            case .towardZero: mode = d < 0 ? .up : .down
            default: mode = .plain // half away from zero
            }
            NSDecimalRound(&out, &value, 0, mode)
            return .decimal(out)
        default: throw CELError.noOverload(fn, v)
        }
    }

    static func abs(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .int(let i):
            guard i != Int64.min else { throw CELError.overflow }
            return .int(Swift.abs(i))
        case .uint: return v
        case .double(let d): return .double(Swift.abs(d))
        case .decimal(let d): return .decimal(d < 0 ? -d : d)
        default: throw CELError.noOverload("math.abs", v)
        }
    }

    static func sign(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .int(let i): return .int(i.signum())
        case .uint(let u): return .uint(u == 0 ? 0 : 1)
        case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
        case .decimal(let d): return .decimal(d.isZero ? 0 : (d < 0 ? -1 : 1))
        default: throw CELError.noOverload("math.sign", v)
        }
    }

    static func sqrt(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .int(let i): return .double(Double(i).squareRoot())
        case .uint(let u): return .double(Double(u).squareRoot())
        case .double(let d): return .double(d.squareRoot())
        case .decimal(let d): return .double(decimalToDouble(d).squareRoot())
        default: throw CELError.noOverload("math.sqrt", v)
        }
    }

    static func classify(_ v: CELValue, _ fn: String, _ test: (Double) -> Bool) throws(CELError) -> CELValue {
        switch v {
        case .double(let d): return .bool(test(d))
        case .decimal: return .bool(test(1)) // a decimal is always finite
        default: throw CELError.noOverload(fn, v)
        }
    }

    static func bitwise(
        _ a: CELValue, _ b: CELValue, _ fn: String, _ opInt: (Int64, Int64) -> Int64, _ opUint: (UInt64, UInt64) -> UInt64
    ) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .int(opInt(x, y))
        case (.uint(let x), .uint(let y)): return .uint(opUint(x, y))
        default: throw CELError.noOverload(fn, a, b)
        }
    }

    /// Shifts of 64 bits or more give 0; a right shift of an int is logical (the sign is not kept),
    /// as in cel-go. A negative shift is an error.
    static func shift(_ a: CELValue, _ b: CELValue, left: Bool) throws(CELError) -> CELValue {
        let fn = left ? "math.bitShiftLeft" : "math.bitShiftRight"
        guard case .int(let n) = b else { throw CELError.noOverload(fn, a, b) }
        guard n >= 0 else { throw CELError("\(fn)() negative offset: \(n)") }
        switch a {
        case .int(let x):
            if n >= 64 { return .int(0) }
            return .int(left ? x << n : Int64(bitPattern: UInt64(bitPattern: x) >> UInt64(n)))
        case .uint(let x):
            if n >= 64 { return .uint(0) }
            return .uint(left ? x << UInt64(n) : x >> UInt64(n))
        default: throw CELError.noOverload(fn, a, b)
        }
    }
}
