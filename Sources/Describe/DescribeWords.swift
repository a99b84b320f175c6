import Reporting
import Validators

/// The tool's own words in templates, explanations, rule lists and the funding view, in the four
/// languages. What a field or rule is comes from the rule sets; these only frame it.
public struct DescribeWords: Sendable {
    public let language: Language
    public let report: ReportVocabulary

    public init(_ language: Language) {
        self.language = language
        self.report = ReportVocabulary(language)
    }

    func pick(_ en: String, _ nl: String, _ fr: String, _ de: String) -> String {
        switch language.words {
        case .en: en
        case .nl: nl
        case .fr: fr
        case .de: de
        }
    }

    var colon: String { language == .fr ? " : " : ": " }
    var semicolon: String { language == .fr ? " ; " : "; " }

    // MARK: templates

    func templateHeading(programme: String, kind: String) -> String {
        pick(
            "\(programme): dossier template (kind `\(kind)`)", "\(programme): sjabloon voor een dossier (soort `\(kind)`)",
            "\(programme) : modèle de dossier (type `\(kind)`)", "\(programme): Dossiervorlage (Art `\(kind)`)")
    }

    /// What `init -o FILE` says once the template is written.
    public func templateWritten(_ file: String, kind: String, placeholders: Int) -> String {
        let next = "`dossiercheck check \(file)`"
        return pick(
            "dossiercheck: wrote \(file) (\(kind), \(placeholders) placeholders to fill in); then run \(next)",
            "dossiercheck: \(file) geschreven (\(kind), \(placeholders) plaatsen in te vullen); voer daarna \(next) uit",
            "dossiercheck : \(file) écrit (\(kind), \(placeholders) emplacements à compléter) ; lancez ensuite \(next)",
            "dossiercheck: \(file) geschrieben (\(kind), \(placeholders) Platzhalter auszufüllen); danach \(next) ausführen")
    }

    func schemaHeading(kind: String) -> String {
        pick(
            "The structure of a dossier of kind `\(kind)`, from its rule sets (dossiercheck schema).",
            "De structuur van een dossier van soort `\(kind)`, volgens de regelsets (dossiercheck schema).",
            "La structure d'un dossier du type `\(kind)`, d'après ses jeux de règles (dossiercheck schema).",
            "Die Struktur eines Dossiers der Art `\(kind)`, nach seinen Regelwerken (dossiercheck schema).")
    }

    func templateInstructions(placeholder: String, kind: String) -> [String] {
        [
            pick(
                "Replace every \(placeholder) with what the comment above it asks for, and delete what does not apply.",
                "Vervang elke \(placeholder) door wat de opmerking erboven vraagt, en schrap wat niet van toepassing is.",
                "Remplacez chaque \(placeholder) par ce que demande le commentaire qui le précède, et supprimez ce qui ne s'applique pas.",
                "Ersetzen Sie jedes \(placeholder) durch das, was der Kommentar darüber verlangt, und löschen Sie, was nicht zutrifft."
            ),
            pick(
                "A list shows one item: copy it for every further item.",
                "Een lijst toont één element: kopieer het voor elk volgend element.",
                "Une liste montre un élément : copiez-le pour chaque élément supplémentaire.",
                "Eine Liste zeigt ein Element: kopieren Sie es für jedes weitere Element."),
            pick(
                "Then check the dossier:  dossiercheck check FILE", "Controleer daarna het dossier:  dossiercheck check BESTAND",
                "Vérifiez ensuite le dossier :  dossiercheck check FICHIER",
                "Prüfen Sie dann das Dossier:  dossiercheck check DATEI"),
            pick(
                "For completion and checks while you type (YAML language server), write the schema beside the file:",
                "Voor aanvulling en controle tijdens het typen (YAML language server), schrijf het schema naast het bestand:",
                "Pour la complétion et la vérification pendant la saisie (YAML language server), écrivez le schéma à côté du fichier :",
                "Für Vervollständigung und Prüfung beim Tippen (YAML Language Server) schreiben Sie das Schema neben die Datei:"),
            "  dossiercheck schema \(kind) -o \(kind).schema.json",
            pick(
                "and make this the file's first line:", "en maak dit de eerste regel van het bestand:",
                "et faites de cette ligne la première du fichier :", "und machen Sie dies zur ersten Zeile der Datei:"),
            "  # yaml-language-server: $schema=\(kind).schema.json",
        ]
    }

    var fundingHint: [String] {
        [
            pick(
                "The money plan, row by row, as the rules compute it:",
                "Het financieel plan, regel per regel, zoals de regels het berekenen:",
                "Le plan financier, ligne par ligne, tel que les règles le calculent :",
                "Der Finanzplan, Zeile für Zeile, wie die Regeln ihn berechnen:"),
            "  dossiercheck funding " + pick("FILE", "BESTAND", "FICHIER", "DATEI"),
        ]
    }

