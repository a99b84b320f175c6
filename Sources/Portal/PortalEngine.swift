import Checking
import Foundation
import Reporting
import Validators

/// The engine behind the portal: a dossier's bytes → the run's report, as `check` makes it for a
/// file of that name without a configuration (inline suppressions apply; no waivers or baseline).
public struct PortalEngine: Sendable {
    public let checker: Checker
    public let limits: CheckLimits
    public let version: String
    let knownRules: Set<String>
    /// The tool's description per message language (rule titles are in it), made once.
    let tools: [Language?: ToolInfo]
    /// The call of each rule set of a kind with several calls, by the set's name: a finding links
    /// to its rule's page in the call the dossier was checked against.
    let calls: [String: String]

    public init(checker: Checker, limits: CheckLimits, version: String) {
        self.checker = checker
        self.limits = limits
        self.version = version
        knownRules = CheckRun.knownRules(checker)
        var tools: [Language?: ToolInfo] = [:]
        for language in [nil] + Language.allCases.map(Optional.some) {
            tools[language] = CheckRun.tool(version: version, checker: checker, language: language)
        }
        self.tools = tools
        calls = Dictionary(
            checker.ruleSets.compactMap { set in RulePages.linkedCall(of: set, in: checker).map { (set.name, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The report on one file's contents named `name`, messages in `language` (nil: each dossier's own).
    public func check(_ bytes: [UInt8], name: String, language: Language?) -> CheckReport {
        let source = SourceChecker(checker: checker, limits: limits)
        let file =
            bytes.count > limits.maxFileSize.bytes
            ? source.tooLarge(path: name, size: bytes.count, language: language)
            : source.report(path: name, bytes: bytes, language: language)
        let tool = tools[language] ?? CheckRun.tool(version: version, checker: checker, language: language)
        return CheckRun.report(of: file, tool: tool, knownRules: knownRules)
    }

    /// The name a dossier is reported under: the file name the client gave (its last component,
    /// control characters left out, at most 255 characters), else `dossier.yaml`.
    public static func reportName(_ given: String?) -> String {
        let last = given.map(MultipartForm.lastComponent) ?? ""
        let clean = String(
            last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(255).map(Character.init))
        return clean.isEmpty || clean == "." || clean == ".." ? defaultName : clean
    }

    public static let defaultName = "dossier.yaml"
}
