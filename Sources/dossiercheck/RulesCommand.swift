import ArgumentParser
import Validators

/// For rule authors: load the rule sets, report broken files, run every rule's examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule sets.",
        subcommands: [RulesTestCommand.self])
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Load the rule sets and run every rule's passing and failing examples.")

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Print every example, not only the failing ones.")
    var verbose = false

    func run() throws {
        let checker = try rules.makeChecker()
        let outcomes = checker.runExamples()
        let failed = outcomes.filter { $0.failure != nil }
        for outcome in verbose ? outcomes : failed { Terminal.write(outcome.description + "\n") }
        let missing = checker.ruleSets.flatMap { set in
            set.rules.filter { $0.examples.passing.isEmpty || $0.examples.failing.isEmpty }.map { "\(set.file): \($0.id)" }
        }
        for rule in missing { Terminal.write("\(rule): a rule needs at least one passing and one failing example\n") }
        Terminal.write("\(outcomes.count - failed.count) passed, \(failed.count + missing.count) failed\n")
        if !failed.isEmpty || !missing.isEmpty { throw ExitStatus.findings }
    }
}
