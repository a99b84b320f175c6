import ArgumentParser
import Checking
import DossierModel
import Foundation
import Validators

/// How far `check` goes with one file before refusing it: each limit ends in a located HDR-004
/// (or, for the evaluation budget, an error finding of the rule), never a hang or a crash, and
/// each can be raised for a genuine file that needs more.
struct LimitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Largest file read, in bytes, or with a unit: 16MiB, 500KiB, 2GB.", valueName: "size"))
    var maxFileSize: ByteCount = CheckLimits.default.maxFileSize

    @Option(help: ArgumentHelp("Deepest nesting of lists and mappings.", valueName: "n"))
    var maxDepth: Int = CheckLimits.default.maxDepth

    @Option(
        help: ArgumentHelp(
            "Most nodes a file's aliases may expand to, against alias bombs.", valueName: "n"))
    var maxAliasNodes: Int = CheckLimits.default.maxAliasNodes

    @Option(help: ArgumentHelp("Most YAML documents in one file.", valueName: "n"))
    var maxDocuments: Int = CheckLimits.default.maxDocuments

    @Option(help: ArgumentHelp("Most nodes in one file, aliases expanded.", valueName: "n"))
    var maxNodes: Int = CheckLimits.default.maxNodes

    @Option(
        help: ArgumentHelp(
            "Most expression evaluation steps one rule may take on one dossier.", valueName: "n"))
    var maxEvaluationCost: Int = CheckLimits.default.maxEvaluationCost

    @Option(
        help: ArgumentHelp(
            "Longest value, in characters, a message shows; longer ones are cut with ….", valueName: "n"))
    var maxMessageLength: Int = CheckLimits.default.maxMessageLength

    func validate() throws {
        let named: [(String, Int)] = [
            ("--max-file-size", maxFileSize.bytes), ("--max-depth", maxDepth), ("--max-alias-nodes", maxAliasNodes),
            ("--max-documents", maxDocuments), ("--max-nodes", maxNodes), ("--max-evaluation-cost", maxEvaluationCost),
            ("--max-message-length", maxMessageLength),
        ]
        for (flag, value) in named where value < 1 { throw ValidationError("\(flag) must be at least 1") }
    }

    /// The limits as the checking library takes them.
    var check: CheckLimits {
        CheckLimits(
            maxFileSize: maxFileSize, maxDepth: maxDepth, maxAliasNodes: maxAliasNodes, maxDocuments: maxDocuments,
            maxNodes: maxNodes, maxEvaluationCost: maxEvaluationCost, maxMessageLength: maxMessageLength)
    }

    var load: LoadLimits { check.load }

    var evaluation: EvaluationLimits { check.evaluation }

    /// The help line of an HDR-004 finding for a limit the loader reached (`LoadProblem.detail["reason"]`).
    func help(forLimit reason: String) -> String? { check.help(forLimit: reason) }
}

extension LimitOptions {
    /// The limits `limits` gives, every one set: as ArgumentParser would have read them from
    /// their flags (`QuickCheckArguments`, which reads `check`'s command line without it). Set on
    /// a made value, not in an initializer: there an assignment would make a new definition of the
    /// option (its default) instead of giving it a value.
    static func given(_ limits: CheckLimits) -> LimitOptions {
        var options = LimitOptions()
        options.maxFileSize = limits.maxFileSize
        options.maxDepth = limits.maxDepth
        options.maxAliasNodes = limits.maxAliasNodes
        options.maxDocuments = limits.maxDocuments
        options.maxNodes = limits.maxNodes
        options.maxEvaluationCost = limits.maxEvaluationCost
        options.maxMessageLength = limits.maxMessageLength
        return options
    }
}
