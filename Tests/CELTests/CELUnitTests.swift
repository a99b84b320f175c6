import Foundation
import Testing

@testable import CEL

/// Evaluates `source` in a fresh environment (or `env`) and returns the value, failing the test on errors.
func eval(
    _ source: String, _ vars: [String: CELValue] = [:], env: CELEnvironment = CELEnvironment(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> CELValue? {
    do {
        let program = try env.compile(source)
        switch program.evaluate(vars) {
        case .success(let v): return v
        case .failure(let e):
            Issue.record("evaluation of \(source) failed: \(e.message)", sourceLocation: sourceLocation)
            return nil
        }
    } catch {
        Issue.record("compiling \(source) failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Evaluates `source` expecting an evaluation error; returns its message.
func evalError(
    _ source: String, _ vars: [String: CELValue] = [:], env: CELEnvironment = CELEnvironment(),
    budget: Int = 10_000_000, sourceLocation: SourceLocation = #_sourceLocation
) -> String? {
    do {
        let program = try env.compile(source)
        switch program.evaluate(vars, budget: budget) {
        case .success(let v):
            Issue.record("expected an error from \(source), got \(v)", sourceLocation: sourceLocation)
            return nil
        case .failure(let e): return e.message
        }
    } catch {
        Issue.record("compiling \(source) failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

func parseError(_ source: String, env: CELEnvironment = CELEnvironment()) -> CELParseError? {
    do {
        _ = try env.compile(source)
        return nil
    } catch {
        return error
    }
}

@Suite struct ParseErrorTests {
    @Test func positionAtEndOfInput() throws {
        let e = try #require(parseError("1 + "))
        #expect(e.offset == 4)
        #expect(e.line == 1)
        #expect(e.column == 5)
    }

    @Test func positionOnSecondLine() throws {
        let e = try #require(parseError("a &&\n  (b ||)"))
        #expect(e.offset == 12)
        #expect(e.line == 2)
        #expect(e.column == 8)
    }

    @Test func positionCountsCharactersNotBytes() throws {
        // 'é' and '€' are one character each (several UTF-8 bytes).
        let e = try #require(parseError("'é€' + )"))
        #expect(e.offset == 7)
        #expect(e.column == 8)
    }

    @Test func crlfCountsAsOneLineBreak() throws {
        let e = try #require(parseError("1 +\r\n\r\n  * 2"))
        #expect(e.line == 3)
        #expect(e.column == 3)
    }

    @Test func lexicalErrors() throws {
        let unterminated = try #require(parseError("x == 'abc"))
        #expect(unterminated.offset == 5)
        #expect(unterminated.message.contains("unterminated"))
        let badEscape = try #require(parseError(#"'a\qb'"#))
        #expect(badEscape.offset == 2)
        let badChar = try #require(parseError("a # b"))
        #expect(badChar.offset == 2)
        let newline = try #require(parseError("'a\nb'"))
        #expect(newline.line == 1 && newline.column == 3)
    }

    @Test func literalRanges() throws {
        #expect(parseError("9223372036854775807") == nil)
        #expect(parseError("-9223372036854775808") == nil)
        let e = try #require(parseError("9223372036854775808"))
        #expect(e.offset == 0)
        #expect(parseError("18446744073709551616u") != nil)
        #expect(parseError("-(9223372036854775808)") != nil)
        // The sign is part of a number literal, so it may follow '!' (but '!' may not follow '-').
        #expect(parseError("!-1") == nil)
        #expect(evalError("!-1")?.contains("no matching overload") == true)
        #expect(eval("[-1, - 2, 3 - -4]") == [-1, -2, 7])
        #expect(parseError("-!true") != nil)
        #expect(eval("--1") == .int(1))
        #expect(evalError("-1.5.size()") != nil)
    }

    @Test func reservedWordsAndMacroShapes() throws {
        #expect(parseError("if") != nil)
        #expect(parseError("{'if': 1}.if") == nil)
        #expect(parseError("has(a)") != nil)
        #expect(parseError("[1].all(1, true)") != nil)
        #expect(parseError("Msg{a: 1}")?.message.contains("message construction") == true)
    }
}

@Suite struct ArithmeticTests {
    @Test func overflowIsAnError() {
        for src in [
            "9223372036854775807 + 1", "-9223372036854775808 - 1", "5000000000 * 5000000000",
            "-9223372036854775808 / -1", "-9223372036854775808 % -1", "-(-9223372036854775808)",
            "18446744073709551615u + 1u", "0u - 1u", "int(9223372036854775807u + 1u)", "int(1e19)", "uint(-1)",
            "int(decimal('1e30'))",
        ] {
            let msg = evalError(src)
            #expect(msg?.contains("overflow") == true, "\(src): \(msg ?? "-")")
        }
    }

    @Test func divisionByZero() {
        #expect(evalError("1 / 0")?.contains("division by zero") == true)
        #expect(evalError("1 % 0")?.contains("modulus by zero") == true)
        #expect(eval("1.0 / 0.0") == .double(.infinity))
    }

    @Test func noImplicitConversions() {
        #expect(evalError("1 + 1.0")?.contains("no matching overload") == true)
        #expect(evalError("1 + 1u")?.contains("no matching overload") == true)
        #expect(eval("1 == 1.0") == .bool(true))
        #expect(eval("1u < 2") == .bool(true))
        #expect(eval("[1, 2.0, 3u] == [1.0, 2u, 3]") == .bool(true))
    }

    @Test func strings() {
        #expect(eval("size('πέντε')") == .int(5))
        #expect(eval("'Am\\u00E9lie' == 'Ame\\u0301lie'") == .bool(false))
        #expect(eval("'e\\u0301'.contains('e')") == .bool(true))
        #expect(eval("'abc'.matches('^a.c$')") == .bool(true))
        #expect(eval("'abc'.matches(r'\\d')") == .bool(false))
        #expect(eval("string(1e6)") == .string("1e+06"))
        #expect(eval("string(123456.0)") == .string("123456"))
    }
}

@Suite struct LogicTests {
    @Test func andOrAbsorbErrorsCommutatively() {
        #expect(eval("1/0 == 1 && false") == .bool(false))
        #expect(eval("false && 1/0 == 1") == .bool(false))
        #expect(eval("1/0 == 1 || true") == .bool(true))
        #expect(eval("true || 1/0 == 1") == .bool(true))
        #expect(eval("missing.field || true") == .bool(true))
        #expect(evalError("1/0 == 1 && true")?.contains("division by zero") == true)
        #expect(evalError("true && 1/0 == 1")?.contains("division by zero") == true)
        #expect(evalError("1/0 == 1 || false")?.contains("division by zero") == true)
        #expect(evalError("'x' || false")?.contains("no matching overload") == true)
        #expect(eval("'x' || true") == .bool(true))
        #expect(eval("{'a': 1}.b == 1 && false") == .bool(false))
    }

    @Test func ternary() {
        #expect(eval("1 > 0 ? 'yes' : 1/0") == .string("yes"))
        #expect(evalError("'x' ? 1 : 2") != nil)
    }
}

@Suite struct MacroTests {
    @Test func standardMacros() {
        #expect(eval("[1, 2, 3].all(x, x > 0)") == .bool(true))
        #expect(eval("[1, 2, 3].exists(x, x == 2)") == .bool(true))
        #expect(eval("[1, 2, 3].exists_one(x, x > 1)") == .bool(false))
        #expect(eval("[1, 2, 3].map(x, x * 10)") == [10, 20, 30])
        #expect(eval("[1, 2, 3, 4].map(x, x % 2 == 0, x * 10)") == [20, 40])
        #expect(eval("[1, 2, 3, 4].filter(x, x % 2 == 1)") == [1, 3])
        #expect(eval("{'a': 1, 'b': 2}.map(k, k)") == ["a", "b"])
        #expect(eval("{'a': 1, 'b': 2}.all(k, k.size() == 1)") == .bool(true))
        #expect(eval("has({'a': 1}.a) && !has({'a': 1}.b)") == .bool(true))
    }

    @Test func errorsInsideMacros() {
        #expect(eval("[0, 1].exists(x, 1 / x == 1)") == .bool(true))
        #expect(eval("[0, 1].all(x, 1 / x == 5)") == .bool(false))
        #expect(evalError("[0, 1].all(x, 1 / x == 1)") != nil)
        #expect(evalError("[0, 1].map(x, 1 / x)") != nil)
        #expect(evalError("1.all(x, true)") != nil)
    }

    @Test func nestingAndShadowing() {
        #expect(eval("[1, 2].map(x, [10, 20].map(y, x * y))") == [[10, 20], [20, 40]])
        #expect(eval("[1].map(x, [2].map(x, x))") == [[2]])
        #expect(eval("[1, 2].map(x, x) == [1, 2] && [3].all(x, x == 3)") == .bool(true))
        // A loop variable shadows a binding of the same name, and only inside the loop.
        #expect(eval("[1, 2].map(x, x) + [x]", ["x": 9]) == [1, 2, 9])
    }
}

@Suite struct VariableTests {
    @Test func bindingsAndSelection() {
        let vars: [String: CELValue] = ["d": ["applicant": ["name": "ACME", "staff": 12]], "a.b": ["c": "yes"]]
        #expect(eval("d.applicant.name", vars) == "ACME")
        #expect(eval("d['applicant'].staff + 1", vars) == .int(13))
        #expect(evalError("d.applicant.missing", vars) == "no such key: 'missing'")
        #expect(eval("a.b.c", vars) == "yes")
        #expect(eval("has(d.applicant.vat)", vars) == .bool(false))
        #expect(eval("{'content-type': 'json'}.`content-type`") == "json")
    }

    @Test func referencedVariables() throws {
        let env = CELEnvironment()
        let p = try env.compile("dossier.amount > limits.max && [1].all(x, x > 0) && type(y) == int && .z")
        #expect(p.referencedVariables == ["dossier", "limits", "y", "z"])
    }

    @Test func typeValues() {
        #expect(eval("type(1) == int && type('a') == string && type(type) == type") == .bool(true))
        #expect(eval("type(null) == null_type && type([]) == list && type({}) == map") == .bool(true))
        #expect(eval("type(decimal(1)) == decimal") == .bool(true))
        #expect(eval("type(timestamp(0)) == google.protobuf.Timestamp") == .bool(true))
    }

    @Test func mapsKeepInsertionOrder() {
        let m = eval("{'b': 1, 'a': 2, 'c': 3}")
        #expect(m?.mapValue?.keys == ["b", "a", "c"])
        #expect(eval("{1: 'a'}[1u]") == "a")
        #expect(eval("{1: 'a'}[1.0]") == "a")
    }
}

@Suite struct DecimalTests {
    @Test func exactMoney() {
        #expect(eval("0.8 * decimal(150000) == 120000") == .bool(true))
        #expect(eval("0.8 * decimal(150000)") == .decimal(Decimal(120000)))
        #expect(eval("decimal('120000.01') > 120000") == .bool(true))
        #expect(eval("decimal(0.1) + decimal(0.2) == decimal('0.3')") == .bool(true))
        #expect(eval("decimal(0.1) + 0.2 == decimal('0.3')") == .bool(true))
        #expect(eval("0.1 + 0.2 == 0.3") == .bool(false)) // plain doubles stay doubles
        #expect(eval("amount * 0.8 <= cap", ["amount": .decimal(Decimal(150000)), "cap": 120000]) == .bool(true))
    }

    @Test func comparisonsWithEveryNumericType() {
        #expect(eval("decimal(3) == 3 && decimal(3) == 3u && decimal(3) == 3.0") == .bool(true))
        #expect(eval("decimal('0.5') < 1 && decimal('0.5') > 0u && decimal('0.5') == 0.5") == .bool(true))
        #expect(eval("2 > decimal('1.99') && decimal('-1') < 0u") == .bool(true))
        #expect(eval("decimal(1) < 1.0/0.0 && !(decimal(1) == 0.0/0.0)") == .bool(true))
        #expect(eval("decimal(2) in [1, 2u, 3.0]") == .bool(true))
    }

    @Test func conversions() {
        #expect(eval("string(decimal('1.50'))") == "1.5")
        #expect(eval("double(decimal('0.25'))") == .double(0.25))
        #expect(eval("int(decimal('-7.9'))") == .int(-7))
        #expect(eval("int(decimal('7.9'))") == .int(7))
        #expect(eval("uint(decimal('7.9'))") == .uint(7))
        #expect(eval("decimal('1e3') == 1000") == .bool(true))
        #expect(evalError("decimal('1.5x')") != nil)
        #expect(evalError("decimal('')") != nil)
        #expect(evalError("decimal(1.0/0.0)") != nil)
    }

    @Test func arithmetic() {
        #expect(eval("decimal(10) / 4") == .decimal(Decimal(string: "2.5")!))
        #expect(eval("decimal(10) - 2.5") == .decimal(Decimal(string: "7.5")!))
        #expect(eval("3u * decimal('0.5')") == .decimal(Decimal(string: "1.5")!))
        #expect(eval("-decimal('2.5')") == .decimal(Decimal(string: "-2.5")!))
        #expect(evalError("decimal(1) / 0")?.contains("division by zero") == true)
        #expect(evalError("decimal(1) % 2") != nil)
        // Out-of-range results are errors, never crashes (Foundation traps on some of them).
        #expect(evalError("decimal('9e120') * decimal('9e120')")?.contains("overflow") == true)
        #expect(evalError("decimal('1e-60') * decimal('1e-69')")?.contains("underflow") == true)
        #expect(evalError("decimal('1e-100') / decimal('1e100')") != nil)
        #expect(evalError("decimal('1e1000')") != nil)
        #expect(
            eval("decimal('12345678901234567890') * decimal('12345678901234567890')")
                == .decimal(Decimal(string: "152415787532388367501905199875019052100")!))
    }

    @Test func aggregates() {
        #expect(eval("[decimal('1.5'), 2, 0.5].sum()") == .decimal(Decimal(4)))
        #expect(eval("[1, 2, 3].sum()") == .int(6))
        #expect(eval("[1.5, 2.5].sum()") == .double(4))
        #expect(eval("[].sum()") == .int(0))
        #expect(eval("sum([1u, 2u])") == .uint(3))
        #expect(eval("[3, 1, 2].min()") == .int(1))
        #expect(eval("[3, 1, 2].max()") == .int(3))
        #expect(eval("max([1, decimal('0.5')])") == .decimal(Decimal(1)))
        #expect(eval("min(decimal('2.5'), 3)") == .decimal(Decimal(string: "2.5")!))
        #expect(eval("max(1, 2.5)") == .double(2.5))
        #expect(eval("['b', 'a'].min()") == "a")
        #expect(evalError("[].min()")?.contains("empty") == true)
        #expect(evalError("[].max()") != nil)
        #expect(evalError("[1, 2.0].sum()") != nil)
        #expect(evalError("[9223372036854775807, 1].sum()")?.contains("overflow") == true)
    }
}

@Suite struct TimeTests {
    @Test func timestampsAndDurations() {
        #expect(eval("timestamp('2026-03-31T00:00:00Z') < timestamp('2026-04-01T00:00:00Z')") == .bool(true))
        #expect(eval("timestamp('2026-03-31T00:00:00Z') + duration('24h') == timestamp('2026-04-01T00:00:00Z')") == .bool(true))
        #expect(eval("timestamp('2026-04-01T00:00:00Z') - timestamp('2026-03-31T12:00:00Z') == duration('12h')") == .bool(true))
        #expect(eval("duration('1h30m') == duration('90m')") == .bool(true))
        #expect(eval("string(duration('1h'))") == "3600s")
        #expect(eval("string(timestamp('2026-03-31T10:00:00.5+02:00'))") == "2026-03-31T08:00:00.5Z")
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getFullYear()") == .int(2026))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getMonth()") == .int(2))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getDate()") == .int(31))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getDayOfWeek()") == .int(2))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getDayOfYear()") == .int(89))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getDate('+02:00')") == .int(1))
        #expect(eval("timestamp('2026-03-31T23:30:00Z').getHours('Europe/Paris')") == .int(1))
        #expect(eval("duration('90m').getHours()") == .int(1))
        #expect(eval("int(timestamp('1970-01-02T00:00:00Z'))") == .int(86400))
        #expect(evalError("timestamp('2026-02-30T00:00:00Z')") != nil)
        #expect(evalError("duration('1x')") != nil)
        #expect(evalError("timestamp('9999-12-31T23:59:59Z') + duration('1s')") != nil)
    }
}

@Suite struct FunctionTests {
    @Test func userFunctions() throws {
        let env = CELEnvironment()
        try env.defineFunction("isSME", parameters: ["org"], body: "org.staff < 250 && org.turnover <= limit")
        try env.defineFunction("eligible", parameters: ["org", "amount"], body: "isSME(org) && amount <= decimal('120000')")
        let vars: [String: CELValue] = [
            "limit": .decimal(Decimal(50_000_000)),
            "applicant": ["staff": 40, "turnover": .decimal(Decimal(1_000_000))],
        ]
        #expect(eval("isSME(applicant)", vars, env: env) == .bool(true))
        #expect(eval("eligible(applicant, 0.8 * decimal(150000))", vars, env: env) == .bool(true))
        #expect(eval("[applicant, {'staff': 900, 'turnover': 1}].filter(o, isSME(o)).size()", vars, env: env) == .int(1))
        let p = try env.compile("eligible(applicant, 1)")
        #expect(p.referencedVariables == ["applicant", "limit"])
    }

    @Test func bodySeesTopLevelVariablesNotCallerLoopVariables() throws {
        let env = CELEnvironment()
        try env.defineFunction("topX", parameters: [], body: "x")
        #expect(eval("[1, 2].map(x, topX())", ["x": 42], env: env) == [42, 42])
        try env.defineFunction("twice", parameters: ["x"], body: "x * 2")
        #expect(eval("twice(x + 1)", ["x": 1], env: env) == .int(4))
    }

    @Test func recursionAndRedefinitionAreRejected() throws {
        let env = CELEnvironment()
        #expect(throws: CELParseError.self) {
            try env.defineFunction("fact", parameters: ["n"], body: "n <= 1 ? 1 : n * fact(n - 1)")
        }
        #expect(throws: CELParseError.self) {
            try env.defineFunction("f", parameters: [], body: "g()") // g is not defined (yet)
        }
        try env.defineFunction("f", parameters: ["a"], body: "a + 1")
        #expect(throws: CELError.self) { try env.defineFunction("f", parameters: ["a"], body: "a + 2") }
        #expect(throws: CELError.self) { try env.defineFunction("size", parameters: ["a"], body: "1") }
        #expect(throws: CELError.self) { try env.defineFunction("g", parameters: ["a", "a"], body: "1") }
        let located = try #require(throws: CELParseError.self) {
            try env.defineFunction("h", parameters: [], body: "1 +\n  )")
        }
        #expect(located.line == 2 && located.column == 3)
        #expect(evalError("f(1, 2)", env: env)?.contains("expects 1") == true)
    }

    @Test func nativeFunctions() throws {
        let env = CELEnvironment()
        let countries: Set<String> = ["FR", "DE", "NL"]
        env.defineNative("isCountryCode", receiverStyle: true) { args throws(CELError) in
            guard args.count == 1, case .string(let s) = args[0] else { throw CELError("isCountryCode(string)") }
            return .bool(countries.contains(s))
        }
        env.defineNative("clamp") { args throws(CELError) in
            guard args.count == 3, case .int(let v) = args[0], case .int(let lo) = args[1], case .int(let hi) = args[2]
            else { throw CELError("clamp(int, int, int)") }
            return .int(min(max(v, lo), hi))
        }
        #expect(eval("isCountryCode('FR') && 'DE'.isCountryCode() && !isCountryCode('XX')", env: env) == .bool(true))
        #expect(eval("clamp(15, 0, 10)", env: env) == .int(10))
        #expect(evalError("isCountryCode(1)", env: env) == "isCountryCode(string)")
        #expect(evalError("unknownFn(1)")?.contains("unbound function") == true)
    }
}

