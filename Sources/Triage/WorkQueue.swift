import Foundation

/// Runs work on indexes 0..<count on `workers` threads, each index once, and keeps the results
/// in index order.
final class WorkQueue<Result: Sendable>: @unchecked Sendable {
    private var results: [Result?]
    private var next = 0
    private var done = 0
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func run(workers: Int, _ work: @Sendable (Int) -> Result, finished: @Sendable (Int) -> Void) -> [Result] {
        let count = results.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let index = take(below: count) {
                let value = work(index)
                let completed = lock.withLock {
                    results[index] = value
                    done += 1
                    return done
                }
                finished(completed)
            }
        }
        return results.compactMap { $0 }
    }

    private func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
