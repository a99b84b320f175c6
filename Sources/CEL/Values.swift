import Foundation

// MARK: - Types

/// A CEL runtime type, as returned by `type(x)` and written as a type denotation (`int`, `string`, …).
public enum CELType: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case list
    case map
    case type
    /// Extension: exact decimal numbers (Foundation `Decimal`).
    case decimal
    case timestamp
    case duration
    /// An optional value (`optional.of(x)`, `optional.none()`).
    case optional

    /// The CEL name of the type (`null_type`, `int`, `google.protobuf.Timestamp`, …).
    public var name: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        case .decimal: return "decimal"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        case .optional: return "optional_type"
        }
    }

    /// Looks a type up by its CEL name.
    public init?(name: String) {
        switch name {
        case "null_type": self = .null
        case "bool": self = .bool
        case "int": self = .int
        case "uint": self = .uint
        case "double": self = .double
        case "string": self = .string
        case "bytes": self = .bytes
        case "list": self = .list
        case "map": self = .map
        case "type": self = .type
        case "decimal": self = .decimal
        case "google.protobuf.Timestamp": self = .timestamp
        case "google.protobuf.Duration": self = .duration
        case "optional_type": self = .optional
        default: return nil
        }
    }

    public var description: String { name }
}

// MARK: - Errors

/// An evaluation error (`no such key`, `division by zero`, overflow, budget exceeded, …).
public struct CELError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The value is *unknown* (cel-spec partial evaluation), not wrong: it read a map entry whose
    /// value is still to be given (`CELMap.unknownKeys`). Carried and absorbed as errors are;
    /// where an error and an unknown meet without an absorbing value, the unknown wins.
    public var isUnknown = false

    public init(_ message: String) {
        self.message = message
    }

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }

    /// The outcome of reading a value that is still to be given.
    public static let unknown: CELError = {
        var error = CELError("unknown: a value still to be filled in")
        error.isUnknown = true
        return error
    }()
}

/// A syntax error, located in the source text.
public struct CELParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 0-based offset, in Unicode scalars (characters) from the start of the source.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars from the start of the line.
    public var column: Int
    /// For a call no function carries out (in a definition's body), what is wrong with it.
    public var callProblem: CELCallProblem? = nil

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}

// MARK: - Values

/// A CEL value.
///
/// Swift `==` on `CELValue` is *structural and type-exact* (`.int(1) != .double(1)`, strings compare by
/// Unicode scalars, maps ignore entry order, NaN equals NaN so that `Hashable` stays lawful).
/// CEL's own equality (heterogeneous numbers, NaN ≠ NaN) is `celEquals(_:)`.
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case type(CELType)
    /// Extension: exact decimal number.
    case decimal(Decimal)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    /// An optional value: `optional.of(x)` is `.optional(x)`, `optional.none()` is `.optional(nil)`.
    indirect case optional(CELValue?)

    /// The runtime type of the value (what `type(x)` returns).
    public var celType: CELType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list
        case .map: return .map
        case .type: return .type
        case .decimal: return .decimal
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .optional: return .optional
        }
    }

    /// CEL equality (`==` inside an expression): numbers compare across int/uint/double/decimal,
    /// values of different kinds are unequal, NaN is unequal to everything.
    public func celEquals(_ other: CELValue) -> Bool {
        celEqual(self, other)
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }
    public var uintValue: UInt64? {
        if case .uint(let u) = self { return u }
        return nil
    }
    public var doubleValue: Double? {
        if case .double(let d) = self { return d }
        return nil
    }
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    public var listValue: [CELValue]? {
        if case .list(let l) = self { return l }
        return nil
    }
    public var mapValue: CELMap? {
        if case .map(let m) = self { return m }
        return nil
    }
    public var decimalValue: Decimal? {
        if case .decimal(let d) = self { return d }
        return nil
    }
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

// MARK: Strict (structural) equality and hashing

/// Exact equality of Unicode scalars (no canonical-equivalence folding): byte equality of the UTF-8.
@inline(__always)
func scalarEqual(_ a: String, _ b: String) -> Bool {
    let ua = a.utf8
    let ub = b.utf8
    if ua.count != ub.count { return false }
    if let equal = ua.withContiguousStorageIfAvailable({ pa in
        ub.withContiguousStorageIfAvailable { pb in
            pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
        }
    }), let equal {
        return equal
    }
    return ua.elementsEqual(ub)
}

