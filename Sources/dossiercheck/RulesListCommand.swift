import ArgumentParser
import Describe
import Validators

/// The rule sets and their rules, for applicants (what applies to my kind?) and programs.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rule sets and their rules (ID, severity, title, source), as a table or JSON.")

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    @Option(help: ArgumentHelp("Only the rule sets that check this kind (its libraries first).", valueName: "kind"))
    var kind: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Language of the titles.")
    var lang: Language = .en

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let checker = try rules.makeConfiguredChecker()
        let sets = try kind.map { try Self.sets(ofKind: $0, in: checker) } ?? checker.ruleSets
        let catalogue = RuleCatalogue(sets: sets, language: lang)
        switch format {
        case .text: Terminal.write(catalogue.text())
        case .json: Terminal.write(catalogue.json().serialized() + "\n")
        }
    }

    /// The sets that check `kind`, its libraries first; with several calls loaded (a base and a call
    /// derived from it), each call's set with its own rules, so that every rule names its call.
    static func sets(ofKind kind: String, in checker: Checker) throws -> [RuleSet] {
        let calls = checker.calls(ofKind: kind)
        var sets: [RuleSet] = []
        for call in calls.isEmpty ? [nil] : calls.map(Optional.some) {
            for set in try KindArgument.outline(kind, call: call, in: checker).sets
            where !sets.contains(where: { $0.name == set.name }) {
                sets.append(set)
            }
        }
        return sets
    }
}
