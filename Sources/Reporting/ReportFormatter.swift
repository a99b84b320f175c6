import Validators

/// Turns a whole run's report into one output format.
public protocol ReportFormatter {
    func format(_ report: CheckReport) -> String
}

/// What formatters may need beyond the report itself.
public struct FormatOptions: Sendable {
    /// ANSI colour (text only).
    public var color: Bool
    /// The working directory as a `file://` URI ending in `/`: what relative paths are relative to (SARIF).
    public var sourceRoot: String?
    /// The language asked for (`--lang`), for what belongs to no dossier (text only).
    public var language: Language?
    /// The width of the reader's terminal, in display columns (text only): wider code-frame lines
    /// are cut, longer notes wrapped; nil for no limit.
    public var columns: Int?

    public init(color: Bool = false, sourceRoot: String? = nil, language: Language? = nil, columns: Int? = nil) {
        self.color = color
        self.sourceRoot = sourceRoot
        self.language = language
        self.columns = columns
    }
}

/// The output formats `--format` offers; each maps to its formatter type.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, markdown

    public func formatter(_ options: FormatOptions) -> any ReportFormatter {
        switch self {
        case .text: TextFormatter(color: options.color, language: options.language, columns: options.columns)
        case .json: JSONFormatter()
        case .sarif: SARIFFormatter(sourceRoot: options.sourceRoot)
        case .junit: JUnitFormatter()
        case .github: GitHubFormatter()
        case .markdown: MarkdownFormatter()
        }
    }
}
