import DossierModel
import Testing

@testable import Policy

@Suite struct InlineSuppressionTests {
    @Test func trailingCommentAppliesToItsLineAndAWholeLineCommentToTheNext() {
        let text = """
            a: 1  # dossiercheck-disable RES-008: one reason
            # dossiercheck-disable RES-001, RES-002: two rules

            # an ordinary comment
            b: 2
            """
        let found = InlineSuppression.scan(text)
        #expect(found.count == 2)
        #expect(
            found[0] == InlineSuppression(rules: ["RES-008"], reason: "one reason", mark: Mark(line: 1, column: 7), target: 1))
        #expect(found[1].rules == ["RES-001", "RES-002"])
        #expect(found[1].target == 5, "blank and comment lines are skipped")
    }

    @Test func aReasonIsNeeded() {
        #expect(InlineSuppression.scan("a: 1 # dossiercheck-disable RES-008")[0].reason == nil)
        #expect(InlineSuppression.scan("a: 1 # dossiercheck-disable RES-008:   ")[0].reason == "")
        #expect(InlineSuppression.scan("a: 1 # dossiercheck-disable: why")[0].rules.isEmpty)
    }

    @Test func hashesInsideQuotesOrWordsAreNotComments() {
        #expect(InlineSuppression.scan(#"a: "x # dossiercheck-disable RES-008: no""#).isEmpty)
        #expect(InlineSuppression.scan("a: 'it''s # dossiercheck-disable RES-008: no'").isEmpty)
        #expect(InlineSuppression.scan("a: x#dossiercheck-disable RES-008: no").isEmpty)
        #expect(InlineSuppression.scan("a: 1 # dossiercheck-disabled RES-008: no").isEmpty)
        #expect(InlineSuppression.scan(#"a: "q\"" # dossiercheck-disable RES-008: yes"#).count == 1)
    }

    @Test(arguments: [
        ("dossiercheck-disable", true), ("# dossiercheck-disable ORG-001: x", true), ("a: 1\n# dossiercheck-disable", true),
        ("ddossiercheck-disable", true), ("dossiercheck-disabl", false), ("dossiercheck-disablf", false), ("", false),
        ("d", false), ("dossiercheck\n-disable", false), ("Dossiercheck-disable", false), ("é dossiercheck-disable é", true),
    ])
    func theMarkerIsFoundWhereverItIsWhole(text: String, found: Bool) {
        #expect(InlineSuppression.containsMarker(text) == found)
    }
}
