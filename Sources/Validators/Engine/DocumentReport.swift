/// What checking one dossier (one YAML document) found.
public struct DocumentReport: Sendable {
    /// 0-based position of the document in its file.
    public var index: Int
    public var id: String?
    public var kind: String?
    public var title: String?
    /// The language the messages are in.
    public var language: Language
    public var findings: [Finding]
    /// The rule sets applied, with their versions.
    public var ruleSets: [RuleSetVersion]
    /// The rules whose verdict depends on a value still to be filled in (a template's placeholder),
    /// not evaluated where it matters: "not yet checkable".
    public var notYetCheckable: [String] = []

    public struct RuleSetVersion: Sendable, Hashable {
        public var name: String
        public var version: String
        /// The rule catalogue version the set implements, if it says.
        public var catalogue: String?

        public init(name: String, version: String, catalogue: String? = nil) {
            self.name = name
            self.version = version
            self.catalogue = catalogue
        }

        public init(_ set: RuleSet) {
            self.init(name: set.name, version: set.version, catalogue: set.catalogue)
        }
    }

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }
    public var infos: Int { findings.count { $0.severity == .info } }
}
