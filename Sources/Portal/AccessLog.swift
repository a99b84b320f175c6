import Foundation
import Hummingbird

/// The structured access log: one JSON line per request — time, method, path (without its query,
/// which may hold a file name; at most 256 characters), status, duration, and the body's size and SHA-256 when it was
/// read. Never the body, a header or a query value. The requests the connection refuses itself
/// (400, 408, 417: `HTTPConformance`) are logged there, in the same form, and not again here.
public struct AccessLog: RouterMiddleware {
    public typealias Context = PortalContext
    let sink: @Sendable (String) -> Void

    /// Writes a line to standard error, whole (one `write` call per line).
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let started = Date()
        do {
            let response = try await next(request, context)
            log(request, context, status: Int(response.status.code), since: start, at: started)
            return response
        } catch {
            log(request, context, status: 500, since: start, at: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant, at started: Date)
    {
        // Answered on the wire by the connection, which has logged it.
        if let (connection, number) = RefusedRequests.current, connection.wasRefused(number) { return }
        sink(
            Self.line(
                method: request.method.rawValue, path: request.uri.path, status: status, elapsed: ContinuousClock.now - start,
                at: started, body: context.record.body))
    }

    /// One line; a method or path not known (a request whose head could not be read) is `null`.
    static func line(
        method: String?, path: String?, status: Int, elapsed: Duration, at started: Date, body: (size: Int, sha256: String)?
    ) -> String {
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let fields = [
            "\"time\":\(quote(timestamp(started)))",
            "\"method\":\(method.map { quote(capped($0, to: 32)) } ?? "null")",
            "\"path\":\(path.map { quote(capped($0, to: maxPathLength)) } ?? "null")",
            "\"status\":\(status)",
            "\"durationMs\":\(String(format: "%.3f", milliseconds))",
            "\"bodyBytes\":\(body.map { String($0.size) } ?? "null")",
            "\"bodySha256\":\(body.map { quote($0.sha256) } ?? "null")",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The longest path logged, in characters: a longer one is cut and ends in `…`, so that one
    /// request cannot write a long line (the request-target itself is at most 4 KiB, see `RequestTarget`).
    static let maxPathLength = 256

    static func capped(_ text: String, to length: Int) -> String {
        text.unicodeScalars.count <= length ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(length))) + "…"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A JSON string literal; control characters and non-ASCII escaped, so a line stays one line.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value >= 0x7F:
                if scalar.value > 0xFFFF {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out += String(format: "\\u%04x", scalar.value)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