@inline(__always)
func hashString(_ s: String, into hasher: inout Hasher) {
    let u = s.utf8
    hasher.combine(u.count)
    let done: Void? = u.withContiguousStorageIfAvailable { buf in
        hasher.combine(bytes: UnsafeRawBufferPointer(buf))
    }
    if done == nil {
        for b in u { hasher.combine(b) }
    }
}

// MARK: Fast hashing for map indexes and variable lookup

/// A 64-bit finaliser (splitmix64): spreads every input bit over the result.
@inline(__always)
func mix64(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// Hash of raw bytes, 8 at a time. Not seeded: it only orders entries inside one process's
/// index tables, never anything observable.
@inline(__always)
func hashBytes(_ p: UnsafeRawBufferPointer) -> UInt64 {
    let n = p.count
    var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: n)
    guard n > 0, let base = p.baseAddress else { return mix64(h) }
    var i = 0
    while i + 8 <= n {
        let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = (h ^ w) &* 0x0000_0100_0000_01B3
        h = (h << 29) | (h >> 35)
        i += 8
    }
    if i < n {
        var w: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            w |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        h = (h ^ w) &* 0x0000_0100_0000_01B3
    }
    return mix64(h)
}

/// Hash of a string's UTF-8 (equal scalars, equal hash), for index tables.
@inline(__always)
func fastHash(_ s: String) -> UInt64 {
    if let h = s.utf8.withContiguousStorageIfAvailable({ hashBytes(UnsafeRawBufferPointer($0)) }) { return h }
    return Array(s.utf8).withUnsafeBytes { hashBytes($0) }
}

extension CELValue: Hashable {
    public static func == (lhs: CELValue, rhs: CELValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.uint(let a), .uint(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return scalarEqual(a, b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        case (.decimal(let a), .decimal(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.optional(let a), .optional(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .int(let i):
            hasher.combine(2 as UInt8)
            hasher.combine(i)
        case .uint(let u):
            hasher.combine(3 as UInt8)
            hasher.combine(u)
        case .double(let d):
            hasher.combine(4 as UInt8)
            if d.isNaN { hasher.combine(Double.nan.bitPattern) } else { hasher.combine(d == 0 ? 0 : d) }
        case .string(let s):
            hasher.combine(5 as UInt8)
            hashString(s, into: &hasher)
        case .bytes(let b):
            hasher.combine(6 as UInt8)
            hasher.combine(b)
        case .list(let l):
            hasher.combine(7 as UInt8)
            hasher.combine(l)
        case .map(let m):
            hasher.combine(8 as UInt8)
            hasher.combine(m)
        case .type(let t):
            hasher.combine(9 as UInt8)
            hasher.combine(t)
        case .decimal(let d):
            hasher.combine(10 as UInt8)
            hasher.combine(d)
        case .timestamp(let t):
            hasher.combine(11 as UInt8)
            hasher.combine(t)
        case .duration(let d):
            hasher.combine(12 as UInt8)
            hasher.combine(d)
        case .optional(let o):
            hasher.combine(13 as UInt8)
            hasher.combine(o)
        }
    }
}

// MARK: Literal conveniences (handy for hosts and tests)

extension CELValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (CELValue, CELValue)...) { self = .map(CELMap(elements)) }
}

extension CELValue: CustomStringConvertible {
    /// A CEL-like rendering of the value (for messages and debugging).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d): return formatDoubleLiteral(d)
        case .string(let s): return quoteString(s)
        case .bytes(let b):
            return "b\""
                + b.map { byte -> String in
                    if byte >= 0x20 && byte < 0x7f && byte != 0x22 && byte != 0x5c { return String(UnicodeScalar(byte)) }
                    return "\\x" + String(byte, radix: 16).leftPadded(to: 2)
                }.joined() + "\""
        case .list(let l): return "[" + l.map { $0.description }.joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.entries.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        case .type(let t): return t.name
        case .decimal(let d): return "decimal('\(d.description)')"
        case .timestamp(let t): return "timestamp('\(t.rfc3339)')"
        case .duration(let d): return "duration('\(d.celString)')"
        case .optional(let o?): return "optional.of(\(o.description))"
        case .optional(.none): return "optional.none()"
        }
    }
}

