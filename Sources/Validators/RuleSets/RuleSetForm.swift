import CEL
import DossierModel

// The compiled form of rule sets (`CompiledRuleSets`): each type of a rule set writes itself
// (`write(to:)`) and reads itself back (`init(reading:)`), field by field, in declaration order.
// Dictionaries are written in key order, so that the same sets always give the same bytes.

extension Mark {
    func write(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.int(column)
    }

    init(reading reader: inout BinaryReader) {
        let line = reader.int()
        self.init(line: line, column: reader.int())
    }
}

extension Language {
    func write(to writer: inout BinaryWriter) { writer.string(rawValue) }

    init(reading reader: inout BinaryReader) {
        let tag = reader.string()
        switch tag {
        case "en": self = .en
        case "nl": self = .nl
        case "fr": self = .fr
        case "de": self = .de
        default:
            guard let language = Language(rawValue: tag) else { reader.damaged() }
            self = language
        }
    }
}

extension LocalizedText {
    func write(to writer: inout BinaryWriter) {
        writer.array(texts.sorted { $0.key < $1.key }) { writer, entry in
            entry.key.write(to: &writer)
            writer.string(entry.value)
        }
        writer.optional(fallback) { $1.write(to: &$0) }
        writer.bool(givenPerLanguage)
    }

    init(reading reader: inout BinaryReader) {
        var texts: [Language: String] = [:]
        for _ in 0..<reader.int() {
            let language = Language(reading: &reader)
            texts[language] = reader.string()
        }
        self.init(texts, fallback: reader.optional { Language(reading: &$0) })
        givenPerLanguage = reader.bool()
    }
}

extension PathPattern {
    /// As written and as steps, so that reading it back does not parse it again.
    func write(to writer: inout BinaryWriter) {
        writer.string(description)
        writer.array(steps) { writer, step in
            switch step {
            case .key(let key):
                writer.int(0)
                writer.string(key)
            case .anyKey: writer.int(1)
            case .index(let index):
                writer.int(2)
                writer.int(index)
            case .anyIndex: writer.int(3)
            }
        }
    }

    init(reading reader: inout BinaryReader) {
        self.init("")!
        description = reader.string()
        steps = reader.array { reader in
            switch reader.int() {
            case 0: .key(reader.string())
            case 1: .anyKey
            case 2: .index(reader.int())
            case 3: .anyIndex
            default: reader.damaged()
            }
        }
    }
}

extension Expression {
    /// With its syntax tree, parsed here when not yet: a run compiles it without parsing.
    func write(to writer: inout BinaryWriter) {
        writer.string(source)
        mark.write(to: &writer)
        writer.bool(isBlock)
        writer.optional(syntax ?? (try? CELSyntax(parsing: source))) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        let source = reader.string()
        let mark = Mark(reading: &reader)
        self.init(source: source, mark: mark, isBlock: reader.bool())
        syntax = reader.optional { CELSyntax(reading: &$0) }
    }
}

extension TypeSpec {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .text: writer.int(0)
        case .integer: writer.int(1)
        case .amount: writer.int(2)
        case .number: writer.int(3)
        case .boolean: writer.int(4)
        case .date: writer.int(5)
        case .any: writer.int(6)
        case .list(let item):
            writer.int(7)
            item.write(to: &writer)
        case .map(let fields):
            writer.int(8)
            writer.array(fields) { $1.write(to: &$0) }
        case .named(let name):
            writer.int(9)
            writer.string(name)
        }
    }

    init(reading reader: inout BinaryReader) {
        switch reader.int() {
        case 0: self = .text
        case 1: self = .integer
        case 2: self = .amount
        case 3: self = .number
        case 4: self = .boolean
        case 5: self = .date
        case 6: self = .any
        case 7: self = .list(FieldSpec(reading: &reader))
        case 8: self = .map(reader.array { FieldSpec(reading: &$0) })
        case 9: self = .named(reader.string())
        default: reader.damaged()
        }
    }
}

