import Foundation

/// The work of a run over its files, on threads of our own, handed back in input order.
///
/// `check` and `triage` share it. Each worker takes the next index and works on it; the calling
/// thread receives the results in index order, each as soon as those before it are in, and keeps
/// none: a report can be written a file at a time while later files are still being checked, and
/// a run holds only the results that wait for an earlier, slower file. Threads of our own:
/// `DispatchQueue.concurrentPerform` ran everything on one thread when the machine was busy with
/// other processes, so `--jobs` did not give the cores it names.
public enum OrderedWork {
    /// Runs `work` on indexes `0..<count` on `workers` threads and passes each result to `deliver`,
    /// on this thread, in index order. When `deliver` throws, no further work is started.
    public static func run<Result: Sendable>(
        count: Int, workers: Int, _ work: @escaping @Sendable (Int) -> Result, deliver: (Int, Result) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let slots = Slots<Result>(count: count)
        for _ in 0..<max(1, min(workers, count)) {
            Thread {
                while let index = slots.take() { slots.put(work(index), at: index) }
            }.start()
        }
        do {
            for index in 0..<count { try deliver(index, slots.wait(for: index)) }
        } catch {
            slots.stop()
            throw error
        }
    }

    /// The results not yet handed back, and the next index to work on.
    private final class Slots<Result>: @unchecked Sendable {
        private var results: [Result?]
        private var next = 0
        private let condition = NSCondition()

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func take() -> Int? {
            condition.withLock {
                guard next < results.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        /// No index is handed out any more.
        func stop() {
            condition.withLock { next = results.count }
        }

        func put(_ result: Result, at index: Int) {
            condition.withLock {
                results[index] = result
                condition.broadcast()
            }
        }

        /// The result at `index` once it is in; the slot is emptied.
        func wait(for index: Int) -> Result {
            condition.withLock {
                while results[index] == nil { condition.wait() }
                defer { results[index] = nil }
                return results[index]!
            }
        }
    }
}
