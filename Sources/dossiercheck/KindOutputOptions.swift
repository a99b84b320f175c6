import ArgumentParser
import Foundation
import Policy
import Validators

/// What the commands that describe a kind share: the kind, the language, where the text goes.
struct KindOutputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The dossier kind (`dossiercheck rules list` shows the rule sets).", valueName: "kind"))
    var kind: String

    @Option(
        help:
            "Language of the comments, placeholders and descriptions (a language tag: en, nl, fr, de, or one the rule set declares)."
    )
    var lang: Language = .en

    @Option(help: "The call, when several are loaded for the kind (default: the newest derived one).")
    var call: String?

    @Option(
        name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?

    /// The output file, absolute; nil for standard output.
    var outputPath: String? {
        output.map { PathNames.absolute($0, against: PathNames.normalised(FileManager.default.currentDirectoryPath)) }
    }

    /// Writes `text` to the output file, or to standard output.
    func write(_ text: String, what: String) throws {
        guard let path = outputPath else { return Terminal.write(text) }
        try PolicyFiles.write(text, to: path, what: what)
    }
}
