/// Two-variable comprehensions, as cel-go's `ext.TwoVarComprehensions` defines them: over a list the
/// first variable is the index and the second the element; over a map, the key and the value.
///
///     [10, 20].all(i, v, v == (i + 1) * 10)            m.exists(k, v, k.startsWith('x') && v > 0)
///     l.existsOne(i, v, v == 0)                        l.transformList(i, v, i > 0, v * 2)
///     m.transformMap(k, v, v + 1)                      m.transformMapEntry(k, v, {v: k})
extension ComprehensionNode {
    func iterate2(_ c: EvalContext, _ r: CELValue, _ slot2: Int) throws(CELError) -> CELValue {
        let keys: [CELValue]
        let values: [CELValue]
        switch r {
        case .list(let l):
            keys = (0..<l.count).map { CELValue.int(Int64($0)) }
            values = l
        case .map(let m):
            keys = m._keys
            values = m._values
        default: throw CELError.noOverload(kind.rawValue, r)
        }
        /// Binds the two variables to the `i`-th pair, charging the iteration.
        @inline(__always) func bind(_ i: Int) throws(CELError) {
            try c.step()
            c.locals[slot] = keys[i]
            c.locals[slot2] = values[i]
        }
        /// Whether the filter (if any) keeps the current pair.
        @inline(__always) func kept() throws(CELError) -> Bool {
            guard let filter else { return true }
            let keep = try filter.eval(c)
            guard case .bool(let b) = keep else { throw CELError.noOverload(kind.rawValue, keep) }
            return b
        }
        switch kind {
        case .all, .exists:
            return try quantify(c, count: keys.count, bind)
        case .existsOne:
            return try existsOne(c, count: keys.count, bind)
        case .transformList:
            var out: [CELValue] = []
            out.reserveCapacity(keys.count)
            for i in 0..<keys.count {
                try bind(i)
                if try kept() { out.append(try body.eval(c)) }
            }
            return .list(out)
        case .transformMap:
            var out = CELMap()
            for i in 0..<keys.count {
                try bind(i)
                if try kept() { out.insertNew(keys[i], try body.eval(c)) }
            }
            return .map(out)
        case .transformMapEntry:
            var out = CELMap()
            for i in 0..<keys.count {
                try bind(i)
                guard try kept() else { continue }
                let entry = try body.eval(c)
                guard case .map(let m) = entry else { throw CELError.noOverload("transformMapEntry", entry) }
                for j in 0..<m.count where !out.insertNew(m._keys[j], m._values[j]) {
                    throw CELError("insert failed: key \(m._keys[j].description) already exists")
                }
            }
            return .map(out)
        case .map, .filter, .bind, .optMap, .optFlatMap:
            throw CELError("\(kind.rawValue)() takes one variable")
        }
    }
}
