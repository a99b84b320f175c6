import Hummingbird

/// What the router does not say by itself: a request-target longer than `maxLength` bytes is
/// refused with 414 before anything else reads it, and a path the portal serves asked with a
/// method it does not take gets 405 with `Allow` (the router alone would say 404). `HEAD` goes
/// wherever `GET` does.
struct RequestTarget: RouterMiddleware {
    typealias Context = PortalContext

    /// Longer than any address of the portal with its query (`name` is at most a few hundred bytes).
    static let maxLength = 4096

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard request.uri.description.utf8.count <= Self.maxLength else { throw PortalError.uriTooLong(limit: Self.maxLength) }
        let allowed = Self.methods(for: request.uri.path)
        if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
            throw PortalError.methodNotAllowed(allow: allowed.joined(separator: ", "))
        }
        return try await next(request, context)
    }

    /// Routes served only to refuse the method (with the `Allow` of the others).
    static let refusing: Set<String> = ["GET /api/v1/check"]

    /// The methods `path` is served with (`Portal.routes`), HEAD beside GET; empty for a path not served.
    static func methods(for path: String) -> [String] {
        var methods: [String] = []
        for route in Portal.routes where !refusing.contains(route) {
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, matches(parts[1], path) else { continue }
            for method in parts[0] == "GET" ? ["GET", "HEAD"] : [String(parts[0])] where !methods.contains(method) {
                methods.append(method)
            }
        }
        return methods
    }

    /// Whether `path` is an address of the route `pattern`, whose `{name}` parts stand for any
    /// non-empty text (`/templates/{kind}.yaml`).
    static func matches(_ pattern: Substring, _ path: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let given = path.split(separator: "/", omittingEmptySubsequences: false)
        guard wanted.count == given.count else { return false }
        for (part, text) in zip(wanted, given) {
            if let open = part.firstIndex(of: "{"), let close = part.firstIndex(of: "}") {
                let prefix = part[..<open]
                let suffix = part[part.index(after: close)...]
                guard text.count > prefix.count + suffix.count, text.hasPrefix(prefix), text.hasSuffix(suffix) else {
                    return false
                }
            } else if part != text {
                return false
            }
        }
        return true
    }

    /// The address the language links of a page at `path` point to: `path` itself when it is one
    /// of the portal's fixed addresses, else the front page — never the request's own text.
    static func linkPath(for path: String) -> String {
        Portal.routes.contains { $0.hasSuffix(" " + path) && !$0.contains("{") } ? path : "/"
    }
}
