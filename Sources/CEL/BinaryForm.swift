/// A compact form of values written once (at build time) and read back many times (at start-up),
/// so that a run does not parse again what the build parsed: integers as ASCII decimals ended by
/// `;`, texts as their UTF-8 length then their bytes, flags as `T`/`F`. Apart from the texts'
/// own bytes it is printable ASCII, so that a form whose texts have no carriage return can be
/// embedded in a Swift string literal.
///
/// Each type writes and reads itself explicitly (`write(to:)`, `init(reading:)`): no `Codable`,
/// no casts, which would look up protocol conformances at run time.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
        bytes.append(UInt8(ascii: ";"))
    }

    public mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func bool(_ value: Bool) { bytes.append(UInt8(ascii: value ? "T" : "F")) }

    /// Raw bytes, as written by another writer (a section whose length is written before it).
    public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    @inlinable
    public mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    @inlinable
    public mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
}

// The generic readers and writers are inlinable so that each use is specialized where it is
// written (a rule set's reader in Validators): unspecialized, they would go through type metadata
// for every element.

/// Reads what a `BinaryWriter` wrote. The form is made by the build and embedded in the binary:
/// a form that does not read is a defect of the build, not of any input, and stops the run.
public struct BinaryReader: Sendable {
    public let bytes: [UInt8]
    public private(set) var position: Int

    public init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    public var isAtEnd: Bool { position >= bytes.count }

    public mutating func int() -> Int {
        var negative = false
        if byte() == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var magnitude: UInt = 0
        while true {
            let digit = byte()
            position += 1
            if digit == UInt8(ascii: ";") { break }
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { damaged() }
            magnitude = magnitude &* 10 &+ UInt(digit - UInt8(ascii: "0"))
        }
        return negative ? Int(bitPattern: 0 &- magnitude) : Int(bitPattern: magnitude)
    }

    public mutating func string() -> String {
        let count = int()
        guard count >= 0, position + count <= bytes.count else { damaged() }
        let text = String(decoding: bytes[position..<position + count], as: UTF8.self)
        position += count
        return text
    }

    public mutating func bool() -> Bool {
        let value = byte()
        position += 1
        switch value {
        case UInt8(ascii: "T"): return true
        case UInt8(ascii: "F"): return false
        default: damaged()
        }
    }

    public mutating func skip(_ count: Int) {
        guard count >= 0, position + count <= bytes.count else { damaged() }
        position += count
    }

    @inlinable
    public mutating func optional<T>(_ read: (inout BinaryReader) -> T) -> T? {
        bool() ? read(&self) : nil
    }

    @inlinable
    public mutating func array<T>(_ read: (inout BinaryReader) -> T) -> [T] {
        let count = int()
        guard count >= 0, count <= bytes.count - position else { damaged() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(read(&self)) }
        return values
    }

    public mutating func strings() -> [String] { array { $0.string() } }

    private func byte() -> UInt8 {
        guard position < bytes.count else { damaged() }
        return bytes[position]
    }

    /// Stops the run: the embedded form was not written by the writer it is read with.
    public func damaged() -> Never {
        preconditionFailure("the compiled form is damaged at byte \(position) of \(bytes.count)")
    }
}