/// Calls no function carries out are found when an expression is compiled (and still fail when
/// evaluated, as standard CEL's do): a host can refuse them before any data is seen.
@Suite struct CallProblemTests {
    static func environment() throws -> CELEnvironment {
        let env = CELEnvironment()
        env.defineNative("pair", arity: 2) { args throws(CELError) in .list(args) }
        env.defineNative("twice", receiverStyle: true, arity: 1) { args throws(CELError) in .list(args + args) }
        env.defineNative("loose") { args throws(CELError) in .int(Int64(args.count)) }
        try env.defineFunction("twofold", parameters: ["n"], body: "n * 2")
        return env
    }

    @Test func callsThatResolveHaveNoProblem() throws {
        let program = try Self.environment().compile(
            "size([1]) + [1].size() + twofold(1) + math.greatest(1, 2, 3) + max(1, 2, 3) + loose(1, 2, 3) + pair(1, 2).size()"
                + " + [1].twice().size() + twice([1]).size() + 'a'.indexOf('a') + [1].all(x, x > 0).size()")
        #expect(program.callProblems == [])
    }

    @Test(arguments: [
        ("sizee([1])", "unknown function `sizee`", 1),
        ("1 + [1].sizee()", "unknown function `sizee`", 5),
        ("math.greates(1, 2)", "unknown function `math.greates`", 1),
        ("size([1], 2)", "`size()` takes 1 argument, not 2", 1),
        ("[1].size(2)", "`.size()` takes no arguments, not 1", 1),
        ("twofold(1, 2)", "`twofold()` takes 1 argument, not 2", 1),
        ("pair(1)", "`pair()` takes 2 arguments, not 1", 1),
        ("[1].twice(2)", "`.twice()` takes no arguments, not 1", 1),
        ("'a'.startsWith()", "`.startsWith()` takes 1 argument, not 0", 1),
        ("1.pair(2)", "`pair` is a function, not a method: write `pair(x, …)`, not `x.pair(…)`", 1),
        ("1.twofold()", "`twofold` is a function, not a method: write `twofold(x, …)`, not `x.twofold(…)`", 1),
        ("startsWith('a', 'b')", "`startsWith` is a method: write `x.startsWith(…)`, not `startsWith(x, …)`", 1),
    ])
    func aCallNoFunctionCarriesOutIsFoundAtCompileTime(source: String, message: String, column: Int) throws {
        let program = try Self.environment().compile(source)
        #expect(program.callProblems.map(\.message) == [message])
        #expect(program.callProblems.first?.line == 1)
        #expect(program.callProblems.first.map { $0.column >= column } == true)
        #expect(throws: CELError.self) { try program.value() }
    }