extension FieldSpec {
    func write(to writer: inout BinaryWriter) {
        writer.string(self.name)
        self.type.write(to: &writer)
        writer.bool(self.required)
        writer.optional(self.oneOf) { $0.strings($1) }
        writer.optional(self.coveredBy) { $0.string($1) }
        writer.optional(self.presenceRule) { $0.string($1) }
        writer.optional(self.onlyIf) { $0.string($1) }
        writer.optional(self.doc) { $1.write(to: &$0) }
        writer.optional(self.template) { $1.write(to: &$0) }
        writer.optional(self.typeMark) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        let name = reader.string()
        let type = TypeSpec(reading: &reader)
        let required = reader.bool()
        let oneOf = reader.optional { $0.strings() }
        let coveredBy = reader.optional { $0.string() }
        let presenceRule = reader.optional { $0.string() }
        let onlyIf = reader.optional { $0.string() }
        let doc = reader.optional { LocalizedText(reading: &$0) }
        let template = reader.optional { Expression(reading: &$0) }
        self.init(
            name: name, type: type, required: required, oneOf: oneOf, coveredBy: coveredBy, onlyIf: onlyIf, doc: doc,
            template: template, presenceRule: presenceRule)
        self.typeMark = reader.optional { Mark(reading: &$0) }
    }
}

extension ParameterValue {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .null: writer.int(0)
        case .bool(let flag):
            writer.int(1)
            writer.bool(flag)
        case .integer(let number):
            writer.int(2)
            writer.int(Int(number))
        case .decimal(let text):
            writer.int(3)
            writer.string(text)
        case .text(let text):
            writer.int(4)
            writer.string(text)
        case .list(let items):
            writer.int(5)
            writer.array(items) { $1.write(to: &$0) }
        case .map(let entries):
            writer.int(6)
            writer.array(entries) { writer, entry in
                writer.string(entry.0)
                entry.1.write(to: &writer)
            }
        }
    }

    init(reading reader: inout BinaryReader) {
        switch reader.int() {
        case 0: self = .null
        case 1: self = .bool(reader.bool())
        case 2: self = .integer(Int64(reader.int()))
        case 3: self = .decimal(reader.string())
        case 4: self = .text(reader.string())
        case 5: self = .list(reader.array { ParameterValue(reading: &$0) })
        case 6:
            self = .map(
                reader.array { reader in
                    let key = reader.string()
                    return (key, ParameterValue(reading: &reader))
                })
        default: reader.damaged()
        }
    }
}

extension Parameter {
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        value.write(to: &writer)
        writer.optional(description) { $1.write(to: &$0) }
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        name = reader.string()
        value = ParameterValue(reading: &reader)
        description = reader.optional { LocalizedText(reading: &$0) }
        mark = Mark(reading: &reader)
    }
}

extension Definition {
    /// With its body's syntax tree, parsed here when not yet.
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.strings(parameters)
        writer.string(body)
        mark.write(to: &writer)
        writer.optional(bodySyntax ?? (try? CELSyntax(parsing: body))) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        name = reader.string()
        parameters = reader.strings()
        body = reader.string()
        mark = Mark(reading: &reader)
        bodySyntax = reader.optional { CELSyntax(reading: &$0) }
    }
}

extension Check {
    func write(to writer: inout BinaryWriter) {
        writer.array(forEach) { $1.write(to: &$0) }
        writer.array(lets) { writer, binding in
            writer.string(binding.name)
            binding.expression.write(to: &writer)
        }
        writer.optional(when) { $1.write(to: &$0) }
        assertion.write(to: &writer)
        writer.optional(at) { $1.write(to: &$0) }
        message.write(to: &writer)
        writer.optional(help) { $1.write(to: &$0) }
        mark.write(to: &writer)
        writer.array(forEachMarks) { $1.write(to: &$0) }
        writer.optional(atMark) { $1.write(to: &$0) }
        writer.array(messageTexts) { writer, written in
            writer.string(written.text)
            written.mark.write(to: &writer)
            writer.bool(written.isBlock)
        }
    }

    init(reading reader: inout BinaryReader) {
        forEach = reader.array { PathPattern(reading: &$0) }
        lets = reader.array { reader in
            let name = reader.string()
            return (name, Expression(reading: &reader))
        }
        when = reader.optional { Expression(reading: &$0) }
        assertion = Expression(reading: &reader)
        at = reader.optional { PathPattern(reading: &$0) }
        message = LocalizedText(reading: &reader)
        help = reader.optional { LocalizedText(reading: &$0) }
        mark = Mark(reading: &reader)
        forEachMarks = reader.array { Mark(reading: &$0) }
        atMark = reader.optional { Mark(reading: &$0) }
        messageTexts = reader.array { reader in
            let text = reader.string()
            let mark = Mark(reading: &reader)
            return (text, mark, reader.bool())
        }
    }
}

