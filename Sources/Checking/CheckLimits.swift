import DossierModel
import Validators

/// How far a check goes with one file before refusing it (`check`'s and `serve`'s limit flags):
/// each limit ends in a located HDR-004 (or, for the evaluation budget, an error finding of the
/// rule), never a hang or a crash, and the finding's help names the flag that raises it.
public struct CheckLimits: Sendable, Equatable {
    public var maxFileSize: ByteCount
    public var maxDepth: Int
    public var maxAliasNodes: Int
    public var maxDocuments: Int
    public var maxNodes: Int
    public var maxEvaluationCost: Int
    public var maxMessageLength: Int

    public static let `default` = CheckLimits()

    public init(
        maxFileSize: ByteCount = ByteCount(16 << 20), maxDepth: Int = LoadLimits.default.maxDepth,
        maxAliasNodes: Int = LoadLimits.default.maxAliasNodes, maxDocuments: Int = LoadLimits.default.maxDocuments,
        maxNodes: Int = LoadLimits.default.maxNodes, maxEvaluationCost: Int = EvaluationLimits.default.maxEvaluationCost,
        maxMessageLength: Int = EvaluationLimits.default.maxMessageValueLength
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        self.maxDocuments = maxDocuments
        self.maxNodes = maxNodes
        self.maxEvaluationCost = maxEvaluationCost
        self.maxMessageLength = maxMessageLength
    }

    public var load: LoadLimits {
        LoadLimits(maxDepth: maxDepth, maxDocuments: maxDocuments, maxNodes: maxNodes, maxAliasNodes: maxAliasNodes)
    }

    public var evaluation: EvaluationLimits {
        EvaluationLimits(
            maxEvaluationCost: maxEvaluationCost, maxMessageValueLength: maxMessageLength,
            budgetHelp: "if the dossier is genuine, raise the budget with --max-evaluation-cost (now \(maxEvaluationCost))")
    }

    /// The help line of an HDR-004 finding for a limit the loader reached (`LoadProblem.detail["reason"]`).
    public func help(forLimit reason: String) -> String? {
        let flag: (String, Int)
        switch reason {
        case "depth": flag = ("--max-depth", maxDepth)
        case "alias-nodes": flag = ("--max-alias-nodes", maxAliasNodes)
        case "documents": flag = ("--max-documents", maxDocuments)
        case "nodes": flag = ("--max-nodes", maxNodes)
        case "file-size": return "if the file is genuine, raise the limit with --max-file-size (now \(maxFileSize))"
        default: return nil
        }
        return "if the file is genuine, raise the limit with \(flag.0) (now \(flag.1))"
    }
}
