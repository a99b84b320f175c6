import Describe
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Reporting
import Validators

/// The pre-check portal (`dossiercheck serve`): the page where an applicant uploads or pastes a
/// dossier and reads its findings, the rule and template pages, and the JSON API, on Hummingbird.
///
/// Routes: `GET /`, `POST /check` (the form, `multipart/form-data` or `application/x-www-form-urlencoded`),
/// `GET /rules`, `GET /rules/{id}`, `GET /templates/{kind}.yaml`, `POST /api/v1/check`,
/// `GET /api/v1/rules`, `GET /api/v1/openapi.yaml`, `GET /healthz`, `GET /static/portal.css|js`.
/// Every response carries the security headers; each request is logged as one JSON line with its
/// body's size and SHA-256, never its content.
public struct Portal: Sendable {
    public let configuration: PortalConfiguration
    public let engine: PortalEngine
    let gate: CheckGate
    let log: @Sendable (String) -> Void

    /// `log` receives the access log's lines (by default, standard error).
    public init(
        configuration: PortalConfiguration, engine: PortalEngine,
        log: @escaping @Sendable (String) -> Void = AccessLog.standardError
    ) {
        self.configuration = configuration
        self.engine = engine
        self.gate = CheckGate(limit: configuration.maxConcurrent)
        self.log = log
    }

