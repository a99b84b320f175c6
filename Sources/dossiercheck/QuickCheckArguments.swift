import ArgumentParser
import Checking

/// `check`'s everyday command lines — `dossiercheck [check] [--format json] [-o report.json] … paths`
/// — read without ArgumentParser, which reflects over the whole command tree to read any line
/// (about 32 million instructions, more than checking a small dossier takes).
///
/// Only separate words are read here: a known option and its value, a flag, a path. Anything else
/// returns nil and goes to ArgumentParser, so that each message and exit status stays the parser's
/// own: another subcommand, `help`, `--help`, `--version`, completion requests, an unknown or
/// repeated option, `--name=value`, a missing value, a value or path that is empty or starts with
/// `-`, `--`, a value the option does not take, or settings `validate()` refuses.
/// CheckArgumentsTests hold each form to the parser's reading of the same line.
enum QuickCheckArguments {
    /// The command ArgumentParser would make of `arguments` (without the program name), or nil
    /// when the line is not one of the forms read here.
    static func command(for arguments: [String], subcommands: [String]) -> CheckCommand? {
        var words = arguments[...]
        if words.first == "check" {
            words = words.dropFirst()
        } else if let first = words.first, subcommands.contains(first) {
            return nil
        }
        var paths: [String] = []
        var ruleFolders: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
        while let word = words.popFirst() {
            guard !word.isEmpty else { return nil }
            guard word.hasPrefix("-") else {
                paths.append(word)
                continue
            }
            if flagNames.contains(word) {
                guard flags.insert(word).inserted else { return nil }
                continue
            }
            let name = word == "-o" ? "--output" : word
            guard optionNames.contains(name), let value = words.popFirst(), !value.isEmpty, !value.hasPrefix("-") else {
                return nil
            }
            if name == "--rules" {
                ruleFolders.append(value)
            } else if values.updateValue(value, forKey: name) != nil {
                return nil
            }
        }
        do {
            var command = CheckCommand()
            command.paths = paths
            var rules = RuleOptions()
            rules.ruleFolders = ruleFolders
            rules.config = values["--config"]
            command.rules = rules
            command.format = try value(of: "--format", in: values)
            command.lang = try value(of: "--lang", in: values)
            command.failOn = try value(of: "--fail-on", in: values)
            command.output = values["--output"]
            command.waivers = values["--waivers"]
            command.baseline = values["--baseline"]
            command.writeBaseline = values["--write-baseline"]
            command.dossiersOnly = flags.contains("--dossiers-only")
            command.noColor = flags.contains("--no-color")
            command.jobs = try value(of: "--jobs", in: values)
            let limits = CheckLimits.default
            command.limits = LimitOptions.given(
                CheckLimits(
                    maxFileSize: try value(of: "--max-file-size", in: values) ?? limits.maxFileSize,
                    maxDepth: try value(of: "--max-depth", in: values) ?? limits.maxDepth,
                    maxAliasNodes: try value(of: "--max-alias-nodes", in: values) ?? limits.maxAliasNodes,
                    maxDocuments: try value(of: "--max-documents", in: values) ?? limits.maxDocuments,
                    maxNodes: try value(of: "--max-nodes", in: values) ?? limits.maxNodes,
                    maxEvaluationCost: try value(of: "--max-evaluation-cost", in: values) ?? limits.maxEvaluationCost,
                    maxMessageLength: try value(of: "--max-message-length", in: values) ?? limits.maxMessageLength))
            try command.limits.validate()
            try command.validate()
            return command
        } catch {
            return nil
        }
    }

    static let flagNames: Set<String> = ["--dossiers-only", "--no-color"]

    static let optionNames: Set<String> = [
        "--rules", "--config", "--format", "--lang", "--fail-on", "--output", "--waivers", "--baseline", "--write-baseline",
        "--jobs", "--max-file-size", "--max-depth", "--max-alias-nodes", "--max-documents", "--max-nodes",
        "--max-evaluation-cost", "--max-message-length",
    ]

    /// A value the option does not take: the line goes to ArgumentParser, which says why.
    private struct Unreadable: Error {}

    /// The option's value read as ArgumentParser reads it (the type's `init(argument:)`).
    private static func value<Value: ExpressibleByArgument>(of name: String, in values: [String: String]) throws -> Value? {
        guard let text = values[name] else { return nil }
        guard let value = Value(argument: text) else { throw Unreadable() }
        return value
    }
}
