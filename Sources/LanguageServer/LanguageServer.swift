import Checking
import Foundation
import LanguageServerProtocol

/// The server's state and its answer to each message: open documents, the rules of each
/// project, and the checks due after changes. Single-threaded: `ServerLoop` calls it from one
/// thread; `send` receives each outgoing message's JSON.
public final class LanguageServer {
    let settings: ServerSettings
    let send: (Data) -> Void
    private var documents: [String: OpenDocument] = [:]
    private var projects: [String: (rules: ProjectRules, modified: Date?)] = [:]
    /// Documents changed since their last check, and when the check is due.
    private var due: [String: Date] = [:]
    private var initialized = false
    private(set) var shuttingDown = false
    /// Set by `exit`: the status the process ends with.
    public private(set) var exitStatus: Int32?

    public init(settings: ServerSettings, send: @escaping (Data) -> Void) {
        self.settings = settings
        self.send = send
    }

    // MARK: - messages

    public func handle(_ message: IncomingMessage) {
        switch message.kind {
        case .request(let id, let method):
            do {
                try respond(to: method, id: id, message)
            } catch let error as ResponseError {
                write(try? OutgoingMessage.failure(id, error))
            } catch {
                write(try? OutgoingMessage.failure(id, ResponseError(code: ResponseError.internalError, message: "\(error)")))
            }
        case .notification(let method):
            do {
                try notice(method, message)
            } catch {
                log("\(method): \(error)")
            }
        case .response:
            break
        }
    }

    /// A message that could not be read: answered with an error whose id is null.
    public func reject(_ error: ResponseError) {
        write(try? OutgoingMessage.failure(nil, error))
    }

    private func respond(to method: String, id: RequestID, _ message: IncomingMessage) throws {
        if method == "initialize" {
            _ = try message.params(InitializeParams.self)
            initialized = true
            return reply(
                id,
                InitializeResult(
                    capabilities: Self.capabilities, serverInfo: ServerInfo(name: CheckRun.toolName, version: settings.version)))
        }
        guard initialized else { throw ResponseError(code: ResponseError.serverNotInitialized, message: "initialize first") }
        switch method {
        case "shutdown":
            shuttingDown = true
            reply(id, Optional<Int>.none)
        case "textDocument/hover":
            let params = try message.params(TextDocumentPositionParams.self)
            reply(id, analysis(params.textDocument.uri).flatMap { HoverProvider().hover($0, at: params.position) })
        case "textDocument/completion":
            let params = try message.params(TextDocumentPositionParams.self)
            let items =
                analysis(params.textDocument.uri).map { CompletionProvider(iso: settings.iso).items($0, at: params.position) }
                ?? []
            reply(id, CompletionList(isIncomplete: false, items: items))
        case "textDocument/codeAction":
            let params = try message.params(CodeActionParams.self)
            let uri = params.textDocument.uri
            let actions =
                analysis(uri).map {
                    CodeActionProvider(uri: uri, builder: builder(uri)).actions($0, in: params.range)
                } ?? []
            reply(id, actions)
        case "textDocument/documentSymbol":
            let params = try message.params(DocumentSymbolParams.self)
            reply(id, analysis(params.textDocument.uri).map { OutlineProvider().symbols($0) } ?? [])
        case "textDocument/definition":
            let params = try message.params(TextDocumentPositionParams.self)
            let uri = params.textDocument.uri
            reply(id, analysis(uri).flatMap { ReferenceFinder(uri: uri).definition($0, at: params.position) })
        case "textDocument/references":
            let params = try message.params(ReferenceParams.self)
            let uri = params.textDocument.uri
            reply(
                id,
                analysis(uri).map {
                    ReferenceFinder(uri: uri).references(
                        $0, at: params.position, includeDeclaration: params.context.includeDeclaration)
                } ?? [])
        default:
            throw ResponseError(code: ResponseError.methodNotFound, message: "\(method) is not served")
        }
    }

    private func notice(_ method: String, _ message: IncomingMessage) throws {
        switch method {
        case "exit":
            exitStatus = shuttingDown ? 0 : 1
        case "textDocument/didOpen":
            let params = try message.params(DidOpenTextDocumentParams.self)
            let item = params.textDocument
            documents[item.uri] = OpenDocument(uri: item.uri, version: item.version, text: item.text)
            due[item.uri] = Date()
        case "textDocument/didChange":
            let params = try message.params(DidChangeTextDocumentParams.self)
            guard var document = documents[params.textDocument.uri] else { return }
            for change in params.contentChanges { document.source.apply(change) }
            document.version = params.textDocument.version
            document.analysis = nil
            documents[document.uri] = document
            due[document.uri] = Date().addingTimeInterval(Double(settings.debounceMilliseconds) / 1000)
        case "textDocument/didClose":
            let params = try message.params(DidCloseTextDocumentParams.self)
            documents[params.textDocument.uri] = nil
            due[params.textDocument.uri] = nil
            publish(PublishDiagnosticsParams(uri: params.textDocument.uri, version: nil, diagnostics: []))
        case "textDocument/didSave":
            // The configuration, rules or waivers may have been the file saved: check again.
            for uri in documents.keys { due[uri] = Date() }
        default:
            break // `initialized`, `$/cancelRequest`, `workspace/didChangeConfiguration` …: nothing to do.
        }
    }

    // MARK: - checks

    /// When the next check is due, if one is.
    public var nextCheck: Date? { due.values.min() }

    /// Checks the documents whose check is due at `now` and publishes their diagnostics.
    public func runDueChecks(now: Date = Date()) {
        for (uri, when) in due where when <= now {
            due[uri] = nil
            guard let analysis = analysis(uri), let document = documents[uri] else { continue }
            publish(
                PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: builder(uri).diagnostics(analysis)))
        }
    }

    /// The analysis of the document's current text, made now if the text changed since.
    private func analysis(_ uri: String) -> DossierAnalysis? {
        guard var document = documents[uri] else { return nil }
        if let analysis = document.analysis, analysis.rules === rules(for: document) { return analysis }
        let analysis = DossierAnalysis(
            source: document.source, path: document.path, rules: rules(for: document), today: CheckRun.today())
        document.analysis = analysis
        documents[uri] = document
        return analysis
    }

    /// The rules of the document's project, read again when its configuration file changed.
    private func rules(for document: OpenDocument) -> ProjectRules {
        let configuration = ProjectRules.configurationFile(from: document.folder)
        let key = configuration ?? ""
        let modified = configuration.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        if let cached = projects[key], cached.modified == modified { return cached.rules }
        let rules = ProjectRules(configurationAt: configuration, settings: settings)
        projects[key] = (rules, modified)
        return rules
    }

    private func builder(_ uri: String) -> DiagnosticBuilder {
        DiagnosticBuilder(uri: uri, explainURL: settings.explainURL)
    }

    // MARK: - output

    static let capabilities = ServerCapabilities(
        positionEncoding: "utf-16",
        textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: true),
        hoverProvider: true,
        completionProvider: CompletionOptions(triggerCharacters: [":", " ", "-"]),
        codeActionProvider: CodeActionOptions(codeActionKinds: ["quickfix"]),
        documentSymbolProvider: true, definitionProvider: true, referencesProvider: true)

    private func reply<R: Encodable>(_ id: RequestID, _ result: R) {
        write(try? OutgoingMessage.response(id, result: result))
    }

    private func publish(_ params: PublishDiagnosticsParams) {
        write(try? OutgoingMessage.notification("textDocument/publishDiagnostics", params))
    }

    private func write(_ content: Data?) {
        if let content { send(content) }
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("dossiercheck lsp: \(text)\n".utf8))
    }
}
