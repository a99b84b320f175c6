/// How much a finding weighs: an error makes a dossier inadmissible as it stands.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
