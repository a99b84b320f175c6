/// One line of a dossier's source text, with its 1-based number, shown under a finding.
public struct SourceLine: Sendable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
