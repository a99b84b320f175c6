// libFuzzer target: text through the CEL parser and compiler, then, when it compiles, an evaluation
// under a small budget. Tests/CELTests/FuzzRegressionTests replays what it finds.
import CEL
import FuzzSupport

/// An environment like the rules' one: user-defined functions that call each other, and a native.
private let environment: CELEnvironment = {
    let environment = CELEnvironment()
    environment.defineNative("distinct", receiverStyle: true) { arguments throws(CELError) in
        guard arguments.count == 1, case .list(let items) = arguments[0] else { throw CELError(message: "distinct takes a list") }
        var seen: [CELValue] = []
        for item in items where !seen.contains(item) { seen.append(item) }
        return .list(seen)
    }
    do {
        try environment.defineFunction("orgs", parameters: [], body: "has(self.members) ? self.members : []")
        try environment.defineFunction("isSME", parameters: ["org"], body: "has(org.employees) && org.employees < 250")
        try environment.defineFunction("ids", parameters: [], body: "orgs().map(o, o.id)")
    } catch {
        fatalError("the fuzz environment does not build: \(error)")
    }
    return environment
}()

private let member: (String, Int64) -> CELValue = { id, employees in
    .map(CELMap([(.string("id"), .string(id)), (.string("employees"), .int(employees)), (.string("share"), .decimal(0.25))]))
}

private let bindings: [String: CELValue] = [
    "self": .map(
        CELMap([
            (.string("members"), .list([member("a", 3), member("b", 300), member("c", 40)])),
            (.string("title"), .string("TWEED – énergie")),
            (.string("years"), .list([.int(1), .int(2), .int(3)])),
            (.string("cap"), .double(160000.5)),
        ])),
    "item": member("a", 3),
    "index": .int(0),
    "params": .map(CELMap([(.string("cap"), .int(160_000)), (.string("rates"), .list([.decimal(1), .decimal(0.8)]))])),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = String(decoding: input(data, size), as: UTF8.self)
    let program: CELProgram
    do {
        program = try environment.compile(source)
    } catch {
        require(!error.message.isEmpty, "a parse error says what is wrong")
        return 0
    }
    do {
        try CELEnvironment.parseCheck(source)
    } catch {
        fatalError("compiles but does not parse: \(error.message)")
    }
    // Evaluation may fail (a CEL error), but never crash, and never run past its budget.
    _ = program.evaluate(bindings, budget: 20_000)
    _ = program.evaluate([:], budget: 20_000)
    return 0
}

runFuzzer(fuzzCEL)
