import Hummingbird
import Reporting
import Validators

/// Every error as a response with its status: an HTML page for the pages, JSON for the API and
/// `/healthz` — `{"error": {"status", "code", "message"}}` — never a stack trace. An unexpected
/// error is a 500 that names nothing of it.
public struct ErrorPages: RouterMiddleware {
    public typealias Context = PortalContext
    let version: String

    static let maxMessageLength = 300

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as PortalError {
            return respond(error, to: request)
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound: return respond(.notFound(), to: request)
            case .contentTooLarge: return respond(.tooLarge(limit: "?"), to: request)
            case .methodNotAllowed: return respond(.methodNotAllowed(allow: "GET, POST"), to: request)
            case let status where status.code < 500:
                return respond(
                    PortalError(
                        status: status, code: "bad-request", message: "the request could not be read", wordKey: "badRequest"),
                    to: request)
            default: return respond(.internalError, to: request)
            }
        } catch is CancellationError {
            return respond(.timeout(limit: "?"), to: request)
        } catch {
            return respond(.internalError, to: request)
        }
    }

    func respond(_ error: PortalError, to request: Request) -> Response {
        var error = error
        // A message may quote the request (`lang must be … not xx`): never at length.
        if error.message.count > Self.maxMessageLength {
            error.message = String(error.message.prefix(Self.maxMessageLength)) + "…"
        }
        let path = request.uri.path
        var headers: HTTPFields = [:]
        if let seconds = error.retryAfter { headers[.retryAfter] = String(seconds) }
        if let allow = error.allow { headers[.allow] = allow }
        headers[.cacheControl] = "no-store"
        if path.hasPrefix("/api/") || path == "/healthz" {
            headers[.contentType] = "application/json; charset=utf-8"
            let body = JSONValue.object([
                (
                    "error",
                    .object([
                        ("status", .int(Int(error.status.code))), ("code", .string(error.code)),
                        ("message", .string(error.message)),
                    ])
                )
            ])
            return Response(
                status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body.serialized() + "\n")))
        }
        let language =
            request.uri.queryParameters["lang"].flatMap { Language(toolLanguage: String($0)) }
            ?? Portal.preferred(request.headers[.acceptLanguage] ?? "")
        let words = PortalWords(language)
        let message =
            error.wordKey == "badRequest"
            ? "\(words["badRequest"]) (\(error.message))" : words.format(error.wordKey, error.wordValue)
        headers[.contentType] = "text/html; charset=utf-8"
        // The language links go to a fixed address of the portal, never to the path asked for.
        let page = PageLayout(language: language, version: version).error(
            status: Int(error.status.code), message: message, path: RequestTarget.linkPath(for: path))
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
