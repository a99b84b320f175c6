import ArgumentParser
import Foundation

/// A number of bytes, written plainly or with a unit: `16777216`, `16MiB`, `16M`, `500KiB`, `2GB`
/// (K, M, G and KiB, MiB, GiB are powers of 1024; KB, MB, GB powers of 1000).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible, Equatable {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
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

    /// `16 MiB (16777216 bytes)`-style, short: the largest binary unit that divides it, else bytes.
    var description: String {
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % factor == 0 && bytes >= factor {
            return "\(bytes / factor) \(unit)"
        }
        return "\(bytes) bytes"
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
