import CEL
import TestSupport
import Testing
import Validators

/// The functions rule expressions may call beyond CEL (docs/rule-files.md), as a rule sees them.
@Suite struct RuleFunctionTests {
    func value(_ expression: String, sourceLocation: SourceLocation = #_sourceLocation) -> CELValue? {
        switch Fixtures.checker.evaluate(expression, dossier: nil, variables: [:]) {
        case .success(let value): return value
        case .failure(let failure):
            Issue.record("\(expression): \(failure)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func error(_ expression: String) -> String? {
        if case .failure(.evaluation(let error)) = Fixtures.checker.evaluate(expression, dossier: nil, variables: [:]) {
            return error.message
        }
        return nil
    }

    @Test func isoCountry() {
        #expect(value("isoCountry('BE')") == .bool(true))
        #expect(value("isoCountry('XX')") == .bool(false))
        #expect(error("isoCountry(1)") == "isoCountry takes one string")
    }

    @Test func isoSubdivisionGivesTheSameMapEachTime() {
        let expected = CELValue.map(
            CELMap(strings: [
                ("code", "BE-WLG"), ("country", "BE"), ("type", "Province"), ("parent", "BE-WAL"),
            ]))
        #expect(value("isoSubdivision('BE-WLG')") == expected)
        #expect(value("isoSubdivision('BE-WLG')") == expected, "the second lookup reads the kept map")
        #expect(value("isoSubdivision('BE-WAL').parent") == .string(""))
        #expect(value("isoSubdivision('BE-XXX')") == .null)
        #expect(value("isoSubdivision('BE-XXX')") == .null, "an unknown code stays unknown")
    }

    @Test func indexOfAndDistinct() {
        #expect(value("['a', 'b', 'c'].indexOf('b')") == .int(1))
        #expect(value("['a'].indexOf('z')") == .int(-1))
        #expect(value("['BE', 'DE', 'BE'].distinct()") == .list(["BE", "DE"]))
    }

    @Test func indexByKeepsTheFirstElementOfEachValue() {
        let list = "[{'id': 'a', 'n': 1}, {'n': 2}, {'id': 'b', 'n': 3}, {'id': 'a', 'n': 4}, {'id': [1], 'n': 5}, 7]"
        #expect(value("\(list).indexBy('id').size()") == .int(2), "no id, a list as id, and a non-map are left out")
        #expect(value("\(list).indexBy('id')['a'].n") == .int(1), "the first of two with the same id")
        #expect(value("\(list).indexBy('id')['b'].n") == .int(3))
        #expect(value("'c' in \(list).indexBy('id')") == .bool(false))
        #expect(value("[{'k': 1}, {'k': 1u}].indexBy('k').size()") == .int(1), "1 and 1u are one key")
        #expect(value("[].indexBy('id')") == .map(CELMap()))
        #expect(error("[1].indexBy(1)") == "indexBy is called on a list, with the name of a field")
    }
}