    @Test func inADefinitionItIsAnError() throws {
        let env = try Self.environment()
        #expect(throws: CELParseError.self) { try env.defineFunction("bad", parameters: ["x"], body: "size(x, 1)") }
        do {
            try env.defineFunction("worse", parameters: ["x"], body: "x +\n sizee(x)")
        } catch let error as CELParseError {
            #expect(error.callProblem?.reason == .unknown)
            #expect(error.callProblem?.function == "sizee")
            #expect((error.line, error.column) == (2, 2))
        }
    }

    @Test func everyCallableNameIsKnown() throws {
        let names = try Self.environment().functionNames
        for name in ["size", "math.greatest", "twofold", "pair", "has", "exists_one", "indexOf"] {
            #expect(names.contains(name), "\(name)")
        }
    }
}

@Suite struct LimitTests {
    @Test func budgetExceeded() throws {
        let env = CELEnvironment()
        let p = try env.compile("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(x, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(y, x * y))")
        guard case .failure(let e) = p.evaluate([:], budget: 100) else {
            Issue.record("expected the budget to run out")
            return
        }
        #expect(e.message.contains("budget"))
        guard case .success = p.evaluate([:]) else {
            Issue.record("default budget should be enough")
            return
        }
        // Running out of budget is never absorbed by || or by exists().
        let q = try env.compile("xs.exists(x, x < 0) || t")
        let xs = CELValue.list((0..<1000).map { .int(Int64($0)) })
        guard case .failure = q.evaluate(["xs": xs, "t": true], budget: 500) else {
            Issue.record("budget error must not be absorbed")
            return
        }
    }

