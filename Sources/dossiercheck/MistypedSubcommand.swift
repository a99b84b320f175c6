import Foundation
import Validators

/// `dossiercheck chek x.yaml`: the first word names no subcommand, no file and no folder, but is
/// a few keystrokes from a subcommand. Without this, `check` (the default subcommand) would take
/// `chek` for a dossier it cannot read.
struct MistypedSubcommand {
    let typed: String
    let meant: String

    var message: String { "unknown subcommand `\(typed)`; did you mean `\(meant)`?" }

    static func find(
        in arguments: [String], subcommands: [String] = Self.subcommandNames,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> MistypedSubcommand? {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first),
            !first.contains("/"), !first.contains("."), !exists(first),
            let meant = KeySuggestion.closest(to: first, in: subcommands),
            KeySuggestion.editDistance(first.lowercased(), meant) <= 2
        else { return nil }
        return MistypedSubcommand(typed: first, meant: meant)
    }

    /// Every first word the root command accepts, `help` included.
    static var subcommandNames: [String] {
        Dossiercheck.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }
}
