import CEL
import Testing

/// `CELEnvironment.fieldReferences`: the chains of fields an expression selects on top-level
/// variables, for hosts that check them against a schema.
@Suite struct FieldReferenceTests {
    func chains(_ source: String) throws -> [String] {
        try CELEnvironment.fieldReferences(in: source).map { reference in
            ([reference.root] + reference.fields).joined(separator: ".") + (reference.isPresenceTest ? "?" : "")
        }
    }

    @Test func maximalChainsInOrder() throws {
        #expect(
            try chains("self.financial_plan.years.size() > 0 && item.amount <= params.cap") == [
                "self.financial_plan.years", "item.amount", "params.cap",
            ])
        #expect(try chains("a.b == a.b.c") == ["a.b", "a.b.c"])
        #expect(try chains("f(x.y)[0].z + g().w") == ["x.y"], "a call's result or an index is not a variable")
    }

    @Test func optionalSelectionsNameTheirFields() throws {
        #expect(try chains("self.?members.or(self.?partners).orValue([])") == ["self.members", "self.partners"])
        #expect(try chains("self.?plan.years[?0].amount") == ["self.plan.years"], "an index ends the chain")
        let position = try CELEnvironment.fieldReferences(in: "a.?bc").first?.positions.first
        #expect(position?.column == 4, "the field's name starts after `.?`")
        #expect(try chains("m.all(k, v, v.x && k.y)") == [], "both variables of a two-variable macro are bound")
    }

    @Test func presenceTests() throws {
        #expect(try chains("has(self.members) && has(item.x.y)") == ["self.members?", "item.x.y?"])
    }

    @Test func macroVariablesShadowTopLevelOnes() throws {
        #expect(try chains("self.members.all(item, item.size > 1 && self.x)") == ["self.members", "self.x"])
        #expect(try chains("l.map(m, m.a).exists(n, n.b && m.c)") == ["m.c"], "`m` is bound only inside its own macro")
        #expect(try chains("l.all(item, .item.real)") == ["item.real"], "a leading dot names the top-level variable")
        #expect(try chains("l.map(x, x > 0, x.k)") == [], "the three-argument map binds its variable in the filter too")
    }

    @Test func positionsOfEachField() throws {
        let reference = try #require(try CELEnvironment.fieldReferences(in: "1 +\n  self.plan.yers").first)
        #expect(
            reference.positions == [
                CELFieldReference.Position(line: 2, column: 8), CELFieldReference.Position(line: 2, column: 13),
            ])
        let presence = try #require(try CELEnvironment.fieldReferences(in: "has(item.ammount)").first)
        #expect(presence.positions.last == CELFieldReference.Position(line: 1, column: 10))
        let quoted = try #require(try CELEnvironment.fieldReferences(in: "self.`odd-name`.x").first)
        #expect(quoted.fields == ["odd-name", "x"])
    }

    @Test func anExpressionThatDoesNotParseThrows() {
        #expect(throws: CELParseError.self) { try CELEnvironment.fieldReferences(in: "self.a > > 1") }
    }
}

/// `CELProgram.evaluate(_:memo:remaining:)`: one budget shared by several evaluations.
@Suite struct SharedBudgetTests {
    @Test func theRemainingBudgetGoesDownAndRunsOut() throws {
        let program = try CELEnvironment().compile("xs.all(x, x >= 0)")
        var bindings = CELBindings()
        bindings["xs"] = .list((0..<100).map { .int(Int64($0)) })
        var remaining = 1_000
        #expect(program.evaluate(bindings, remaining: &remaining) == .success(.bool(true)))
        let cost = 1_000 - remaining
        #expect(cost > 100, "every item costs at least one step: \(cost)")
        var left = 1_000
        while left >= 0 { _ = program.evaluate(bindings, remaining: &left) }
        #expect(left < 0)
        guard case .failure(let error) = program.evaluate(bindings, remaining: &left) else {
            Issue.record("a spent budget gives an error")
            return
        }
        #expect(error.message == "evaluation cost budget exceeded")
        var exact = cost
        #expect(program.evaluate(bindings, remaining: &exact) == .success(.bool(true)), "exactly enough is enough")
        #expect(exact == 0)
    }
}
