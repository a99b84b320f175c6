import CEL
import Validators

/// Writes a template dossier for a kind from its rule sets alone: every field of the structure
/// with a placeholder, commented with the field's `doc`, its type and code list, the rules that
/// judge it and the parameters they apply — nothing written twice by hand.
public struct TemplateWriter {
    public let outline: KindOutline
    public let language: Language
    let index: RuleIndex
    let words: DescribeWords
    let placeholder: String
    /// Comment lines are wrapped to this width.
    static let width = 96

    public init(outline: KindOutline, language: Language) {
        self.outline = outline
        self.language = language
        self.index = RuleIndex(outline)
        self.words = DescribeWords(language)
        self.placeholder = outline.placeholder(in: language) ?? "<fill in>"
    }

    public func write() -> Template {
        var out = Buffer()
        header(into: &out)
        writeMapping(outline.fields, steps: [], path: "", indent: 0, dash: false, shown: [], into: &out)
        return Template(text: out.lines.joined(separator: "\n") + "\n", slots: out.slots)
    }

    struct Buffer {
        var lines: [String] = []
        var slots: [Template.Slot] = []

        /// `text` as comment lines at `indent`, wrapped; lines after the first indented by `hanging`.
        mutating func comment(_ text: String, indent: Int, hanging: Int = 0, width: Int = TemplateWriter.width) {
            let pad = String(repeating: " ", count: indent)
            let wrapped = YAMLText.wrap(text, width: max(width - indent - 2 - hanging, 40))
            for (offset, line) in wrapped.enumerated() {
                lines.append("\(pad)# \(offset == 0 ? "" : String(repeating: " ", count: hanging))\(line)")
            }
        }
    }

    // MARK: -

    private func header(into out: inout Buffer) {
        let programme = outline.sets.last?.title.text(in: language) ?? outline.kind
        out.comment(words.templateHeading(programme: programme, kind: outline.kind), indent: 0)
        out.comment(outline.sets.map { "\($0.name) \($0.version)" }.joined(separator: ", "), indent: 0)
        out.lines.append("#")
        var instructions = words.templateInstructions(placeholder: placeholder, kind: outline.kind)
        if outline.sets.contains(where: { !$0.funding.isEmpty }) { instructions += words.fundingHint }
        for line in instructions {
            if line.hasPrefix("  ") { out.lines.append("# " + line) } else { out.comment(line, indent: 0) }
        }
        let whole = index.rules(at: [])
        if !whole.isEmpty {
            out.lines.append("#")
            out.lines.append("# " + words.wholeDossierRules)
            for rule in whole { out.comment("- " + RuleLine.text(rule, words: words), indent: 0, hanging: 2) }
        }
        var parameters: [Parameter] = []
        for (rule, _) in outline.rules {
            for parameter in outline.parameters(usedBy: rule) where !parameters.contains(where: { $0.name == parameter.name }) {
                parameters.append(parameter)
            }
        }
        if !parameters.isEmpty {
            out.lines.append("#")
            out.lines.append("# " + words.parametersHeading)
            for parameter in outline.parameters where parameters.contains(where: { $0.name == parameter.name }) {
                let about = parameter.description.map { " — " + $0.text(in: language) } ?? ""
                out.comment("- \(parameter.name) = \(ParameterText.render(parameter.value))\(about)", indent: 0, hanging: 2)
            }
        }
        out.lines.append("")
    }

