import Foundation

/// A file's lines, each decoded to Unicode scalars once however many code frames show it: a
/// long line quoted by many findings is not decoded again for each (the work of a report stays
/// proportional to its findings plus the file, not to their product).
public final class SourceLines: @unchecked Sendable {
    public let lines: [Substring]
    private let lock = NSLock()
    private var decoded: [Int: [Unicode.Scalar]] = [:]

    public init(_ lines: [Substring]) { self.lines = lines }

    /// Line `number` (1-based) as scalars.
    func scalars(ofLine number: Int) -> [Unicode.Scalar] {
        lock.lock()
        defer { lock.unlock() }
        if let known = decoded[number] { return known }
        let scalars = Array(lines[number - 1].unicodeScalars)
        decoded[number] = scalars
        return scalars
    }
}
