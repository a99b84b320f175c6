/// Built-ins whose work grows with their input (the strings library, `format`, base64): they charge
/// the evaluation budget for that work, before doing it wherever the size is known up front, so that
/// a hostile rule or document (a `join` over a huge list, `replace` on a huge string, `%.99999999f`)
/// runs out of budget instead of time or memory.
///
/// One step is charged per `Meter.unitsPerStep` characters (UTF-8 bytes) or elements handled,
/// as cel-go's cost model charges 0.1 per character of string traversal.
struct Meter {
    let context: EvalContext

    static let unitsPerStep = 10

    /// Charges `steps` budget steps.
    @inline(__always)
    func charge(steps: Int) throws(CELError) {
        context.budget &-= steps
        if context.budget < 0 { throw CELError.budgetExceeded }
    }

    /// Charges for handling `units` characters (UTF-8 bytes) or elements.
    @inline(__always)
    func charge(_ units: Int) throws(CELError) {
        try charge(steps: units / Meter.unitsPerStep)
    }

    /// Charges for the product `a × b` (a naive search of `b` characters at `a` places), without overflow.
    func charge(_ a: Int, times b: Int) throws(CELError) {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        try charge(o ? Int.max / 2 : p)
    }
}

typealias FnM = @Sendable ([CELValue], Meter) throws(CELError) -> CELValue

/// A call of a metered built-in (see `Meter`).
final class MeteredCallNode: Node {
    let fn: FnM
    var args: [Node] { didSet { argChildren = args.children } }
    private var argChildren: [Child]
    init(_ fn: @escaping FnM, _ args: [Node], offset: Int) {
        self.fn = fn
        self.args = args
        self.argChildren = args.children
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        return try fn(try evaluateArguments(argChildren, c), Meter(context: c))
    }
}
