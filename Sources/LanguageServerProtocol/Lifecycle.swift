/// What the server reads of `initialize`: the rest of the client's capabilities it does not need.
public struct InitializeParams: Codable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var initializationOptions: LSPAny?
}

public enum TextDocumentSyncKind: Int, Codable, Sendable {
    case none = 0
    case full = 1
    case incremental = 2
}

public struct TextDocumentSyncOptions: Codable, Sendable {
    public var openClose: Bool
    public var change: TextDocumentSyncKind
    public var save: Bool?

    public init(openClose: Bool, change: TextDocumentSyncKind, save: Bool? = nil) {
        self.openClose = openClose
        self.change = change
        self.save = save
    }
}

public struct CompletionOptions: Codable, Sendable {
    public var triggerCharacters: [String]?
    public init(triggerCharacters: [String]?) { self.triggerCharacters = triggerCharacters }
}

public struct CodeActionOptions: Codable, Sendable {
    public var codeActionKinds: [String]?
    public init(codeActionKinds: [String]?) { self.codeActionKinds = codeActionKinds }
}

public struct ServerCapabilities: Codable, Sendable {
    public var positionEncoding: String?
    public var textDocumentSync: TextDocumentSyncOptions?
    public var hoverProvider: Bool?
    public var completionProvider: CompletionOptions?
    public var codeActionProvider: CodeActionOptions?
    public var documentSymbolProvider: Bool?
    public var definitionProvider: Bool?
    public var referencesProvider: Bool?

    public init(
        positionEncoding: String? = nil, textDocumentSync: TextDocumentSyncOptions? = nil, hoverProvider: Bool? = nil,
        completionProvider: CompletionOptions? = nil, codeActionProvider: CodeActionOptions? = nil,
        documentSymbolProvider: Bool? = nil,
        definitionProvider: Bool? = nil, referencesProvider: Bool? = nil
    ) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = textDocumentSync
        self.hoverProvider = hoverProvider
        self.completionProvider = completionProvider
        self.codeActionProvider = codeActionProvider
        self.documentSymbolProvider = documentSymbolProvider
        self.definitionProvider = definitionProvider
        self.referencesProvider = referencesProvider
    }
}

public struct ServerInfo: Codable, Sendable {
    public var name: String
    public var version: String?
    public init(name: String, version: String?) {
        self.name = name
        self.version = version
    }
}

public struct InitializeResult: Codable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo?

    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo?) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }
}

/// `window/logMessage` and `window/showMessage`.
public struct LogMessageParams: Codable, Sendable {
    public var type: Int
    public var message: String
    public init(type: Int, message: String) {
        self.type = type
        self.message = message
    }
}
