import ArgumentParser
import Foundation

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
        subcommands: [
            CheckCommand.self, RulesCommand.self, EvalCommand.self, TriageCommand.self,
            InitCommand.self, ExplainCommand.self, SchemaCommand.self, FundingCommand.self, ServeCommand.self,
            LSPCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    /// ArgumentParser's own `main()`, with the documented exit status for usage errors (2, where
    /// the parser would use EX_USAGE, 64), a suggestion for a mistyped subcommand, and `check`'s
    /// everyday command lines read without the parser (start-up).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // What the parser prints for it, without building the command tree first.
        if arguments == ["--version"] {
            Terminal.write(version + "\n")
            return
        }
        let subcommands = MistypedSubcommand.subcommandNames
        if let mistyped = MistypedSubcommand.find(in: arguments, subcommands: subcommands) {
            Terminal.error("error: \(mistyped.message)\nSee 'dossiercheck --help' for the subcommands.")
            Foundation.exit(ExitStatus.unusable.rawValue)
        }
        do {
            var command: any ParsableCommand =
                try QuickCheckArguments.command(for: arguments, subcommands: subcommands) ?? parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.unusable.rawValue)
        }
    }
}
