import Foundation

/// The requests of one connection that `HTTPConformance` answered itself (400, 408) after passing
/// their head on to the router — a body whose framing breaks, a body that does not arrive in time.
/// The connection logs them with the status it sent; the router's access log, which sees them end
/// too, must not log them a second time. Requests are numbered in the order of their heads, the
/// order in which the router takes them; the router's handling of a request runs with
/// `RefusedRequests.current` bound to its connection and number.
final class RefusedRequests: @unchecked Sendable {
    @TaskLocal static var current: (connection: RefusedRequests, number: Int)?

    private let lock = NSLock()
    private var passedOn = 0
    private var routed = 0
    private var refused: Set<Int> = []

    /// The number of a head passed on to the router (called by the connection).
    func passOn() -> Int {
        lock.lock()
        defer { lock.unlock() }
        passedOn += 1
        return passedOn
    }

    /// The number of the request the router takes now (called once per request, in order).
    func route() -> Int {
        lock.lock()
        defer { lock.unlock() }
        routed += 1
        return routed
    }

    func refuse(_ number: Int) {
        lock.lock()
        refused.insert(number)
        lock.unlock()
    }

    func wasRefused(_ number: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return refused.contains(number)
    }
}
