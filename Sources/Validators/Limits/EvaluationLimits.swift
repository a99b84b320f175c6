/// Bounds on the work the engine does for one dossier and on the size of what it writes, so that
/// a hostile or broken dossier ends in a finding instead of a hang or a report of megabytes.
public struct EvaluationLimits: Sendable, Equatable {
    /// Most CEL evaluation steps one rule may take on one dossier: all its checks, `let`s and
    /// `when`s, over every node its `for_each` selects. Past it the rule stops on that dossier
    /// with an error finding (`budgetExceeded`), never a silent pass.
    public var maxEvaluationCost: Int
    /// Longest value, in characters, a message shows (a placeholder's text, a key, a path);
    /// longer ones are cut and end with "…".
    public var maxMessageValueLength: Int
    /// The help line of a budget finding: what to do when the dossier is genuine (the command
    /// line names its flag here).
    public var budgetHelp: String

    public init(
        maxEvaluationCost: Int = 10_000_000, maxMessageValueLength: Int = 1_000,
        budgetHelp: String = "if the dossier is genuine, raise the evaluation budget"
    ) {
        self.maxEvaluationCost = maxEvaluationCost
        self.maxMessageValueLength = maxMessageValueLength
        self.budgetHelp = budgetHelp
    }

    /// 10 000 000 steps per rule and dossier, values of at most 1 000 characters in messages.
    public static let `default` = EvaluationLimits()

    /// `text`, cut to `maxMessageValueLength` characters (the last one then "…").
    public func capped(_ text: String) -> String {
        Self.cap(text, to: maxMessageValueLength)
    }

    static func cap(_ text: String, to length: Int) -> String {
        guard length > 0, text.utf8.count > length else { return text }
        // utf8.count bounds the character count from above: only count characters when it may be over.
        guard text.count > length else { return text }
        return String(text.prefix(max(length - 1, 0))) + "…"
    }
}
