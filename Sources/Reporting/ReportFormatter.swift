/// Turns a whole run's report into one output format.
public protocol ReportFormatter {
    func format(_ report: CheckReport) -> String
}

/// The output formats `--format` offers; each maps to its formatter type.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json

    public func formatter(color: Bool) -> any ReportFormatter {
        switch self {
        case .text: TextFormatter(color: color)
        case .json: JSONFormatter()
        }
    }
}
