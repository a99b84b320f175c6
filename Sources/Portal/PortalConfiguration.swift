/// How the portal runs: where it listens and the limits on each request (the dossier's own load
/// and evaluation limits are the checker's, `CheckLimits`).
public struct PortalConfiguration: Sendable {
    /// The address to bind: loopback unless told otherwise (a reverse proxy in front does TLS).
    public var host: String
    /// 0 for a free port (tests); the bound one is passed to `onRunning`.
    public var port: Int
    /// The largest request body read, in bytes; past it, 413.
    public var maxBodySize: Int
    /// The longest a request may take, reading its body and checking it; past it, 503.
    public var requestTimeout: Duration
    /// How many dossiers are read and checked at once; past it, 503 with `Retry-After`.
    public var maxConcurrent: Int
    /// The version the reports and pages name.
    public var version: String

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = 2 << 20, requestTimeout: Duration = .seconds(10),
        maxConcurrent: Int = 8, version: String
    ) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.requestTimeout = requestTimeout
        self.maxConcurrent = maxConcurrent
        self.version = version
    }
}