extension Example {
    func write(to writer: inout BinaryWriter) {
        writer.string(yaml)
        writer.optional(kind) { $0.string($1) }
        writer.optional(path) { $0.string($1) }
        mark.write(to: &writer)
        writer.optional(file) { $0.string($1) }
    }

    init(reading reader: inout BinaryReader) {
        yaml = reader.string()
        kind = reader.optional { $0.string() }
        path = reader.optional { $0.string() }
        mark = Mark(reading: &reader)
        file = reader.optional { $0.string() }
    }
}

extension RuleExamples {
    func write(to writer: inout BinaryWriter) {
        writer.array(passing) { $1.write(to: &$0) }
        writer.array(failing) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        let passing = reader.array { Example(reading: &$0) }
        self.init(passing: passing, failing: reader.array { Example(reading: &$0) })
    }
}

extension SourceDocument {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.optional(publisher) { $0.string($1) }
        writer.optional(edition) { $0.string($1) }
        writer.optional(url) { $0.string($1) }
        writer.optional(language) { $1.write(to: &$0) }
        cite.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        let id = reader.string()
        let title = reader.string()
        let publisher = reader.optional { $0.string() }
        let edition = reader.optional { $0.string() }
        let url = reader.optional { $0.string() }
        let language = reader.optional { Language(reading: &$0) }
        self.init(
            id: id, title: title, publisher: publisher, edition: edition, url: url, language: language,
            cite: LocalizedText(reading: &reader))
    }
}

extension Citation {
    func write(to writer: inout BinaryWriter) {
        writer.optional(document) { $1.write(to: &$0) }
        writer.string(section)
        writer.bool(named)
    }

    init(reading reader: inout BinaryReader) {
        let document = reader.optional { SourceDocument(reading: &$0) }
        let section = reader.string()
        self.init(document: document, section: section, named: reader.bool())
    }
}

extension Rule {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(severity.rawValue)
        title.write(to: &writer)
        writer.optional(description) { $1.write(to: &$0) }
        writer.string(source)
        writer.optional(citation) { $1.write(to: &$0) }
        writer.array(checks) { $1.write(to: &$0) }
        writer.optional(builtin) { $0.string($1.rawValue) }
        writer.array(builtinMessages.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            entry.value.write(to: &writer)
        }
        examples.write(to: &writer)
        mark.write(to: &writer)
        writer.optional(idMark) { $1.write(to: &$0) }
        writer.optional(inheritedFrom) { $0.string($1) }
        writer.optional(sourceMark) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        id = reader.string()
        guard let severity = Severity(rawValue: reader.string()) else { reader.damaged() }
        self.severity = severity
        title = LocalizedText(reading: &reader)
        description = reader.optional { LocalizedText(reading: &$0) }
        source = reader.string()
        citation = reader.optional { Citation(reading: &$0) }
        checks = reader.array { Check(reading: &$0) }
        builtin = reader.optional { reader in
            guard let builtin = Builtin(rawValue: reader.string()) else { reader.damaged() }
            return builtin
        }
        var messages: [String: LocalizedText] = [:]
        for _ in 0..<reader.int() {
            let variant = reader.string()
            messages[variant] = LocalizedText(reading: &reader)
        }
        builtinMessages = messages
        examples = RuleExamples(reading: &reader)
        mark = Mark(reading: &reader)
        idMark = reader.optional { Mark(reading: &$0) }
        inheritedFrom = reader.optional { $0.string() }
        sourceMark = reader.optional { Mark(reading: &$0) }
    }
}

extension BaseReference {
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.string(version)
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        name = reader.string()
        version = reader.string()
        mark = Mark(reading: &reader)
    }
}

extension CallIdentity {
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.optional(title) { $1.write(to: &$0) }
        writer.optional(opens) { $0.string($1) }
        writer.optional(closes) { $0.string($1) }
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        name = reader.string()
        title = reader.optional { LocalizedText(reading: &$0) }
        opens = reader.optional { $0.string() }
        closes = reader.optional { $0.string() }
        mark = Mark(reading: &reader)
    }
}

