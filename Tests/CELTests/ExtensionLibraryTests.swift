import Foundation
import Testing

@testable import CEL

/// The extension libraries beyond what the cel-spec conformance data covers: decimals in the math
/// and format functions, optionals over bindings, `cel.bind`, base64, and the cost of the new
/// functions' work.
@Suite struct ExtensionLibraryTests {
    func dec(_ s: String) -> CELValue { .decimal(Decimal(string: s, locale: nil)!) }

    @Test func decimalsTakePartInTheMathLibrary() {
        #expect(eval("math.greatest(decimal('120000.01'), 120000)") == dec("120000.01"))
        #expect(eval("math.least([decimal('0.1'), 0.2, 1u])") == dec("0.1"))
        #expect(eval("math.greatest(a, b) == decimal('0.3')", ["a": dec("0.3"), "b": .double(0.1)]) == .bool(true))
        #expect(eval("math.round(decimal('2.5'))") == dec("3"))
        #expect(eval("math.round(decimal('-2.5'))") == dec("-3"))
        #expect(eval("math.floor(decimal('-1.2'))") == dec("-2"))
        #expect(eval("math.ceil(decimal('1.2'))") == dec("2"))
        #expect(eval("math.trunc(decimal('-1.7'))") == dec("-1"))
        #expect(eval("math.abs(decimal('-1.5'))") == dec("1.5"))
        #expect(eval("math.sign(decimal('-3.2'))") == dec("-1"))
        #expect(eval("math.isFinite(decimal('1'))") == .bool(true))
        #expect(evalError("math.greatest('a', 1)")?.contains("no matching overload") == true)
    }

    @Test func decimalsInFormat() {
        // Exact: 1.005 is not the binary double just below it.
        #expect(eval("'%.2f'.format([decimal('1.005')])") == .string("1.00"))
        #expect(eval("'%.2f'.format([decimal('1.015')])") == .string("1.02"))
        #expect(eval("'%.3f'.format([decimal('-0.5')])") == .string("-0.500"))
        #expect(eval("'%d / %s'.format([decimal('12'), decimal('12.50')])") == .string("12 / 12.5"))
        #expect(evalError("'%d'.format([decimal('1.5')])")?.contains("decimal clause") == true)
    }

    @Test func optionalsOverBindings() {
        let year: CELValue = ["year": 2026, "other_programmes_eur": .decimal(1500)]
        #expect(eval("y.?other_programmes_eur.orValue(0)", ["y": year]) == .decimal(1500))
        #expect(eval("y.?missing.orValue(0)", ["y": year]) == .int(0))
        #expect(eval("y.?a.b.c.orValue('none')", ["y": year]) == .string("none"))
        #expect(eval("optional.of(1).orValue(1 / 0)") == .int(1), "orValue evaluates its argument only when needed")
        #expect(eval("[?y.?year, ?y.?nope]", ["y": year]) == [2026])
        #expect(eval("{?'a': y.?year, ?'b': y.?nope}", ["y": year]) == ["a": 2026])
        #expect(eval("type(y.?year) == optional_type", ["y": year]) == .bool(true))
        #expect(evalError("optional.none().value()")?.contains("optional.none()") == true)
        #expect(evalError("[?1]")?.contains("optional") == true)
    }

    @Test func bindAndTwoVariableComprehensions() {
        #expect(eval("cel.bind(x, 2, x * x) == 4") == .bool(true))
        #expect(eval("cel.bind(x, 2, cel.bind(x, x + 1, x)) == 3") == .bool(true), "an inner bind shadows")
        #expect(eval("cel.bind(l, [1, 2, 3], l.all(i, v, v == i + 1))") == .bool(true))
        #expect(eval("{'a': decimal('1'), 'b': decimal('2')}.transformMap(k, v, v * 2)") == ["a": dec("2"), "b": dec("4")])
        #expect(eval("{'a': 1, 'b': 2}.transformMapEntry(k, v, {v: k})") == [1: "a", 2: "b"])
        #expect(evalError("{'a': 1, 'b': 1}.transformMapEntry(k, v, {v: k})")?.contains("already exists") == true)
        #expect(parseError("[1].all(x, x, x > 0)")?.message.contains("must differ") == true)
    }

    /// Remembered outcomes (a `CELMemo`, keyed loops) give what evaluating everything again gives,
    /// for the new macros too: the same values and the same budget spent.
    @Test func memoKeepsResultsAndCosts() throws {
        let env = CELEnvironment()
        try env.defineFunction("pairs", parameters: [], body: "doc.items.transformList(i, v, i > 0, v * 2)")
        try env.defineFunction("has2", parameters: ["x"], body: "doc.items.exists(i, v, v == x && i >= 0)")
        let sources = [
            "doc.items.map(x, has2(x)) + [pairs()]",
            "doc.items.map(x, doc.items.existsOne(i, v, v == x + i))",
            "doc.items.all(x, cel.bind(y, x + 1, doc.items.exists(i, v, v == y || i == x)))",
            "doc.items.map(x, doc.?items.orValue([]).transformMap(i, v, v + x)).size()",
            "doc.items.map(x, doc.items[?x].optMap(v, v * 2).orValue(0))",
        ]
        let doc: CELValue = ["items": [1, 2, 3, 2, 1]]
        for source in sources {
            let program = try env.compile(source)
            var plainBudget = 100_000
            let plain = program.evaluate(CELBindings(["doc": doc]), remaining: &plainBudget)
            let memo = CELMemo(constantVariables: ["doc"])
            for round in 0..<2 {
                var budget = 100_000
                let remembered = program.evaluate(CELBindings(["doc": doc]), memo: memo, remaining: &budget)
                #expect("\(remembered)" == "\(plain)", "\(source), round \(round)")
                #expect(budget == plainBudget, "\(source), round \(round): the same steps are charged")
            }
        }
    }