    /// Writes one field at `indent`; `dash` starts a list item on its line. Rules in `shown` (cited
    /// just above: by an enclosing field or the previous one) are not cited again. Returns the
    /// rules the field cites.
    @discardableResult
    private func write(
        _ field: FieldSpec, steps parent: [PathPattern.Step], path parentPath: String, indent: Int, dash: Bool,
        shown: Set<String>,
        into out: inout Buffer
    ) -> Set<String> {
        let steps = parent + [.key(field.name)]
        let path = parentPath.isEmpty ? field.name : parentPath + "." + field.name
        let type = outline.resolve(field.type)
        if let condition = field.onlyIf {
            switch outline.condition(condition) {
            case false?: return []
            case nil:
                // It applies to some mappings only: shown, commented out, for the applicant to keep or drop.
                var note = words.onlyWhereItApplies
                if let doc = outline.doc(field, in: language) { note += words.colon + doc }
                out.comment("\(field.name): \(placeholder)  # \(note)", indent: indent + (dash ? 2 : 0), width: 400)
                return []
            case true?: break
            }
        }
        var comments: [String] = []
        if let doc = outline.doc(field, in: language) { comments.append(doc) }
        var rules = index.rules(at: steps)
        if case .list = type {
            for rule in index.rules(at: steps + [.anyIndex]) where !rules.contains(where: { $0.id == rule.id }) {
                rules.append(rule)
            }
        }
        let cited = rules.filter { !shown.contains($0.id) }
        comments += cited.map { RuleLine.text($0, words: words) }
        for comment in comments { out.comment(comment, indent: indent) }
        let citedIDs = Set(rules.map(\.id))
        let lead = String(repeating: " ", count: indent) + (dash ? "- " : "")
        let inner = indent + (dash ? 2 : 0) + 2
        if let value = outline.templateValue(field, language: language) {
            out.lines.append("\(lead)\(field.name): \(Self.yaml(value))")
            return citedIDs
        }
        switch type {
        case .map(let fields):
            out.lines.append("\(lead)\(field.name):")
            writeMapping(fields, steps: steps, path: path, indent: inner, dash: false, shown: shown.union(citedIDs), into: &out)
        case .list(let item):
            out.lines.append("\(lead)\(field.name):")
            let itemType = outline.resolve(item.type)
            let itemPath = path + "[0]"
            if case .map(let fields) = itemType {
                writeMapping(
                    fields, steps: steps + [.anyIndex], path: itemPath, indent: inner, dash: true, shown: shown.union(citedIDs),
                    into: &out)
            } else {
                slot(
                    line: String(repeating: " ", count: inner) + "- ", path: itemPath, type: itemType, oneOf: item.oneOf,
                    required: false, into: &out)
            }
        default:
            slot(line: "\(lead)\(field.name): ", path: path, type: type, oneOf: field.oneOf, required: field.required, into: &out)
        }
        return citedIDs
    }

    /// The fields of a mapping; with `dash`, the first one starts a list item.
    private func writeMapping(
        _ fields: [FieldSpec], steps: [PathPattern.Step], path: String, indent: Int, dash: Bool, shown: Set<String>,
        into out: inout Buffer
    ) {
        // Fields that apply to some items only come last, so the item starts with a field it always has.
        let ordered =
            fields.filter { $0.onlyIf == nil || outline.condition($0.onlyIf!) == true }
            + fields.filter { $0.onlyIf != nil && outline.condition($0.onlyIf!) != true }
        var previous: Set<String> = []
        for (offset, field) in ordered.enumerated() {
            previous = write(
                field, steps: steps, path: path, indent: dash && offset > 0 ? indent + 2 : indent, dash: dash && offset == 0,
                shown: shown.union(previous), into: &out)
        }
    }

    /// A line ending in a placeholder, with the type (and code list) in a trailing comment.
    private func slot(line: String, path: String, type: TypeSpec, oneOf: [String]?, required: Bool, into out: inout Buffer) {
        var about = outline.vocabulary("type.\(type.vocabularyKey)", in: language) ?? type.vocabularyKey
        if required { about += ", " + words.required }
        if let oneOf { about += words.semicolon + words.oneOf + words.colon + oneOf.joined(separator: ", ") }
        out.slots.append(
            Template.Slot(
                line: out.lines.count + 1, column: line.unicodeScalars.count + 1, path: path, placeholder: placeholder,
                type: type,
                oneOf: oneOf))
        out.lines.append("\(line)\(placeholder)  # \(about)")
    }

    /// A template value written as YAML.
    static func yaml(_ value: CELValue) -> String {
        switch value {
        case .string(let text): YAMLText.scalar(text)
        case .int(let i): String(i)
        case .uint(let u): String(u)
        case .bool(let b): b ? "true" : "false"
        case .double(let d): String(d)
        case .decimal(let d): "\(d)"
        case .list(let items): "[" + items.map(yaml).joined(separator: ", ") + "]"
        default: "null"
        }
    }
}
