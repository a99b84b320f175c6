import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// What HTTP/1.1 (RFC 9110, RFC 9112) asks of a server that Hummingbird's HTTP/1 channel leaves
/// out, done on NIO's HTTP/1 parts between the parser and Hummingbird's conversion to HTTP types
/// (which drops the version, so it cannot be done later):
/// - HTTP/1.0 closes the connection after the response unless the request asks for keep-alive,
///   as does `Connection: close`; the response says which (`Connection: close`/`keep-alive`);
/// - `Expect: 100-continue` is answered with `100 Continue` at once, so clients do not wait before
///   sending the body (not when the declared body is larger than the portal reads: then the final
///   answer, 413, comes first and the connection is closed after it); any other expectation, 417;
/// - a transfer coding other than `chunked` (400), and a message the parser cannot frame — a bad
///   chunk size, a bad header — (400, unless an answer was already begun), end the connection;
/// - a request body that has not arrived whole `bodyTimeout` after its head ends the connection
///   (408 when the request was not answered yet), whatever the route: a slow sender to a route
///   that ignores the body is not kept beyond it.
/// The refusals made here are plain text and never repeat anything of the request; each is
/// access-logged like the router's answers (`AccessLog.line`, the same capped fields), and, for a
/// request whose head the router had already taken, marked so that the router does not log it again
/// (`RefusedRequests`).
final class HTTPConformance: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let maxBodySize: Int
    let bodyTimeout: TimeAmount
    let log: @Sendable (String) -> Void
    let refused: RefusedRequests

    /// A request not answered yet: its version, whether the connection stays open after, and what
    /// the access log says of it; `number` once its head is passed on to the router.
    private struct Unanswered {
        var version: HTTPVersion
        var keepAlive: Bool
        var method: String
        var path: String
        var since: ContinuousClock.Instant
        var at: Date
        var number: Int?
    }

    /// The requests not answered yet, oldest first.
    private var unanswered: [Unanswered] = []
    /// When the connection became ready for its next request (for one whose head cannot be read).
    private var ready = (since: ContinuousClock.now, at: Date())
    /// A response head is written for the oldest request, its end not yet.
    private var answering = false
    /// A request's body is being received.
    private var receiving = false
    /// The connection is being closed: nothing more is read or written.
    private var closing = false
    private var bodyTimer: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(maxBodySize: Int, bodyTimeout: TimeAmount, log: @escaping @Sendable (String) -> Void, refused: RefusedRequests) {
        self.maxBodySize = maxBodySize
        self.bodyTimeout = bodyTimeout
        self.log = log
        self.refused = refused
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        bodyTimer?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            let declared = head.headers["content-length"].first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            // A body refused by its declared size is not read: the connection ends after the 413.
            unanswered.append(
                Unanswered(
                    version: head.version, keepAlive: head.isKeepAlive && (declared ?? 0) <= maxBodySize,
                    method: head.method.rawValue, path: URI(head.uri).path, since: .now, at: Date()))
            receiving = true
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            bodyTimer = context.eventLoop.scheduleTask(in: bodyTimeout) { handler.value.bodyTimedOut() }
            let codings = head.headers["transfer-encoding"].flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if !codings.isEmpty, codings != ["chunked"] {
                refuse(context, .badRequest, "the request's transfer coding is not supported: send its body as is or chunked")
                return
            }
            if let expectation = head.headers["expect"].first {
                guard expectation.trimmingCharacters(in: .whitespaces).lowercased() == "100-continue" else {
                    refuse(context, .expectationFailed, "the only expectation the portal meets is 100-continue")
                    return
                }
                // RFC 9110, 10.1.1: never a 100 to an HTTP/1.0 client; none for a body refused anyway.
                if Self.atLeast11(head.version), (declared ?? 0) <= maxBodySize {
                    context.writeAndFlush(
                        wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
                }
            }
            unanswered[unanswered.count - 1].number = refused.passOn()
        case .body:
            break
        case .end:
            receiving = false
            bodyTimer?.cancel()
            bodyTimer = nil
            ready = (.now, Date())
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !closing else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if (100..<200).contains(head.status.code) {
                context.write(data, promise: promise)
                return
            }
            // An answer to no request (one refused here already) is not sent.
            guard let request = unanswered.first, !answering else {
                promise?.fail(ChannelError.outputClosed)
                return
            }
            answering = true
            if !request.keepAlive {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            } else if !Self.atLeast11(request.version) {
                head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            guard answering else {
                promise?.fail(ChannelError.outputClosed)
                return
            }
            context.write(data, promise: promise)
        case .end:
            guard answering else {
                promise?.fail(ChannelError.outputClosed)
                return
            }
            answering = false
            let request = unanswered.removeFirst()
            guard !request.keepAlive else {
                context.write(data, promise: promise)
                return
            }
            closing = true
            let channel = context.channel
            let written = promise ?? context.eventLoop.makePromise()
            written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            context.write(data, promise: written)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError, !closing {
            if answering {
                closing = true
                context.close(promise: nil)
            } else {
                refuse(context, .badRequest, "the request is malformed: its framing cannot be read")
            }
        }
        // Passed on, so that whoever reads the body learns it will not come.
        context.fireErrorCaught(error)
    }

    private func bodyTimedOut() {
        guard let context, receiving, !closing else { return }
        if answering || unanswered.isEmpty {
            closing = true
            context.close(promise: nil)
        } else {
            refuse(context, .requestTimeout, "the request's body did not arrive in time")
        }
    }

    static func atLeast11(_ version: HTTPVersion) -> Bool { version.major > 1 || (version.major == 1 && version.minor >= 1) }

    /// Answers the oldest request here, in plain text, and closes the connection (only closes it
    /// when an answer to an earlier request is being written).
    private func refuse(_ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ message: String) {
        closing = true
        bodyTimer?.cancel()
        guard !answering else {
            context.close(promise: nil)
            return
        }
        let request = unanswered.first
        if let number = request?.number { refused.refuse(number) }
        log(
            AccessLog.line(
                method: request?.method, path: request?.path, status: Int(status.code),
                elapsed: .now - (request?.since ?? ready.since), at: request?.at ?? ready.at, body: nil))
        let body = context.channel.allocator.buffer(string: message + "\n")
        let headers = HTTPHeaders([
            ("content-type", "text/plain; charset=utf-8"), ("content-length", String(body.readableBytes)),
            ("connection", "close"),
            ("x-content-type-options", "nosniff"), ("cache-control", "no-store"),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}

/// Hummingbird's HTTP/1 channel with `HTTPConformance` put right after NIO's request parser, and
/// the router's handling of each request bound to its number on the connection (`RefusedRequests`).
struct ConformingHTTP1Channel: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let http1: HTTP1Channel.Value
        let refused: RefusedRequests
        var channel: any Channel { http1.channel }
    }

    let http1: HTTP1Channel
    let maxBodySize: Int
    let bodyTimeout: TimeAmount
    let log: @Sendable (String) -> Void

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let maxBodySize = maxBodySize
        let bodyTimeout = bodyTimeout
        let log = log
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let parser = try operations.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let refused = RefusedRequests()
            try operations.addHandler(
                HTTPConformance(maxBodySize: maxBodySize, bodyTimeout: bodyTimeout, log: log, refused: refused),
                position: .after(parser.handler))
            return Value(http1: value, refused: refused)
        }
    }

    func handle(value: Value, logger: Logger) async {
        let responder = http1.responder
        let refused = value.refused
        let numbered = HTTP1Channel(
            responder: { request, writer, channel in
                // The writer cannot be copied: it is moved into the closure through an optional.
                var held: ResponseWriter? = writer
                try await RefusedRequests.$current.withValue((refused, refused.route())) {
                    try await responder(request, held.take()!, channel)
                }
            },
            configuration: http1.configuration)
        await numbered.handle(value: value.http1, logger: logger)
    }
}
