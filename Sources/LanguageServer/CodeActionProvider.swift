import Describe
import DossierModel
import Foundation
import LanguageServerProtocol
import Policy
import Validators

/// The fixes offered for the findings at a range: the remedy the checker knows (a misspelt key
/// renamed, an off value replaced by the complying one), a missing section inserted from the
/// kind's template, and an inline suppression comment with a reason to fill in.
struct CodeActionProvider {
    let uri: String
    let builder: DiagnosticBuilder

    func actions(_ analysis: DossierAnalysis, in range: LanguageServerProtocol.Range) -> [CodeAction] {
        let source = analysis.source
        var actions: [CodeAction] = []
        let findings = analysis.openFindings
        for (document, finding) in findings {
            let findingRange = DiagnosticBuilder.range(of: finding, in: source)
            guard findingRange.start.line <= range.end.line, range.start.line <= findingRange.end.line else { continue }
            let diagnostic = builder.diagnostic(finding, in: source)
            let key = finding.path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? $0) } ?? ""
            switch finding.remedy {
            case .renameKey(let suggestion)?:
                let title = Self.words(document.language).rename(from: source.text(in: findingRange), to: suggestion)
                actions.append(action(title, diagnostic, preferred: true, TextEdit(range: findingRange, newText: suggestion)))
            case .setValue(let yaml, let shown)?:
                actions.append(
                    action(
                        Self.words(document.language).set(key, to: shown), diagnostic, preferred: true,
                        TextEdit(range: findingRange, newText: yaml)))
            case nil:
                break
            }
            actions += missingSections(for: finding, diagnostic: diagnostic, in: analysis, document: document.startLine)
            if finding.rule != "HDR-004" {
                actions.append(suppression(of: finding, diagnostic: diagnostic, source: source, language: document.language))
            }
        }
        return actions
    }

    private func action(_ title: String, _ diagnostic: Diagnostic, preferred: Bool = false, _ edit: TextEdit) -> CodeAction {
        CodeAction(
            title: title, diagnostics: [diagnostic], isPreferred: preferred ? true : nil,
            edit: WorkspaceEdit(changes: [uri: [edit]]))
    }

    /// `# dossiercheck-disable RULE: reason` on its own line above the finding's, indented alike.
    private func suppression(of finding: Finding, diagnostic: Diagnostic, source: SourceText, language: Language) -> CodeAction {
        let line = diagnostic.range.start.line
        let indent = String(source.lineText(line).prefix { $0 == " " })
        let comment = "\(indent)# \(InlineSuppression.marker) \(finding.rule): \(Self.words(language).reasonToFillIn)\n"
        let at = Position(line: line, character: 0)
        return action(
            Self.words(language).suppress(finding.rule), diagnostic,
            TextEdit(range: LanguageServerProtocol.Range(start: at, end: at), newText: comment))
    }

    /// A top-level section the finding is about that the dossier lacks, inserted at the dossier's
    /// end as the kind's template writes it (comments and placeholders included).
    private func missingSections(for finding: Finding, diagnostic: Diagnostic, in analysis: DossierAnalysis, document start: Int)
        -> [CodeAction]
    {
        guard finding.remedy == nil, finding.path.isEmpty || !finding.path.contains("."),
            let context = DocumentContext(analysis, line: max(start, 1)),
            let root = context.root
        else { return [] }
        let said = finding.message + " " + (finding.help ?? "")
        let missing = context.outline.fields.filter { field in
            root[field.name] == nil
                && (field.coveredBy == finding.rule || Self.names(said, field.name))
                && (field.onlyIf.map { context.outline.condition($0) == true } ?? true)
        }
        guard !missing.isEmpty else { return [] }
        let template = TemplateWriter(outline: context.outline, language: context.language).write().text
        // At the end of the file, or before the `---` of the next dossier.
        var position = Position(line: max(context.lines.upperBound - 1, 0), character: 0)
        var prefix = ""
        if context.lines.upperBound == Int.max {
            let last = analysis.source.lineCount - 1
            let lastText = analysis.source.lineText(last)
            position = Position(line: last, character: lastText.utf16.count)
            if !lastText.isEmpty { prefix = "\n" }
        }
        return missing.compactMap { field in
            guard let block = Self.section(field.name, of: template) else { return nil }
            return action(
                Self.words(context.language).insert(field.name), diagnostic,
                TextEdit(range: LanguageServerProtocol.Range(start: position, end: position), newText: prefix + block))
        }
    }

    /// Whether `text` names `word` as a whole word (`statutes`, not `statutes_date`).
    static func names(_ text: String, _ word: String) -> Bool { KeySuggestion.names(text, word) }

    /// The lines of a template's top-level `name:` entry, with the comments just above it.
    static func section(_ name: String, of template: String) -> String? {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0 == "\(name):" || $0.hasPrefix("\(name): ") }) else { return nil }
        var first = start
        while first > 0, lines[first - 1].hasPrefix("# ") || lines[first - 1] == "#" { first -= 1 }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("-") { end += 1 }
        // A comment block that belongs to the next entry stays with it.
        return lines[first..<end].joined(separator: "\n") + "\n"
    }

    static func words(_ language: Language) -> ActionWords { ActionWords(language: language) }
}

/// The titles of the actions, in the dossier's language.
struct ActionWords {
    let language: Language

    func rename(from key: String, to suggestion: String) -> String {
        switch language.words {
        case .en: "Rename `\(key)` to `\(suggestion)`"
        case .nl: "Wijzig `\(key)` in `\(suggestion)`"
        case .fr: "Renommer `\(key)` en `\(suggestion)`"
        case .de: "`\(key)` in `\(suggestion)` umbenennen"
        }
    }

    func set(_ key: String, to value: String) -> String {
        switch language.words {
        case .en: "Set \(key) to \(value)"
        case .nl: "Zet \(key) op \(value)"
        case .fr: "Mettre \(key) à \(value)"
        case .de: "\(key) auf \(value) setzen"
        }
    }

    func insert(_ section: String) -> String {
        switch language.words {
        case .en: "Insert the section `\(section)` from the template"
        case .nl: "Voeg het onderdeel `\(section)` uit het sjabloon in"
        case .fr: "Insérer la section `\(section)` du modèle"
        case .de: "Abschnitt `\(section)` aus der Vorlage einfügen"
        }
    }

    /// What `# dossiercheck-disable` gets as its reason, for the applicant to replace.
    var reasonToFillIn: String {
        switch language.words {
        case .en: "<why this dossier may depart from the rule>"
        case .nl: "<waarom dit dossier van de regel mag afwijken>"
        case .fr: "<pourquoi ce dossier peut s'écarter de la règle>"
        case .de: "<warum dieses Dossier von der Regel abweichen darf>"
        }
    }

    func suppress(_ rule: String) -> String {
        switch language.words {
        case .en: "Suppress \(rule) here (a comment with a reason to fill in)"
        case .nl: "Onderdruk \(rule) hier (een commentaar met een reden in te vullen)"
        case .fr: "Désactiver \(rule) ici (un commentaire avec une raison à compléter)"
        case .de: "\(rule) hier unterdrücken (ein Kommentar mit einer Begründung zum Ausfüllen)"
        }
    }
}

extension SourceText {
    /// The text of a one-line range.
    func text(in range: LanguageServerProtocol.Range) -> String {
        let from = index(range.start)
        let to = index(range.end)
        return from < to ? String(String.UnicodeScalarView(text.unicodeScalars[from..<to])) : ""
    }
}