func quoteString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x7f {
                out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

func formatDoubleLiteral(_ d: Double) -> String {
    if d.isNaN { return "double('NaN')" }
    if d.isInfinite { return d < 0 ? "double('-Infinity')" : "double('Infinity')" }
    return "\(d)"
}

// MARK: - Maps

/// Normalised map key: numbers that are equal in CEL are the same key (`1`, `1u`, `1.0`).
enum MapKey: Hashable {
    case int(Int64)
    case bigUint(UInt64) // only values above Int64.max
    case bool(Bool)
    case string(StrKey)
    case other(CELValue)

    init(_ v: CELValue) {
        switch v {
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUint(u)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(StrKey(s))
        case .double(let d):
            if d.rounded(.towardZero) == d {
                if d >= -9223372036854775808.0 && d < 9223372036854775808.0 {
                    self = .int(Int64(d))
                    return
                }
                if d >= 0 && d < 18446744073709551616.0 {
                    self = .bigUint(UInt64(d))
                    return
                }
            }
            self = .other(v)
        case .decimal(let dec):
            if let i = decimalToInt64Exact(dec) { self = .int(i) } else { self = .other(v) }
        default: self = .other(v)
        }
    }
}

extension MapKey {
    /// Hash for `CELMap`'s index, consistent with `==` (keys equal in CEL hash alike).
    var indexHash: UInt64 {
        switch self {
        case .int(let i): return mix64(UInt64(bitPattern: i))
        case .bigUint(let u): return mix64(u ^ 0x5A5A_5A5A_5A5A_5A5A)
        case .bool(let b): return b ? 0x2545_F491_4F6C_DD1D : 0x9E37_79B9_7F4A_7C15
        case .string(let s): return fastHash(s.s)
        case .other(let v): return UInt64(bitPattern: Int64(v.hashValue))
        }
    }
}

/// A string compared and hashed by its Unicode scalars (no canonical-equivalence folding).
struct StrKey: Hashable {
    let s: String
    init(_ s: String) { self.s = s }
    static func == (a: StrKey, b: StrKey) -> Bool { scalarEqual(a.s, b.s) }
    func hash(into hasher: inout Hasher) { hashString(s, into: &hasher) }
}

/// An insertion-ordered CEL map. Keys are normally int, uint, bool or string; numeric keys that are
/// equal in CEL (`1`, `1u`) are the same key.
///
/// Maps above `indexThreshold` entries carry an open-addressing index (`_slots`): each slot packs the
/// upper 32 bits of the key's `indexHash` and the entry's position + 1 (0: empty slot). Smaller maps
/// are scanned.
public struct CELMap: Sendable, Hashable {
    /// The map's parts, in one box shared by its copies until one of them changes: a map is copied
    /// each time a rule reads it (a loop variable, a field's value), and a copy then costs one
    /// reference count instead of one per part, in a `CELValue` half the size.
    final class Storage: @unchecked Sendable {
        var keys: [CELValue]
        var values: [CELValue]
        var slots: [UInt64]
        var unknownKeys: [String]

        init(keys: [CELValue] = [], values: [CELValue] = [], slots: [UInt64] = [], unknownKeys: [String] = []) {
            self.keys = keys
            self.values = values
            self.slots = slots
            self.unknownKeys = unknownKeys
        }
    }

    private var storage: Storage

    /// The storage, copied first when another map shares it (copy on write).
    @inline(__always)
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(keys: storage.keys, values: storage.values, slots: storage.slots, unknownKeys: storage.unknownKeys)
        }
        return storage
    }

    var _keys: [CELValue] {
        @inline(__always) _read { yield storage.keys }
        @inline(__always) _modify { yield &unique().keys }
    }
    var _values: [CELValue] {
        @inline(__always) _read { yield storage.values }
        @inline(__always) _modify { yield &unique().values }
    }
    var _slots: [UInt64] {
        @inline(__always) _read { yield storage.slots }
        @inline(__always) _modify { yield &unique().slots }
    }
    /// Keys the map holds whose values are not known yet (a template's placeholders): absent from
    /// its entries, but reading one (`m.f`, `has(m.f)`, `m.?f`, `'f' in m`) gives `CELError.unknown`.
    public var unknownKeys: [String] {
        get { storage.unknownKeys }
        set { unique().unknownKeys = newValue }
    }

    static let indexThreshold = 8

    public init() {
        storage = Storage()
    }

    private init(keys: [CELValue], values: [CELValue], slots: [UInt64]) {
        storage = Storage(keys: keys, values: values, slots: slots)
    }

    /// Builds a map; a later entry whose key equals an earlier one replaces its value (keeping the first position).
    public init(_ entries: [(CELValue, CELValue)]) {
        self.init()
        _keys.reserveCapacity(entries.count)
        _values.reserveCapacity(entries.count)
        for (k, v) in entries { self[k] = v }
    }

    /// A map with string keys, as `init(_ entries:)` builds it from `.string` keys (a key given
    /// twice keeps its first place and its last value), without the general key handling.
    public init(strings entries: [(String, CELValue)]) {
        let n = entries.count
        var keys: [CELValue] = []
        var values: [CELValue] = []
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        if n <= CELMap.indexThreshold {
            for (key, value) in entries {
                let length = key.utf8.count
                var found: Int? = nil
                for i in 0..<keys.count {
                    if case .string(let k) = keys[i], k.utf8.count == length, scalarEqual(k, key) {
                        found = i
                        break
                    }
                }
                if let found {
                    values[found] = value
                } else {
                    keys.append(.string(key))
                    values.append(value)
                }
            }
            self.init(keys: keys, values: values, slots: [])
            return
        }
        var slots = CELMap.emptySlots(for: n)
        for (key, value) in entries {
            let hash = fastHash(key)
            if !slots.isEmpty,
                let found = CELMap.probe(
                    slots, hash,
                    { p in
                        if case .string(let existing) = keys[p] { return scalarEqual(existing, key) }
                        return false
                    })
            {
                values[found] = value
                continue
            }
            keys.append(.string(key))
            values.append(value)
            CELMap.insert(hash, position: keys.count - 1, into: &slots)
        }
        // A map that shrank to the threshold through repeated keys is scanned, as `init(_:)` leaves it.
        self.init(keys: keys, values: values, slots: keys.count > CELMap.indexThreshold ? slots : [])
    }

    /// Convenience for string-keyed maps (e.g. JSON/YAML objects).
    public init(_ dict: [String: CELValue]) {
        self.init(dict.sorted { $0.key < $1.key }.map { (CELValue.string($0.key), $0.value) })
    }

    /// After a lookup of `key` missed: `CELError.unknown` when it is one of the unknown keys.
    @inline(__always)
    func checkKnown(_ key: String) throws(CELError) {
        if !unknownKeys.isEmpty, unknownKeys.contains(key) { throw CELError.unknown }
    }

    @inline(__always)
    func checkKnown(_ key: CELValue) throws(CELError) {
        if !unknownKeys.isEmpty, case .string(let text) = key { try checkKnown(text) }
    }

    public var count: Int { _keys.count }
    public var isEmpty: Bool { _keys.isEmpty }
    public var keys: [CELValue] { _keys }
    public var values: [CELValue] { _values }
    public var entries: [(key: CELValue, value: CELValue)] {
        var out: [(key: CELValue, value: CELValue)] = []
        out.reserveCapacity(_keys.count)
        for i in 0..<_keys.count { out.append((key: _keys[i], value: _values[i])) }
        return out
    }

    /// The index hash of a key (see `MapKey.indexHash`).
    @inline(__always)
    static func keyHash(_ key: CELValue) -> UInt64 {
        if case .string(let s) = key { return fastHash(s) }
        return MapKey(key).indexHash
    }

    func position(of key: CELValue) -> Int? {
        if case .string(let s) = key { return position(ofString: s, hash: _slots.isEmpty ? 0 : fastHash(s)) }
        let mk = MapKey(key)
        if !_slots.isEmpty {
            return probe(mk.indexHash) { MapKey(_keys[$0]) == mk }
        }
        for i in 0..<_keys.count where MapKey(_keys[i]) == mk { return i }
        return nil
    }

    func position(ofString s: String) -> Int? {
        position(ofString: s, hash: _slots.isEmpty ? 0 : fastHash(s))
    }

    /// Lookup of a string key whose `fastHash` is known (field names compiled into a program).
    @inline(__always)
    func position(ofString s: String, hash: UInt64) -> Int? {
        if !_slots.isEmpty {
            return probe(hash) { p in
                if case .string(let k) = _keys[p] { return scalarEqual(k, s) }
                return false
            }
        }
        let n = s.utf8.count
        for i in 0..<_keys.count {
            if case .string(let k) = _keys[i], k.utf8.count == n, scalarEqual(k, s) { return i }
        }
        return nil
    }

    /// The position `matches` accepts, among the entries of `slots` tagged like `hash`.
    @inline(__always)
    private static func probe(_ slots: [UInt64], _ hash: UInt64, _ matches: (Int) -> Bool) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = hash >> 32
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[i]
                if entry == 0 { return nil }
                if entry >> 32 == tag {
                    let p = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if matches(p) { return p }
                }
                i = (i + 1) & mask
            }
        }
    }

    @inline(__always)
    private func probe(_ hash: UInt64, _ matches: (Int) -> Bool) -> Int? {
        Self.probe(_slots, hash, matches)
    }

    /// Lookup with CEL key semantics (`m[1u]` finds the key `1`).
    public subscript(key: CELValue) -> CELValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return _values[i]
        }
        set {
            if let i = position(of: key) {
                if let nv = newValue {
                    _values[i] = nv
                } else {
                    _keys.remove(at: i)
                    _values.remove(at: i)
                    rebuildIndex()
                }
            } else if let nv = newValue {
                append(key, nv)
            }
        }
    }

    public subscript(key: String) -> CELValue? {
        guard let i = position(ofString: key) else { return nil }
        return _values[i]
    }

    /// Appends a key known to be absent. Returns false (and changes nothing) when the key is present.
    @discardableResult
    mutating func insertNew(_ key: CELValue, _ value: CELValue) -> Bool {
        if position(of: key) != nil { return false }
        append(key, value)
        return true
    }

    /// Appends an absent key and indexes it.
    private mutating func append(_ key: CELValue, _ value: CELValue) {
        _keys.append(key)
        _values.append(value)
        let n = _keys.count
        if n <= CELMap.indexThreshold { return }
        if _slots.count < 2 * n {
            rebuildIndex()
        } else {
            CELMap.insert(CELMap.keyHash(key), position: n - 1, into: &_slots)
        }
    }

    private static func emptySlots(for count: Int) -> [UInt64] {
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        return [UInt64](repeating: 0, count: capacity)
    }

    @inline(__always)
    private static func insert(_ hash: UInt64, position: Int, into slots: inout [UInt64]) {
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = (hash >> 32) << 32 | UInt64(position + 1)
        }
    }

    private mutating func rebuildIndex() {
        guard _keys.count > CELMap.indexThreshold else {
            _slots = []
            return
        }
        var slots = CELMap.emptySlots(for: _keys.count)
        for (i, k) in _keys.enumerated() { CELMap.insert(CELMap.keyHash(k), position: i, into: &slots) }
        _slots = slots
    }

    public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
        guard lhs.count == rhs.count, lhs.unknownKeys == rhs.unknownKeys else { return false }
        for i in 0..<lhs._keys.count {
            guard let j = rhs.position(of: lhs._keys[i]) else { return false }
            if rhs._keys[j] != lhs._keys[i] || rhs._values[j] != lhs._values[i] { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(unknownKeys.count)
        var acc = 0
        for i in 0..<_keys.count {
            var h = Hasher()
            h.combine(_keys[i])
            h.combine(_values[i])
            acc &+= h.finalize()
        }
        hasher.combine(acc)
    }
}

extension CELMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (CELValue, CELValue)...) { self.init(elements) }
}

// MARK: - CEL equality

func celEqual(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.string(let x), .string(let y)): return scalarEqual(x, y)
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.optional(let x), .optional(let y)):
        switch (x, y) {
        case (nil, nil): return true
        case (let a?, let b?): return celEqual(a, b)
        default: return false
        }
    case (.list(let x), .list(let y)):
        guard x.count == y.count else { return false }
        for i in 0..<x.count where !celEqual(x[i], y[i]) { return false }
        return true
    case (.map(let x), .map(let y)):
        guard x.count == y.count else { return false }
        for i in 0..<x._keys.count {
            guard let j = y.position(of: x._keys[i]) else { return false }
            if !celEqual(x._values[i], y._values[j]) { return false }
        }
        return true
    default:
        if let o = compareNumbers(a, b) { return o == .equal }
        return false
    }
}
