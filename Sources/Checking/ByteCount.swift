import Foundation

/// A number of bytes, written plainly or with a unit: `16777216`, `16MiB`, `16M`, `500KiB`, `2GB`
/// (K, M, G and KiB, MiB, GiB are powers of 1024; KB, MB, GB powers of 1000).
public struct ByteCount: CustomStringConvertible, Equatable, Sendable {
    public var bytes: Int

    public init(_ bytes: Int) { self.bytes = bytes }

    /// Nil for text that is not a count of bytes, or one too large for an `Int`.
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let factors: [String: Int] = [
            "": 1, "b": 1, "k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gib": 1 << 30,
            "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000,
        ]
        guard !digits.isEmpty, let number = Int(digits), let factor = factors[unit] else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        bytes = product
    }

    /// `16 MiB`-style, short: the largest binary unit that divides it, else bytes.
    public var description: String {
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % factor == 0 && bytes >= factor
        {
            return "\(bytes / factor) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
