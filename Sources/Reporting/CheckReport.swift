import Validators

/// Everything one run checked: files, their dossiers and findings.
public struct CheckReport: Sendable {
    public var tool: ToolInfo
    public var files: [FileReport]

    public init(tool: ToolInfo, files: [FileReport]) {
        self.tool = tool
        self.files = files
    }

    public var summary: Summary {
        var summary = Summary()
        summary.files = files.count
        for file in files {
            if file.readError != nil { summary.unreadable += 1 }
            summary.dossiers += file.documents.count
            for document in file.documents {
                summary.errors += document.errors
                summary.warnings += document.warnings
                summary.infos += document.infos
            }
        }
        return summary
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var unreadable = 0
        public var dossiers = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
    }
}

public struct ToolInfo: Sendable {
    public var name: String
    public var version: String
    public var ruleSets: [DocumentReport.RuleSetVersion]

    public init(name: String, version: String, ruleSets: [DocumentReport.RuleSetVersion]) {
        self.name = name
        self.version = version
        self.ruleSets = ruleSets
    }
}

/// One input file: the dossiers it holds, or why it could not be read at all.
public struct FileReport: Sendable {
    /// As given or found, relative to the working directory.
    public var path: String
    /// The file's text, for showing source lines.
    public var source: String?
    public var documents: [DocumentReport]
    /// Set when the file could not be read (missing, no permission, a directory).
    public var readError: String?

    public init(path: String, source: String?, documents: [DocumentReport], readError: String? = nil) {
        self.path = path
        self.source = source
        self.documents = documents
        self.readError = readError
    }
}
