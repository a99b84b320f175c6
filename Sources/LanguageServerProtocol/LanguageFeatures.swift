public struct CodeActionContext: Codable, Sendable {
    public var diagnostics: [Diagnostic]
    public var only: [String]?
}

public struct CodeActionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    /// `quickfix` for all the server offers.
    public var kind: String?
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?

    public init(
        title: String, kind: String? = "quickfix", diagnostics: [Diagnostic]?, isPreferred: Bool? = nil, edit: WorkspaceEdit
    ) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}

public struct Hover: Codable, Sendable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public enum CompletionItemKind: Int, Codable, Sendable {
    case text = 1
    case field = 5
    case value = 12
    case enumMember = 20
    case reference = 18
    case snippet = 15
    case module = 9
}

public struct CompletionItem: Codable, Sendable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    public var documentation: MarkupContent?
    public var insertText: String?
    public var filterText: String?
    public var sortText: String?

    public init(
        label: String, kind: CompletionItemKind?, detail: String? = nil, documentation: MarkupContent? = nil,
        insertText: String? = nil,
        sortText: String? = nil
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.sortText = sortText
    }
}

public struct CompletionList: Codable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]

    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

public enum SymbolKind: Int, Codable, Sendable {
    case file = 1
    case module = 2
    case namespace = 3
    case object = 19
    case array = 18
    case key = 20
    case number = 16
    case string = 15
    case event = 24
    case field = 8
}

/// One entry of the outline, with its children.
public struct DocumentSymbol: Codable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var range: Range
    public var selectionRange: Range
    public var children: [DocumentSymbol]?

    public init(name: String, detail: String?, kind: SymbolKind, range: Range, selectionRange: Range, children: [DocumentSymbol]?)
    {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
        self.children = children
    }
}

public struct DocumentSymbolParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct ReferenceContext: Codable, Sendable {
    public var includeDeclaration: Bool
}

public struct ReferenceParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: ReferenceContext
}
