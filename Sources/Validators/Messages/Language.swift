/// A language dossiers, messages and reports may be in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, nl, fr, de
}
