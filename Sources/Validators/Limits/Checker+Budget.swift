extension Checker {
    /// The finding of a rule that ran out of its evaluation budget on a dossier: an error at the
    /// node it was judging when the budget ran out. The rule is not carried on for that dossier,
    /// and it never counts as passed.
    func budgetExceeded(_ rule: Rule, _ target: Target) -> Finding {
        Finding(
            rule: rule.id, severity: .error,
            message: "evaluation budget exceeded: rule \(rule.id) needed more than \(limits.maxEvaluationCost) evaluation steps "
                + "on this dossier and was stopped here, so the dossier is not checked against it",
            location: target.item.pointMark, end: target.item.pointEnd, path: target.item.path, help: limits.budgetHelp,
            notes: [Finding.Note(message: "the dossier is very large, or built to make the rule slow", location: nil)])
    }
}
