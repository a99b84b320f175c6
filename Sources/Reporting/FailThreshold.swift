import Validators

/// `--fail-on`: the least severity that fails a run (exit status 1, JUnit `<failure>`).
public enum FailThreshold: String, Sendable, CaseIterable {
    case error, warning, info, never

    /// Whether an open finding of `severity` fails the run.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .info: true
        case .never: false
        }
    }
}
