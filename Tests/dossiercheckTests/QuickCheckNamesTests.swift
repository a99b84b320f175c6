import Foundation
import TestSupport
import Testing

@testable import dossiercheck

/// The quick path builds a `CheckCommand` itself and sets each of its options by hand: an option
/// added to `check` but not to the quick path would be left unset there (a trap when `run()`
/// reads it). ArgumentParser's own description of `check` is the list both must share.
@Suite struct QuickCheckNamesTests {
    struct DumpedHelp: Decodable {
        struct Command: Decodable { var arguments: [Argument] }
        struct Argument: Decodable {
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var kind: String
            var names: [Name]?
        }
        var command: Command
    }

    @Test func theQuickPathKnowsEveryOptionAndFlagOfCheck() throws {
        let run = try Fixtures.run(["check", "--experimental-dump-help"])
        let help = try JSONDecoder().decode(DumpedHelp.self, from: Data(run.stdout.utf8))
        func longNames(_ kind: String) -> Set<String> {
            let names: [DumpedHelp.Argument.Name] = help.command.arguments.filter { $0.kind == kind }.flatMap { $0.names ?? [] }
            return Set(names.filter { $0.kind == "long" }.map { "--\($0.name)" })
        }
        #expect(longNames("option") == QuickCheckArguments.optionNames)
        // --help and --version never take the quick path: they are the parser's.
        #expect(longNames("flag").subtracting(["--help", "--version"]) == QuickCheckArguments.flagNames)
    }
}
