import Foundation

/// The portal's concurrency and time limits on checks. A request takes a slot before its body is
/// read (so at most `limit` bodies are held at once) and keeps it until its check has ended; with
/// no slot free it is refused at once (503, `Retry-After`). A check runs on a thread of its own,
/// as `check --jobs` does, off the server's event loops; past the deadline the request is answered
/// (503) while the check runs to its end (the evaluation budget bounds it) and only then frees
/// the slot, so a flood of slow dossiers cannot take more than `limit` cores.
final class CheckGate: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var running = 0

    init(limit: Int) { self.limit = limit }

    /// Takes a slot, or returns false when all are taken.
    func tryAcquire() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running < limit else { return false }
        running += 1
        return true
    }

    func release() {
        lock.lock()
        running -= 1
        lock.unlock()
    }

    /// How many slots are taken now.
    var inUse: Int {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    enum Outcome<Value: Sendable>: Sendable {
        case done(Value)
        case timedOut
    }

    /// Runs `work` on a thread of its own under a slot already taken, releasing it when `work`
    /// ends; answers `.timedOut` if `deadline` comes first.
    func run<Value: Sendable>(holdingSlotUntil deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () -> Value) async -> Outcome<Value> {
        let once = Once<Outcome<Value>>()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            Thread {
                let value = work()
                self.release()
                once.resume(.done(value))
            }.start()
            let left = ContinuousClock.now.duration(to: deadline)
            let (seconds, attoseconds) = left.components
            let nanoseconds = max(0, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { once.resume(.timedOut) }
        }
    }
}

/// A continuation resumed by whichever comes first: the work's end or the deadline.
private final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var pending: Value?

    func set(_ continuation: CheckedContinuation<Value, Never>) {
        lock.lock()
        defer { lock.unlock() }
        if let pending {
            continuation.resume(returning: pending)
            self.pending = nil
        } else {
            self.continuation = continuation
        }
    }

    func resume(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        if let continuation {
            continuation.resume(returning: value)
            self.continuation = nil
            finished = true
        } else if !finished, pending == nil {
            pending = value
            finished = true
        }
    }

    private var finished = false
}
