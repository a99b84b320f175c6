import Foundation

/// A one-line progress bar for a terminal, redrawn in place (`\r`), at most every 1 % of the
/// work or every tenth of a second, from any thread.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var shownPercent = -1
    private var shownAt = Date.distantPast
    private let started = Date()

    public init(total: Int, write: @escaping @Sendable (String) -> Void) {
        self.total = max(total, 1)
        self.write = write
    }

    public func update(_ done: Int) {
        lock.withLock {
            let percent = done * 100 / total
            let now = Date()
            guard done == total || (percent != shownPercent && now.timeIntervalSince(shownAt) >= 0.1) else { return }
            shownPercent = percent
            shownAt = now
            write("\r" + Self.line(done: done, total: total, elapsed: now.timeIntervalSince(started)))
        }
    }

    /// Ends the bar's line.
    public func finish() { lock.withLock { write("\n") } }

    /// `[██████████░░░░░░░░░░]  52 %  1040/2000 files  3.1 s`
    public static func line(done: Int, total: Int, elapsed: TimeInterval, width: Int = 30) -> String {
        let total = max(total, 1)
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = String(done * 100 / total)
        return "[\(bar)] \(String(repeating: " ", count: max(0, 3 - percent.count)))\(percent) %  \(done)/\(total) files  "
            + String(format: "%.1f s", elapsed)
    }
}
