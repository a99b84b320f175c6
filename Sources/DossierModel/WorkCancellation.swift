import Foundation

/// A request, from another thread, that the work on one file stop early (the portal raises it
/// when a request's deadline passes). The loader and the rule engine look at the flag bound to
/// the work running on their thread now and then, and stop when it is raised: what they return
/// then is incomplete, and the one who raised it throws it away. Work run without a flag (`check`)
/// is never stopped.
public final class WorkCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Asks the work to stop.
    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// The flag of the work running here (a task local, which a plain thread binds too, with
    /// `$current.withValue`).
    @TaskLocal public static var current: WorkCancellation?

    /// Whether the work running here has been asked to stop.
    public static var isRequested: Bool { current?.isRaised ?? false }
}