    /// Runs until cancelled or, with `signals`, until SIGTERM or SIGINT; `onRunning` gets the bound port.
    public func run(handlingSignals signals: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        FreedMemory.configure()
        var logger = Logger(label: "dossiercheck.serve")
        // Embedded (tests), the server is stopped by cancelling its task, which Hummingbird logs as an error.
        logger.logLevel = signals ? .warning : .critical
        let maxBodySize = configuration.maxBodySize
        let log = self.log
        // A body still arriving a second after the request's deadline ends its connection (the
        // checking routes have answered 503 by then; the others do not read bodies).
        let bodyTimeout = TimeAmount.nanoseconds(
            Int64(configuration.requestTimeout.components.seconds) * 1_000_000_000 + 1_000_000_000)
        let server = HTTPServerBuilder { responder in
            ConformingHTTP1Channel(
                http1: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .seconds(60))),
                maxBodySize: maxBodySize,
                bodyTimeout: bodyTimeout,
                log: log)
        }
        let app = Application(
            router: router(),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        if signals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }

    /// The routes, behind the access log, the security headers and the error pages (outermost first).
    func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLog(sink: log))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(version: configuration.version))
        router.add(middleware: RequestTarget())

        router.get("/") { request, _ in self.html(self.checkPage(request.uri.queryParameters["lang"], request).render()) }
        router.post("/check") { request, context in try await self.submitForm(request, context: context) }
        router.get("/check") { request, _ in
            Response(status: .seeOther, headers: [.location: "/?lang=\(self.pageLanguage(request).rawValue)"])
        }
        router.get("/rules") { request, _ in self.html(self.rulePages(request).list()) }
        router.get("/rules/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let call = request.uri.queryParameters["call"].map(String.init)
            guard let page = try self.rulePages(request).explanation(id, call: call) else {
                throw PortalError.notFound("no loaded rule set has a rule \(id)")
            }
            return self.html(page)
        }
        router.get("/templates/:file") { request, context in
            try self.template(request, file: context.parameters.get("file") ?? "")
        }
        router.get("/static/portal.css") { _, _ in try self.asset("portal.css", type: "text/css; charset=utf-8") }
        router.get("/static/portal.js") { _, _ in try self.asset("portal.js", type: "text/javascript; charset=utf-8") }
        router.get("/healthz") { _, _ in
            self.json(.object([("status", .string("ok")), ("version", .string(self.configuration.version))]))
        }

        router.post("/api/v1/check") { request, context in try await self.apiCheck(request, context: context) }
        router.get("/api/v1/check") { _, _ -> Response in throw PortalError.methodNotAllowed(allow: "POST") }
        router.get("/api/v1/rules") { request, _ in try self.apiRules(request) }
        router.get("/api/v1/openapi.yaml") { _, _ in try self.asset("openapi.yaml", type: "application/yaml; charset=utf-8") }
        return router
    }

    /// The routes the portal serves, as `METHOD /path` with `{parameters}` (the OpenAPI test compares them).
    public static let routes = [
        "GET /", "POST /check", "GET /check", "GET /rules", "GET /rules/{id}", "GET /templates/{kind}.yaml",
        "GET /static/portal.css", "GET /static/portal.js", "GET /healthz", "POST /api/v1/check", "GET /api/v1/check",
        "GET /api/v1/rules", "GET /api/v1/openapi.yaml",
    ]

    // MARK: - the API

    func apiCheck(_ request: Request, context: PortalContext) async throws -> Response {
        let language = try messageLanguage(request.uri.queryParameters["lang"].map(String.init))
        let name = PortalEngine.reportName(request.uri.queryParameters["name"].map(String.init))
        let engine = self.engine
        let json = try await checked(request, context: context) { bytes in
            guard !bytes.isEmpty else {
                throw PortalError.badRequest("the request has no body: send the dossier's YAML as the body")
            }
            return JSONFormatter().format(engine.check(bytes, name: name, language: language))
        }
        var response = Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func apiRules(_ request: Request) throws -> Response {
        let language = try messageLanguage(request.uri.queryParameters["lang"].map(String.init)) ?? .en
        var sets = engine.checker.ruleSets
        if let kind = request.uri.queryParameters["kind"].map(String.init) {
            guard let outline = engine.checker.outline(ofKind: kind) else {
                throw PortalError.notFound(
                    "no rule set checks the kind \(kind); known kinds: \(engine.checker.kindNames.joined(separator: ", "))")
            }
            sets = outline.sets
        }
        return json(RuleCatalogue(sets: sets, language: language).json())
    }

    // MARK: - the pages

    func submitForm(_ request: Request, context: PortalContext) async throws -> Response {
        let contentType = request.headers[.contentType] ?? ""
        let page = try await checked(request, context: context) { bytes in try self.formPage(bytes, contentType: contentType) }
        var response = html(page.html)
        response.status = page.status
        return response
    }

    /// A page rendered with its status.
    struct RenderedPage: Sendable {
        var status: HTTPResponse.Status
        var html: String
    }

    /// The form's fields → the page with the check's result (or, with no dossier, the form again).
    func formPage(_ body: [UInt8], contentType: String) throws -> RenderedPage {
        let fields = try FormFields(body: body, contentType: contentType)
        let page = CheckPage(layout: layout(fields.ui), kinds: engine.checker.kindNames, calls: engine.calls)
        guard let dossier = fields.dossier else {
            return RenderedPage(
                status: .badRequest, html: page.render(messages: fields.messages, notice: PortalWords(fields.ui)["noDossier"]))
        }
        let report = engine.check(dossier, name: PortalEngine.reportName(fields.filename), language: fields.messages)
        let shown = fields.filename == nil ? PortalWords(fields.ui)["pasted"] : (report.files.first?.path ?? "")
        // The text box is refilled with what was checked, to correct and check again (a binary
        // file is not put back).
        let text = dossier.contains(0) ? "" : String(decoding: dossier, as: UTF8.self)
        return RenderedPage(
            status: .ok, html: page.render(report: report, shownName: shown, text: text, messages: fields.messages))
    }

    /// Reads the body whole, within the size limit and the request's time, and records its size
    /// and hash; only then takes a slot (a slow sender holds a connection, never a slot), and does
    /// `work` on the body — parsing, checking and rendering — on a thread of its own under the
    /// slot, told to stop at the deadline (`CheckGate`).
    func checked<Answer: Sendable>(
        _ request: Request, context: PortalContext, work: @escaping @Sendable ([UInt8]) throws -> Answer
    ) async throws -> Answer {
        let deadline = ContinuousClock.now.advanced(by: configuration.requestTimeout)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > configuration.maxBodySize {
            throw PortalError.tooLarge(limit: limitText)
        }
        let body = try await readBody(request, until: deadline)
        context.record.body(size: body.count, sha256: await CheckGate.offPool { SHA256.hex(body) })
        guard gate.tryAcquire() else { throw PortalError.busy }
        switch await gate.run(holdingSlotUntil: deadline, { Result { try work(body) } }) {
        case .done(let result): return try result.get()
        case .timedOut: throw PortalError.timeout(limit: timeoutText)
        }
    }

    /// The body, at most `maxBodySize` bytes, read before `deadline`; a body whose framing the
    /// parser cannot read (a bad chunk) is a bad request.
    func readBody(_ request: Request, until deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        let limit = configuration.maxBodySize
        let timeout = PortalError.timeout(limit: timeoutText)
        let tooLarge = PortalError.tooLarge(limit: limitText)
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                do {
                    var buffer = try await request.body.collect(upTo: limit)
                    return buffer.readBytes(length: buffer.readableBytes) ?? []
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    throw tooLarge
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    throw PortalError.badRequest("the request body cannot be read: its framing is malformed")
                }
            }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else { throw timeout }
            return bytes
        }
    }

    var timeoutText: String {
        let (seconds, attoseconds) = configuration.requestTimeout.components
        return TimeLimit(milliseconds: Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)).description
    }

    var limitText: String {
        let bytes = configuration.maxBodySize
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % factor == 0 && bytes >= factor
        {
            return "\(bytes / factor) \(unit)"
        }
        return "\(bytes) bytes"
    }

    func template(_ request: Request, file: String) throws -> Response {
        guard file.hasSuffix(".yaml"), let outline = engine.checker.outline(ofKind: String(file.dropLast(5))) else {
            throw PortalError.notFound(
                "no rule set checks the kind of \(file); known kinds: \(engine.checker.kindNames.joined(separator: ", "))")
        }
        let language = try messageLanguage(request.uri.queryParameters["lang"].map(String.init)) ?? .en
        let text = TemplateWriter(outline: outline, language: language).write().text
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/yaml; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(outline.kind).yaml\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func asset(_ name: String, type: String) throws -> Response {
        guard let text = PortalAssets.file(name) else { throw PortalError.notFound() }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - helpers

    func layout(_ language: Language) -> PageLayout { PageLayout(language: language, version: configuration.version) }

    func checkPage(_ lang: Substring?, _ request: Request) -> CheckPage {
        CheckPage(layout: layout(pageLanguage(request)), kinds: engine.checker.kindNames)
    }

    func rulePages(_ request: Request) -> RulePages { RulePages(layout: layout(pageLanguage(request)), checker: engine.checker) }

    /// The language of a page: `?lang=`, else the browser's first of en, nl, fr, de, else English.
    func pageLanguage(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters["lang"].flatMap({ Language(toolLanguage: String($0)) }) { return lang }
        return Self.preferred(request.headers[.acceptLanguage] ?? "")
    }

    static func preferred(_ header: String) -> Language {
        for entry in header.split(separator: ",") {
            let tag = entry.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if let language = Language(toolLanguage: String(tag.prefix(2))) { return language }
        }
        return .en
    }

    /// `lang` as a language of the messages: nil for none (each dossier's own), else en, nl, fr or de.
    func messageLanguage(_ lang: String?) throws -> Language? {
        guard let lang, !lang.isEmpty else { return nil }
        guard let language = Language(toolLanguage: lang) else {
            throw PortalError.badRequest("lang must be en, nl, fr or de, not \(lang)")
        }
        return language
    }

    func html(_ page: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    func json(_ value: JSONValue) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: value.serialized() + "\n")))
    }
}
