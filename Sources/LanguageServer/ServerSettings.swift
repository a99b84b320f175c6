import Checking
import DossierModel
import Validators

/// How `dossiercheck lsp` was started: what every project's rules are built from.
public struct ServerSettings: Sendable {
    /// Builds the engine from the bundled rule sets, the `--rules` folders and `extraFolders` (a
    /// configuration's `rules:`), passed through `adjust` (its severities and parameters); the
    /// error thrown is shown in the editor as it describes itself.
    public typealias CheckerFactory =
        @Sendable (_ extraFolders: [String], _ adjust: @escaping ([RuleSet]) throws -> [RuleSet]) throws -> Checker

    public var version: String
    public var makeChecker: CheckerFactory
    /// The engine for documents without a configuration (bundled and `--rules` sets), built once at start.
    public var baseChecker: Checker
    /// `--lang`: the messages' language; by default the configuration's, else each dossier's own.
    public var language: Language?
    public var limits: CheckLimits
    /// How long the server waits after a change for the next one before checking.
    public var debounceMilliseconds: Int
    /// A rule's explanation, `{id}` standing for the rule ID (a diagnostic's `codeDescription`).
    public var explainURL: String
    /// The ISO 3166 codes offered where a rule expects a country or region.
    public var iso: ISO3166

    public init(
        version: String, makeChecker: @escaping CheckerFactory, baseChecker: Checker, language: Language?, limits: CheckLimits,
        debounceMilliseconds: Int,
        explainURL: String, iso: ISO3166
    ) {
        self.version = version
        self.makeChecker = makeChecker
        self.baseChecker = baseChecker
        self.language = language
        self.limits = limits
        self.debounceMilliseconds = debounceMilliseconds
        self.explainURL = explainURL
        self.iso = iso
    }
}
