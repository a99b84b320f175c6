/// A call that no function of the environment can carry out, found when an expression is compiled
/// (as cel-go's checker does): a name nothing defines, or a known name with the wrong number of
/// arguments or in the wrong style (`f(x)` against `x.f()`).
///
/// A compiled program keeps such a call as a run-time error (`CELProgram.callProblems` lists
/// them), so that hosts evaluating expressions as they come still get standard CEL's
/// "unbound function"; a host that checks expressions ahead of time refuses them.
public struct CELCallProblem: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// No function, method or definition has this name.
        case unknown
        /// The name is known in this style, but not with this many arguments: the counts it takes
        /// (not counting a method's receiver; -1 for any number).
        case arity(expected: [Int])
        /// The name is known as a method only (`x.f()`), and was called as a function.
        case methodOnly
        /// The name is known as a function only (`f(x)`), and was called as a method.
        case functionOnly
    }

    /// The name as called: `size`, `math.greatest`.
    public let function: String
    /// The arguments given, not counting a method's receiver.
    public let arguments: Int
    /// Whether it was called as a method, `x.f(…)`.
    public let isMethodCall: Bool
    public let reason: Reason
    /// 0-based offset in Unicode scalars, and 1-based line and column, of the call in the source.
    public let offset: Int
    public let line: Int
    public let column: Int

    /// What is wrong, in English, without a suggestion.
    public var message: String {
        let written = isMethodCall ? "`.\(function)()`" : "`\(function)()`"
        switch reason {
        case .unknown:
            return "unknown function `\(function)`"
        case .arity(let expected):
            let counts = expected.filter { $0 >= 0 }.sorted()
            let taken = counts.isEmpty ? "any number of" : counts == [0] ? "no" : Self.list(counts.map(String.init))
            let noun = counts == [1] ? "argument" : "arguments"
            return "\(written) takes \(taken) \(noun), not \(arguments)"
        case .methodOnly:
            return "`\(function)` is a method: write `x.\(function)(…)`, not `\(function)(x, …)`"
        case .functionOnly:
            return "`\(function)` is a function, not a method: write `\(function)(x, …)`, not `x.\(function)(…)`"
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}

extension CELEnvironment {
    /// Every name a call may use: the standard and extension functions (`math.greatest` …), the
    /// macros, the natives and the definitions. For "did you mean" suggestions.
    public var functionNames: [String] {
        Array(Builtins.names.union(Compiler.macros).union(definedFunctionNames)).sorted()
    }
}

extension Builtins {
    /// For each name, the argument counts it takes as a function and as a method (-1: any).
    static let arities: [String: (function: [Int], method: [Int])] = {
        var index: [String: (function: [Int], method: [Int])] = [:]
        for key in table.keys {
            if key.receiver {
                index[key.name, default: ([], [])].method.append(key.arity)
            } else {
                index[key.name, default: ([], [])].function.append(key.arity)
            }
        }
        return index
    }()
}

extension Compiler {
    /// The macros the parser expands: known names, though never compiled as calls.
    static let macros: Set<String> = ["has", "all", "exists", "exists_one", "map", "filter"]

    /// Why no function carries out `name` called with `count` arguments, in this style.
    func callProblemReason(_ name: String, receiver: Bool, count: Int) -> CELCallProblem.Reason {
        if let user = userFunctions[name] {
            return receiver ? .functionOnly : .arity(expected: [user.parameters.count])
        }
        if let native = natives[name] {
            if receiver && !native.receiverStyle { return .functionOnly }
            let total = native.arity ?? -1
            return .arity(expected: [receiver ? total - 1 : total])
        }
        if let known = Builtins.arities[name] {
            let (same, other) = receiver ? (known.method, known.function) : (known.function, known.method)
            if same.isEmpty, !other.isEmpty { return receiver ? .functionOnly : .methodOnly }
            return .arity(expected: same)
        }
        return .unknown
    }

    /// Records a call no function carries out, located in the source.
    mutating func recordCallProblem(_ name: String, receiver: Bool, count: Int, offset: Int) -> CELCallProblem {
        let (line, column) = src.lineColumn(offset)
        let problem = CELCallProblem(
            function: name, arguments: count, isMethodCall: receiver,
            reason: callProblemReason(name, receiver: receiver, count: count), offset: offset, line: line, column: column)
        callProblems.append(problem)
        return problem
    }
}
