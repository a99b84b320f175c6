import ArgumentParser
import BundledData
import DossierModel
import Foundation
import LanguageServer
import Validators

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run as a language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Checks each open dossier as it is typed with the rules `check` would use (the nearest \
            .dossiercheck.yaml from the dossier's folder, its waivers, inline suppressions), and \
            offers hover, completion, quick fixes, the outline and organisation references. \
            See the README for editor set-ups.
            """)

    @OptionGroup var rules: RuleOptions

    @Option(
        help: "Language of the messages (en, nl, fr, de); by default the configuration's, else each dossier's own `language`.")
    var lang: Language?

    @Option(help: "Milliseconds to wait after a change for the next one before checking.")
    var debounceMs = 10

    @Option(
        help: ArgumentHelp(
            "Where a diagnostic's rule ID links to; {id} stands for the rule (default: the portal's /rules page on localhost:8080).",
            valueName: "url"))
    var explainUrl = "http://localhost:8080/rules/{id}"

    @Flag(help: "Accepted for editors that pass it: the server always speaks over standard input and output.")
    var stdio = false

    @OptionGroup(title: "Limits (past one, a dossier is refused with a located finding)")
    var limits: LimitOptions

    func validate() throws {
        if debounceMs < 0 { throw ValidationError("--debounce-ms must be at least 0") }
    }

    func run() throws {
        let rules = self.rules
        let evaluation = limits.evaluation
        // `--rules` is read once here: an error in it ends the server at once, as it ends `check`.
        let base = try rules.makeChecker(limits: evaluation)
        let settings = ServerSettings(
            version: Dossiercheck.version,
            makeChecker: { folders, adjust in try rules.buildChecker(extraFolders: folders, adjust: adjust, limits: evaluation) },
            baseChecker: base, language: lang, limits: limits.check, debounceMilliseconds: debounceMs, explainURL: explainUrl,
            iso: ISO3166(table: BundledData.dataFile("iso3166.tsv") ?? ""))
        let status = ServerLoop.run(settings: settings, input: FileHandle.standardInput, output: FileHandle.standardOutput)
        if status != 0 { throw ExitCode(status) }
    }
}

extension UsageProblem: CustomStringConvertible {
    var description: String { "error: \(message)" }
}
