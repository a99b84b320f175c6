import DossierModel
import Reporting
import Validators

/// A project's `.dossiercheck.yaml`: what to check, with which rules and thresholds, and how to
/// report it. Strict: an unknown key, an unknown rule or parameter is a located error.
///
/// ```yaml
/// version: 1
/// paths: [dossiers/]              # checked when the command line names none
/// exclude: ["**/drafts/**"]       # globs, relative to this file's folder
/// rules: [local-rules/]           # rule-set folders or files that add to or replace the bundled ones
/// language: fr
/// format: text
/// fail_on: warning
/// waivers: waivers.yaml
/// baseline: .dossiercheck-baseline.json
/// severity: {RES-010: warning}
/// disable: [RES-007]
/// parameters:
///   reseau-dossier: {max_eligible_per_year: 150000}
/// ```
///
/// Paths in it are relative to the folder that holds it.
public struct Configuration: Sendable {
    /// The file, as the messages name it.
    public var file: String
    /// The absolute folder of the file: what its paths are relative to.
    public var directory: String
    public var paths: [String] = []
    public var exclude: [String] = []
    public var ruleFolders: [String] = []
    public var language: Language?
    public var format: OutputFormat?
    public var failOn: FailThreshold?
    public var waivers: String?
    public var baseline: String?
    public var severities: [SeverityOverride] = []
    public var disabled: [RuleReference] = []
    public var parameters: [ParameterOverride] = []

    public static let fileName = ".dossiercheck.yaml"
    static let keys = [
        "version", "paths", "exclude", "rules", "language", "format", "fail_on", "waivers", "baseline", "severity",
        "disable", "parameters",
    ]

    public struct RuleReference: Sendable {
        public var rule: String
        public var mark: Mark
    }

    public struct SeverityOverride: Sendable {
        public var rule: String
        public var severity: Severity
        public var mark: Mark
    }

    public struct ParameterOverride: Sendable {
        public var ruleSet: String
        public var name: String
        public var value: ParameterValue
        /// The rule set's key, the parameter's key, and the value.
        public var ruleSetMark: Mark
        public var mark: Mark
        public var valueMark: Mark
    }

    /// An empty configuration: every default.
    public init(file: String, directory: String) {
        self.file = file
        self.directory = directory
    }

    /// Reads a configuration file's text; `directory` is the absolute folder that holds it.
    public static func parse(_ text: String, file: String, directory: String) throws -> Configuration {
        var config = Configuration(file: file, directory: directory)
        let reader = StrictReader(file: file)
        guard let root = try reader.root(text) else { return config }
        for (key, keyNode, value) in try reader.mapping(root, allowed: keys, what: "the configuration") {
            switch key {
            case "version":
                guard case .int(1)? = value.scalar?.value else {
                    throw reader.error(
                        value,
                        "unsupported configuration version `\(value.scalar?.text ?? "")` (this dossiercheck reads version 1)")
                }
            case "paths": config.paths = try reader.texts(value, what: "`paths`").map(\.text)
            case "exclude": config.exclude = try reader.texts(value, what: "`exclude`").map(\.text)
            case "rules": config.ruleFolders = try reader.texts(value, what: "`rules`").map(\.text)
            case "language": config.language = try reader.choice(value, what: "`language`") as Language
            case "format": config.format = try reader.choice(value, what: "`format`") as OutputFormat
            case "fail_on": config.failOn = try reader.choice(value, what: "`fail_on`") as FailThreshold
            case "waivers": config.waivers = try reader.text(value, what: "`waivers`")
            case "baseline": config.baseline = try reader.text(value, what: "`baseline`")
            case "severity":
                for (rule, ruleNode, level) in try reader.mapping(value, what: "`severity`") {
                    let severity: Severity = try reader.choice(level, what: "the severity of \(rule)")
                    config.severities.append(SeverityOverride(rule: rule, severity: severity, mark: ruleNode.start))
                }
            case "disable":
                config.disabled = try reader.texts(value, what: "`disable`").map {
                    RuleReference(rule: $0.text, mark: $0.node.start)
                }
            case "parameters":
                for (set, setNode, table) in try reader.mapping(value, what: "`parameters`") {
                    for (name, nameNode, parameter) in try reader.mapping(table, what: "the parameters of `\(set)`") {
                        let value: ParameterValue
                        do {
                            value = try ParameterValue(parameter, file: file)
                        } catch let error as RuleFileError {
                            throw PolicyFileError(file: file, mark: error.mark, message: error.message)
                        }
                        config.parameters.append(
                            ParameterOverride(
                                ruleSet: set, name: name, value: value, ruleSetMark: setNode.start, mark: nameNode.start,
                                valueMark: parameter.start))
                    }
                }
            default:
                throw reader.error(keyNode, "unknown key `\(key)`")
            }
        }
        return config
    }

    /// A path written in the file, made absolute against the file's folder.
    public func resolve(_ path: String) -> String {
        PathNames.absolute(path, against: directory)
    }

    /// The rule IDs the configuration disables.
    public var disabledRules: Set<String> { Set(disabled.map(\.rule)) }
}
