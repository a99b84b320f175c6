import TestSupport
import Testing

/// `dossiercheck eval`, the rule author's playground.
@Suite struct EvalCommandTests {
    @Test func valuesKeepTheirTypes() throws {
        let cases: [(String, String)] = [
            ("1 + 2", "{\"int\": 3}"),
            ("3u", "{\"uint\": 3}"),
            ("1.5", "{\"double\": 1.5}"),
            ("0.8 * decimal(150000)", "{\"decimal\": \"120000\"}"),
            ("b'ab'", "{\"bytes\": \"YWI=\"}"),
            ("type(1)", "{\"type\": \"int\"}"),
            ("['a', true, null]", "[\"a\", true, null]"),
            ("{'k': 1}", "{\"map\": [[\"k\", {\"int\": 1}]]}"),
        ]
        for (expression, expected) in cases {
            let run = try Fixtures.run(["eval", expression])
            #expect(run.status == 0, "\(expression): \(run.stderr)")
            #expect(run.stdout == expected + "\n", "\(expression)")
        }
    }

    @Test func variablesAreBoundFromJSON() throws {
        let run = try Fixtures.run(["eval", "x + 1u == y.size()", "--var", "x={\"uint\": 1}", "--var", "y=[1, 2]"])
        #expect(run.stdout == "true\n", "\(run.stderr)")
    }

    @Test func selfIsTheDossierWithTheKindsDefinitions() throws {
        let run = try Fixtures.run([
            "eval", "self.members.filter(m, isSME(m)).size() > 0 && params.max_eligible_per_year == 160000",
            "examples/reseau-dossier/valid-hydrowal-term1.yaml",
        ])
        #expect(run.stdout == "true\n", "\(run.stderr)")
    }

    @Test func aParseErrorPointsAtItsColumn() throws {
        let run = try Fixtures.run(["eval", "1 + * 2"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("column 5"), "\(run.stderr)")
    }

    @Test func anEvaluationErrorExitsOne() throws {
        let run = try Fixtures.run(["eval", "1 / 0"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("division by zero"), "\(run.stderr)")
    }

    @Test func aBadVariableIsAUsageError() throws {
        let run = try Fixtures.run(["eval", "x", "--var", "x={broken"])
        #expect(run.status == 2)
    }
}
