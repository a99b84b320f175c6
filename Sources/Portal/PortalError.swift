import Hummingbird

/// A request the portal refuses or cannot answer, with its status: shown as an HTML page on the
/// pages and as JSON on the API, never as a stack trace.
struct PortalError: Error, Sendable {
    var status: HTTPResponse.Status
    /// A stable code for programs (`too-large`, `busy` …).
    var code: String
    /// The message in English (the API's), and the key of the page's words with its one value.
    var message: String
    var wordKey: String
    var wordValue: String = ""
    var retryAfter: Int?
    var allow: String?

    static func tooLarge(limit: String) -> PortalError {
        PortalError(
            status: .contentTooLarge, code: "too-large", message: "the request body is larger than the portal accepts (\(limit))",
            wordKey: "tooLarge", wordValue: limit)
    }

    static let busy = PortalError(
        status: .serviceUnavailable, code: "busy",
        message: "the portal is checking as many dossiers as it may at once; try again shortly",
        wordKey: "busy", retryAfter: 1)

    static func timeout(limit: String) -> PortalError {
        PortalError(
            status: .serviceUnavailable, code: "timeout", message: "the request took longer than the portal allows (\(limit))",
            wordKey: "timeout", wordValue: limit)
    }

    static func badRequest(_ message: String) -> PortalError {
        PortalError(status: .badRequest, code: "bad-request", message: message, wordKey: "badRequest")
    }

    static func notFound(_ message: String = "there is no such resource") -> PortalError {
        PortalError(status: .notFound, code: "not-found", message: message, wordKey: "notFound")
    }

    /// A rule page asked for a call that does not have the rule; `known` are the calls that do
    /// (the call asked for is not repeated: the page never echoes the request).
    static func unknownCall(known: [String]) -> PortalError {
        PortalError(
            status: .notFound, code: "not-found",
            message: known.isEmpty
                ? "the rule is not in the call asked for; the loaded rule sets name no calls"
                : "the rule is not in the call asked for; the calls that have it: \(known.joined(separator: ", "))",
            wordKey: known.isEmpty ? "noCall" : "unknownCall", wordValue: known.joined(separator: ", "))
    }

    static func methodNotAllowed(allow: String) -> PortalError {
        PortalError(
            status: .methodNotAllowed, code: "method-not-allowed", message: "this resource takes \(allow) only",
            wordKey: "methodNotAllowed",
            allow: allow)
    }

    static func uriTooLong(limit: Int) -> PortalError {
        PortalError(
            status: .uriTooLong, code: "uri-too-long",
            message: "the request-target is longer than the portal reads (\(limit) bytes)",
            wordKey: "uriTooLong", wordValue: String(limit))
    }

    static let internalError = PortalError(
        status: .internalServerError, code: "internal", message: "the portal could not answer this request", wordKey: "internal")
}