    @Test func deepNestingIsRejectedNotCrashing() throws {
        let deepParens = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(parseError(deepParens)?.message.contains("nested too deeply") == true)
        let deepLists = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(parseError(deepLists) != nil)
        let longChain = Array(repeating: "1", count: 20_000).joined(separator: " + ")
        #expect(parseError(longChain)?.message.contains("nested too deeply") == true)
        let longSelect = "a" + String(repeating: ".b", count: 20_000)
        #expect(parseError(longSelect) != nil)
        let deepTernary = Array(repeating: "true ? 1 :", count: 20_000).joined(separator: " ") + " 2"
        #expect(parseError(deepTernary) != nil)
        // Long chains of && / || and of unary operators are flat and fine.
        let wideOr = Array(repeating: "false", count: 10_000).joined(separator: " || ") + " || true"
        #expect(eval(wideOr) == .bool(true))
        #expect(eval(String(repeating: "!", count: 10_001) + "false") == .bool(true))
        // Up to the limit, compiling and evaluating work on a thread with a 4 MiB stack (debug builds use ~10 KiB
        // of stack per nesting level while parsing, release builds ~1.6 KiB) …
        let env = CELEnvironment()
        let depth = env.maxNestingDepth - 2
        let nested = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        guard case .success = runOnThread(stackKiB: 4096, { try env.compile(nested).evaluate(["x": 1]) }) else {
            Issue.record("evaluation at the nesting limit failed on a 4 MiB stack")
            return
        }
        // … and on a tiny stack the guard turns what would be a stack overflow into a parse error.
        switch runOnThread(stackKiB: 128, { try env.compile(nested).evaluate(["x": 1]) }) {
        case .success: break // (release builds need little stack)
        case .failure(let e): #expect(e.message.contains("nested too deeply"), "\(e.message)")
        }
    }

