import TestSupport
import Testing
import Validators

/// Every rule's own examples, run as SwiftLint runs its rules' examples.
@Suite struct RuleExampleTests {
    static let ruleIDs = Fixtures.checker.ruleSets.flatMap { $0.rules.map(\.id) }

    @Test(arguments: ruleIDs)
    func examplesBehaveAsTheySay(_ id: String) {
        let outcomes = Fixtures.checker.runExamples(only: [id])
        #expect(outcomes.contains { $0.expectation == .pass }, "\(id) has no passing example")
        #expect(outcomes.contains { $0.expectation == .fail }, "\(id) has no failing example")
        for outcome in outcomes where outcome.failure != nil {
            Issue.record(Comment(rawValue: outcome.description))
        }
    }
}
