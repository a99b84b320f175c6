import CEL
import DossierModel

/// A programme's rules as data: what a dossier of one `kind` must satisfy.
///
/// A rule set without a `kind` is a library (`common`): its parameters, definitions,
/// types and rules are shared by every rule set that imports it.
public struct RuleSet: Sendable {
    public var name: String
    public var version: String
    /// The version of the rule catalogue (the programmes' rules and their readings) the set
    /// implements, as its `catalogue:` says; reports name it.
    public var catalogue: String? = nil
    /// The dossier kind this set applies to; nil for a library.
    public var kind: String?
    public var imports: [String]
    public var title: LocalizedText
    public var parameters: [Parameter]
    public var definitions: [Definition]
    public var types: [String: TypeSpec]
    /// Top-level fields of a document this set checks.
    public var structure: [FieldSpec]
    public var rules: [Rule]
    /// Where dossiers of this set hold the figures a triage report shows (`figures:`).
    public var figures: FigureSpec = FigureSpec()
    /// The tables `dossiercheck funding` shows: the figures of the money rules, per row (`funding:`).
    public var funding: [FundingTable] = []
    /// The file it was read from, for located errors.
    public var file: String

    /// The documents its rules come from (`sources:`); a rule's `source` names a section of one.
    public var sources: [SourceDocument] = []
    /// The languages its texts come in (`languages:`), the default first; nil: en, nl, fr, de.
    public var languages: [Language]? = nil
    /// The language a text falls back to (`default_language:`).
    public var defaultLanguage: Language? = nil
    /// The set this one derives from (`extends:`), until `EffectiveRuleSets` merges them.
    public var extends: BaseReference? = nil
    /// The set a derived one was made from, once merged (for explanations).
    public var derivedFrom: BaseReference? = nil
    /// The call this set is for (`call:`): a dossier's `call:` picks among sets of one kind.
    public var call: CallIdentity? = nil
    /// Severities changed for this set's kind (`severities:`), of its own or imported rules.
    public var severityChanges: [RuleChange<Severity>] = []
    /// Rules, its own or imported, not checked for its kind (`disabled:`).
    public var disabledRules: [RuleChange<Bool>] = []
    /// A derived call's examples for rules it inherits (`examples: {EST-005: {pass: …, fail: …}}`):
    /// they replace the base's in this call, where its parameters change the verdict.
    public var callExamples: [RuleChange<RuleExamples>] = []
    /// The pattern every rule ID of the set matches (`rule_ids:`), with its place.
    public var ruleIDPattern: (pattern: String, mark: Mark)? = nil
    /// Fields added to types of imported sets (`types: {organisation: {extends: organisation, …}}`).
    public var typeExtensions: [TypeExtension] = []
    /// Where each top-level key stands, for errors about a whole section.
    public var keyMarks: [String: Mark] = [:]
    /// The texts given per language, checked against `languages` once it is known.
    var texts: [TextLedger.Entry] = []
    /// The IDs of rules left out because they could not be read (their errors are reported):
    /// entries naming them (`disabled`, `severities`) are not reported again.
    var unreadableRules: [String] = []

    /// The languages its texts must come in: its own declaration, else the tool's four.
    public var declaredLanguages: [Language] { languages ?? Language.allCases }
}

/// A document rules come from: a call text, a programme guide, a report.
public struct SourceDocument: Sendable, Equatable {
    /// How rules name it in `source:` (`report`, `call-text`).
    public var id: String
    public var title: String
    public var publisher: String?
    /// The date or edition (`2026-01`, `version 3`).
    public var edition: String?
    /// Where it can be read, when it is public.
    public var url: String?
    /// The language it is written in.
    public var language: Language?
    /// How a note names it in each language: `report "Clusterbeleid in Europa"`; by default
    /// its title in quotes.
    public var cite: LocalizedText

    public init(
        id: String, title: String, publisher: String? = nil, edition: String? = nil, url: String? = nil,
        language: Language? = nil,
        cite: LocalizedText
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.edition = edition
        self.url = url
        self.language = language
        self.cite = cite
    }

    /// `cite, section` in `language`: `report "Clusterbeleid in Europa", §7.4.2`.
    public func citation(_ section: String, in language: Language) -> String {
        let name = cite.text(in: language)
        return section.isEmpty ? name : "\(name), \(section)"
    }

    /// Title, publisher, edition and address, for an explanation or SARIF help.
    public var reference: String {
        var parts = ["\"\(title)\""]
        if let publisher { parts.append(publisher) }
        if let edition { parts.append(edition) }
        if let language { parts.append("(\(language.rawValue))") }
        if let url { parts.append(url) }
        return parts.joined(separator: ", ").replacingOccurrences(of: ", (", with: " (")
    }
}

/// What a rule's `source` resolves to: a section of one of the documents.
public struct Citation: Sendable, Equatable {
    public var document: SourceDocument?
    public var section: String
    /// True when the rule's own set declares the document, or its `source` names it (`format §1`);
    /// false when the section falls back to the first document an imported set declares (the
    /// bundled sets' report).
    public var named: Bool

    public init(document: SourceDocument?, section: String, named: Bool = true) {
        self.document = document
        self.section = section
        self.named = named
    }

    /// How a note cites it: the document's `cite` and the section; the section alone when the
    /// sets declare no document.
    public func text(in language: Language) -> String {
        document?.citation(section, in: language) ?? section
    }

    /// How a one-line list cites it (`rules list`, templates, schemas, the portal's rule table):
    /// the section alone for the common document the imports declare (`§7.4.2`), else with its
    /// document (`Eurostars guidelines, §2.2`, `dossier format, §1`), so that a programme's own
    /// document is never mistaken for the report.
    public func short(in language: Language) -> String {
        named ? text(in: language) : section
    }
}

/// `extends: {ruleset: eurostars, version: 1.0.0}`.
public struct BaseReference: Sendable, Equatable {
    public var name: String
    public var version: String
    public var mark: Mark
}

/// `call: {name: "2027", title: …, opens: 2027-02-01, closes: 2027-04-30}`.
public struct CallIdentity: Sendable, Equatable {
    public var name: String
    public var title: LocalizedText?
    public var opens: String?
    public var closes: String?
    public var mark: Mark
}

/// A change one set makes to a rule (its own or imported), with the place that asks for it.
public struct RuleChange<Value: Sendable & Equatable>: Sendable, Equatable {
    public var rule: String
    public var value: Value
    public var mark: Mark
}

/// `types: {organisation: {extends: organisation, map: {rd_performing: boolean}}}`: fields added
/// to a type an imported set declares, for the kinds of this set only.
public struct TypeExtension: Sendable, Equatable {
    public var name: String
    public var fields: [FieldSpec]
    public var mark: Mark
}

/// A named threshold or table a call may change without touching the rules.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var value: ParameterValue
    public var description: LocalizedText?
    public var mark: Mark
}

/// A parameter's value as written in the rule file.
public indirect enum ParameterValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A non-integer number, kept as written so that it converts to an exact decimal.
    case decimal(String)
    case text(String)
    case list([ParameterValue])
    case map([(String, ParameterValue)])

    public static func == (lhs: ParameterValue, rhs: ParameterValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.decimal(let a), .decimal(let b)): a == b
        case (.text(let a), .text(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }
}

/// A named CEL function shared by rules: `isSME(org)`.
public struct Definition: Sendable {
    public var name: String
    public var parameters: [String]
    public var body: String
    public var mark: Mark
    /// The body's syntax tree, when the set comes from the compiled form (`CompiledRuleSets`).
    public var bodySyntax: CELSyntax? = nil
}