    func runOnThread(stackKiB: Int, _ body: @escaping @Sendable () throws -> Result<CELValue, CELError>)
        -> Result<CELValue, CELError>
    {
        let result = ThreadResult()
        let thread = Thread {
            do {
                result.value = try body()
            } catch {
                result.value = .failure(CELError("\(error)"))
            }
        }
        thread.stackSize = stackKiB * 1024
        thread.start()
        while result.value == nil { Thread.sleep(forTimeInterval: 0.005) }
        return result.value!
    }

    @Test func programsAreSharedAcrossThreads() async throws {
        let env = CELEnvironment()
        try env.defineFunction("big", parameters: ["v"], body: "v > threshold")
        let program = try env.compile(
            "items.filter(i, big(i.amount) && i.name.matches('^item[0-9]+$') && i.name.matches(pattern)).map(i, i.amount).sum()")
        let items = CELValue.list((1...100).map { ["amount": .decimal(Decimal($0)), "name": .string("item\($0)")] })
        let results = await withTaskGroup(of: CELValue?.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var last: CELValue? = nil
                    for _ in 0..<50 {
                        last = try? program.evaluate(["items": items, "threshold": .int(Int64(t * 10)), "pattern": "[0-9]$"])
                            .get()
                    }
                    return last
                }
            }
            var out: [CELValue?] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 != nil })
        let expected = Set((0..<8).map { t in CELValue.decimal(Decimal((t * 10 + 1...100).reduce(0, +))) })
        #expect(Set(results.compactMap { $0 }) == expected)
    }
}

final class ThreadResult: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: Result<CELValue, CELError>?
    var value: Result<CELValue, CELError>? {
        get { lock.withLock { _value } }
        set { lock.withLock { _value = newValue } }
    }
}