    @Test func base64() {
        #expect(eval("base64.encode(b'hello')") == .string("aGVsbG8="))
        #expect(eval("base64.decode('aGVsbG8=')") == .bytes(Array("hello".utf8)))
        #expect(eval("base64.decode('aGVsbG8')") == .bytes(Array("hello".utf8)), "padding is optional")
        #expect(evalError("base64.decode('***')") != nil)
    }

    @Test func stringFunctionsOnDossierText() {
        #expect(eval("'  Fraunhofer IIS '.trim().lowerAscii() == 'fraunhofer iis'") == .bool(true))
        #expect(eval("['DE', 'FR', 'BE'].join(', ')") == .string("DE, FR, BE"))
        #expect(eval("'a,b,,c'.split(',')") == ["a", "b", "", "c"])
        #expect(eval("'a-b-c'.replace('-', '', 1)") == .string("ab-c"))
        #expect(eval("'Ünïcode'.substring(1, 3) + 'Ünïcode'.charAt(0)") == .string("nïÜ"))
        // cel-go's lists library: indexOf and lastIndexOf on lists, by CEL equality.
        #expect(eval("['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2") == .bool(true))
        #expect(eval("[1u, 2.0].indexOf(2) == 1 && [].indexOf(1) == -1") == .bool(true))
    }
}

/// The evaluation budget counts the new functions' work, so hostile rule files or dossiers stay bounded.
@Suite struct ExtensionCostTests {
    /// Evaluates `source` with `budget`, expecting the budget to run out.
    func runsOut(
        _ source: String, _ vars: [String: CELValue] = [:], budget: Int = 10_000_000,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let program = try CELEnvironment().compile(source)
        switch program.evaluate(vars, budget: budget) {
        case .success: Issue.record("\(source) stayed within budget \(budget)", sourceLocation: sourceLocation)
        case .failure(let e): #expect(e == CELError.budgetExceeded, sourceLocation: sourceLocation)
        }
    }

    func fits(
        _ source: String, _ vars: [String: CELValue] = [:], budget: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let program = try CELEnvironment().compile(source)
        if case .failure(let e) = program.evaluate(vars, budget: budget) {
            Issue.record("\(source) failed within budget \(budget): \(e.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func joinIsChargedByTheTextItMakes() throws {
        let names = CELValue.list(Array(repeating: .string(String(repeating: "x", count: 100)), count: 10_000))
        // ~1 MB of text: about 100 000 steps.
        try runsOut("names.join(', ')", ["names": names], budget: 50_000)
        try fits("names.join(', ')", ["names": names], budget: 200_000)
        // A huge separator repeated between many elements.
        try runsOut("names.join(sep)", ["names": names, "sep": .string(String(repeating: "-", count: 10_000))])
    }

    @Test func formatIsChargedByPrecisionBeforeFormatting() throws {
        try runsOut("'%.1000000000f'.format([1.0])")
        try runsOut("'%.99999999999999999999999999e'.format([x])", ["x": .double(2)])
        try fits("'%.1000f'.format([1.0])", budget: 1_000)
    }

    @Test func replaceAndSplitAreChargedByTheirResult() throws {
        let s = CELValue.string(String(repeating: "a", count: 10_000))
        try runsOut("s.replace('a', s)", ["s": s]) // 100 MB of output
        try runsOut("s.replace('', s)", ["s": s])
        try fits("s.replace('a', 'b')", ["s": s], budget: 10_000)
        let long = CELValue.string(String(repeating: "ab", count: 500_000))
        try runsOut("s.split('')", ["s": long], budget: 50_000)
        try runsOut("s.split('b')", ["s": long], budget: 50_000)
    }

    @Test func naiveSearchIsChargedAsItGoes() throws {
        // A search that would make ~10^10 comparisons: stopped by the budget, not by patience.
        let hay = CELValue.string(String(repeating: "a", count: 200_000))
        let needle = CELValue.string(String(repeating: "a", count: 100_000) + "b")
        for f in ["h.indexOf(n)", "h.lastIndexOf(n)", "h.split(n)", "h.replace(n, 'x')"] {
            try runsOut(f, ["h": hay, "n": needle], budget: 100_000)
        }
    }

    @Test func otherStringFunctionsAreChargedByLength() throws {
        let big = CELValue.string(String(repeating: "Ab ", count: 400_000))
        for f in [
            "s.lowerAscii()", "s.upperAscii()", "s.trim()", "s.reverse()", "strings.quote(s)", "s.charAt(5)",
            "s.substring(1)", "s.format([])", "base64.encode(bytes(s))",
        ] {
            try runsOut(f, ["s": big], budget: 50_000)
        }
    }
}
