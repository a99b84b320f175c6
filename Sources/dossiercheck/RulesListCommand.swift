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
        let sets = try kind.map { try KindArgument.outline($0, in: checker).sets } ?? checker.ruleSets
        let catalogue = RuleCatalogue(sets: sets, language: lang)
        switch format {
        case .text: Terminal.write(catalogue.text())
        case .json: Terminal.write(catalogue.json().serialized() + "\n")
        }
    }
}
