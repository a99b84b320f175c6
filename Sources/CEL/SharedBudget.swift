extension CELProgram {
    /// Evaluates the program against a budget shared by several evaluations (all the evaluations of
    /// one rule on one dossier, say): `remaining` is lowered by the steps this evaluation took, and is
    /// negative when the budget ran out here — the result is then the "evaluation cost budget
    /// exceeded" error. Costs are counted as for `evaluate(_:memo:budget:)`.
    public func evaluate(_ bindings: CELBindings, memo: CELMemo? = nil, remaining: inout Int) -> Result<CELValue, CELError> {
        let ctx: EvalContext
        // The evaluations sharing a memo follow one another on one thread: each takes the context
        // the last one left (see `EvalContext.reuse`).
        if let memo, let spare = memo.spareContext {
            memo.spareContext = nil
            spare.reuse(vars: bindings, budget: max(remaining, 0), frameSize: frameSize, memo: memo)
            ctx = spare
        } else {
            ctx = EvalContext(vars: bindings, budget: max(remaining, 0), frameSize: frameSize, memo: memo)
        }
        defer {
            remaining = min(ctx.budget, remaining)
            if let memo {
                ctx.park()
                memo.spareContext = ctx
            }
        }
        do {
            return .success(try root.eval(ctx))
        } catch {
            return .failure(error)
        }
    }
}
