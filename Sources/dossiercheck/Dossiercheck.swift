import ArgumentParser

@main
struct Dossiercheck: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dossiercheck",
        abstract: "Checks application dossiers for European cluster programmes against their rule sets.",
        discussion: """
            Exit status: 0 when no open finding is at or above the --fail-on severity (default: \
            error), 1 when one is, 2 for usage errors, broken rule, configuration, waivers or \
            baseline files, and files that cannot be read at all.
            """,
        version: version,
        subcommands: [CheckCommand.self, RulesCommand.self, EvalCommand.self, TriageCommand.self,
            InitCommand.self, ExplainCommand.self, SchemaCommand.self, FundingCommand.self, ServeCommand.self,
            LSPCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
