import ArgumentParser
import Describe
import Validators

/// What a rule asks and why, with its own examples: the `rustc --explain` of dossiers.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks and why, its source, parameters, and passing and failing examples.")

    @Argument(help: ArgumentHelp("The rule ID (RES-003).", valueName: "rule"))
    var rule: String

    @Option(help: "Language of the explanation.")
    var lang: Language = .en

    @Option(
        help: "The call whose rule set to explain, when several are loaded for the rule's kind (default: the newest derived one)."
    )
    var call: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let checker = try rules.makeConfiguredChecker()
        guard let explanation = RuleExplanation(rule.uppercased(), checker: checker, language: lang, call: call) else {
            Terminal.error("error: no loaded rule set has a rule `\(rule)` (`dossiercheck rules list` lists them)")
            throw ExitStatus.unusable
        }
        Terminal.write(explanation.text())
    }
}
