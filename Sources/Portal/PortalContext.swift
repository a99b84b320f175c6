import Foundation
import Hummingbird

/// The request context of the portal: Hummingbird's, and the record of what the request carried
/// for the access log (its body's size and hash, never its content).
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let record = RequestRecord()

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }
}

/// What a handler learnt about a request's body, read by the access log once the response is made.
final class RequestRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var size: Int?
    private var digest: String?

    func body(size: Int, sha256: String) {
        lock.lock()
        self.size = size
        digest = sha256
        lock.unlock()
    }

    var body: (size: Int, sha256: String)? {
        lock.lock()
        defer { lock.unlock() }
        guard let size, let digest else { return nil }
        return (size, digest)
    }
}
