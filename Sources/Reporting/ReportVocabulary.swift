import Validators

/// The words of the report for people, in the four languages: the diagnostics' labels, where a
/// rule comes from, and the summary. Rule messages come from the rule sets; these are the tool's.
public struct ReportVocabulary: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ en: String, _ nl: String, _ fr: String, _ de: String) -> String {
        switch language.words {
        case .en: en
        case .nl: nl
        case .fr: fr
        case .de: de
        }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("error", "fout", "erreur", "Fehler")
        case .warning: pick("warning", "waarschuwing", "avertissement", "Warnung")
        case .info: pick("info", "info", "info", "Info")
        }
    }

    public var note: String { pick("note", "opmerking", "note", "Hinweis") }
    public var help: String { pick("help", "hulp", "aide", "Hilfe") }
    public var path: String { pick("path", "pad", "chemin", "Pfad") }
    public var suppressed: String { pick("suppressed", "onderdrukt", "neutralisé", "unterdrückt") }
    public var waived: String { pick("waived", "ontheven", "dérogation", "Ausnahme") }
    public var reason: String { pick("reason", "reden", "motif", "Grund") }

    public func until(_ date: String) -> String {
        pick("until \(date)", "tot en met \(date)", "jusqu'au \(date)", "bis \(date)")
    }

    /// `programme; citation`: what a finding's note says of its rule. The citation (`report
    /// "Clusterbeleid in Europa", §7.4.2`) comes from the rule set's `sources:`, in the note's language.
    public func provenance(programme: String?, citation: String?) -> String? {
        let parts = [programme, citation].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: pick("; ", "; ", " ; ", "; "))
    }

    public func cannotRead(_ path: String, _ error: String) -> String {
        pick(
            "cannot read \(path): \(error)", "kan \(path) niet lezen: \(error)", "impossible de lire \(path) : \(error)",
            "\(path) kann nicht gelesen werden: \(error)")
    }

    /// The pointer to `dossiercheck explain`, with a rule of the report as the example.
    public func explainHint(_ rule: String) -> String {
        let command = "`dossiercheck explain \(rule)`"
        return pick(
            "for more on a rule, its source and its examples, run \(command)",
            "meer over een regel, de bron en de voorbeelden: \(command)",
            "pour en savoir plus sur une règle, sa source et ses exemples : \(command)",
            "mehr zu einer Regel, ihrer Quelle und ihren Beispielen: \(command)")
    }

    /// `3 errors` — the number with the noun, singular or plural as the language wants it.
    func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        let one = language == .fr ? n <= 1 : n == 1
        return "\(n) \(one ? singular : plural)"
    }

    /// The one-line verdict of a run.
    public func summary(_ s: CheckReport.Summary) -> String {
        var parts = [
            count(s.errors, severity(.error), pick("errors", "fouten", "erreurs", "Fehler")),
            count(s.warnings, severity(.warning), pick("warnings", "waarschuwingen", "avertissements", "Warnungen")),
            count(s.infos, severity(.info), pick("infos", "info", "infos", "Infos")),
        ]
        if s.suppressed > 0 {
            parts.append(count(s.suppressed, suppressed, pick("suppressed", "onderdrukt", "neutralisés", "unterdrückt")))
        }
        if s.waived > 0 {
            parts.append(
                count(
                    s.waived, pick("waived", "ontheven", "sous dérogation", "mit Ausnahme"),
                    pick("waived", "ontheven", "sous dérogation", "mit Ausnahme")))
        }
        if s.notYetCheckable > 0 {
            parts.append(
                count(
                    s.notYetCheckable, pick("rule", "regel", "règle", "Regel"), pick("rules", "regels", "règles", "Regeln"))
                    + pick(
                        " not yet checkable (placeholders)", " nog niet te controleren (in te vullen waarden)",
                        s.notYetCheckable > 1
                            ? " pas encore vérifiables (valeurs à compléter)" : " pas encore vérifiable (valeur à compléter)",
                        " noch nicht prüfbar (Platzhalter)"))
        }
        if s.baselined > 0 {
            parts.append(
                "\(s.baselined) " + pick("in the baseline", "in de baseline", "dans la référence (baseline)", "in der Baseline"))
        }
        if s.unreadable > 0 {
            parts.append(
                count(
                    s.unreadable, pick("unreadable", "onleesbaar", "illisible", "nicht lesbar"),
                    pick("unreadable", "onleesbaar", "illisibles", "nicht lesbar")))
        }
        if s.skipped > 0 {
            parts.append(
                count(
                    s.skipped, pick("YAML file", "YAML-bestand", "fichier YAML", "YAML-Datei"),
                    pick("YAML files", "YAML-bestanden", "fichiers YAML", "YAML-Dateien"))
                    + pick(
                        " without a dossier header skipped", " zonder dossierkop overgeslagen",
                        s.skipped > 1 ? " sans en-tête de dossier ignorés" : " sans en-tête de dossier ignoré",
                        " ohne Dossierkopf übersprungen"))
        }
        let dossiers = count(s.dossiers, "dossier", "dossiers")
        let files = count(s.files, pick("file", "bestand", "fichier", "Datei"), pick("files", "bestanden", "fichiers", "Dateien"))
        let checked =
            switch language.words {
            case .en: "checked \(dossiers) in \(files)"
            case .nl: "\(dossiers) in \(files) gecontroleerd"
            case .fr: "\(dossiers) vérifié\(s.dossiers > 1 ? "s" : "") dans \(files)"
            case .de: "\(count(s.dossiers, "Dossier", "Dossiers")) in \(files) geprüft"
            }
        return checked + pick(": ", ": ", " : ", ": ") + parts.joined(separator: ", ")
    }
}