    var wholeDossierRules: String {
        pick(
            "Rules for the whole dossier:", "Regels voor het hele dossier:", "Règles portant sur tout le dossier :",
            "Regeln für das ganze Dossier:")
    }

    var parametersHeading: String {
        pick(
            "Parameters of this call (the limits the rules apply):",
            "Parameters van deze oproep (de grenzen die de regels toepassen):",
            "Paramètres de cet appel (les limites qu'appliquent les règles) :",
            "Parameter dieses Aufrufs (die Grenzen, die die Regeln anwenden):")
    }

    var required: String { pick("required", "verplicht", "obligatoire", "Pflichtangabe") }
    var oneOf: String { pick("one of", "een van", "l'un de", "einer von") }
    var onlyWhereItApplies: String {
        pick("only where it applies", "alleen waar van toepassing", "uniquement s'il y a lieu", "nur wo zutreffend")
    }

    // MARK: explanations

    var ruleSet: String { pick("Rule set", "Regelset", "Jeu de règles", "Regelwerk") }
    var source: String { pick("Source", "Bron", "Source", "Quelle") }
    var derivedFrom: String { pick("Derived from", "Afgeleid van", "Dérivé de", "Abgeleitet von") }
    var call: String { pick("Call", "Oproep", "Appel", "Aufruf") }
    var checkedAs: String {
        pick(
            "How it is checked (CEL)", "Hoe het gecontroleerd wordt (CEL)", "Comment c'est vérifié (CEL)",
            "Wie es geprüft wird (CEL)")
    }
    var parameters: String { pick("Parameters", "Parameters", "Paramètres", "Parameter") }
    var passingExamples: String {
        pick("Passing examples", "Voorbeelden die voldoen", "Exemples conformes", "Beispiele, die bestehen")
    }
    var failingExamples: String {
        pick("Failing examples", "Voorbeelden die niet voldoen", "Exemples non conformes", "Beispiele, die nicht bestehen")
    }
    var builtin: String {
        pick(
            "Carried out by the checker itself on the structure the rule sets declare.",
            "Uitgevoerd door de controletool zelf, op de structuur die de regelsets beschrijven.",
            "Exécutée par l'outil lui-même sur la structure que décrivent les jeux de règles.",
            "Vom Prüfprogramm selbst ausgeführt, anhand der Struktur, die die Regelwerke beschreiben.")
    }
    var forEach: String { pick("for each", "voor elk", "pour chaque", "für jedes") }
    var when: String { pick("when", "als", "si", "wenn") }
    var check: String { pick("check", "controle", "vérifie", "prüft") }
    var at: String { pick("at", "bij", "à", "bei") }
    var noFinding: String { pick("no finding", "geen bevinding", "aucun constat", "kein Befund") }
    var fields: String {
        pick("Fields it judges", "Velden die het beoordeelt", "Champs qu'elle examine", "Felder, die sie prüft")
    }

    // MARK: lists and funding

    var ruleHeading: String { pick("rule", "regel", "règle", "Regel") }
    var severityHeading: String { pick("severity", "ernst", "gravité", "Schwere") }
    var titleHeading: String { pick("title", "titel", "titre", "Titel") }
    var sourceHeading: String { pick("source", "bron", "source", "Quelle") }

    func heading(_ column: FundingColumn) -> String {
        switch column {
        case .eligible: pick("eligible", "subsidiabel", "éligible", "förderfähig")
        case .rate: pick("rate", "percentage", "taux", "Satz")
        case .cap: pick("cap", "plafond", "plafond", "Obergrenze")
        case .maxAid: pick("max. aid", "max. steun", "aide max.", "max. Förderung")
        case .requested: pick("requested", "gevraagd", "demandé", "beantragt")
        }
    }

    var difference: String { pick("difference", "verschil", "écart", "Differenz") }
    var findings: String { pick("findings", "bevindingen", "constats", "Befunde") }

    func noFundingView(kind: String) -> String {
        pick(
            "the rule sets of kind `\(kind)` have no money rules, so there is no funding view",
            "de regelsets van soort `\(kind)` hebben geen geldregels, dus er is geen financieringsoverzicht",
            "les jeux de règles du type `\(kind)` n'ont aucune règle financière : il n'y a pas de vue du financement",
            "die Regelwerke der Art `\(kind)` haben keine Geldregeln, daher gibt es keine Finanzierungsübersicht")
    }

    var overLimit: String {
        pick(
            "a negative difference is a request above what the rules allow",
            "een negatief verschil is een aanvraag boven wat de regels toestaan",
            "un écart négatif est une demande supérieure à ce que les règles autorisent",
            "eine negative Differenz ist ein Antrag über dem, was die Regeln zulassen")
    }
}
