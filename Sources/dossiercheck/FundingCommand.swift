import ArgumentParser
import Describe
import DossierModel
import Foundation
import Validators

/// The whole money plan of a dossier, row by row, as its rule sets compute it.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract:
            "Show a dossier's funding: per year, cost line or enterprise, the eligible cost, the rate or cap, the maximum aid, what is requested and the difference.",
        discussion: """
            The figures come from the `funding:` tables of the kind's rule sets, which compute them with \
            the same definitions as the money rules; a row where one of those rules reports a finding \
            names it. Exit status 0, or 2 for a file that cannot be read.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    @Argument(help: ArgumentHelp("Dossier files.", valueName: "file"))
    var files: [String]

    @Option(help: "Language of the labels (en, nl, fr, de); by default each dossier's own `language`.")
    var lang: Language?

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let checker = try rules.makeConfiguredChecker()
        var entries: [FundingFormatter.Entry] = []
        var unreadable = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Terminal.error("error: cannot read \(file)")
                unreadable = true
                continue
            }
            for document in YAMLLoader.load([UInt8](data)) {
                guard let sheet = checker.funding(document, language: lang) else {
                    let place = document.problem.map { ":\($0.mark.line):\($0.mark.column)" } ?? ""
                    Terminal.error("error: \(file)\(place): not a dossier that can be read (run `dossiercheck check \(file)`)")
                    unreadable = true
                    continue
                }
                entries.append(
                    FundingFormatter.Entry(file: file, sheet: sheet, findings: checker.check(document, language: lang).findings))
            }
        }
        switch format {
        case .text: Terminal.write(FundingFormatter().text(entries))
        case .json: Terminal.write(FundingFormatter().json(entries).serialized() + "\n")
        }
        if unreadable { throw ExitStatus.unusable }
    }
}