extension RuleChange {
    func write(to writer: inout BinaryWriter, value writeValue: (inout BinaryWriter, Value) -> Void) {
        writer.string(rule)
        writeValue(&writer, value)
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader, value readValue: (inout BinaryReader) -> Value) {
        rule = reader.string()
        value = readValue(&reader)
        mark = Mark(reading: &reader)
    }
}

extension TypeExtension {
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.array(fields) { $1.write(to: &$0) }
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        name = reader.string()
        fields = reader.array { FieldSpec(reading: &$0) }
        mark = Mark(reading: &reader)
    }
}

extension FigureSpec {
    func write(to writer: inout BinaryWriter) {
        func patterns(_ value: [PathPattern]?) { writer.optional(value) { $0.array($1) { $1.write(to: &$0) } } }
        patterns(organisations)
        writer.optional(organisationName) { $1.write(to: &$0) }
        writer.optional(registration) { $1.write(to: &$0) }
        patterns(applicant)
        patterns(eligible)
        patterns(requested)
        writer.optional(sme) { $0.string($1) }
        writer.optional(research) { $0.string($1) }
        writer.array(marks.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            entry.value.write(to: &writer)
        }
    }

    init(reading reader: inout BinaryReader) {
        func patterns() -> [PathPattern]? { reader.optional { $0.array { PathPattern(reading: &$0) } } }
        organisations = patterns()
        organisationName = reader.optional { PathPattern(reading: &$0) }
        registration = reader.optional { PathPattern(reading: &$0) }
        applicant = patterns()
        eligible = patterns()
        requested = patterns()
        sme = reader.optional { $0.string() }
        research = reader.optional { $0.string() }
        var marks: [String: Mark] = [:]
        for _ in 0..<reader.int() {
            let key = reader.string()
            marks[key] = Mark(reading: &reader)
        }
        self.marks = marks
    }
}

extension FundingColumn {
    init(reading reader: inout BinaryReader) {
        guard let column = FundingColumn(rawValue: reader.string()) else { reader.damaged() }
        self = column
    }
}

extension FundingRows {
    func write(to writer: inout BinaryWriter) {
        writer.strings(rules)
        writer.array(forEach) { $1.write(to: &$0) }
        writer.optional(when) { $1.write(to: &$0) }
        writer.array(lets) { writer, binding in
            writer.string(binding.name)
            binding.expression.write(to: &writer)
        }
        label.write(to: &writer)
        writer.array(columns) { writer, column in
            writer.string(column.column.rawValue)
            column.expression.write(to: &writer)
        }
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        rules = reader.strings()
        forEach = reader.array { PathPattern(reading: &$0) }
        when = reader.optional { Expression(reading: &$0) }
        lets = reader.array { reader in
            let name = reader.string()
            return (name, Expression(reading: &reader))
        }
        label = LocalizedText(reading: &reader)
        columns = reader.array { reader in
            let column = FundingColumn(reading: &reader)
            return (column, Expression(reading: &reader))
        }
        mark = Mark(reading: &reader)
    }
}

extension FundingTable {
    func write(to writer: inout BinaryWriter) {
        title.write(to: &writer)
        writer.optional(total) { $1.write(to: &$0) }
        writer.array(headings.sorted { $0.key.rawValue < $1.key.rawValue }) { writer, entry in
            writer.string(entry.key.rawValue)
            entry.value.write(to: &writer)
        }
        writer.array(rows) { $1.write(to: &$0) }
        mark.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) {
        title = LocalizedText(reading: &reader)
        total = reader.optional { LocalizedText(reading: &$0) }
        var headings: [FundingColumn: LocalizedText] = [:]
        for _ in 0..<reader.int() {
            let column = FundingColumn(reading: &reader)
            headings[column] = LocalizedText(reading: &reader)
        }
        self.headings = headings
        rows = reader.array { FundingRows(reading: &$0) }
        mark = Mark(reading: &reader)
    }
}

extension TextLedger.Entry {
    func write(to writer: inout BinaryWriter) {
        writer.string(what)
        mark.write(to: &writer)
        writer.array(languages.sorted()) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) {
        what = reader.string()
        mark = Mark(reading: &reader)
        languages = Set(reader.array { Language(reading: &$0) })
    }
}

