import DossierModel
import Foundation

/// The portal's concurrency and time limits on checks. A request takes a slot once its body has
/// been read whole (a slow sender holds a connection, never a slot) and keeps it while its dossier
/// is parsed, checked and its answer rendered; with no slot free it is refused at once (503,
/// `Retry-After`). That work runs on a thread of its own, as `check --jobs` does, off the server's
/// event loops and Swift's shared pool. At the deadline the request is answered (503) and the work
/// is told to stop (`WorkCancellation`): the loader and the rule engine end within a few
/// thousand steps, and only then is the slot freed, so slow dossiers never take more than `limit`
/// cores. When the last slot is freed, memory the checks gave back is returned to the system
/// (`FreedMemory`).
final class CheckGate: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var running = 0

    init(limit: Int) { self.limit = limit }

    /// The name of the threads checks run on (at most 15 bytes, Linux's limit).
    static let threadName = "dossier-check"

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
        let idle = running == 0
        lock.unlock()
        // glibc keeps freed pages for later; with nothing running, give them back so that the
        // server's memory returns near its baseline after a burst — now, and once more a second
        // later, when the last answers have been written and their buffers freed.
        guard idle else { return }
        FreedMemory.trim()
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(1)) { [weak self] in
            if self?.inUse == 0 { FreedMemory.trim() }
        }
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

    /// Runs `work` on a thread of its own, without a slot: for work on a request's whole body
    /// (its hash) that must not hold one of Swift concurrency's few shared threads, on which the
    /// server answers everyone else.
    static func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// Runs `work` on a thread of its own under a slot already taken, with a cancellation flag
    /// bound that the deadline raises, releasing the slot when `work` ends; answers `.timedOut` if
    /// `deadline` comes first.
    func run<Value: Sendable>(holdingSlotUntil deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () -> Value) async
        -> Outcome<Value>
    {
        let once = Once<Outcome<Value>>()
        let cancellation = WorkCancellation()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            let thread = Thread {
                // Named, so that `top -H` (and the test that measures a cancelled check's CPU time) finds it.
                Thread.current.name = CheckGate.threadName
                let value = WorkCancellation.$current.withValue(cancellation) { work() }
                self.release()
                once.resume(.done(value))
            }
            thread.start()
            let left = ContinuousClock.now.duration(to: deadline)
            let (seconds, attoseconds) = left.components
            let nanoseconds = max(0, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
                cancellation.raise()
                once.resume(.timedOut)
            }
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