extension RuleSet {
    func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.string(version)
        writer.optional(catalogue) { $0.string($1) }
        writer.optional(kind) { $0.string($1) }
        writer.strings(imports)
        title.write(to: &writer)
        writer.array(parameters) { $1.write(to: &$0) }
        writer.array(definitions) { $1.write(to: &$0) }
        writer.array(types.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            entry.value.write(to: &writer)
        }
        writer.array(structure) { $1.write(to: &$0) }
        writer.array(rules) { $1.write(to: &$0) }
        figures.write(to: &writer)
        writer.array(funding) { $1.write(to: &$0) }
        writer.string(file)
        writer.array(sources) { $1.write(to: &$0) }
        writer.optional(languages) { $0.array($1) { $1.write(to: &$0) } }
        writer.optional(defaultLanguage) { $1.write(to: &$0) }
        writer.optional(extends) { $1.write(to: &$0) }
        writer.optional(derivedFrom) { $1.write(to: &$0) }
        writer.optional(call) { $1.write(to: &$0) }
        writer.array(severityChanges) { writer, change in change.write(to: &writer) { $0.string($1.rawValue) } }
        writer.array(disabledRules) { writer, change in change.write(to: &writer) { $0.bool($1) } }
        writer.array(callExamples) { writer, change in change.write(to: &writer) { $1.write(to: &$0) } }
        writer.optional(ruleIDPattern) { writer, pattern in
            writer.string(pattern.pattern)
            pattern.mark.write(to: &writer)
        }
        writer.array(typeExtensions) { $1.write(to: &$0) }
        writer.array(keyMarks.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            entry.value.write(to: &writer)
        }
        writer.array(texts) { $1.write(to: &$0) }
        writer.strings(unreadableRules)
    }

    init(reading reader: inout BinaryReader) {
        let name = reader.string()
        let version = reader.string()
        let catalogue = reader.optional { $0.string() }
        let kind = reader.optional { $0.string() }
        let imports = reader.strings()
        let title = LocalizedText(reading: &reader)
        let parameters = reader.array { Parameter(reading: &$0) }
        let definitions = reader.array { Definition(reading: &$0) }
        var types: [String: TypeSpec] = [:]
        for _ in 0..<reader.int() {
            let name = reader.string()
            types[name] = TypeSpec(reading: &reader)
        }
        let structure = reader.array { FieldSpec(reading: &$0) }
        let rules = reader.array { Rule(reading: &$0) }
        let figures = FigureSpec(reading: &reader)
        let funding = reader.array { FundingTable(reading: &$0) }
        self.init(
            name: name, version: version, catalogue: catalogue, kind: kind, imports: imports, title: title,
            parameters: parameters, definitions: definitions, types: types, structure: structure, rules: rules,
            figures: figures, funding: funding, file: reader.string())
        sources = reader.array { SourceDocument(reading: &$0) }
        languages = reader.optional { $0.array { Language(reading: &$0) } }
        defaultLanguage = reader.optional { Language(reading: &$0) }
        extends = reader.optional { BaseReference(reading: &$0) }
        derivedFrom = reader.optional { BaseReference(reading: &$0) }
        call = reader.optional { CallIdentity(reading: &$0) }
        severityChanges = reader.array { reader in
            RuleChange(reading: &reader) { reader in
                guard let severity = Severity(rawValue: reader.string()) else { reader.damaged() }
                return severity
            }
        }
        disabledRules = reader.array { RuleChange(reading: &$0) { $0.bool() } }
        callExamples = reader.array { RuleChange(reading: &$0) { RuleExamples(reading: &$0) } }
        ruleIDPattern = reader.optional { reader in
            let pattern = reader.string()
            return (pattern, Mark(reading: &reader))
        }
        typeExtensions = reader.array { TypeExtension(reading: &$0) }
        var keyMarks: [String: Mark] = [:]
        for _ in 0..<reader.int() {
            let key = reader.string()
            keyMarks[key] = Mark(reading: &reader)
        }
        self.keyMarks = keyMarks
        texts = reader.array { TextLedger.Entry(reading: &$0) }
        unreadableRules = reader.strings()
    }
}
